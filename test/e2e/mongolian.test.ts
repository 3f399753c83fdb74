/**
 * The villager screens in traditional Mongolian (issue 13 item 6), in a real browser against the H5
 * build: the villager chooses 蒙古文 on 我的 (remembered across a reload), the Noto Sans Mongolian
 * font is fetched from /fonts and loaded (document.fonts.check), and the home, report, rating and
 * sign-off screens show Mongolian script first with the Chinese beside it. Screenshots at 390x844
 * (normal and elder mode) in .tmp/e2e/mn-*.png, looked at by a person: glyphs, not tofu boxes.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import type { ActionName, InputOf, OutputOf } from '../../src/contracts'
import { mnMong } from '../../src/i18n/mn-Mong'
import { splitBilingual } from '../../src/i18n/mongolian-script'
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
  // The panel's heading: vertical Mongolian, the Chinese beside it (two text nodes).
  expect(await m.page.locator('.elder-panel .mq-bi__mn').first().textContent()).toBe(splitBilingual(mnMong.elder.title)?.mongolian)
  expect(await m.page.locator('.elder-panel .mq-bi__zh').first().textContent()).toBe(splitBilingual(mnMong.elder.title)?.chinese)
  await mongolianFontReady(m.page)
  await shot(m.page, 'me')

  // Home: the household's cadre card with Mongolian actions.
  await m.page.goto(`${h.server.url}/#/pages/index/index`)
  await m.page.locator('.cadre-card .cadre-name').waitFor({ timeout: 20_000 })
  expect(await m.page.locator('.cadre-card .cadre-name').textContent()).toBe(cadre.name) // names as in the roster
  expect(await m.page.locator('.villager-action--rate').textContent()).toBe(Object.values(splitBilingual(mnMong.cadreCard.actions.rate) ?? {}).join('')) // vertical Mongolian, then the Chinese
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

// ---- wave 3 (issue 13 item 6): every villager screen, vertical Mongolian, the font, the Chinese beside ----

/** Every text node on the page that holds Chinese but no Mongolian (names, dates and numbers included): for a person to read. */
const chineseOnly = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const t = (n.textContent ?? '').trim()
      const el = n.parentElement
      if (!el || !el.offsetParent || el.closest('.mq-bi__zh')) continue // the Chinese beside a vertical Mongolian heading
      if (/[\u4e00-\u9fff]/.test(t) && !/[\u1820-\u18AF]/.test(t)) out.push(t)
    }
    return [...new Set(out)]
  })

/**
 * A heading set as vertical Mongolian beside horizontal Chinese: its computed writing-mode, the
 * column taller than wide, the same font size for both, and the Chinese beside it as the catalogue has it.
 */
const expectVertical = async (page: Page, scope: string, chinese: string) => {
  const bi = page.locator(`${scope}.mq-bi, ${scope} .mq-bi`).first()
  await bi.waitFor({ timeout: 20_000 })
  const got = await bi.evaluate((el) => {
    const mn = el.querySelector('.mq-bi__mn') as HTMLElement
    const zh = el.querySelector('.mq-bi__zh') as HTMLElement
    const m = mn.getBoundingClientRect()
    const z = zh.getBoundingClientRect()
    return {
      mode: getComputedStyle(mn).writingMode,
      zhMode: getComputedStyle(zh).writingMode,
      tall: m.height > m.width,
      sameSize: getComputedStyle(mn).fontSize === getComputedStyle(zh).fontSize,
      mongolianFirst: m.left <= z.left,
      font: getComputedStyle(mn).fontFamily,
      chinese: (zh.textContent ?? '').trim(),
      mongolian: /^[\u1820-\u18AF]/.test((mn.textContent ?? '').trim()),
    }
  })
  expect(got).toMatchObject({ mode: 'vertical-lr', zhMode: 'horizontal-tb', tall: true, sameSize: true, mongolianFirst: true, chinese, mongolian: true })
  expect(got.font).toMatch(/^"?Noto Sans Mongolian/)
}

/** Not tofu: the Mongolian string measures differently in Noto Sans Mongolian than in the fallback alone (boxes are all one width). */
const expectMongolianGlyphs = async (page: Page) => {
  const widths = await page.evaluate(() => {
    const ctx = document.createElement('canvas').getContext('2d')!
    const text = '\u182E\u1823\u1829\u182D\u1823\u182F \u1822\u1837\u182D\u1821\u1828'
    ctx.font = '32px "Noto Sans Mongolian", monospace'
    const noto = ctx.measureText(text).width
    ctx.font = '32px monospace'
    return { noto, fallback: ctx.measureText(text).width, loaded: document.fonts.check('32px "Noto Sans Mongolian"', text) }
  })
  expect(widths.loaded).toBe(true)
  expect(Math.abs(widths.noto - widths.fallback)).toBeGreaterThan(4)
}

it('every villager screen in Mongolian: vertical headings and actions, real glyphs, the Chinese beside at one size', async () => {
  const { household, member, cadre } = await pickHousehold()
  const { zhCN } = await import('../../src/i18n/zh-CN')
  const ticket = await api('ticket.create', { kind: 'problem', category: 'infrastructure', description: '村口路灯不亮', anonymous: false }, await tokenOf(member.id))
  const visit = await api('visit.create', { householdId: household.id, purpose: '了解冬季取暖情况', notes: '', problems: '', overnight: false }, await tokenOf(cadre.id))
  // What still reads Chinese only (names, places, dates and the cadre's own words are expected): for a person to read.
  const report: Record<string, string[]> = {}
  for (const elder of [false, true]) {
    const tag = elder ? '-elder' : ''
    const { context, page } = await contextAs(member.id, { 'mq.locale': 'mn-Mong', ...(elder ? { 'mq.elder': 'on' } : {}) })
    const visitTo = async (name: string, url: string, ready: string) => {
      await page.goto(`${h.server.url}/#${url}`)
      await page.locator(ready).first().waitFor({ timeout: 30_000 })
      await mongolianFontReady(page)
      await shot(page, `tour-${name}${tag}`)
      report[`${name}${tag}`] = await chineseOnly(page)
      fs.writeFileSync(path.join(screenshots, 'mn-chinese-only.json'), JSON.stringify(report, null, 2))
    }

    await visitTo('home', '/pages/index/index', '.cadre-card .cadre-name')
    await expectMongolianGlyphs(page)
    await expectVertical(page, '.cadre-card .cadre-card__caption', zhCN.cadreCard.title)
    await expectVertical(page, '.villager-action--report', zhCN.cadreCard.actions.report)
    await page.locator('.villager-actions').screenshot({ path: path.join(screenshots, `mn-tour-actions${tag}.png`) })
    expect(await page.locator('.cadre-card .cadre-name').textContent()).toBe(cadre.name) // names as in the roster
    if (elder) {
      // Elder mode holds in Mongolian: big targets and text.
      const action = await page.locator('.villager-action--report').boundingBox()
      expect(action!.height).toBeGreaterThanOrEqual(60)
      const size = await page.locator('.villager-action--report .mq-bi__mn').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
      expect(size).toBeGreaterThanOrEqual(18)
    }

    await visitTo('report', '/pages/report/index', '.report-form')
    await expectVertical(page, '.report-form', zhCN.ticketLoop.reportTitle)
    await visitTo('service', '/pages/service/index', '.service-form')
    await expectVertical(page, '.service-form', zhCN.ticketLoop.serviceTitle)
    await visitTo('items', '/pages/items/index', '.my-tickets')
    await expectVertical(page, '.my-tickets', zhCN.tickets.myTitle)
    await visitTo('ticket', `/pages/ticket/index?id=${encodeURIComponent(ticket.id)}`, '.timeline__event')
    await visitTo('rating', '/pages/rate/index', `.rating-target-${cadre.id}-villagers`)
    await visitTo('sign', `/pages/sign/index?visit=${encodeURIComponent(visit.id)}`, '.at-button.sign-confirm')
    await expectVertical(page, '.sign-visit', zhCN.verdict.sign.title)
    await visitTo('posting', '/pages/posting/index', '.page')
    await visitTo('me', '/pages/me/index', '.locale-state')
    await context.close()
  }
})
