/**
 * look-a (issue 12): the cadre's and the village secretary's screens, looked at at 390x844 in normal
 * and elder mode, and what was fixed on them, each guarded here through the real screens:
 * - the date box: "请选择日期" (and a picked date) sits in the middle of its box; the wheel's earliest
 *   day is today; its 确定 is finger-sized;
 * - a leave form left open over midnight: the day picked last night is refused under its field, and
 *   nothing is stored;
 * - the secretary's desk: no card inside a card, elder mode reaches it; convening and minuting, and a
 *   team leader's leave decision, each only after a confirmation (取消 changes nothing);
 * - 代群众提交: the household is searched (a few matches), not picked from 66 chips;
 * - the cadre's and the secretary's lists name the household of a ticket they handle and open the
 *   handler's page; the secretary's own card offers no call to himself; 我的 says no "无".
 */
import path from 'node:path'
import type { Page } from 'playwright-core'
import { apiCall, screenshots, startBrowserHarness, tokenFor, type BrowserHarness } from './browser'
import type { Person } from '../../src/core/model'
import { goTo, listedPeople, loadAt, personPages, pickOfferedDay } from './contexts'

jest.setTimeout(600_000)

let h: BrowserHarness
beforeAll(async () => {
  h = await startBrowserHarness()
})
// One context per person for the file (a phone in the township: its clock reads UTC+8).
const pages = personPages(() => h)
const PHONE = { timezoneId: 'Asia/Shanghai' }
afterAll(async () => {
  await pages.close()
  await h?.stop()
})

const api = <T = unknown>(action: string, input: unknown, token?: string) => apiCall<T>(h, action, input, token)

const listed = (match: (p: Person) => boolean): Promise<Person[]> => listedPeople(h, match)

const residentCadres = () => listed((p) => p.roles.includes('cadre') && p.duty === 'resident' && !p.roles.includes('leader') && !p.roles.includes('supervisor'))

/** The person's page of this file, in normal or elder mode, opened at `hash` with a full load. */
const open = async (personId: string, hash: string, elder = false): Promise<Page> => {
  const page = await pages.page(personId, PHONE)
  await loadAt(h, page, hash, { 'mq.elder': elder ? 'on' : 'off' })
  return page
}

/** A page of its own (a fresh context: `init` may set its clock before the first load), signed in as `personId`, opened at `hash`. */
const openFresh = async (personId: string, hash: string, elder = false, init?: (page: Page) => Promise<void>): Promise<Page> => {
  const token = await tokenFor(h, personId)
  // A phone in the township: its clock reads the township's time (UTC+8).
  const context = await h.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  const page = await context.newPage()
  await page.context().addInitScript(
    ([t, e]) => {
      localStorage.setItem('minqing.session', JSON.stringify({ data: t }))
      localStorage.setItem('mq.elder', JSON.stringify({ data: e ? 'on' : 'off' }))
    },
    [token, elder] as const,
  )
  if (init) await init(page)
  await page.goto(`${h.server.url}/#${hash}`)
  return page
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshots, `look-a-${name}.png`) })

/** The vertical centre of a box's content against the box's own centre (CSS px). */
const offCentre = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((box) => {
    const text = box.querySelector('.taro-text-core, span, text') ?? box
    const range = document.createRange()
    range.selectNodeContents(text)
    const t = range.getBoundingClientRect()
    const b = box.getBoundingClientRect()
    return Math.abs(t.top + t.height / 2 - (b.top + b.height / 2))
  })

/** Today in the township (UTC+8), YYYY-MM-DD. */
const townshipDay = (offsetDays = 0) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10)

it('the date box: its words in the middle, the wheel starting today with a finger-sized 确定', async () => {
  const [cadre] = await residentCadres()
  for (const elder of [false, true]) {
    const page = await open(cadre!.id, '/subpackages/cadre/pages/leave/index', elder)
    const value = page.locator('.leave-from .mq-date__value')
    await value.waitFor({ timeout: 30_000 })
    expect(await value.textContent()).toBe('请选择日期')
    expect(await offCentre(page, '.leave-from .mq-date__value')).toBeLessThanOrEqual(2)
    await shot(page, `leave-${elder ? 'elder' : 'normal'}`)

    // The wheel opens with today as its earliest year, month and day: an earlier day cannot be chosen.
    await value.click()
    const confirm = page.locator('.weui-picker__action:visible').last()
    await confirm.waitFor({ state: 'visible', timeout: 10_000 })
    const firsts = await page.locator('.weui-picker__bd:visible .weui-picker__group').evaluateAll((groups) =>
      groups.map((g) => (g.querySelector('.weui-picker__item')?.textContent ?? '').replace(/\D/g, '')),
    )
    const today = townshipDay()
    expect(firsts.map((x) => x.padStart(2, '0')).join('-')).toBe(today)
    const box = await confirm.boundingBox()
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44)
    expect(parseFloat(await confirm.evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(17)
    await shot(page, `leave-wheel-${elder ? 'elder' : 'normal'}`)
    await confirm.click()
    await confirm.waitFor({ state: 'hidden', timeout: 10_000 })
    // A picked date sits in the middle too.
    expect(await value.textContent()).toBe(today)
    expect(await offCentre(page, '.leave-from .mq-date__value')).toBeLessThanOrEqual(2)
  }
})

it('a leave form left open over midnight: the day picked last night is refused under its field, nothing stored', async () => {
  const [, cadre] = await residentCadres()
  const store = h.server.deps.store
  const before = await store.count('leaves', { cadreId: cadre!.id })
  // The phone's clock says it is last night (23:50 in the township) when the form is opened.
  const lastNight = new Date(`${townshipDay(-1)}T23:50:00+08:00`)
  const page = await openFresh(cadre!.id, '/subpackages/cadre/pages/leave/index', false, async (p) => {
    await p.clock.install({ time: lastNight })
  })
  const from = page.locator('.leave-from .mq-date__value')
  await from.waitFor({ timeout: 30_000 })
  for (const field of ['.leave-from', '.leave-to']) await pickOfferedDay(page, field)
  expect(await from.textContent()).toBe(townshipDay(-1))
  await page.locator('.leave-reason input').fill('家中老人住院')
  // The cadre comes back to it this morning and taps 提交请假.
  await page.clock.setSystemTime(new Date())
  await page.locator('.at-button.leave-submit').click()
  const message = page.locator('.leave-from .mq-field__error')
  await message.waitFor({ timeout: 20_000 })
  expect(await message.textContent()).toBe(`⚠ 不能早于今天（${townshipDay()}）`)
  expect(await page.locator('.leave-from.mq-field--invalid').count()).toBe(1)
  await shot(page, 'leave-past-day')
  expect(await store.count('leaves', { cadreId: cadre!.id })).toBe(before)
  await page.context().close()
})

it('the secretary’s desk: no card inside a card, in normal and elder mode', async () => {
  const [secretary] = await listed((p) => p.roles.includes('secretary'))
  for (const elder of [false, true]) {
    const page = await open(secretary!.id, '/subpackages/cadre/pages/desk/index', elder)
    await page.locator('.secretary-desk').waitFor({ timeout: 30_000 })
    await page.locator('.meetings').waitFor({ timeout: 30_000 })
    expect(await page.locator('.taro_page:visible .mq-section .mq-section').count()).toBe(0)
    // The desk's own parts stand side by side as cards on the page.
    expect(await page.locator('.taro_page:visible .mq-section').count()).toBeGreaterThanOrEqual(2)
    // Elder mode reaches the cadre subpackage's pages: its headings grow.
    const title = parseFloat(await page.locator('.secretary-desk .mq-section__title').evaluate((el) => getComputedStyle(el).fontSize))
    if (elder) expect(title).toBeGreaterThanOrEqual(22)
    else expect(title).toBeLessThan(22)
    // Each agenda item of a meeting to minute stands apart from the owner chips above it.
    const agenda = page.locator('.meeting__agenda').first()
    if ((await agenda.count()) > 0) {
      const gap = await agenda.evaluate((el) => {
        const prev = el.previousElementSibling
        return prev ? el.getBoundingClientRect().top - prev.getBoundingClientRect().bottom : 99
      })
      expect(gap).toBeGreaterThanOrEqual(12)
    }
    await shot(page, `desk-${elder ? 'elder' : 'normal'}`)
  }
})

it('代群众提交: the household is searched by number or name, a few matches at a time', async () => {
  const [cadre] = await residentCadres()
  const token = await tokenFor(h, cadre!.id)
  const households = await api<{ id: string; number: string; headName: string }[]>('cadre.households', {}, token)
  expect(households.length).toBeGreaterThan(20)
  const page = await open(cadre!.id, '/subpackages/cadre/pages/file-for/index')
  const search = page.locator('.file-on-behalf .household-search input')
  await search.waitFor({ timeout: 30_000 })
  // Not a wall of chips: at most six households before a search.
  expect(await page.locator('.file-on-behalf .household-picker .mq-choice__item').count()).toBeLessThanOrEqual(6)
  await shot(page, 'file-for')
  const target = households[households.length - 1]!
  await search.fill(target.number)
  const choice = page.locator(`.file-on-behalf .choice-${target.id}`)
  await choice.waitFor({ timeout: 20_000 })
  await choice.click()
  expect(await page.locator('.household-picker__chosen').textContent()).toContain(`${target.number}号 ${target.headName}`)
  // What to file comes once the household is chosen, and its form below.
  await page.locator('.file-kind').waitFor({ timeout: 10_000 })
  await page.locator('.report-form').waitFor({ timeout: 20_000 })
  await shot(page, 'file-for-chosen')
})

it('the cadre’s and the secretary’s lists name the household and open the handler’s page; no call to himself; 我的 without 无', async () => {
  const [secretary] = await listed((p) => p.roles.includes('secretary') && p.householdId !== null)
  // 我的事项 of a resident cadre: every row he handles says whose it is and opens the handler's page.
  const [cadre] = await residentCadres()
  const cadreToken = await tokenFor(h, cadre!.id)
  const tickets = await api<{ id: string; householdNumber: string | null; reporterName: string | null }[]>('ticket.list', {}, cadreToken)
  const named = tickets.find((t) => t.householdNumber)
  if (!named) throw new Error('the cadre handles no ticket')
  let page = await open(cadre!.id, '/pages/items/index')
  const row = page.locator(`.ticket-${named.id}`)
  await row.waitFor({ timeout: 30_000 })
  expect(await row.locator('.ticket-row__who').textContent()).toContain(`${named.householdNumber}号`)
  await shot(page, 'cadre-items')
  await row.click()
  await page.waitForURL(/subpackages\/cadre\/pages\/ticket/, { timeout: 30_000 })

  // 我的: a township cadre has no village or household rows saying 无.
  await goTo(h, page, '/pages/me/index')
  await page.locator('.me-details').waitFor({ timeout: 30_000 })
  expect(await page.locator('.me-details').innerText()).not.toContain('无')
  // 我的照片: the hint stands beside the photo, not squeezed under it.
  const photo = await page.locator('.cadre-photo__row > *').first().boundingBox()
  const hint = await page.locator('.cadre-photo__hint').boundingBox()
  expect((hint?.y ?? 9999) < (photo?.y ?? 0) + (photo?.height ?? 0)).toBe(true)
  await page.locator('.cadre-photo').scrollIntoViewIfNeeded()
  await shot(page, 'cadre-me')

  // The secretary's home: his desk first, his card without a call to himself, village rows named.
  page = await open(secretary!.id, '/pages/index/index')
  await page.locator('.cadre-card').waitFor({ timeout: 30_000 })
  // His desk says how much waits for him, before his own villager card.
  await page.locator('.desk-entry__count').waitFor({ timeout: 30_000 })
  expect(await page.locator('.desk-entry__count').textContent()).toMatch(/有 \d+ 件事项等您办理|目前没有转到您这里的事项/)
  const desk = await page.locator('.desk-entry').boundingBox()
  const card = await page.locator('.cadre-card').boundingBox()
  expect((desk?.y ?? 9999) < (card?.y ?? 0)).toBe(true)
  expect(await page.locator('.cadre-team__phone').count()).toBe(0)
  const village = page.locator('.village-tickets .ticket-row')
  await village.first().waitFor({ timeout: 30_000 })
  const secretaryToken = await tokenFor(h, secretary!.id)
  const mine = await api<{ id: string; householdNumber: string | null; villageName: string }[]>('ticket.list', { open: true }, secretaryToken)
  const me = await api<{ household: { number: string } | null }>('me.get', {}, secretaryToken)
  const other = mine.find((t) => t.householdNumber && t.householdNumber !== me.household?.number)
  if (!other) throw new Error('no village ticket of another household')
  await expect(page.locator(`.village-tickets .ticket-${other.id} .ticket-row__who`).textContent()).resolves.toContain(`${other.householdNumber}号`)
  await shot(page, 'secretary-home')
  await page.locator(`.village-tickets .ticket-${other.id}`).click()
  await page.waitForURL(/subpackages\/cadre\/pages\/ticket/, { timeout: 30_000 })
})

it('a team leader’s leave decision is final: a confirmation first, 取消 changes nothing', async () => {
  const store = h.server.deps.store
  const team = (await store.find('teams', {})).find((t) => t.memberIds.length > 0)
  if (!team) throw new Error('no team with members')
  const member = (await store.get('people', team.memberIds[team.memberIds.length - 1]!))!
  const from = townshipDay(3)
  const leave = await api<{ id: string }>('leave.request', { from, to: townshipDay(4), reason: '带孩子看病' }, await tokenFor(h, member.id))
  const page = await open(team.leaderId, '/subpackages/cadre/pages/leave/index')
  const row = page.locator(`.leave-${leave.id}`)
  await row.waitFor({ timeout: 30_000 })
  await row.locator('.at-button.leave-decline').click()
  const dialog = page.locator('.mq-confirm')
  await dialog.waitFor({ timeout: 10_000 })
  expect(await dialog.locator('.mq-confirm__title').textContent()).toBe(`不批准${member.name}的请假？`)
  // The days as people say them (12月3日（周四）), not 2026-12-03.
  expect(await dialog.locator('.mq-confirm__what').textContent()).toContain(`${Number(from.slice(5, 7))}月${Number(from.slice(8, 10))}日`)
  expect(await row.textContent()).not.toContain(from)
  await shot(page, 'leave-decide-confirm')
  await page.locator('.at-button.confirm-cancel').click()
  await dialog.waitFor({ state: 'detached', timeout: 10_000 })
  expect((await store.get('leaves', leave.id))?.status).toBe('requested')
  await row.locator('.at-button.leave-approve').click()
  await page.locator('.at-button.confirm-ok').click()
  await row.locator('.mq-line--good').waitFor({ timeout: 20_000 })
  expect((await store.get('leaves', leave.id))?.status).toBe('approved')
})

it('the secretary convenes and minutes a meeting only after a confirmation', async () => {
  const [secretary] = await listed((p) => p.roles.includes('secretary'))
  const store = h.server.deps.store
  const page = await open(secretary!.id, '/subpackages/cadre/pages/desk/index')
  const check = page.locator('.convene-panel .mq-check').first()
  await check.waitFor({ timeout: 30_000 })
  const ticketId = (await check.evaluate((el) => Array.from(el.classList).find((c) => c.startsWith('check-'))))!.replace('check-', '')
  await check.click()
  await page.locator('.topic-input textarea').fill('草场边界协调')
  await page.locator('.convene-note-input textarea').fill('涉及两户，需村两委和工作组共同研究')
  await page.locator('.at-button.convene-meeting').click()
  const dialog = page.locator('.mq-confirm')
  await dialog.waitFor({ timeout: 10_000 })
  expect(await dialog.locator('.mq-confirm__who').textContent()).toContain('群众')
  await page.locator('.at-button.confirm-cancel').click()
  expect((await store.get('tickets', ticketId))?.status).toBe('escalated_secretary')
  await page.locator('.at-button.convene-meeting').click()
  await page.locator('.at-button.confirm-ok').click()
  await page.locator(`.agenda-${ticketId}`).waitFor({ timeout: 20_000 })
  expect((await store.get('tickets', ticketId))?.status).not.toBe('escalated_secretary')
  await shot(page, 'desk-convened')
})
