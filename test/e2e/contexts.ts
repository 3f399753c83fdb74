/**
 * Browser contexts shared by a test file's tests (the e2e run is bound by processor time: a new
 * context with its first load of the app costs ~1.4 CPU-s, a reload ~0.3, a hash change in the loaded
 * app less). One context per person and viewport for the whole file; each test starts its screens with
 * a full load (`loadAt`: no state carried over from the test before, so `-t` runs one alone), then
 * moves on in the loaded app (`goTo`: a hash change; Taro's router unloads the screen and renders the
 * new one). A test about a first load, an empty storage or a clock keeps a fresh context of its own.
 */
import type { BrowserContext, Page } from 'playwright-core'
import type { Person } from '../../src/core/model'
import { apiCall, loginAs, tokenFor, type BrowserHarness } from './browser'

export interface View {
  width?: number
  height?: number
  deviceScaleFactor?: number
  /** A phone in the township: its clock reads the township's time (UTC+8). */
  timezoneId?: string
}

export interface PersonPages {
  /** The page of `personId` at `view`, signed in (its session set before every load); made once per file. */
  page: (personId: string, view?: View) => Promise<Page>
  /** Closes every context made (afterAll). */
  close: () => Promise<void>
}

export const personPages = (harness: () => BrowserHarness): PersonPages => {
  const made = new Map<string, Promise<{ context: BrowserContext; page: Page }>>()
  const make = async (personId: string, view: View) => {
    const h = harness()
    const token = await tokenFor(h, personId)
    const context = await h.browser.newContext({
      viewport: { width: view.width ?? 390, height: view.height ?? 844 },
      deviceScaleFactor: view.deviceScaleFactor ?? 2,
      locale: 'zh-CN',
      ...(view.timezoneId ? { timezoneId: view.timezoneId } : {}),
    })
    await context.addInitScript((t) => localStorage.setItem('minqing.session', JSON.stringify({ data: t })), token)
    return { context, page: await context.newPage() }
  }
  return {
    page: async (personId, view = {}) => {
      const key = `${personId} ${JSON.stringify(view)}`
      if (!made.has(key)) made.set(key, make(personId, view))
      return (await made.get(key)!).page
    },
    close: async () => {
      for (const c of made.values()) await (await c).context.close().catch(() => undefined)
      made.clear()
    },
  }
}

/** The app's own storage keys as Taro keeps them; `null` removes a key. */
export type Storage = Record<string, string | null>

/**
 * Opens `hash` with a full load of the app, `storage` put into localStorage first (e.g. mq.elder,
 * mq.locale): what the app reads at start. A page that has not loaded anything yet first opens a
 * 404 at the app's origin (no app in it) to reach the origin's storage.
 */
export const loadAt = async (h: BrowserHarness, page: Page, hash: string, storage: Storage = {}): Promise<void> => {
  const target = `${h.server.url}/#${hash}`
  if (!page.url().startsWith(h.server.url)) {
    if (Object.keys(storage).length === 0) {
      await page.goto(target)
      return
    }
    await page.goto(`${h.server.url}/fonts/e2e-origin-only`)
  }
  await page.evaluate(
    ({ s, t }) => {
      for (const [k, v] of Object.entries(s)) {
        if (v === null) localStorage.removeItem(k)
        else localStorage.setItem(k, JSON.stringify({ data: v }))
      }
      history.replaceState(null, '', t) // the URL to load, without the app reacting to it
    },
    { s: storage, t: target },
  )
  await page.reload()
}

/**
 * Moves to `hash` in the loaded app as a hash change (no reload) and waits until the screen shown
 * before is gone (unloaded or hidden), so nothing asserted next is read off it.
 */
export const goTo = async (h: BrowserHarness, page: Page, hash: string): Promise<void> => {
  const before = await page.$('.taro_page:visible')
  await page.goto(`${h.server.url}/#${hash}`)
  if (before) await before.waitForElementState('hidden')
  await before?.dispose()
}

/**
 * Waits until the screen shown has settled: a visible page with something in it, no loading spinner
 * (`.mq-state--loading`) visible and no finite animation or transition running (the page's slide-in),
 * on three checks in a row 100 ms apart (a screen may start a second call after its first answer).
 * Instead of fixed waits.
 */
export const settled = async (page: Page, timeout = 20_000): Promise<void> => {
  await page.evaluate(() => {
    ;(window as unknown as { __e2eQuiet: number }).__e2eQuiet = 0
  })
  await page.waitForFunction(
    () => {
      const w = window as unknown as { __e2eQuiet: number }
      const shown = (el: Element) => (el as HTMLElement).offsetParent !== null || getComputedStyle(el).position === 'fixed'
      const screen = Array.from(document.querySelectorAll('.taro_page')).find(shown)
      const still = document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)
      const quiet = !!screen && screen.children.length > 0 && still && !Array.from(document.querySelectorAll('.mq-state--loading')).some(shown)
      w.__e2eQuiet = quiet ? w.__e2eQuiet + 1 : 0
      return w.__e2eQuiet >= 3
    },
    undefined,
    { timeout, polling: 100 },
  )
}

/**
 * One page per person for the file, signed in through the local login screen the first time
 * (`loginAs`: the home screen follows); asked again, the same page with a full load of the home
 * screen (the session kept), so a test starts from home either way.
 */
export const loginPages = (harness: () => BrowserHarness): ((personId: string) => Promise<Page>) => {
  const made = new Map<string, Promise<Page>>()
  return async (personId) => {
    const h = harness()
    const known = made.get(personId)
    if (known) {
      const page = await known
      await loadAt(h, page, '/pages/index/index')
      return page
    }
    const fresh = (async () => {
      const page = await h.newPage()
      await loginAs(h, page, personId)
      return page
    })()
    made.set(personId, fresh)
    return fresh
  }
}

/** Opens the date wheel of the date field `field` (e.g. '.leave-from') and takes the day it opens on (today unless the page's clock says otherwise: earlier days are not offered). */
export const pickOfferedDay = async (page: Page, field: string): Promise<void> => {
  await page.locator(`${field} .mq-date__value`).click()
  const confirm = page.locator('.weui-picker__action:visible').last()
  await confirm.waitFor({ state: 'visible', timeout: 10_000 })
  await confirm.click()
  await confirm.waitFor({ state: 'hidden', timeout: 10_000 })
}

/** The people the local login screen lists (auth.devPeople), in its order, whose stored record matches; throws if none does. */
export const listedPeople = async (h: BrowserHarness, match: (p: Person) => boolean): Promise<Person[]> => {
  const { groups } = await apiCall<{ groups: { people: { id: string }[] }[] }>(h, 'auth.devPeople', {})
  const found: Person[] = []
  for (const id of groups.flatMap((g) => g.people.map((p) => p.id))) {
    const person = await h.server.deps.store.get('people', id)
    if (person && match(person)) found.push(person)
  }
  if (found.length === 0) throw new Error('no listed person matches')
  return found
}
