/**
 * Ticket rules on the screens at 390x844 (issue 12 item 4, issue 14 item 5): the villager reads who
 * holds the ticket and the current level's own timer; the cadre who escalated it has no 办结
 * button while the secretary holds it; a resolved ticket asks the villager "请您确认是否办好了".
 * Screenshots in .tmp/e2e/rules-*.png.
 */
import path from 'node:path'
import type { Page } from 'playwright-core'
import { screenshots } from './browser'
import { fileHarness } from './contexts2'

jest.setTimeout(180_000)

// The file's harness (started before its tests, stopped after them with its pages).
const h = fileHarness()
// One page per person, signed in by token: each opens the ticket with one load of the app.
const pages = h.pages

const tokenOf = async (personId: string): Promise<string> =>
  ((await (await fetch(`${h.server.url}/api/auth.devLogin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ input: { personId } }) })).json()) as { data: { token: string } }).data.token

let n = 0
const api = async <T,>(personId: string, action: string, input: unknown): Promise<T> => {
  const response = await fetch(`${h.server.url}/api/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenOf(personId)}` },
    body: JSON.stringify({ input, requestId: `rules-e2e-${Date.now()}-${n++}` }),
  })
  const json = (await response.json()) as { ok: boolean; data: T; error?: { code: string } }
  if (!json.ok) throw new Error(`${action}: ${json.error?.code}`)
  return json.data
}

/** The person's page loaded at the ticket (a fresh load each time: the ticket changed on the server meanwhile). */
const open = async (personId: string, pagePath: string, id: string): Promise<Page> => {
  const page = await pages.loadAt(personId, `/${pagePath}?id=${id}`)
  await page.locator('.ticket-detail').waitFor({ timeout: 30_000 })
  return page
}

interface T {
  id: string
  version: number
}

it('the villager sees who holds the ticket and the level timer; the escalating cadre cannot resolve; a resolved ticket asks the villager to confirm', async () => {
  const store = h.server.deps.store
  const people = await store.find('people', {}, { orderBy: { field: 'id' } })
  let who: { villager: string; cadre: string; secretary: string } | null = null
  for (const p of people) {
    if (p.roles.length !== 1 || p.roles[0] !== 'villager' || !p.hasPhone || !p.householdId) continue
    const household = await store.get('households', p.householdId)
    const [team] = household ? await store.find('teams', { villageId: household.villageId }) : []
    if (household?.cadreId && team) {
      who = { villager: p.id, cadre: household.cadreId, secretary: team.secretaryId }
      break
    }
  }
  if (!who) throw new Error('no villager with a cadre and a secretary in the seed')

  let t = await api<T>(who.villager, 'ticket.create', { kind: 'problem', category: 'infrastructure', description: '村里的井水浑了，喝不了' })
  t = await api<T>(who.cadre, 'ticket.act', { ticketId: t.id, action: 'accept', version: t.version, note: '' })
  t = await api<T>(who.cadre, 'ticket.act', { ticketId: t.id, action: 'escalate_secretary', version: t.version, note: '要村里出钱打新井' })

  const villager = await open(who.villager, 'pages/ticket/index', t.id)
  const timer = villager.locator('.ticket-detail .level-timer')
  await timer.waitFor({ timeout: 20_000 })
  expect(await timer.textContent()).toContain('村党支部书记办理期限')
  expect(await villager.locator('.ticket-sentence--held_by').textContent()).toMatch(/^现在由.+办理$/)
  await villager.screenshot({ path: path.join(screenshots, 'rules-ticket-escalated-villager.png'), fullPage: true })

  const cadre = await open(who.cadre, 'subpackages/cadre/pages/ticket/index', t.id)
  await cadre.locator('.ticket-detail .level-timer').waitFor({ timeout: 20_000 })
  expect(await cadre.locator('.at-button.act-resolve').count()).toBe(0)
  await cadre.screenshot({ path: path.join(screenshots, 'rules-ticket-escalated-cadre.png'), fullPage: true })

  t = await api<T>(who.secretary, 'ticket.act', { ticketId: t.id, action: 'resolve', version: t.version, note: '村里出资打了新井' })
  await open(who.villager, 'pages/ticket/index', t.id)
  const ask = villager.locator('.ticket-sentence--confirm_yours')
  await ask.waitFor({ timeout: 20_000 })
  expect(await ask.textContent()).toBe('已办好，请您确认是否办好了')
  await villager.screenshot({ path: path.join(screenshots, 'rules-ticket-resolved-villager.png'), fullPage: true })
})
