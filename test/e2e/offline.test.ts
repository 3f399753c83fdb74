/**
 * No report is lost on a bad network: in a real browser, a villager submits a problem report while
 * offline; it waits on the phone (the home screen says so and lists it), and when the network
 * returns it is sent by itself, exactly once.
 */
import { startBrowserHarness, type BrowserHarness } from './browser'
import { freshPageAt } from './contexts2'

jest.setTimeout(120_000)

let h: BrowserHarness
beforeAll(async () => {
  h = await startBrowserHarness()
})
afterAll(() => h?.stop())

it('a report made offline waits in the outbox and is sent once when the network returns', async () => {
  const store = h.server.deps.store
  const people = await store.find('people', {}, { orderBy: { field: 'id' } })
  const villager = people.find((p) => p.roles.length === 1 && p.roles[0] === 'villager' && p.householdId)
  if (!villager?.householdId) throw new Error('no villager in the seed')
  // A context of its own (it goes offline), signed in by token and loaded once at the report form.
  const page = await freshPageAt(h, villager.id, '/pages/report/index')
  const text = '水井的抽水泵坏了，全组吃水困难'
  const box = page.locator('.report-form .description-input textarea').first()
  await box.waitFor({ timeout: 20_000 })
  await box.fill(text)

  const before = await store.count('tickets', { householdId: villager.householdId })
  await page.context().setOffline(true)
  await page.locator('.at-button.submit-ticket').first().click()
  const banner = page.locator('.offline-banner')
  await banner.waitFor({ timeout: 20_000 })
  await page.locator('.offline-banner__item', { hasText: text.slice(0, 10) }).waitFor({ timeout: 20_000 })
  expect(await banner.textContent()).toContain('网络已断开')
  expect(await store.count('tickets', { householdId: villager.householdId })).toBe(before)

  await page.context().setOffline(false)
  await banner.waitFor({ state: 'detached', timeout: 30_000 })
  const mine = await store.find('tickets', { householdId: villager.householdId })
  expect(mine.filter((t) => t.description === text)).toHaveLength(1)
  expect(await page.evaluate(() => localStorage.getItem('minqing.outbox'))).not.toContain('抽水泵')
  await page.context().close()
})
