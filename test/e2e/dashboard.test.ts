/**
 * In a real browser against the H5 build, on the seeded demo township: the office opens 统计看板 and
 * every chart is drawn as bars (plain views, no canvas: the same in the weapp and its runtimes), each
 * bar as long as its value's share of the scale, with the same values listed as text under it; a
 * village filter draws the charts again for that village.
 */
import path from 'node:path'
import type { Page } from 'playwright-core'
import { loginAs, screenshots, startBrowserHarness, type BrowserHarness } from './browser'

jest.setTimeout(120_000)

let h: BrowserHarness
beforeAll(async () => {
  h = await startBrowserHarness()
})
afterAll(() => h?.stop())

const officeId = async (): Promise<string> => {
  const people = await h.server.deps.store.find('people', {})
  const office = people.find((p) => p.roles.includes('cadre') && p.duty === 'office' && !p.roles.includes('supervisor') && !p.roles.includes('leader'))
  if (!office) throw new Error('no office cadre in the seed')
  return office.id
}

/** Each bar's fill as a share of its track (0-1), in the order drawn. */
const barShares = (page: Page, chart: string): Promise<number[]> =>
  page.locator(`${chart} .mq-bars__row`).evaluateAll((rows) =>
    rows.map((row) => {
      const track = row.querySelector('.mq-bars__track')!.getBoundingClientRect().width
      const fill = row.querySelector('.mq-bars__fill')!.getBoundingClientRect().width
      return track > 0 ? fill / track : -1
    }),
  )

/** The number at the end of a value row ("红庆河嘎查12天" -> 12, "响应率85%" -> 85, 暂无 -> 0). */
const valueOf = (row: string): number => Number(/(\d+)(天|%)$/.exec(row)?.[1] ?? 0)

it('the office dashboard draws its charts as bars and lists every value as text', async () => {
  const page = await h.newPage()
  await loginAs(h, page, await officeId())
  await page.locator('.entry-dashboard').first().click()
  await page.locator('.dashboard .chart-villages .mq-bars__row').first().waitFor({ timeout: 20_000 })

  // One bar per value row; each bar's length is its value's share of the scale (the rates of 100%,
  // the days of the largest value, which is drawn full).
  for (const chart of ['.chart-rates', '.chart-villages', '.chart-cadres']) {
    const rows = await page.locator(`${chart} .mq-chart-values__row`).allTextContents()
    const shares = await barShares(page, chart)
    expect(shares).toHaveLength(rows.length)
    const values = rows.map(valueOf)
    const top = chart === '.chart-rates' ? 100 : Math.max(1, ...values)
    values.forEach((v, i) => expect(shares[i]).toBeCloseTo(v / top, 1))
  }
  // The largest value is drawn full (all bars empty when the month has no signed day yet).
  const villageDays = (await page.locator('.chart-villages .mq-chart-values__row').allTextContents()).map(valueOf)
  expect(Math.max(...(await barShares(page, '.chart-villages')))).toBeCloseTo(Math.max(...villageDays) > 0 ? 1 : 0, 2)

  // The values as text: three rates, and one row per village with its days.
  const rates = await page.locator('.chart-rates .mq-chart-values__row').allTextContents()
  expect(rates).toHaveLength(3)
  expect(rates[0]).toMatch(/^响应率(\d+%|暂无)$/)
  const villages = await page.locator('.chart-villages .mq-chart-values__row').allTextContents()
  const seeded = await h.server.deps.store.find('villages', {})
  expect(villages.length).toBeGreaterThan(1)
  for (const row of villages) expect(row).toMatch(/\d+天$/)
  const names = seeded.map((v) => v.name)
  for (const row of villages) expect(names).toContain(row.replace(/\d+天$/, ''))
  expect(await page.locator('.chart-villages .mq-chart-values__row').first().getAttribute('aria-label')).toMatch(/：\d+天$/)
  await page.locator('.chart-villages').first().screenshot({ path: path.join(screenshots, 'office-dashboard-villages.png') })

  // Filter by one village: the village chart draws again with that village only.
  const village = villages[0].replace(/\d+天$/, '')
  await page.locator('.filter-village .mq-choice__item', { hasText: village }).first().click()
  await page.locator('.chart-villages .mq-chart-values__row').nth(1).waitFor({ state: 'detached', timeout: 20_000 })
  expect(await page.locator('.chart-villages .mq-chart-values__row').allTextContents()).toEqual([villages[0]])
  // Alone, the village's bar is the whole scale (unless it signed no day at all).
  expect(await barShares(page, '.chart-villages')).toEqual([valueOf(villages[0]) > 0 ? 1 : 0])
})
