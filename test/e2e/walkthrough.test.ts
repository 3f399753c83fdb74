/**
 * The walkthrough (issue 12, "done when"): every screen of the villager, the resident cadre, the
 * village secretary, the township office and the supervision group, at 390x844, in normal and in
 * elder mode (长辈版), saved under .tmp/walk/<role>-<screen>-<mode>.png to be looked at, with a
 * measurement of each (.tmp/walk/report.json). What it asserts on every screen:
 * - nothing runs off the right edge; no raw codes, no "undefined"/"NaN", no jargon for villagers
 *   ("1135", "考核周期", "数据指纹", hours over a day);
 * - a loaded screen, never a spinner left spinning or an error;
 * - on villager screens in elder mode: body text (and every field's text) >= 18 px, key text (the
 *   cadre's name, the big buttons) >= 30 px, every target >= 60x60.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { apiCall, startBrowserHarness, tokenFor, type BrowserHarness } from './browser'

jest.setTimeout(900_000)

const out = path.resolve(__dirname, '../../.tmp/walk')

let h: BrowserHarness
beforeAll(async () => {
  h = await startBrowserHarness()
  fs.mkdirSync(out, { recursive: true })
})
afterAll(() => h?.stop())

type Person = { id: string; roles: string[]; duty: string | null; householdId: string | null }

const api = <T = unknown>(action: string, input: unknown, token?: string) => apiCall<T>(h, action, input, token)

const listed = async (match: (p: Person) => boolean): Promise<string> => {
  const { groups } = await api<{ groups: { people: { id: string }[] }[] }>('auth.devPeople', {})
  for (const id of groups.flatMap((g) => g.people.map((p) => p.id))) {
    const person = await h.server.deps.store.get('people', id)
    if (person && match(person as Person)) return id
  }
  throw new Error('no listed person matches')
}

const lastMonth = () => {
  const d = new Date(Date.now() + 8 * 3_600_000)
  const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1))
  return `${m.getUTCFullYear()}-${String(m.getUTCMonth() + 1).padStart(2, '0')}`
}

/** A day n days from today in the township (UTC+8). */
const dayFromNow = (n: number) => new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10)

const tokenOf = (personId: string) => tokenFor(h, personId)

/** A page whose every load starts signed in, in the given mode. */
const pageFor = async (token: string, elder: boolean): Promise<Page> => {
  const page = await h.newPage()
  await page.context().addInitScript(
    ([t, e]) => {
      localStorage.setItem('minqing.session', JSON.stringify({ data: t }))
      localStorage.setItem('mq.elder', JSON.stringify({ data: e ? 'on' : 'off' }))
    },
    [token, elder] as const,
  )
  return page
}

export interface Measured {
  screen: string
  overflow: number
  smallText: { text: string; size: number }[]
  smallTargets: { name: string; width: number; height: number }[]
  keyText: { text: string; size: number }[]
  /** Raw codes, "undefined", ISO week keys: wrong on any screen. */
  codes: string[]
  /** Hours over a day (should be days): wrong on any screen. */
  hours: string[]
  /** Staff words a villager does not use ("1135"): wrong on villager screens. */
  words: string[]
  stuck: boolean
  errors: string[]
}

/** Waits until the screen has loaded (no spinner), then measures it. */
const measure = async (page: Page, screen: string): Promise<Measured> => {
  const deadline = Date.now() + 20_000
  await page.waitForTimeout(800)
  while (Date.now() < deadline && (await page.locator('.mq-state--loading:visible').count()) > 0) await page.waitForTimeout(300)
  await page.waitForTimeout(300)
  const m = await page.evaluate(() => {
    const visible = (el: Element) => {
      const b = el.getBoundingClientRect()
      const s = getComputedStyle(el)
      return b.width > 0 && b.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'
    }
    const root = document.querySelector('.taro_page:not([style*="display: none"])') ?? document.body
    const smallText: { text: string; size: number }[] = []
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim()
      const el = n.parentElement
      if (!text || !el || !visible(el)) continue
      const size = parseFloat(getComputedStyle(el).fontSize)
      if (size < 18) smallText.push({ text: text.slice(0, 24), size })
    }
    // A field's own text and placeholder are not text nodes: measure the field.
    for (const el of Array.from(root.querySelectorAll('input, textarea'))) {
      if (!visible(el) || (el as HTMLInputElement).type === 'file') continue
      const size = parseFloat(getComputedStyle(el).fontSize)
      if (size < 18) smallText.push({ text: `[${(el as HTMLInputElement).placeholder || el.tagName}]`.slice(0, 24), size })
    }
    const targets = Array.from(
      root.querySelectorAll('.at-button, .villager-action, .mq-choice__item, .mq-chip, .mq-field__input, input, textarea, [role="button"], a[href]'),
    ).concat(Array.from(document.querySelectorAll('.weui-tabbar__item')))
    const smallTargets = targets
      .filter(visible)
      .map((el) => ({ name: (el.getAttribute('aria-label') ?? el.textContent ?? el.className).trim().slice(0, 24), box: el.getBoundingClientRect() }))
      .filter((t) => t.box.height < 60 || t.box.width < 60)
      .map((t) => ({ name: t.name, width: Math.round(t.box.width), height: Math.round(t.box.height) }))
    const text = (root as HTMLElement).innerText ?? ''
    const codes = text.match(/undefined|NaN|\bnull\b|\[object|[A-Z]{3,}\.[A-Z_]{3,}|\d{4}-W\d{2}/g) ?? []
    const hours = (text.match(/\d+ ?小时/g) ?? []).filter((x) => parseInt(x, 10) > 24)
    const words = text.match(/1135|考核周期|数据指纹/g) ?? []
    const errors = Array.from(root.querySelectorAll('.mq-state--error .mq-state__text')).map((e) => (e.textContent ?? '').trim())
    // Key text: the cadre's name and the big buttons' words.
    const keyText = Array.from(root.querySelectorAll('.cadre-name, .mq-button--big .at-button__text'))
      .filter(visible)
      .map((el) => ({ text: (el.textContent ?? '').trim().slice(0, 24), size: parseFloat(getComputedStyle(el).fontSize) }))
    return { overflow: document.documentElement.scrollWidth - window.innerWidth, smallText, smallTargets, keyText, codes, hours, words, errors }
  })
  const stuck = (await page.locator('.mq-state--loading:visible').count()) > 0
  return { screen, stuck, ...m }
}

/**
 * The screen from top to bottom: the page scrolls inside its own element (not the document), so one
 * 390x844 shot per screenful (name-1.png, name-2.png, ...), at most five.
 */
const shots = async (page: Page, name: string) => {
  const steps = await page.evaluate(() => {
    const scrollers = Array.from(document.querySelectorAll<HTMLElement>('.taro_page, .taro-tabbar__panel, body, html')).filter(
      (el) => el.scrollHeight > el.clientHeight + 4 && getComputedStyle(el).display !== 'none',
    )
    const el = scrollers.sort((a, b) => b.scrollHeight - a.scrollHeight)[0]
    if (!el) return 1
    el.setAttribute('data-walk-scroller', '1')
    return Math.min(5, 1 + Math.ceil((el.scrollHeight - el.clientHeight) / (el.clientHeight - 80)))
  })
  for (let i = 0; i < steps; i++) {
    await page.evaluate((n) => {
      const el = document.querySelector<HTMLElement>('[data-walk-scroller]')
      if (el) el.scrollTop = n * (el.clientHeight - 80)
    }, i)
    await page.waitForTimeout(150)
    await page.screenshot({ path: path.join(out, `${name}-${i + 1}.png`) })
  }
}

interface Screen {
  name: string
  hash: string
  /** A villager screen: elder mode must give 60x60 targets and 18 px text. */
  villager?: boolean
}

const report: Record<string, Measured> = {}

const walk = async (role: string, personId: string, screens: Screen[]) => {
  const token = await tokenOf(personId)
  for (const elder of [false, true]) {
    const mode = elder ? 'elder' : 'normal'
    const page = await pageFor(token, elder)
    for (const s of screens) {
      await page.goto(`${h.server.url}/#${s.hash}`)
      await page.reload()
      const name = `${role}-${s.name}-${mode}`
      const m = await measure(page, name)
      report[name] = m
      await shots(page, name)
    }
    await page.context().close()
  }
  fs.writeFileSync(path.join(out, 'report.json'), JSON.stringify(report, null, 2))
}

const problems = (role: string, screens: Screen[]) =>
  screens.flatMap((s) =>
    (['normal', 'elder'] as const).flatMap((mode) => {
      const m = report[`${role}-${s.name}-${mode}`]
      if (!m) return [`${role}-${s.name}-${mode}: not walked`]
      const p: string[] = []
      if (m.overflow > 0) p.push(`${m.screen}: runs ${m.overflow}px off the right edge`)
      if (m.stuck) p.push(`${m.screen}: still loading`)
      if (m.errors.length) p.push(`${m.screen}: error ${m.errors.join(' / ')}`)
      if (m.codes.length || m.hours.length) p.push(`${m.screen}: codes ${[...m.codes, ...m.hours].join(', ')}`)
      if (s.villager && m.words.length) p.push(`${m.screen}: jargon ${m.words.join(', ')}`)
      if (s.villager && mode === 'elder' && m.smallText.length) p.push(`${m.screen}: small text ${JSON.stringify(m.smallText.slice(0, 5))}`)
      const smallKey = m.keyText.filter((k) => k.size < 30)
      if (s.villager && mode === 'elder' && smallKey.length) p.push(`${m.screen}: key text under 30 px ${JSON.stringify(smallKey)}`)
      if (s.villager && mode === 'elder' && m.smallTargets.length) p.push(`${m.screen}: small targets ${JSON.stringify(m.smallTargets.slice(0, 5))}`)
      return p
    }),
  )

it('the villager’s screens', async () => {
  const villagerId = await listed((p) => p.roles.includes('villager') && !p.roles.includes('secretary') && p.householdId !== null)
  const token = await tokenOf(villagerId)
  const villager = (await h.server.deps.store.get('people', villagerId))!
  const household = (await h.server.deps.store.get('households', villager.householdId!))!
  // Something to sign and a ticket of my own, as a villager would have.
  const cadreToken = await tokenOf(household.cadreId!)
  const visit = await api<{ id: string }>('visit.create', { householdId: household.id, purpose: '了解今年的草场补贴', notes: '', problems: '' }, cadreToken)
  const ticket = await api<{ id: string }>('ticket.create', { kind: 'problem', category: 'infrastructure', description: '村口的路灯坏了三天了' }, token)
  // Last month's posting, as every villager sees it from the 1st on.
  const officeId = await listed((p) => p.roles.includes('cadre') && p.duty === 'office' && !p.roles.includes('supervisor') && !p.roles.includes('leader'))
  if ((await api<string[]>('posting.months', {}, token)).length === 0) await api('office.closePeriod', { period: lastMonth() }, await tokenOf(officeId))
  const months = await api<string[]>('posting.months', {}, token)
  const screens: Screen[] = [
    { name: 'home', hash: '/pages/index/index', villager: true },
    { name: 'items', hash: '/pages/items/index', villager: true },
    { name: 'me', hash: '/pages/me/index', villager: true },
    { name: 'service', hash: '/pages/service/index', villager: true },
    { name: 'report', hash: '/pages/report/index', villager: true },
    { name: 'ticket', hash: `/pages/ticket/index?id=${ticket.id}`, villager: true },
    { name: 'sign', hash: `/pages/sign/index?visit=${visit.id}`, villager: true },
    { name: 'rate', hash: '/pages/rate/index', villager: true },
    { name: 'posting', hash: `/pages/posting/index${months[0] ? `?period=${months[0]}` : ''}`, villager: true },
  ]
  await walk('villager', villagerId, screens)
  expect(problems('villager', screens)).toEqual([])
})

it('the resident cadre’s screens', async () => {
  const cadreId = await listed((p) => p.roles.includes('cadre') && p.duty === 'resident' && !p.roles.includes('leader') && !p.roles.includes('supervisor'))
  const token = await tokenOf(cadreId)
  const tickets = await api<{ id: string }[]>('ticket.list', { open: true }, token)
  // Two visits planned (today and in ten days), so 这周要去的 and 以后约好的 have rows.
  const households = await api<{ id: string }[]>('cadre.households', {}, token)
  await api('visit.plan', { householdId: households[0]!.id, date: dayFromNow(0), note: '带上医保缴费单' }, token)
  await api('visit.plan', { householdId: households[1]!.id, date: dayFromNow(10) }, token)
  const screens: Screen[] = [
    { name: 'home', hash: '/pages/index/index' },
    { name: 'inbox', hash: '/subpackages/cadre/pages/inbox/index' },
    ...(tickets[0] ? [{ name: 'ticket', hash: `/subpackages/cadre/pages/ticket/index?id=${tickets[0].id}` }] : []),
    { name: 'file-for', hash: '/subpackages/cadre/pages/file-for/index' },
    { name: 'visit', hash: '/subpackages/cadre/pages/visit/index' },
    { name: 'visit-household', hash: `/subpackages/cadre/pages/visit/index?household=${households[0]!.id}` },
    { name: 'plan', hash: `/subpackages/cadre/pages/plan/index?household=${households[0]!.id}` },
    { name: 'signin', hash: '/subpackages/cadre/pages/signin/index' },
    { name: 'leave', hash: '/subpackages/cadre/pages/leave/index' },
    { name: 'attendance', hash: '/subpackages/cadre/pages/attendance/index' },
    { name: 'scores', hash: '/subpackages/cadre/pages/scores/index' },
    { name: 'record', hash: '/subpackages/cadre/pages/record/index' },
    { name: 'items', hash: '/pages/items/index' },
    { name: 'me', hash: '/pages/me/index' },
  ]
  await walk('cadre', cadreId, screens)
  expect(problems('cadre', screens)).toEqual([])
})

it('the village secretary’s screens', async () => {
  const secretaryId = await listed((p) => p.roles.includes('secretary'))
  const screens: Screen[] = [
    { name: 'home', hash: '/pages/index/index' },
    { name: 'desk', hash: '/subpackages/cadre/pages/desk/index' },
    { name: 'items', hash: '/pages/items/index' },
    { name: 'me', hash: '/pages/me/index' },
  ]
  await walk('secretary', secretaryId, screens)
  expect(problems('secretary', screens)).toEqual([])
})

it('the township office’s screens', async () => {
  const officeId = await listed((p) => p.roles.includes('cadre') && p.duty === 'office' && !p.roles.includes('supervisor') && !p.roles.includes('leader'))
  const screens: Screen[] = [
    { name: 'home', hash: '/pages/index/index' },
    { name: 'workbench', hash: '/subpackages/office/index/index' },
    { name: 'dashboard', hash: '/subpackages/office/dashboard/index' },
    { name: 'roster', hash: '/subpackages/office/roster/index' },
    { name: 'cadres', hash: '/subpackages/office/cadres/index' },
    { name: 'places', hash: '/subpackages/office/places/index' },
    { name: 'tickets', hash: '/subpackages/office/pages/tickets/index' },
    { name: 'ratings', hash: '/subpackages/office/pages/ratings/index' },
    { name: 'signins', hash: '/subpackages/office/pages/signins/index' },
    { name: 'moderation', hash: '/subpackages/voice/moderation/index' },
    { name: 'me', hash: '/pages/me/index' },
  ]
  await walk('office', officeId, screens)
  expect(problems('office', screens)).toEqual([])
})

it('the supervision group’s screens', async () => {
  const supervisorId = await listed((p) => p.roles.includes('supervisor'))
  const screens: Screen[] = [
    { name: 'home', hash: '/pages/index/index' },
    { name: 'supervision', hash: '/subpackages/office/supervision/index' },
    { name: 'report', hash: '/subpackages/office/report/index' },
    { name: 'callbacks', hash: '/subpackages/voice/callbacks/index' },
    { name: 'cadres', hash: '/subpackages/office/cadres/index' },
    { name: 'me', hash: '/pages/me/index' },
  ]
  await walk('supervision', supervisorId, screens)
  expect(problems('supervision', screens)).toEqual([])
})
