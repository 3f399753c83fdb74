/**
 * The township office's and the supervision group's screens, looked at (issue 12, look-b); the
 * walk of every screen at 390x844 in normal and elder mode and at 1280x800 (the office works at a PC
 * too), with its wrap and cut-off checks, is in walkthrough-office/-supervision.test.ts. What was
 * fixed after looking, asserted in the browser:
 * - the month-end close list: only the month that can be closed now offers 结账, closed months show
 *   their state, the button is in proportion (not a full-width red bar on every month);
 * - no score label ("群众（占 10%）") wraps at 390 px on a cadre's record;
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { apiCall, startBrowserHarness, tokenFor, type BrowserHarness } from './browser'
import type { Person } from '../../src/core/model'
import { goTo, listedPeople, loadAt, personPages, settled } from './contexts'
import { lastMonth, shots } from './walk'

jest.setTimeout(900_000)

const out = path.resolve(__dirname, '../../.tmp/look-b')

let h: BrowserHarness
beforeAll(async () => {
  h = await startBrowserHarness()
  fs.mkdirSync(out, { recursive: true })
})
// One context per person and viewport for the file; elder mode is set in storage before a load.
const pages = personPages(() => h)
afterAll(async () => {
  await pages.close()
  await h?.stop()
})

const api = <T = unknown>(action: string, input: unknown, token?: string) => apiCall<T>(h, action, input, token)

const listed = async (match: (p: Person) => boolean): Promise<string> => (await listedPeople(h, match))[0]!.id

const officeId = () => listed((p) => p.roles.includes('cadre') && p.duty === 'office' && !p.roles.includes('supervisor') && !p.roles.includes('leader'))
const supervisorId = () => listed((p) => p.roles.includes('supervisor'))

const SIZES = [
  { name: '390', width: 390, height: 844, elder: false },
  { name: '390-elder', width: 390, height: 844, elder: true },
  { name: '1280', width: 1280, height: 800, elder: false },
] as const
type Size = (typeof SIZES)[number]

const elderOf = new WeakMap<Page, boolean>()

/** The person's page of this file at `size` (a test's screens start with `open`: a full load in the size's mode). */
const pageFor = async (personId: string, size: Size): Promise<Page> => {
  const page = await pages.page(personId, { width: size.width, height: size.height, deviceScaleFactor: 1 })
  elderOf.set(page, size.elder)
  return page
}

/** Opens a screen with a full load (elder mode or not) and waits until nothing spins. */
const open = async (page: Page, hash: string) => {
  await loadAt(h, page, hash, { 'mq.elder': elderOf.get(page) ? 'on' : 'off' })
  await settled(page)
}

/** Moves to another screen in the loaded app and waits until nothing spins. */
const move = async (page: Page, hash: string) => {
  await goTo(h, page, hash)
  await settled(page)
}

/** The month list's rows: which offer 结账, and how wide that button is against its row. */
const monthList = async (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('.period-row')).map((row) => {
      const button = row.querySelector('.close-button')
      const rowBox = row.getBoundingClientRect()
      const buttonBox = button?.getBoundingClientRect()
      return {
        period: Array.from(row.classList).find((c) => /^period-\d{4}-\d{2}$/.test(c))!.slice('period-'.length),
        state: (row.querySelector('.office-tag')?.textContent ?? '').trim(),
        offers: button !== null,
        share: buttonBox ? buttonBox.width / rowBox.width : 0,
        why: (row.querySelector('.period-older, .period-wait, .period-calendar')?.textContent ?? '').trim(),
      }
    }),
  )

it('only the closable month offers 结账, in proportion; closed months show their state; a reopened month is offered again', async () => {
  const token = await tokenFor(h, await officeId())
  const last = lastMonth()
  for (const size of [SIZES[0], SIZES[2]]) {
    const page = await pageFor(await officeId(), size)
    await open(page, '/subpackages/office/index/index')
    await page.locator('.period-row').first().waitFor()
    const rows = await monthList(page)
    expect(rows).toHaveLength(6)
    // Nothing closed yet: last month only (the month that just ended); the older ones say why not.
    expect(rows.filter((r) => r.offers).map((r) => r.period)).toEqual([last])
    expect(rows.every((r) => r.state === '未结账')).toBe(true)
    expect(rows.filter((r) => !r.offers).every((r) => r.why.length > 0)).toBe(true)
    // In proportion: as wide as its word, not a bar across the row.
    expect(rows.find((r) => r.offers)!.share).toBeLessThan(0.6)
    await page.screenshot({ path: path.join(out, `office-months-${size.name}.png`) })
  }
  // Closed (the preview and the confirmation are office.test.ts's): no month offers 结账 any more,
  // last month shows its state, its posting and its exports.
  await api('office.closePeriod', { period: last }, token)
  const page = await pageFor(await officeId(), SIZES[0])
  await open(page, '/subpackages/office/index/index')
  await page.locator(`.period-${last} .posting-link`).waitFor()
  let rows = await monthList(page)
  expect(rows.filter((r) => r.offers)).toEqual([])
  expect(rows.find((r) => r.period === last)!.state).toBe('已结账')
  expect(await page.locator(`.period-${last} .export-posting`).count()).toBe(1)
  // Reopening is behind its own button and asks for a reason; a reopened month is offered again.
  expect(await page.locator(`.period-${last} .reopen-reason`).count()).toBe(0)
  await page.locator(`.period-${last} .at-button.reopen-open`).click()
  await page.locator(`.period-${last} .reopen-reason input`).fill('补录一户的走访签字')
  await page.locator(`.period-${last} .at-button.reopen-button`).click()
  await page.locator(`.period-${last} .close-button`).waitFor()
  rows = await monthList(page)
  expect(rows.filter((r) => r.offers).map((r) => r.period)).toEqual([last])
  await page.screenshot({ path: path.join(out, 'office-months-reopened-390.png') })
  // Closed again for the screens below (a cadre's record shows closed months only).
  await api('office.closePeriod', { period: last }, token)
})

it('no score label wraps at 390 px (normal and elder mode) on a cadre’s record; months are named in words', async () => {
  const cadreId = await listed((p) => p.roles.includes('cadre') && p.duty === 'resident' && !p.roles.includes('leader') && !p.roles.includes('supervisor'))
  // Last month closed (the test above leaves it so; alone, this test closes it itself).
  await api('office.closePeriod', { period: lastMonth() }, await tokenFor(h, await officeId())).catch((e: Error) => {
    if (!e.message.includes('PERIOD.ALREADY_CLOSED')) throw e
  })
  for (const size of [SIZES[0], SIZES[1]]) {
    const page = await pageFor(await supervisorId(), size)
    await open(page, `/subpackages/cadre/pages/record/index?cadreId=${cadreId}`)
    await page.locator(`.record-month-${lastMonth()} .mq-band-label`).first().waitFor()
    const labels = await page.evaluate(() =>
      Array.from(document.querySelectorAll('.mq-band-label')).map((el) => ({ text: (el.textContent ?? '').trim(), height: el.getBoundingClientRect().height, line: parseFloat(getComputedStyle(el).lineHeight) })),
    )
    expect(labels).toHaveLength(4)
    for (const l of labels) expect({ text: l.text, lines: Math.round(l.height / l.line) }).toEqual({ text: l.text, lines: 1 })
    const title = await page.locator(`.record-month-${lastMonth()} .record-row__title`).textContent()
    expect(title).toMatch(/^\d{4}年\d{1,2}月$/)
    await shots(page, `supervision-record-closed-${size.name}`, out)
  }
})

it('the three rates read as a small table at 390 px: each rate under its row’s name, label over value, none squeezed', async () => {
  const page = await pageFor(await officeId(), SIZES[0])
  await open(page, '/subpackages/office/pages/tickets/index')
  await page.locator('.rates-row').first().waitFor()
  const rows = await page.evaluate(() =>
    Array.from(document.querySelectorAll('.rates-row')).map((row) => {
      const name = row.querySelector('.rates-row__name')!.getBoundingClientRect()
      const cells = Array.from(row.querySelectorAll('.rates-cell')).map((c) => c.getBoundingClientRect())
      return { below: cells.every((c) => c.top >= name.bottom - 1), wide: cells.every((c) => c.width >= 80) }
    }),
  )
  expect(rows.length).toBeGreaterThan(3)
  expect(rows.filter((r) => !r.below || !r.wide)).toEqual([])
  // The period is chosen among months, the quarter and the year in words, not typed as "2026-Q4".
  expect(await page.locator('.rates-period .mq-choice__item').count()).toBe(8)
  expect(await page.locator('.period-input').count()).toBe(0)
})

it('what looking found, each guarded: ratings name the month in words for the township, the call-back queue’s empty line stands apart and says what comes there, villager groups count 一社、二社…, the read log lists a repeated read once', async () => {
  let page = await pageFor(await officeId(), SIZES[0])
  await open(page, '/subpackages/office/pages/ratings/index')
  const title = await page.locator('.township-ratings .mq-section__title').first().textContent()
  expect(title).toMatch(/\d{4}年\d{1,2}月/)
  expect(await page.locator('.township-ratings').innerText()).not.toContain('我的 1135')
  // 我的 of township staff: no 村/户 rows saying 无.
  await move(page, '/pages/me/index')
  await page.locator('.me-details').waitFor()
  expect(await page.locator('.me-details').innerText()).not.toMatch(/(村|户)\s*无/)
  await move(page, '/subpackages/office/places/index')
  const groups = await page.locator('.village-row .office-row__meta').first().textContent()
  expect(groups).toMatch(/一社、二社、三社/)

  page = await pageFor(await supervisorId(), SIZES[0])
  await open(page, '/subpackages/voice/callbacks/index')
  const boxes = await page.evaluate(() => ['.callback-counts', '.callback-empty'].map((s) => document.querySelector(s)?.getBoundingClientRect().top ?? -1))
  expect(boxes[1]).toBeGreaterThan(boxes[0]! + 10)
  expect(await page.locator('.callback-empty').textContent()).toContain('1-2 星')
  // The office read the raters of the township on every visit to the ratings page: one line, with how many times.
  await move(page, '/subpackages/office/supervision/index')
  await page.locator('.reveal-row').first().waitFor()
  const lines = await page.locator('.reveal-row').allInnerTexts()
  expect(new Set(lines).size).toBe(lines.length)
})
