/**
 * In a real browser against the H5 build, on the seeded demo township: the office opens 统计看板 and
 * every chart is drawn by F2 on its canvas (non-transparent pixels counted with getImageData) with the
 * same values listed as text under it; a village filter draws the charts again for that village.
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

/** How many pixels of the chart's canvas are not transparent (0 = nothing drawn). */
const paintedPixels = (page: Page, chart: string): Promise<number> =>
  page.locator(`${chart} canvas`).first().evaluate((el) => {
    const canvas = el as HTMLCanvasElement
    if (!canvas.width || !canvas.height) return 0
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
    let n = 0
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++
    return n
  })

/** Waits until the chart has drawn more than `min` pixels (F2 renders asynchronously). */
const drawn = async (page: Page, chart: string, min = 2000): Promise<number> => {
  const end = Date.now() + 20_000
  for (;;) {
    const n = await paintedPixels(page, chart)
    if (n > min || Date.now() > end) return n
    await new Promise((r) => setTimeout(r, 200))
  }
}

it('the office dashboard draws its charts with F2 and lists every value as text', async () => {
  const page = await h.newPage()
  await loginAs(h, page, await officeId())
  await page.locator('.entry-dashboard').first().click()
  await page.locator('.dashboard .chart-villages canvas').first().waitFor({ timeout: 20_000 })

  for (const chart of ['.chart-rates', '.chart-villages', '.chart-cadres']) {
    expect(await drawn(page, chart)).toBeGreaterThan(2000)
  }
  // The canvas is sized for the screen's pixel ratio (2 in this viewport), not stretched.
  const size = await page.locator('.chart-villages canvas').first().evaluate((el) => {
    const c = el as HTMLCanvasElement
    return { width: c.width, cssWidth: c.getBoundingClientRect().width }
  })
  expect(size.width).toBe(Math.round(size.cssWidth * 2))

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
  expect(await drawn(page, '.chart-villages', 500)).toBeGreaterThan(500)
})
