/**
 * The villager screens in traditional Mongolian (issue 13 item 6), in a real browser against the H5
 * build: the villager chooses 蒙古文 on 我的 (remembered across a reload), the Noto Sans Mongolian
 * font is fetched from /fonts and loaded (document.fonts.check), and the home, report, rating and
 * sign-off screens show Mongolian script first with the Chinese beside it. Screenshots at 390x844
 * (normal and elder mode) in .tmp/e2e/mn-*.png, looked at by a person: glyphs, not tofu boxes.
 */
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import type { ActionName, InputOf, OutputOf } from '../../src/contracts'
import { mnMong } from '../../src/i18n/mn-Mong'
import { screenshots, startBrowserHarness, type BrowserHarness } from './browser'

jest.setTimeout(180_000)

let h: BrowserHarness
beforeAll(async () => {
  h = await startBrowserHarness()
})
afterAll(() => h?.stop())

const api = async <N extends ActionName>(action: N, input: InputOf<N>, token?: string): Promise<OutputOf<N>> => {
  const res = await fetch(`${h.server.url}/api/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ input, requestId: `e2e-${Date.now()}-${Math.random().toString(36).slice(2)}` }),
  })
  const body = await res.json()
  if (!body.ok) throw new Error(`${action}: ${body.error.code}`)
  return body.data
}
const tokenOf = async (personId: string) => (await api('auth.devLogin', { personId })).token

const contextAs = async (personId: string, storage: Record<string, string>): Promise<{ context: BrowserContext; page: Page }> => {
  const token = await tokenOf(personId)
  const context = await h.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' })
  await context.addInitScript(
    ({ t, s }) => {
      localStorage.setItem('minqing.session', JSON.stringify({ data: t }))
      for (const [k, v] of Object.entries(s)) localStorage.setItem(k, JSON.stringify({ data: v }))
    },
    { t: token, s: storage },
  )
  return { context, page: await context.newPage() }
}

/** A resident cadre's household with a member who has a phone. */
const pickHousehold = async () => {
  const store = h.server.deps.store
  const people = await store.find('people', {})
  for (const cadre of people.filter((p) => p.roles.includes('cadre') && p.duty === 'resident')) {
    for (const household of await store.find('households', { cadreId: cadre.id })) {
      const member = people.find((p) => p.householdId === household.id && p.hasPhone && p.roles.includes('villager') && !p.roles.includes('secretary'))
      if (member) return { cadre, household, member }
    }
  }
  throw new Error('the demo township has no suitable household')
}

const mongolianFontReady = (page: Page) =>
  page.waitForFunction(() => document.fonts.check('16px "Noto Sans Mongolian"', '\u182E\u1823\u1829\u182D\u1823\u182F'), undefined, { timeout: 30_000 })

/** After the H5 page slide-in has ended (the page's left edge back at 0). */
const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(1_000)
  await page.screenshot({ path: path.join(screenshots, `mn-${name}.png`) })
}

it('the font is served once, cached, and only the listed file', async () => {
  const res = await fetch(`${h.server.url}/fonts/noto-sans-mongolian.woff`)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('font/woff')
  expect(res.headers.get('cache-control')).toContain('max-age=31536000')
  const body = Buffer.from(await res.arrayBuffer())
  expect(body.subarray(0, 4).toString('latin1')).toBe('wOFF')
  expect((await fetch(`${h.server.url}/fonts/..%2Fpackage.json`)).status).toBe(404)
  expect((await fetch(`${h.server.url}/fonts/other.woff`)).status).toBe(404)
})

it('a villager switches to Mongolian on 我的, the choice is remembered, and the villager screens read Mongolian first', async () => {
  const { household, member, cadre } = await pickHousehold()
  const m = await contextAs(member.id, {})

  // 我的: the switch, then a reload keeps the choice.
  await m.page.goto(`${h.server.url}/#/pages/me/index`)
  await m.page.locator('.at-button.locale-mn-Mong').click()
  await m.page.waitForLoadState('load')
  await m.page.locator('.page.mq-mn').first().waitFor({ timeout: 30_000 })
  await m.page.reload()
  await m.page.locator('.page.mq-mn').first().waitFor({ timeout: 30_000 })
  await m.page.locator('.locale-state').waitFor({ timeout: 20_000 })
  expect(await m.page.locator('.elder-panel').textContent()).toContain(mnMong.elder.title)
  await mongolianFontReady(m.page)
  await shot(m.page, 'me')

  // Home: the household's cadre card with Mongolian actions.
  await m.page.goto(`${h.server.url}/#/pages/index/index`)
  await m.page.locator('.cadre-card .cadre-name').waitFor({ timeout: 20_000 })
  expect(await m.page.locator('.cadre-card .cadre-name').textContent()).toBe(cadre.name) // names as in the roster
  expect(await m.page.locator('.villager-action--rate').textContent()).toContain(mnMong.cadreCard.actions.rate)
  await mongolianFontReady(m.page)
  await shot(m.page, 'home')

  // Report a problem.
  await m.page.goto(`${h.server.url}/#/pages/report/index`)
  await m.page.getByText(mnMong.ticketLoop.chooseCategory).first().waitFor({ timeout: 20_000 })
  await mongolianFontReady(m.page)
  await shot(m.page, 'report')

  // Rating.
  await m.page.goto(`${h.server.url}/#/pages/index/index`)
  await m.page.locator('.villager-action--rate').click()
  await m.page.locator(`.rating-target-${cadre.id}-villagers`).waitFor({ timeout: 20_000 })
  expect(await m.page.locator(`.rating-target-${cadre.id}-villagers`).textContent()).toContain(mnMong.verdict.rating.dimensions.attitude)
  await mongolianFontReady(m.page)
  await shot(m.page, 'rating')

  // Visit sign-off: the cadre records a visit, the member opens the sign-off page.
  const visit = await api('visit.create', { householdId: household.id, purpose: '了解冬季取暖情况', notes: '', problems: '', overnight: false }, await tokenOf(cadre.id))
  await m.page.goto(`${h.server.url}/#/pages/sign/index?visit=${encodeURIComponent(visit.id)}`)
  await m.page.locator('.at-button.sign-confirm').waitFor({ timeout: 20_000 })
  expect(await m.page.locator('.at-button.sign-confirm').textContent()).toContain(mnMong.verdict.sign.confirm)
  await mongolianFontReady(m.page)
  await shot(m.page, 'sign')

  // Elder mode in Mongolian: the home screen again, bigger.
  await m.context.close()
  const e = await contextAs(member.id, { 'mq.locale': 'mn-Mong', 'mq.elder': 'on' })
  await e.page.goto(`${h.server.url}/#/pages/index/index`)
  await e.page.locator('.page.mq-mn.mq-elder .cadre-card .cadre-name').waitFor({ timeout: 20_000 })
  await mongolianFontReady(e.page)
  await shot(e.page, 'home-elder')
  await e.context.close()
})
