/**
 * In a real browser against the H5 build: a villager signs in and sees their own household's cadre
 * on the first screen, with the team and the big call button.
 */
import path from 'node:path'
import { loginAs, screenshots, startBrowserHarness, type BrowserHarness } from './browser'

let h: BrowserHarness
beforeAll(async () => {
  h = await startBrowserHarness()
})
afterAll(() => h?.stop())

it("a villager signs in and sees their household's cadre card", async () => {
  const store = h.server.deps.store
  // The first villager the login screen lists, and the cadre the roster assigns to their household.
  const { groups } = (await (await fetch(`${h.server.url}/api/auth.devPeople`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"input":{}}' })).json()).data
  const villagerId: string = groups.find((g: { role: string }) => g.role === 'villager').people[0].id
  const villager = await store.get('people', villagerId)
  const household = villager?.householdId ? await store.get('households', villager.householdId) : null
  const cadre = household?.cadreId ? await store.get('people', household.cadreId) : null
  const [team] = await store.find('teams', { villageId: household?.villageId ?? '' })
  const leader = team ? await store.get('people', team.leaderId) : null
  if (!cadre || !leader) throw new Error('the seeded villager has no cadre or team')

  const page = await h.newPage()
  await loginAs(h, page, villagerId)
  const name = page.locator('.cadre-card .cadre-name')
  await name.waitFor({ timeout: 20_000 })
  expect(await name.textContent()).toBe(cadre.name)
  expect(await page.locator('.cadre-team').textContent()).toContain(leader.name)
  expect(await page.locator('.call-button').isVisible()).toBe(true)
  await page.screenshot({ path: path.join(screenshots, 'villager-home.png'), fullPage: true })
})

it('a villager of another village sees their own cadre, not the first one', async () => {
  const store = h.server.deps.store
  const { groups } = (await (await fetch(`${h.server.url}/api/auth.devPeople`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"input":{}}' })).json()).data
  const listed: { id: string }[] = groups.find((g: { role: string }) => g.role === 'villager').people
  const cadreOf = async (personId: string) => {
    const person = await store.get('people', personId)
    const household = person?.householdId ? await store.get('households', person.householdId) : null
    return household?.cadreId ? await store.get('people', household.cadreId) : null
  }
  const firstCadre = await cadreOf(listed[0]?.id ?? '')
  let other: { personId: string; cadreName: string } | null = null
  for (const p of listed.slice(1)) {
    const cadre = await cadreOf(p.id)
    if (cadre && cadre.id !== firstCadre?.id) {
      other = { personId: p.id, cadreName: cadre.name }
      break
    }
  }
  if (!other) throw new Error('the login list has no villager with another cadre')
  const page = await h.newPage()
  await loginAs(h, page, other.personId)
  const name = page.locator('.cadre-card .cadre-name')
  await name.waitFor({ timeout: 20_000 })
  expect(await name.textContent()).toBe(other.cadreName)
})
