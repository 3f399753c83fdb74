/**
 * Issue 12 items 9 and 11 in a real browser against the H5 build: the villager's home loads its
 * data in one request (villager.home, none of the five separate reads), and the cadre card says
 * when the cadre plans to come next, in plain words ("12月3日（周四）").
 */
import path from 'node:path'
import { loginAs, screenshots, startBrowserHarness, type BrowserHarness } from './browser'

jest.setTimeout(120_000)

let h: BrowserHarness
beforeAll(async () => {
  h = await startBrowserHarness()
})
afterAll(() => h?.stop())

const api = async (action: string, input: unknown, token?: string) =>
  (
    await fetch(`${h.server.url}/api/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ input, requestId: `e2e-${action.replace(/\./g, "-")}-${Date.now()}` }),
    })
  ).json()

it('the villager home is one request, and the card shows the next planned visit', async () => {
  const store = h.server.deps.store
  const { groups } = (await api('auth.devPeople', {})).data
  const villagerId: string = groups.find((g: { role: string }) => g.role === 'villager').people[0].id
  const villager = await store.get('people', villagerId)
  const household = villager?.householdId ? await store.get('households', villager.householdId) : null
  if (!household?.cadreId) throw new Error('the seeded villager has no cadre')
  // The household's cadre plans a visit three days on (in the township's calendar, UTC+8).
  const planned = new Date(Date.now() + 8 * 3_600_000 + 3 * 86_400_000).toISOString().slice(0, 10)
  const { token } = (await api('auth.devLogin', { personId: household.cadreId })).data
  const plan = await api('visit.plan', { householdId: household.id, date: planned }, token)
  expect(plan).toMatchObject({ ok: true, data: { date: planned } })

  const page = await h.newPage()
  const calls: string[] = []
  page.on('request', (r) => {
    const m = /\/api\/([\w.]+)/.exec(r.url())
    if (m) calls.push(m[1] as string)
  })
  await loginAs(h, page, villagerId)
  const next = page.locator('.cadre-card .next-visit')
  await next.waitFor({ timeout: 30_000 })
  const [, month, day] = planned.split('-').map(Number)
  const weekday = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'][new Date(`${planned}T00:00:00Z`).getUTCDay()]
  expect(await next.textContent()).toBe(`下次来访${month}月${day}日（${weekday}）`)
  await page.locator('.villager-notices').waitFor({ timeout: 10_000 })
  await page.locator('.posting-months').waitFor({ timeout: 10_000 })
  // The home's data came in one request: none of the separate reads the home used to make.
  const afterLogin = calls.slice(calls.lastIndexOf('auth.devLogin') + 1)
  expect(afterLogin.filter((c) => c === 'villager.home')).toHaveLength(1)
  for (const old of ['villager.myCadre', 'visit.waiting', 'ticket.list', 'notices.forMe', 'posting.months']) expect(afterLogin).not.toContain(old)
  await page.screenshot({ path: path.join(screenshots, 'first-screen-next-visit.png'), fullPage: true })
})
