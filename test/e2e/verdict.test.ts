/**
 * The verdict in a real browser against the H5 build and the seeded demo township: a cadre logs a
 * visit and shows its QR code; a villager of another household opening it is refused; a member of
 * the visited household signs it with a finger-drawn signature; the visit then counts toward the
 * cadre's 543 village days and allowance.
 */
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { localDate } from '../../src/core/time'
import { DEFAULT_SETTINGS } from '../../src/core/settings'
import { screenshots, startBrowserHarness, typedApi, type BrowserHarness } from './browser'
import { drawSignature, settledBox } from './contexts2'

jest.setTimeout(120_000)

let h: BrowserHarness
beforeAll(async () => {
  h = await startBrowserHarness()
})
afterAll(() => h?.stop())

const api = typedApi(() => h)
const tokenOf = async (personId: string) => (await api('auth.devLogin', { personId })).token

/** A browser context signed in as the person (the H5 app keeps its token in Taro storage). */
const contextAs = async (personId: string, extra: Parameters<BrowserHarness['browser']['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page }> => {
  const token = await tokenOf(personId)
  const context = await h.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', ...extra })
  await context.addInitScript((t) => localStorage.setItem('minqing.session', JSON.stringify({ data: t })), token)
  return { context, page: await context.newPage() }
}

/** A resident cadre with no signed visit today, one of their households with a member with a phone, and a villager elsewhere. */
const pickPeople = async () => {
  const store = h.server.deps.store
  const today = localDate(Date.now(), DEFAULT_SETTINGS)
  const people = await store.find('people', {})
  const residents = people.filter((p) => p.roles.includes('cadre') && p.duty === 'resident')
  for (const cadre of residents) {
    const signed = await store.find('visits', { cadreId: cadre.id, status: 'signed' })
    if (signed.some((v) => localDate(v.at, DEFAULT_SETTINGS) === today)) continue
    for (const household of await store.find('households', { cadreId: cadre.id })) {
      const member = people.find((p) => p.householdId === household.id && p.hasPhone && p.roles.includes('villager') && !p.roles.includes('secretary'))
      const stranger = people.find((p) => p.householdId !== null && p.householdId !== household.id && p.roles.includes('villager') && p.hasPhone)
      if (member && stranger) return { cadre, household, member, stranger, today }
    }
  }
  throw new Error('the demo township has no suitable cadre')
}

it('a visit logged by the cadre is refused to another household, signed by its own, and counts toward 543 and allowance', async () => {
  const { cadre, household, member, stranger, today } = await pickPeople()
  const cadreToken = await tokenOf(cadre.id)
  const before = await api('allowance.ledger', {}, cadreToken)
  expect(before.villageDays).not.toContain(today)

  // The cadre logs the visit at the door and shows the QR code.
  const c = await contextAs(cadre.id)
  await c.page.goto(`${h.server.url}/#/subpackages/cadre/pages/visit/index?household=${household.id}`)
  await c.page.locator('.visit-purpose input').fill('了解冬季取暖情况')
  await c.page.locator('.visit-problems textarea').fill('屋顶漏雨')
  await c.page.locator('.at-button.visit-save').click()
  await c.page.locator('.visit-created .sign-code__image').waitFor({ timeout: 20_000 })
  const url = (await c.page.locator('.sign-code__url').textContent()) ?? ''
  expect(url).toContain('/#/pages/sign/index?visit=')
  const visitId = decodeURIComponent(url.split('visit=')[1] ?? '')
  expect((await h.server.deps.store.get('visits', visitId))?.status).toBe('pending')
  await c.page.screenshot({ path: path.join(screenshots, 'visit-code.png'), fullPage: true })

  // A villager of another household opens the same code: refused in plain words.
  const s = await contextAs(stranger.id)
  await s.page.goto(url)
  const refusal = s.page.locator('.error-VISIT-NOT_HOUSEHOLD_MEMBER .error-message')
  await refusal.waitFor({ timeout: 20_000 })
  expect(await refusal.textContent()).toBe('只有被走访户的家庭成员才能签字确认。')
  expect(await s.page.locator('.sign-confirm').count()).toBe(0)

  // A member of the visited household sees it waiting on their home, opens it, and signs with a finger.
  const m = await contextAs(member.id)
  await m.page.goto(`${h.server.url}/#/pages/index/index`)
  await m.page.locator(`.waiting-visit-${visitId.replace(/[^A-Za-z0-9_-]/g, '')}`).waitFor({ timeout: 20_000 })
  await m.page.locator('.at-button.waiting-visit__sign').first().click()
  // The page slides in (H5 route animation): draw only once the canvas has stopped moving.
  const box = await settledBox(m.page.locator('.signature-canvas'))
  await drawSignature(m.page, box)
  await m.page.locator('.at-button.sign-confirm').click()
  await m.page.locator('.sign-result').waitFor({ timeout: 20_000 })
  expect(await m.page.locator('.sign-result').textContent()).toContain('已签字确认')
  await m.page.screenshot({ path: path.join(screenshots, 'visit-signed.png'), fullPage: true })
  const signed = await h.server.deps.store.get('visits', visitId)
  expect(signed).toMatchObject({ status: 'signed', signedById: member.id })
  const signature = signed?.signatureId ? await h.server.deps.store.get('images', signed.signatureId) : null
  expect(signature).toMatchObject({ mime: 'image/png', kind: 'signature' })

  // The cadre's 543 and allowance now count today as a village day.
  await c.page.goto(`${h.server.url}/#/subpackages/cadre/pages/attendance/index`)
  const line = c.page.locator('.allowance-line')
  await line.waitFor({ timeout: 20_000 })
  const after = await api('allowance.ledger', {}, cadreToken)
  expect(after.villageDays).toEqual([...before.villageDays, today].sort())
  expect(await line.textContent()).toBe(`下村 ${after.villageDays.length} 天 × 35 元 = ${after.yuan} 元`)
  const week = await api('attendance.week', {}, cadreToken)
  expect(week.days.village).toContain(today)
  expect(await c.page.locator('.week-village-days .week-count').textContent()).toBe(`${week.villageDays} / ${week.required.villageDays}`)
  await c.page.screenshot({ path: path.join(screenshots, 'attendance.png'), fullPage: true })
  await Promise.all([c.context.close(), s.context.close(), m.context.close()])
})

// The sign-in out of range (distance shown, nothing stored until confirmed): test/e2e/field-signin.test.ts.

it("a villager rates their household's cadre with stars; the cadre's score page shows the band but never who rated", async () => {
  const { cadre, household, member } = await pickPeople()
  const m = await contextAs(member.id)
  await m.page.goto(`${h.server.url}/#/pages/index/index`)
  await m.page.locator('.villager-action--rate').click()
  const target = m.page.locator(`.rating-target-${cadre.id}-villagers`)
  await target.waitFor({ timeout: 20_000 })
  for (const d of ['attitude', 'effectiveness', 'presence']) await target.locator(`.rating-dim-${d} .mq-stars__star--4`).click()
  await target.locator('.rating-comment textarea').fill('来得勤，办事快')
  await target.locator('.at-button.rating-submit').click()
  await target.locator('.at-button.rating-submit', { hasText: '修改评价' }).waitFor({ timeout: 20_000 })
  const [stored] = await h.server.deps.store.find('ratings', { householdId: household.id, period: (await api('rating.form', {}, await tokenOf(member.id))).period })
  expect(stored).toMatchObject({ band: 'villagers', cadreId: cadre.id, raterId: member.id, stars: 4, comment: '来得勤，办事快' })
  await m.page.screenshot({ path: path.join(screenshots, 'rating.png'), fullPage: true })

  const c = await contextAs(cadre.id)
  await c.page.goto(`${h.server.url}/#/subpackages/cadre/pages/scores/index`)
  await c.page.locator('.score-band-villagers').waitFor({ timeout: 20_000 })
  const text = (await c.page.locator('.my-score').textContent()) ?? ''
  // Raters stay anonymous (issue 10 item 7): the page shows a closed month only, and a band only
  // from k raters on; this month's rating (and its comment) is nowhere on it.
  const shown = await api('rating.myScore', {}, await tokenOf(cadre.id))
  expect(shown.closed ? text : text.includes('本月还没有结账')).toBeTruthy()
  expect(text).not.toContain('来得勤，办事快')
  expect(text).not.toContain(member.name)
  expect(text).not.toContain(household.number + '号')
  await c.page.screenshot({ path: path.join(screenshots, 'my-score.png'), fullPage: true })
  await Promise.all([m.context.close(), c.context.close()])
})
