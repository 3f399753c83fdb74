/**
 * Issue 12 item 9 through the cadre's screens, in a real browser against the H5 build on the seeded
 * demo township: the household's own cadre plans a visit from the household list (约个时间上门: a
 * date from the wheel, a note), sees it under 这周要去的 on his home, starts the visit form from it
 * with one tap, moves it and cancels it, each after a confirmation (取消 changes nothing). A day must
 * be picked first; another cadre's household shows no form. The villager's card shows the day.
 */
import path from 'node:path'
import type { Page } from 'playwright-core'
import { apiCall, screenshots, tokenFor } from './browser'
import { fileHarness, pickOfferedDay as pickDay } from './contexts2'

jest.setTimeout(240_000)

// The file's harness (started before its tests, stopped after them with its pages).
const h = fileHarness()
// One page per person for the file: each screen is reached by a hash change in the loaded app.
const pages = h.pages

const api = <T = unknown>(action: string, input: unknown, token?: string) => apiCall<T>(h, action, input, token)
const tokenOf = (personId: string) => tokenFor(h, personId)
const signedIn = (personId: string, hash: string) => pages.at(personId, hash)

/** Today and n days on in the township's calendar (UTC+8). */
const dayFromNow = (n: number) => new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10)

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshots, `visitplan-${name}.png`) })

/** Opens the date wheel and takes the day it opens on (today: earlier days are not offered). */
const pickOfferedDay = (page: Page) => pickDay(page, '.plan-date')

it('plan from the household list, see it under 这周要去的, start the visit from it; move and cancel only after a confirmation', async () => {
  const store = h.server.deps.store
  const { groups } = await api<{ groups: { role: string; people: { id: string }[] }[] }>('auth.devPeople', {})
  const cadres = []
  for (const id of groups.flatMap((g) => g.people.map((p) => p.id))) {
    const p = await store.get('people', id)
    if (p && p.roles.includes('cadre') && p.duty === 'resident' && !p.roles.includes('leader') && !p.roles.includes('supervisor')) cadres.push(p)
  }
  const [cadre, other] = cadres
  if (!cadre || !other) throw new Error('two resident cadres are needed')
  const token = await tokenOf(cadre.id)
  const households = await api<{ id: string; number: string; headName: string }[]>('cadre.households', {}, token)
  const plansOf = async (householdId: string) => (await store.find('visitPlans', { householdId })).filter((p) => p.cadreId === cadre.id)
  const today = dayFromNow(0)

  const page = await signedIn(cadre.id, '/pages/index/index')
  // No plan yet: 这周要去的 says what to do.
  await page.locator('.week-plans .mq-state--empty').waitFor({ timeout: 30_000 })
  expect(await page.locator('.week-plans').textContent()).toContain('约个时间上门')

  // The first household on the list (never visited first): 约个时间上门.
  const householdId = (await page.locator('.household-row').first().evaluate((el) => Array.from(el.classList).find((c) => c.startsWith('household-') && c !== 'household-row')))?.replace('household-', '')
  const household = households.find((x) => x.id === householdId)
  if (!household) throw new Error('the first row names no household of the cadre')
  await page.locator(`.household-plan-${household.id}`).click()
  const save = page.locator('.at-button.plan-save')
  await save.waitFor({ timeout: 30_000 })
  expect(await page.locator('.plan-visit .mq-section__title').textContent()).toContain(household.headName)
  expect(await page.locator('.plan-current').textContent()).toBe('还没有约时间')

  // Saving without a day says so next to the field; nothing is written.
  await save.click()
  expect(await page.locator('.plan-date .mq-field__error').textContent()).toBe('⚠ 请先选一个日期')
  expect(await plansOf(household.id)).toEqual([])

  await pickOfferedDay(page)
  expect(await page.locator('.plan-date .mq-date__value').textContent()).toBe(today)
  expect(await page.locator('.plan-date .mq-field__error').count()).toBe(0)
  await page.locator('.plan-note input').fill('带上医保缴费单')
  await shot(page, 'plan-form')
  await save.click()
  // Saved, and back on the home (the page goes back by itself).
  await page.locator(`.week-plan-${household.id}`).waitFor({ timeout: 30_000 })
  expect(await plansOf(household.id)).toMatchObject([{ date: today, note: '带上医保缴费单' }])
  const row = page.locator(`.week-plan-${household.id}`)
  expect(await row.textContent()).toContain('今天')
  expect(await row.textContent()).toContain('带上医保缴费单')
  expect(await page.locator(`.household-${household.id} .household-row__planned`).textContent()).toMatch(/^约了 \d+月\d+日（周.）$/)
  await shot(page, 'home-week')

  // The villager's card shows the day (the villager's home, one request).
  const member = (await store.find('people', { householdId: household.id }))[0]
  if (member) expect((await api<{ card: { nextPlannedVisit: string | null } }>('villager.home', {}, await tokenOf(member.id))).card.nextPlannedVisit).toBe(today)

  // One tap on the planned row: the visit form for that household, with 约 beside it.
  await page.locator(`.week-plan-start-${household.id}`).click()
  await page.locator('.visit-household-chosen').waitFor({ timeout: 30_000 })
  expect(await page.locator('.visit-household-chosen').textContent()).toContain(household.headName)
  expect(await page.locator('.at-button.visit-household-plan').textContent()).toMatch(/^约了 \d+月\d+日（周.） · 改时间$/)
  await shot(page, 'visit-from-plan')

  // Moving a plan the villager already sees: the plan was for three days on, the cadre moves it to today.
  await api('visit.plan', { householdId: household.id, date: dayFromNow(3), note: '带上医保缴费单' }, token)
  // Loaded at the plan page (the first of the page stack: it stays there after saving, as from a notice).
  const move = await pages.loadAt(cadre.id, `/subpackages/cadre/pages/plan/index?household=${household.id}`)
  await move.locator('.plan-current--set').waitFor({ timeout: 30_000 })
  await pickOfferedDay(move)
  await move.locator('.at-button.plan-save').click()
  const dialog = move.locator('.mq-confirm')
  await dialog.waitFor({ timeout: 10_000 })
  expect(await dialog.locator('.mq-confirm__what').textContent()).toContain('改到')
  expect(await dialog.locator('.mq-confirm__who').textContent()).toContain('村民的首页')
  await shot(move, 'move-confirm')
  await dialog.locator('.at-button.confirm-cancel').click()
  await dialog.waitFor({ state: 'hidden', timeout: 10_000 })
  expect(await plansOf(household.id)).toMatchObject([{ date: dayFromNow(3) }])
  await move.locator('.at-button.plan-save').click()
  await dialog.locator('.at-button.confirm-ok').click()
  await move.waitForFunction(() => document.querySelector('.plan-current')?.textContent?.includes('现在约的是'), undefined, { timeout: 20_000 })
  expect(await plansOf(household.id)).toMatchObject([{ date: today }])

  // Cancelling asks too; 取消 keeps the plan, 确定取消 removes it and the villager's card with it.
  await move.locator('.at-button.plan-cancel').click()
  await dialog.waitFor({ timeout: 10_000 })
  expect(await dialog.locator('.mq-confirm__who').textContent()).toContain('不再显示')
  await dialog.locator('.at-button.confirm-cancel').click()
  expect(await plansOf(household.id)).toHaveLength(1)
  await move.locator('.at-button.plan-cancel').click()
  await dialog.locator('.at-button.confirm-ok').click()
  await move.locator('.plan-current:not(.plan-current--set)').waitFor({ timeout: 20_000 })
  expect(await plansOf(household.id)).toEqual([])

  // Another cadre opening the page for this household gets no form, and nothing can be written.
  const intruder = await signedIn(other.id, `/subpackages/cadre/pages/plan/index?household=${household.id}`)
  await intruder.locator('.error-plan-not-yours').waitFor({ timeout: 30_000 })
  expect(await intruder.locator('.plan-save').count()).toBe(0)
})

it("the cadre home's count of tickets in his hands is the inbox it opens", async () => {
  const store = h.server.deps.store
  let cadreId: string | null = null
  let inbox: unknown[] = []
  for (const p of await store.find('people', {})) {
    if (!p.roles.includes('cadre') || p.duty !== 'resident') continue
    const list = await api<unknown[]>('ticket.inbox', {}, await tokenOf(p.id))
    if (list.length > 0) {
      cadreId = p.id
      inbox = list
      break
    }
  }
  if (!cadreId) throw new Error('the seed has no resident cadre with a ticket in his hands')
  const page = await signedIn(cadreId, '/pages/index/index')
  const count = page.locator('.cadre-open-tickets__count')
  await count.waitFor({ timeout: 30_000 })
  expect(await count.textContent()).toContain(`${inbox.length} 件`)
  await count.click()
  await page.locator('.ticket-row').first().waitFor({ timeout: 30_000 })
  expect(await page.locator('.ticket-row').count()).toBe(inbox.length)
})
