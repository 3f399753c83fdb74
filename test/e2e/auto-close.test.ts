/**
 * selfhost (issue 11 item 7): in a real browser against the H5 build, the office's month list says
 * from which day last month closes by itself (自动结账, settings.monthClose.autoDay), and says it
 * only while nobody decided: once the office closes the month by hand the line is gone (and the
 * timer leaves the month alone); an older open month, which the timer never takes, has no line.
 * Screenshots (normal and elder mode, 390x844): .tmp/e2e/office-auto-close-*.png.
 */
import path from 'node:path'
import type { Page } from 'playwright-core'
import { DEFAULT_SETTINGS } from '../../src/core/settings'
import { runAutoClose } from '../../src/server/features/office/auto-close'
import { loginAs, screenshots, startBrowserHarness, type BrowserHarness } from './browser'
import { listedPeople } from './contexts'

jest.setTimeout(180_000)

const AUTO_DAY = 20

let h: BrowserHarness
beforeAll(async () => {
  h = await startBrowserHarness({ settings: { ...DEFAULT_SETTINGS, monthClose: { autoDay: AUTO_DAY } } })
})
afterAll(() => h?.stop())

/** A month `back` months before this one, in Beijing time (YYYY-MM). */
const monthBack = (back: number): string => {
  const d = new Date(Date.now() + 8 * 3_600_000)
  const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1))
  return `${m.getUTCFullYear()}-${String(m.getUTCMonth() + 1).padStart(2, '0')}`
}

const officePerson = async (): Promise<string> =>
  (await listedPeople(h, (p) => p.roles.includes('cadre') && p.duty === 'office' && !p.roles.includes('supervisor') && !p.roles.includes('leader')))[0]!.id

/** From the home page's office entry, or (after a reload) right where the page is: the month list. */
const openMonths = async (page: Page) => {
  await page.locator('.entry-office, .close-panel').first().waitFor({ timeout: 30_000 })
  if ((await page.locator('.close-panel').count()) === 0) await page.locator('.entry-office .at-button, .entry-office').first().click()
  await page.locator(`.close-panel .period-${monthBack(1)}`).waitFor({ timeout: 30_000 })
}

it('the office sees from which day last month closes by itself, and no such line once it closed the month itself', async () => {
  const last = monthBack(1)
  const older = monthBack(2)
  const thisMonth = Number(monthBack(0).slice(5, 7))
  // The seeded township leaves last month open (older months too, or closed: either way no line).
  expect((await h.server.deps.store.get('periods', `${(await h.server.deps.store.find('townships', {}))[0]?.id}:${last}`))?.status ?? 'none').not.toBe('closed')

  const page = await h.newPage()
  await loginAs(h, page, await officePerson())
  await openMonths(page)
  const row = page.locator(`.period-${last}`)
  const line = row.locator('.period-auto-close-on')
  await line.waitFor({ timeout: 20_000 })
  // Before the day: from when; on or after it (the timer's next run closes it): that it is due.
  const today = new Date(Date.now() + 8 * 3_600_000).getUTCDate()
  expect(await line.textContent()).toBe(
    today >= AUTO_DAY
      ? `已到自动结账日（${thisMonth}月${AUTO_DAY}日），系统很快会自动结账并公示（办公室先结账则不再自动结账）`
      : `${thisMonth}月${AUTO_DAY}日起将自动结账并公示（办公室先结账则不再自动结账）`,
  )
  expect(await page.locator(`.period-${older} .period-auto-close-on`).count()).toBe(0)
  await row.scrollIntoViewIfNeeded()
  await page.screenshot({ path: path.join(screenshots, 'office-auto-close-normal.png') })

  // Elder mode (长辈版, remembered in storage): the same line, larger.
  await page.evaluate(() => localStorage.setItem('mq.elder', JSON.stringify({ data: 'on' })))
  await page.goto(`${h.server.url}/`)
  await openMonths(page)
  await row.locator('.period-auto-close-on').waitFor({ timeout: 20_000 })
  expect(await page.evaluate(() => document.documentElement.classList.contains('mq-elder'))).toBe(true)
  await row.scrollIntoViewIfNeeded()
  await page.screenshot({ path: path.join(screenshots, 'office-auto-close-elder.png') })

  // The office closes last month by hand: the posting first, then the confirmation.
  await row.locator('.close-button').click()
  await page.locator('.mq-confirm .mq-confirm__preview .posting-row').first().waitFor({ timeout: 30_000 })
  await page.locator('.mq-confirm .at-button.confirm-ok').click()
  await row.locator('.posting-link').waitFor({ timeout: 30_000 })
  expect(await row.locator('.period-head').textContent()).toContain('已结账')
  expect(await row.locator('.period-auto-close-on').count()).toBe(0)

  // The timer, whenever it runs, leaves the office's month alone; after a reload still no line.
  const run = await runAutoClose(h.server.deps)
  expect(run.closed).toEqual([])
  await page.reload()
  await openMonths(page)
  await row.locator('.posting-link').waitFor({ timeout: 30_000 })
  expect(await row.locator('.period-auto-close-on').count()).toBe(0)
  expect(await row.locator('.period-auto-close').count()).toBe(0)
})
