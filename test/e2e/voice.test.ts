/**
 * Issue 13 in a real browser (H5 build, seeded demo township), looked at 390x844: a follower opens
 * a followed report and reads its public view with no personal data; the duplicate hint shows that
 * view before 关注; the office's moderation queue holds a comment with a phone number and an
 * insult, shown redacted, and approving it asks first; the supervision group's call-back queue
 * shows a disputed visit with its deadline.
 */
import path from 'node:path'
import type { Page } from 'playwright-core'
import type { ActionName, InputOf, OutputOf } from '../../src/contracts'
import { screenshots } from './browser'
import { apiAs, fileHarness, neighbours as neighboursOf } from './contexts2'

jest.setTimeout(180_000)

// The file's harness (started before its tests, stopped after them with its pages).
const h = fileHarness()
// One page per person for the file: each test moves it to its screen (a hash change, no load).
const pages = h.pages

const api = <N extends ActionName>(personId: string, action: N, input: InputOf<N>): Promise<OutputOf<N>> => apiAs(h, personId, action, input)

const signedIn = (personId: string, path = 'pages/index/index'): Promise<Page> => pages.at(personId, `/${path}`)

/** Two plain villagers of one village, of different households, both with a cadre. */
const neighbours = () => neighboursOf(h)

const confirmModal = async (page: Page) => {
  const ok = page.locator('.taro-model__confirm').first()
  await ok.waitFor({ timeout: 20_000 })
  await ok.click()
}

it('a follower reads the followed report with no personal data; the duplicate hint shows it before 关注', async () => {
  const { reporter, neighbour } = await neighbours()
  const household = await h.server.deps.store.get('households', reporter.householdId!)
  const ticket = await api(reporter.id, 'ticket.create', { kind: 'problem', category: 'other', description: `我是${reporter.name}，电话${reporter.phone}，村口水渠堵了`, anonymous: true })

  // The duplicate hint on 反映问题 (category 其他 is the form's default): the public view, then 关注.
  const form = await signedIn(neighbour.id, 'pages/report/index')
  await form.locator('.similar-hint .public-ticket').waitFor({ timeout: 30_000 })
  await form.screenshot({ path: path.join(screenshots, 'voice-duplicate-hint.png'), fullPage: true })
  const hint = (await form.locator('.similar-hint').textContent()) ?? ''
  expect(hint).toContain('村口水渠堵了')
  await form.locator('.at-button.follow-similar').first().click()
  await form.locator('.similar-hint .followed').waitFor({ timeout: 20_000 })

  // Opening it (as from a notice): the public view, not "您没有权限".
  const page = await signedIn(neighbour.id, `pages/ticket/index?id=${ticket.id}`)
  await page.locator('.public-ticket .public-step').first().waitFor({ timeout: 30_000 })
  await page.screenshot({ path: path.join(screenshots, 'voice-follower-view.png'), fullPage: true })
  const text = (await page.locator('.public-ticket').textContent()) ?? ''
  expect(text).toContain('已关注')
  for (const leak of [reporter.name, reporter.phone, `${household?.number}号`]) expect(text).not.toContain(leak)

  // The office sees "匿名反映" and may reveal the reporter for a fraud check, with a reason, after a confirmation.
  const people = await h.server.deps.store.find('people', {})
  const office = people.find((p) => p.roles.includes('cadre') && p.duty === 'office' && !p.roles.includes('supervisor') && !p.roles.includes('leader'))!
  const desk = await signedIn(office.id, `subpackages/cadre/pages/ticket/index?id=${ticket.id}`)
  await desk.locator('.ticket-detail .anonymous-report').waitFor({ timeout: 30_000 })
  expect((await desk.locator('.ticket-detail').textContent()) ?? '').not.toContain(reporter.name)
  await desk.locator('.reveal-reason input').fill('核查是否有人冒名反映')
  await desk.locator('.at-button.reveal-submit').click()
  await confirmModal(desk)
  await desk.locator('.reveal-result').waitFor({ timeout: 20_000 })
  expect(await desk.locator('.reveal-result').textContent()).toBe(`反映人：${reporter.name}（${household?.number}号户）`)
  // The confirmation has faded out before the screenshot.
  await desk.locator('.taro-model__confirm').waitFor({ state: 'hidden', timeout: 20_000 })
  await desk.screenshot({ path: path.join(screenshots, 'voice-office-reveal.png'), fullPage: true })
})

it('the office moderation queue shows a comment with a phone number and an insult redacted; approving asks first', async () => {
  const { reporter } = await neighbours()
  const household = await h.server.deps.store.get('households', reporter.householdId!)
  const comment = `骗子王八蛋，打13912345678找${reporter.name}`
  await api(reporter.id, 'rating.submit', { cadreId: household!.cadreId!, band: 'villagers', dimensions: { attitude: 1, effectiveness: 1, presence: 1 }, comment })
  const people = await h.server.deps.store.find('people', {})
  const office = people.find((p) => p.roles.includes('cadre') && p.duty === 'office' && !p.roles.includes('supervisor') && !p.roles.includes('leader'))!
  const page = await signedIn(office.id, 'subpackages/voice/moderation/index')
  const row = page.locator('.moderation-row', { hasText: '骗子王八蛋' }).first()
  await row.waitFor({ timeout: 30_000 })
  expect(await row.locator('.moderation-redacted').textContent()).toBe('骗子王八蛋，打***找***')
  expect(await row.locator('.moderation-flag').textContent()).toContain('王八蛋')
  await page.screenshot({ path: path.join(screenshots, 'voice-moderation-queue.png'), fullPage: true })
  await row.locator('.at-button.refuse-comment').click()
  await row.locator('.at-button.refuse-insult').click()
  await confirmModal(page)
  await page.locator('.moderation-row', { hasText: '骗子王八蛋' }).waitFor({ state: 'detached', timeout: 20_000 })
  // The writer is told why, on the rating form.
  const writer = await signedIn(reporter.id, 'pages/rate/index')
  await writer.locator('.comment-moderation').first().waitFor({ timeout: 30_000 })
  expect(await writer.locator('.comment-moderation').first().textContent()).toContain('含有辱骂或不文明用语')
  await writer.screenshot({ path: path.join(screenshots, 'voice-rating-refused.png'), fullPage: true })
})

it('the supervision call-back queue shows a disputed visit with its deadline', async () => {
  const { reporter } = await neighbours()
  const household = await h.server.deps.store.get('households', reporter.householdId!)
  const visit = await api(household!.cadreId!, 'visit.create', { householdId: household!.id, purpose: '走访' })
  await api(reporter.id, 'visit.dispute', { visitId: visit.id, reason: '干部没有来过' })
  const people = await h.server.deps.store.find('people', {})
  const supervisor = people.find((p) => p.roles.includes('supervisor') && p.id !== household!.cadreId)!
  const page = await signedIn(supervisor.id, 'subpackages/voice/callbacks/index')
  await page.locator('.callback-row').first().waitFor({ timeout: 30_000 })
  expect(await page.locator('.callback-counts').textContent()).toMatch(/待回访 \d+ · 已超期 \d+ · 已回访 \d+/)
  const row = page.locator('.callback-row', { hasText: reporter.name }).first()
  expect(await row.textContent()).toContain('群众对走访有异议')
  await page.screenshot({ path: path.join(screenshots, 'voice-callbacks.png'), fullPage: true })
})
