/**
 * The villager screens in traditional Mongolian (issue 13 item 6), in a real browser against the H5
 * build: the villager chooses 蒙古文 on 我的 (remembered across a reload), the Noto Sans Mongolian
 * font is fetched from /fonts and loaded (document.fonts.check), and the home, report, rating and
 * sign-off screens show Mongolian script first with the Chinese beside it. Screenshots at 390x844
 * (normal and elder mode) in .tmp/e2e/mn-*.png, looked at by a person: glyphs, not tofu boxes.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { mnMong } from '../../src/i18n/mn-Mong'
import { splitBilingual } from '../../src/i18n/mongolian-script'
import { apiCall, screenshots, startBrowserHarness, typedApi, type BrowserHarness } from './browser'
import { goTo, loadAt, personPages } from './contexts'

jest.setTimeout(180_000)

let h: BrowserHarness
beforeAll(async () => {
  h = await startBrowserHarness()
})
// One context per person for the file; each test's first screen is a full load with its mode's storage.
const pages = personPages(() => h)
afterAll(async () => {
  await pages.close()
  await h?.stop()
})

const api = typedApi(() => h)
const tokenOf = async (personId: string) => (await api('auth.devLogin', { personId })).token

/** The villager's choices: Mongolian (or none chosen yet), elder mode on or not. */
const mode = (locale: 'mn-Mong' | null, elder: boolean) => ({ 'mq.locale': locale, 'mq.elder': elder ? 'on' : null })

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

/** After the H5 page slide-in has ended: no finite animation or transition still running (a spinner's endless one aside). */
const shot = async (page: Page, name: string) => {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity), undefined, { timeout: 10_000 })
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))
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
  const m = { page: await pages.page(member.id) }

  // 我的 (no language chosen yet): the switch, then a reload keeps the choice.
  await loadAt(h, m.page, '/pages/me/index', mode(null, false))
  // The button names the language in its own script, with the app's face: no empty boxes where a
  // Mongolian reader looks for it on a Chinese screen.
  const switchButton = m.page.locator('.at-button.locale-mn-Mong')
  expect(await switchButton.evaluate((el) => getComputedStyle(el).fontFamily)).toContain('Noto Sans Mongolian')
  await mongolianFontReady(m.page)
  await expectMongolianGlyphs(m.page)
  await shot(m.page, 'me-switch-zh')
  await switchButton.click()
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
  const e = m
  await loadAt(h, e.page, '/pages/index/index', mode('mn-Mong', true))
  await e.page.locator('.page.mq-mn.mq-elder .cadre-card .cadre-name').waitFor({ timeout: 20_000 })
  await mongolianFontReady(e.page)
  await shot(e.page, 'home-elder')
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
  // The face may be loaded for the page a moment before a canvas measures with it: up to 10 s.
  await page
    .waitForFunction(
      () => {
        const ctx = document.createElement('canvas').getContext('2d')!
        const text = '\u182E\u1823\u1829\u182D\u1823\u182F \u1822\u1837\u182D\u1821\u1828'
        ctx.font = '32px "Noto Sans Mongolian", monospace'
        const noto = ctx.measureText(text).width
        ctx.font = '32px monospace'
        return Math.abs(noto - ctx.measureText(text).width) > 4
      },
      undefined,
      { timeout: 10_000 },
    )
    .catch(() => undefined)
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
    const page = await pages.page(member.id)
    let loaded = false
    const visitTo = async (name: string, url: string, ready: string) => {
      if (loaded) await page.goto(`${h.server.url}/#${url}`)
      else await loadAt(h, page, url, mode('mn-Mong', elder))
      loaded = true
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
  }
})

// ---- mn3 (issue 13 items 5-6): the texts of waves 4-6 and the Mongolian dates, seen rendered ----

/**
 * The lines under `selector` read Mongolian first with the Chinese beside at one size, nothing spills
 * off a 390 px screen, and the font is real (not tofu). Returns the lines' text for the caller's checks.
 */
const expectMongolianLines = async (page: Page, selector: string): Promise<string[]> => {
  await page.locator(selector).first().waitFor({ timeout: 30_000 })
  await mongolianFontReady(page)
  await expectMongolianGlyphs(page)
  const lines = await page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const text = (el.textContent ?? '').trim()
      // Each text node holds its Mongolian and its Chinese together (one size by construction); where a
      // heading splits them (.mq-bi: vertical Mongolian, horizontal Chinese), both halves at one size.
      const pairs = Array.from(el.querySelectorAll('.mq-bi')).concat(el.matches('.mq-bi') ? [el] : [])
      const split = pairs.map((bi) => [bi.querySelector('.mq-bi__mn'), bi.querySelector('.mq-bi__zh')].map((x) => (x ? getComputedStyle(x).fontSize : '')))
      const r = el.getBoundingClientRect()
      return {
        text,
        mn: text.search(/[\u1820-\u18AF]/),
        zh: text.search(/[\u4e00-\u9fff]/),
        unequal: split.filter(([mn, zh]) => mn !== zh).length,
        inside: r.left >= -1 && r.right <= window.innerWidth + 1,
        spills: (el as HTMLElement).scrollWidth > (el as HTMLElement).clientWidth + 1,
      }
    }),
  )
  expect(lines.length).toBeGreaterThan(0)
  for (const l of lines) {
    expect({ text: l.text, mongolian: l.mn >= 0 }).toEqual({ text: l.text, mongolian: true })
    if (l.zh >= 0) expect({ text: l.text, mongolianFirst: l.mn < l.zh }).toEqual({ text: l.text, mongolianFirst: true })
    expect({ text: l.text, unequal: l.unequal }).toEqual({ text: l.text, unequal: 0 })
    expect({ text: l.text, inside: l.inside, spills: l.spills }).toEqual({ text: l.text, inside: true, spills: false })
  }
  // Nothing on the page is wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  return lines.map((l) => l.text)
}

const lastMonth = () => {
  const d = new Date(Date.now() + 8 * 3_600_000)
  const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1))
  return `${m.getUTCFullYear()}-${String(m.getUTCMonth() + 1).padStart(2, '0')}`
}

it('waves 4-6 in Mongolian: posting card, a follower view, photo-check notes, the sign page states, the next visit day; dates in Mongolian form', async () => {
  const { household, member, cadre } = await pickHousehold()
  const { localContentSecurity } = await import('../../src/server/wechat/content')
  const { realPng } = await import('../server/fixtures/images')
  const { mnDates } = await import('../../src/i18n/dates')
  const store = h.server.deps.store
  const people = await store.find('people', {})
  const neighbour = people.find((p) => p.villageId === member.villageId && p.householdId && p.householdId !== member.householdId && p.roles.length === 1 && p.roles[0] === 'villager')
  if (!neighbour) throw new Error('no neighbour in the seed')
  const office = people.find((p) => p.roles.includes('cadre') && p.duty === 'office' && !p.roles.includes('supervisor') && !p.roles.includes('leader'))!
  const memberToken = await tokenOf(member.id)
  const cadreToken = await tokenOf(cadre.id)

  // Last month closed, so the posting card has its lines (before the expired visit below is back-dated in the store).
  const period = lastMonth()
  const closed = await apiCall<unknown>(h, 'office.closePeriod', { period }, await tokenOf(office.id)).catch((e: Error) => e)
  if (closed instanceof Error && !/ALREADY_CLOSED/.test(closed.message)) throw closed

  // A report with a photo the content check refuses (the reporter is told; others do not see it).
  const upload = async (text: string) => {
    const QRCode = (await import('qrcode')).default
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(await QRCode.toBuffer(text, { type: 'png', width: 240 }))]), 'photo.png')
    const res = await fetch(`${h.server.url}/upload?kind=photo`, { method: 'POST', body: form, headers: { authorization: `Bearer ${memberToken}` } })
    return ((await res.json()) as { data: { url: string } }).data.url
  }
  const cleared = await upload('mn3-cleared')
  const refused = await upload('mn3-refused')
  localContentSecurity.refusedImages.add(refused)
  const ticket = await api('ticket.create', { kind: 'problem', category: 'other', description: '村口水渠堵了', anonymous: false, photoUrls: [cleared, refused] }, memberToken)
  await api('ticket.follow', { ticketId: ticket.id }, await tokenOf(neighbour.id))

  // The visit states the villager reads on the sign page: signed, disputed, expired.
  const newVisit = () => api('visit.create', { householdId: household.id, purpose: '了解冬季取暖情况', notes: '', problems: '', overnight: false }, cadreToken)
  const signed = await newVisit()
  await api('visit.signOff', { visitId: signed.id, signaturePng: await realPng() }, memberToken)
  const disputed = await newVisit()
  await api('visit.dispute', { visitId: disputed.id, reason: '那天没来' }, memberToken)
  const expired = await newVisit()
  const stored = (await store.get('visits', expired.id))!
  await store.replace('visits', { ...stored, at: stored.at - 48 * 3_600_000 })

  // The next visit, three days on (the township's calendar).
  const planned = new Date(Date.now() + 8 * 3_600_000 + 3 * 86_400_000).toISOString().slice(0, 10)
  await api('visit.plan', { householdId: household.id, date: planned }, cadreToken)


  for (const elder of [false, true]) {
    const tag = elder ? '-elder' : ''
    // The member's page loads once in this mode, then moves screen to screen in the app; the neighbour's page loads once.
    const loaded = new Set<string>()
    const open = async (personId: string, url: string) => {
      const page = await pages.page(personId)
      if (loaded.has(personId)) await goTo(h, page, url)
      else await loadAt(h, page, url, mode('mn-Mong', elder))
      loaded.add(personId)
      return { page }
    }

    // The cadre card: the next visit's day and weekday, the last signed visit's date, in Mongolian form.
    const home = await open(member.id, '/pages/index/index')
    const cardLines = await expectMongolianLines(home.page, '.cadre-card .next-visit, .cadre-card .cadre-card__value')
    const [, month, day] = planned.split('-').map(Number)
    expect(cardLines.some((t) => t.includes(mnDates.date({ year: 0, month: month ?? 0, day: day ?? 0, weekday: 0 }, false)))).toBe(true)
    await shot(home.page, `w4-home${tag}`)

    // The reporter's own ticket: the photo-check note and the dates, Mongolian first.
    const own = await open(member.id, `/pages/ticket/index?id=${encodeURIComponent(ticket.id)}`)
    await expectMongolianLines(own.page, '.photo-check-note--hidden, .timeline__when, .ticket-row__date')
    await shot(own.page, `w4-photo-check${tag}`)

    // The follower's public view of the same report.
    const follower = await open(neighbour.id, `/pages/ticket/index?id=${encodeURIComponent(ticket.id)}`)
    await expectMongolianLines(follower.page, '.public-ticket .public-step')
    await shot(follower.page, `w5-follower${tag}`)
    expect(await follower.page.locator('.public-ticket').textContent()).not.toContain(member.name)

    // The sign page's states, as said to the villager.
    for (const [state, visit] of [['signed', signed], ['disputed', disputed], ['expired', expired]] as const) {
      const sign = await open(member.id, `/pages/sign/index?visit=${encodeURIComponent(visit.id)}`)
      const lines = await expectMongolianLines(sign.page, '.sign-status')
      expect(lines[0]).toBe(mnMong.walk.visitForVillager[state])
      await expectMongolianLines(sign.page, '.sign-visit .mq-line--muted') // 走访时间: the label and the date (the cadre's name and his purpose are as written)
      await shot(sign.page, `w4-sign-${state}${tag}`)
    }

    // The posting card's lines (sign-ins, leave, absences, village days, weeks, the three comment headings).
    const posting = await open(member.id, `/pages/posting/index?period=${period}`)
    await expectMongolianLines(posting.page, '.posting-row .posting-line')
    // The title starts with the township's name (as the roster has it), then the Mongolian, then the Chinese.
    const title = (await posting.page.locator('.posting__title').textContent()) ?? ''
    const monthMn = mnDates.month(Number(period.slice(0, 4)), Number(period.slice(5, 7)))
    expect(title.indexOf(monthMn)).toBeGreaterThan(0)
    expect(title.indexOf(monthMn)).toBeLessThan(title.indexOf(`${Number(period.slice(0, 4))}年`))
    await shot(posting.page, `w6-posting${tag}`)
    await posting.page.screenshot({ path: path.join(screenshots, `mn-w6-posting-full${tag}.png`), fullPage: true })
  }
})
