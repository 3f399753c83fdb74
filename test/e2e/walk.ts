/**
 * The walkthrough (issue 12, "done when"): every screen of the villager, the resident cadre, the
 * village secretary, the township office and the supervision group, at 390x844, in normal and in
 * elder mode (长辈版) (the office's and the supervision group's also at a PC, 1280x800), saved under
 * .tmp/walk/<role>-<screen>-<mode>-<n>.png to be looked at, with a
 * measurement of each (.tmp/walk/report-<role>.json). One test file per role
 * (walkthrough-<role>.test.ts), each with a server and browser of its own, so that the e2e project
 * can walk two roles at once; this module is what they share. What it asserts on every screen:
 * - nothing runs off the right edge; no raw codes, no "undefined"/"NaN", no jargon for villagers
 *   ("1135", "考核周期", "数据指纹", hours over a day);
 * - a loaded screen, never a spinner left spinning or an error;
 * - on the office's and the supervision group's screens, on a phone and at a PC: no short text (a
 *   button's word, a band label, a choice, a tag) broken over two lines, no button cutting its words off;
 * - on villager screens in elder mode: body text (and every field's text) >= 18 px, key text (the
 *   cadre's name, the big buttons) >= 30 px, every target >= 60x60.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { apiCall, startBrowserHarness, tokenFor, type BrowserHarness } from './browser'


const out = path.resolve(__dirname, '../../.tmp/walk')

let h: BrowserHarness

/** Starts this file's server and browser before its test and stops them after; sets the test's time. */
export const useWalkHarness = () => {
  jest.setTimeout(600_000)
  beforeAll(async () => {
    h = await startBrowserHarness()
    fs.mkdirSync(out, { recursive: true })
  })
  afterAll(() => h?.stop())
  return { harness: () => h }
}

export type Person = { id: string; roles: string[]; duty: string | null; householdId: string | null }

export const api = <T = unknown>(action: string, input: unknown, token?: string) => apiCall<T>(h, action, input, token)

export const listed = async (match: (p: Person) => boolean): Promise<string> => {
  const { groups } = await api<{ groups: { people: { id: string }[] }[] }>('auth.devPeople', {})
  for (const id of groups.flatMap((g) => g.people.map((p) => p.id))) {
    const person = await h.server.deps.store.get('people', id)
    if (person && match(person as Person)) return id
  }
  throw new Error('no listed person matches')
}

export const lastMonth = () => {
  const d = new Date(Date.now() + 8 * 3_600_000)
  const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1))
  return `${m.getUTCFullYear()}-${String(m.getUTCMonth() + 1).padStart(2, '0')}`
}

/** A day n days from today in the township (UTC+8). */
export const dayFromNow = (n: number) => new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10)

export const tokenOf = (personId: string) => tokenFor(h, personId)

/**
 * A page whose every load starts signed in; the mode comes from the load's query string
 * (`?walk=elder-<n>` turns elder mode on), since the app reads it once when it starts.
 */
const pageFor = async (token: string, pc = false): Promise<Page> => {
  // At a PC (the office's and the supervision group's desks): 1280x800.
  const page = pc ? await (await h.browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: 'zh-CN' })).newPage() : await h.newPage()
  await page.context().addInitScript((t) => {
    localStorage.setItem('minqing.session', JSON.stringify({ data: t }))
    localStorage.setItem('mq.elder', JSON.stringify({ data: (new URLSearchParams(location.search).get('walk') ?? '').startsWith('elder') ? 'on' : 'off' }))
  }, token)
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
  /** Short texts (a button's word, a band label, a choice, a tag) broken over two lines; buttons whose text is cut off. */
  layout: string[]
}

/** Requests under way on a page (the screen's data, its pictures): a screen has loaded when none is. */
interface Net {
  pending: number
  /** When the last request ended with none left under way (0 while some are). */
  quietSince: number
  /** Resolves when the count changes. */
  changed: () => Promise<void>
}

const watchRequests = (page: Page): Net => {
  let wake: (() => void)[] = []
  const net: Net = {
    pending: 0,
    quietSince: Date.now(),
    changed: () => new Promise((done) => wake.push(done)),
  }
  const change = (d: number) => {
    net.pending += d
    net.quietSince = net.pending === 0 ? Date.now() : 0
    const w = wake
    wake = []
    w.forEach((f) => f())
  }
  page.on('request', () => change(1))
  page.on('requestfinished', () => change(-1))
  page.on('requestfailed', () => change(-1))
  return net
}

/**
 * In the page: whether the location is the screen's hash and the page it names is the one page
 * showing, done sliding in, with no spinner anywhere; and for how long that has held. Marks that
 * page `data-walk-page` for the measurement and the shots.
 */
const onScreen = (hash: string) => {
  const w = window as unknown as { __walkSince?: number }
  // A page's id is its path and stamp (`/pages/me/index?stamp=AE`); its query is the location's.
  const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((el) => getComputedStyle(el).display !== 'none')
  const page = shown.length === 1 ? shown[0]! : null
  const [id = '', idQuery = ''] = (page?.id ?? '').split('?')
  const stamp = new URLSearchParams(idQuery).get('stamp') ?? ''
  const opened =
    !!page &&
    decodeURI(location.hash) === `#${hash}` &&
    id === hash.split('?')[0] &&
    page.classList.contains('taro_page_show') &&
    page.classList.contains('taro_page_stationed')
  const spinning = Array.from(document.querySelectorAll('.mq-state--loading')).some((el) => {
    const b = el.getBoundingClientRect()
    return b.width > 0 && b.height > 0 && getComputedStyle(el).visibility !== 'hidden'
  })
  if (opened) {
    document.querySelectorAll('[data-walk-page]').forEach((el) => el !== page && el.removeAttribute('data-walk-page'))
    page.setAttribute('data-walk-page', stamp)
  }
  if (!opened || spinning) {
    w.__walkSince = 0
    return { opened, quietFor: 0, shown: shown.map((el) => el.id) }
  }
  w.__walkSince ||= performance.now()
  return { opened, quietFor: performance.now() - w.__walkSince, shown: shown.map((el) => el.id) }
}

/**
 * Waits until the screen has loaded: the page the hash names is rendered, no request is under way
 * and no spinner shows, and that has held for a quarter of a second (a screen fetches its data once
 * it has mounted). The page watches itself (one wait polling inside it), the requests are counted
 * here. At most 20 s: a screen still loading then is reported as stuck; a screen that never opened
 * fails the walk.
 */
const settle = async (page: Page, hash: string, net: Net, name: string) => {
  const deadline = Date.now() + 20_000
  for (;;) {
    const left = deadline - Date.now()
    try {
      await page.waitForFunction(`(${onScreen.toString()})(${JSON.stringify(hash)}).quietFor >= 250`, undefined, { polling: 50, timeout: Math.max(1, left) })
    } catch (e) {
      if ((e as Error).name !== 'TimeoutError') throw e
      break
    }
    if (net.pending === 0 && Date.now() - net.quietSince >= 250) break
    if (Date.now() >= deadline) break
    // Wait for the requests to end and stay ended a quarter of a second, then look at the page again.
    while (Date.now() < deadline && !(net.pending === 0 && Date.now() - net.quietSince >= 250)) {
      const wait = net.pending === 0 ? 250 - (Date.now() - net.quietSince) : deadline - Date.now()
      await Promise.race([net.changed(), new Promise((done) => setTimeout(done, Math.max(1, Math.min(wait, deadline - Date.now()))))])
    }
  }
  const state = await page.evaluate(onScreen, hash)
  if (!state.opened) throw new Error(`${name}: #${hash} did not open (pages showing: ${state.shown.join(', ') || 'none'})`)
}

/** Measures a loaded screen (the page `settle` marked). */
const measure = async (page: Page, screen: string): Promise<Measured> => {
  const m = await page.evaluate(() => {
    const visible = (el: Element) => {
      const b = el.getBoundingClientRect()
      const s = getComputedStyle(el)
      return b.width > 0 && b.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'
    }
    const root = document.querySelector('[data-walk-page]') ?? document.body
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
    // The lines a short text takes: the distinct tops of its text's line boxes.
    const lines = (el: Element) => {
      const tops: number[] = []
      const texts = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
      for (let n = texts.nextNode(); n; n = texts.nextNode()) {
        if (!(n.textContent ?? '').trim()) continue
        const range = document.createRange()
        range.selectNodeContents(n)
        for (const r of Array.from(range.getClientRects())) if (r.width > 0 && !tops.some((t) => Math.abs(t - r.top) < 4)) tops.push(r.top)
      }
      return tops.length
    }
    const layout: string[] = []
    for (const el of Array.from(root.querySelectorAll('.at-button__text, .mq-band-label, .mq-choice__item, .office-tag'))) {
      const short = (el.textContent ?? '').trim()
      if (short && short.length <= 16 && visible(el) && lines(el) > 1) layout.push(`wraps: ${short}`)
    }
    for (const el of Array.from(root.querySelectorAll('.at-button'))) {
      if (visible(el) && el.scrollWidth > el.clientWidth + 2) layout.push(`cut off: ${(el.textContent ?? '').trim()}`)
    }
    // A spinner anywhere in the document, as Playwright's :visible sees it (a box, not hidden).
    const stuck = Array.from(document.querySelectorAll('.mq-state--loading')).some((el) => {
      const b = el.getBoundingClientRect()
      return b.width > 0 && b.height > 0 && getComputedStyle(el).visibility !== 'hidden'
    })
    return { stuck, overflow: document.documentElement.scrollWidth - window.innerWidth, smallText, smallTargets, keyText, codes, hours, words, errors, layout }
  })
  return { screen, ...m }
}

/**
 * The screen from top to bottom: the page scrolls inside its own element (not the document), so one
 * shot per screenful (name-1.png, name-2.png, ... in `dir`, by default .tmp/walk/), at most five.
 */
export const shots = async (page: Page, name: string, dir = out) => {
  const steps = await page.evaluate(() => {
    document.querySelectorAll('[data-walk-scroller]').forEach((el) => el.removeAttribute('data-walk-scroller'))
    const scrollers = Array.from(document.querySelectorAll<HTMLElement>('.taro_page, .taro-tabbar__panel, body, html')).filter(
      (el) => el.scrollHeight > el.clientHeight + 4 && getComputedStyle(el).display !== 'none',
    )
    const el = scrollers.sort((a, b) => b.scrollHeight - a.scrollHeight)[0]
    if (!el) return 1
    el.setAttribute('data-walk-scroller', '1')
    return Math.min(5, 1 + Math.ceil((el.scrollHeight - el.clientHeight) / (el.clientHeight - 80)))
  })
  for (let i = 0; i < steps; i++) {
    // Scroll to the screenful and let two frames paint it.
    await page.evaluate(
      (n) =>
        new Promise((done) => {
          const el = document.querySelector<HTMLElement>('[data-walk-scroller]')
          if (el) el.scrollTop = n * (el.clientHeight - 80)
          requestAnimationFrame(() => requestAnimationFrame(done))
        }),
      i,
    )
    await page.screenshot({ path: path.join(dir, `${name}-${i + 1}.png`) })
  }
  // Back to the top: the tab bar's panel outlives the page (the next screen opens without a load).
  if (steps > 1)
    await page.evaluate(() => {
      const el = document.querySelector<HTMLElement>('[data-walk-scroller]')
      if (el) el.scrollTop = 0
    })
}

export interface Screen {
  name: string
  hash: string
  /** A villager screen: elder mode must give 60x60 targets and 18 px text. */
  villager?: boolean
}

const report: Record<string, Measured> = {}

/** The modes a screen is walked in: a phone in normal and elder mode, and (staff screens) a PC. */
const MODES = ['normal', 'elder', 'pc'] as const

/**
 * Walks the screens as the person, in normal then elder mode (and `pc`: at a PC): each screen
 * loaded afresh, measured and shot. Normal and elder mode on the phone share a browser context (its
 * storage and cookies emptied in between, as a new phone's); the PC has its own (its size and pixel
 * ratio).
 */
export const walk = async (role: string, personId: string, screens: Screen[], { pc = false } = {}) => {
  const token = await tokenOf(personId)
  let phone: { page: Page; net: Net } | undefined
  for (const mode of pc ? MODES : MODES.filter((x) => x !== 'pc')) {
    if (mode === 'elder' && phone) {
      await phone.page.evaluate(() => (localStorage.clear(), sessionStorage.clear()))
      await phone.page.context().clearCookies()
    }
    const tab = mode === 'elder' && phone ? phone : await pageFor(token, mode === 'pc').then((page) => ({ page, net: watchRequests(page) }))
    if (mode === 'normal') phone = tab
    const { page, net } = tab
    for (const [i, s] of screens.entries()) {
      const name = `${role}-${s.name}-${mode}`
      // A new query string makes a real page load (a new hash alone would not), so each screen
      // starts as a person opening it would, with its own styles only (in H5 the styles of every
      // page opened before stay in the document; in the weapp a page has its own).
      await page.goto(`${h.server.url}/?walk=${mode}-${i}#${s.hash}`)
      await settle(page, s.hash, net, name)
      report[name] = await measure(page, name)
      await shots(page, name)
    }
    if (mode !== 'normal') await page.context().close()
  }
  fs.writeFileSync(path.join(out, `report-${role}.json`), JSON.stringify(report, null, 2))
}

/**
 * What is wrong on the walked screens. `pc`: staff screens, also walked at a PC, whose short texts
 * must not wrap and whose buttons must not cut their words off (issue 12, look-b).
 */
export const problems = (role: string, screens: Screen[], { pc = false } = {}) =>
  screens.flatMap((s) =>
    (pc ? MODES : MODES.filter((x) => x !== 'pc')).flatMap((mode) => {
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
      if (pc && m.layout.length) p.push(`${m.screen}: ${m.layout.join(', ')}`)
      return p
    }),
  )

