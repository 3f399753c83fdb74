/**
 * Shared helpers of the browser tests (voice, ticket-loop, verdict, field-ux(-2), media-screening,
 * visitplan, sign-return, field-signin, signin-offline, offline, rules-ticket): signed-in contexts
 * that cost one load of the app, one context per person kept for a whole file, and the screen
 * gestures several files make (the date wheel, the signature pad).
 *
 * Processor time is what the suite runs out of: a new context with its first load costs ~1.4 CPU-s,
 * a reload ~0.3, a hash change in the loaded app next to nothing. So a person's context is made once
 * per file and its page moves from screen to screen by hash changes (Taro's router renders the
 * screen the hash names); a test that is about a load, offline or an empty storage makes its own.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core'
import type { ActionName, InputOf, OutputOf } from '../../src/contracts'
import type { Person } from '../../src/core/model'
import type { BrowserHarness } from './browser'
import { startBrowserHarness, tokenFor, typedApi } from './browser'

/** The phone every e2e file looks at: 390x844 at 2x, Chinese. */
export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' }

/**
 * A context signed in as the person: the session is written by an init script before the app's own
 * code runs, so the first load is already signed in. `storage` entries (e.g. mq.elder) are first
 * values: written when absent, so what the app or the test stores later survives a reload.
 */
export const contextAs = async (
  h: BrowserHarness,
  personId: string,
  options: { extra?: BrowserContextOptions; storage?: Record<string, string> } = {},
): Promise<BrowserContext> => {
  const token = await tokenFor(h, personId)
  const context = await (h.browser as Browser).newContext({ ...PHONE, ...options.extra })
  const first = Object.entries(options.storage ?? {}).map(([k, v]) => [k, JSON.stringify({ data: v })] as [string, string])
  await context.addInitScript(
    ([session, entries]) => {
      localStorage.setItem('minqing.session', session)
      for (const [k, v] of entries) if (localStorage.getItem(k) === null) localStorage.setItem(k, v)
    },
    [JSON.stringify({ data: token }), first] as const,
  )
  return context
}

/** A fresh context and page signed in as the person, opened at `hash` (e.g. /pages/index/index): one load. */
export const freshPageAt = async (h: BrowserHarness, personId: string, hash: string, options: Parameters<typeof contextAs>[2] = {}): Promise<Page> => {
  const page = await (await contextAs(h, personId, options)).newPage()
  await page.goto(`${h.server.url}/#${withSlash(hash)}`)
  return page
}

const withSlash = (hash: string) => (hash.startsWith('/') ? hash : `/${hash}`)

/**
 * Moves a loaded app to the screen `hash` names: a hash change (no load). Taro's router loads the
 * named page (the page it left is unloaded, a tab page kept hidden); this waits until the router has
 * settled there: a new page of that path is the one shown and no page is still sliding out (its
 * elements would otherwise be found twice). The current address itself is loaded again.
 */
export const goTo = async (page: Page, h: BrowserHarness, hash: string) => {
  const target = `${h.server.url}/#${withSlash(hash)}`
  // The same address: the browser loads it again (a reload, as page.goto does there), so the screen shows news.
  if (page.url() === target) {
    await page.reload()
    return
  }
  const left = await page.evaluate(() => Array.from(document.querySelectorAll('.taro_page:not(.taro_page_shade)')).map((el) => el.id))
  await page.goto(target)
  await page.waitForFunction(
    ([path, before]) => {
      const shown = Array.from(document.querySelectorAll('.taro_page:not(.taro_page_shade)'))
      const top = shown[0]
      return shown.length === 1 && !!top && top.id.startsWith(`${path}?`) && !before.includes(top.id) && top.classList.contains('taro_page_stationed')
    },
    [withSlash(hash).split('?')[0] ?? '', left] as const,
  )
}

/**
 * One signed-in page per person (and storage variant) for a whole file: the first `at` makes the
 * context and loads the app at the screen; later ones move the same page there by a hash change.
 * `closeAll` in afterAll. Each test still reaches its screen by itself, so a `-t` run of one works.
 */
export const personPages = (harness: () => BrowserHarness) => {
  const pages = new Map<string, Promise<Page>>()
  return {
    at: async (personId: string, hash: string, storage?: Record<string, string>): Promise<Page> => {
      const key = `${personId} ${JSON.stringify(storage ?? {})}`
      const known = pages.get(key)
      if (known) {
        const page = await known
        await goTo(page, harness(), hash)
        return page
      }
      const made = freshPageAt(harness(), personId, hash, { storage })
      pages.set(key, made)
      return made
    },
    /**
     * The person's page loaded afresh at the screen (a reload in the same page, ~0.3 CPU-s, not a new
     * context): for a screen that must be the first of the app's page stack, e.g. one that goes back
     * by itself after saving and is looked at after that.
     */
    loadAt: async (personId: string, hash: string, storage?: Record<string, string>, before?: (page: Page) => Promise<unknown>): Promise<Page> => {
      const key = `${personId} ${JSON.stringify(storage ?? {})}`
      const known = pages.get(key)
      if (!known) {
        const made = freshPageAt(harness(), personId, hash, { storage })
        pages.set(key, made)
        if (!before) return made
      }
      const page = await (known ?? pages.get(key)!)
      // E.g. a setting stored on the phone, read by the app when it loads.
      if (before) await before(page)
      // The address changes without the router seeing it (replaceState fires no popstate), then loads.
      await page.evaluate((to) => history.replaceState(null, '', to), `#${withSlash(hash)}`)
      await page.reload()
      return page
    },
    closeAll: async () => {
      const all = await Promise.allSettled([...pages.values()])
      pages.clear()
      await Promise.all(all.map((p) => (p.status === 'fulfilled' ? p.value.context().close() : undefined)))
    },
  }
}

// The date wheel: one helper for every file (contexts.ts).
export { pickOfferedDay } from './contexts'

/**
 * The element's box once it has stopped moving (the H5 route animation slides a page in): polled
 * each animation frame in the page, until two frames agree and no animation runs on it or above it.
 */
export const settledBox = async (locator: Locator) => {
  await locator.waitFor()
  await locator.evaluate(
    (el) =>
      new Promise<void>((resolve) => {
        let last = ''
        const started = performance.now()
        const tick = () => {
          const r = el.getBoundingClientRect()
          const now = `${r.x},${r.y},${r.width},${r.height}`
          const moving = document.getAnimations().some((a) => a.playState === 'running')
          if ((now === last && !moving) || performance.now() - started > 5_000) resolve()
          else {
            last = now
            requestAnimationFrame(tick)
          }
        }
        requestAnimationFrame(tick)
      }),
  )
  const box = await locator.boundingBox()
  if (!box) throw new Error('the element has no box')
  return box
}

/** A finger-drawn zigzag on the signature pad whose box is given. */
export const drawSignature = async (page: Page, box: { x: number; y: number }) => {
  await page.mouse.move(box.x + 30, box.y + 40)
  await page.mouse.down()
  for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 30 + i * 20, box.y + 40 + (i % 2) * 50, { steps: 3 })
  await page.mouse.up()
}

/** Polls `check` (e.g. a count in the store) until it holds or `ms` pass; answers its last value. */
export const until = async (check: () => Promise<boolean>, ms = 20_000): Promise<boolean> => {
  const end = Date.now() + ms
  for (;;) {
    if (await check()) return true
    if (Date.now() > end) return false
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/**
 * The answer to the next call of `action` the page makes (registered before the gesture that makes
 * it), then two frames so that what it rendered is on screen: "no late answer changes it" is then
 * checked after the answer, not after a guessed number of milliseconds.
 */
export const nextAnswer = (page: Page, action: string) => {
  const answer = page.waitForResponse((r) => r.url().endsWith(`/api/${action}`))
  return async () => {
    await answer
    await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))))
  }
}

/**
 * The file's harness, started before its tests (beforeAll) and stopped after them with every
 * person's page (afterAll): `const h = fileHarness()` reads as the harness once started, and
 * `h.pages` holds the file's signed-in page per person.
 */
export const fileHarness = (options: () => Parameters<typeof startBrowserHarness>[0] = () => ({})): BrowserHarness & { pages: ReturnType<typeof personPages> } => {
  let started: BrowserHarness | null = null
  const now = (): BrowserHarness => {
    if (!started) throw new Error('the harness starts in beforeAll: use it inside a test or hook')
    return started
  }
  const pages = personPages(now)
  beforeAll(async () => {
    started = await startBrowserHarness(options())
  }, 120_000)
  afterAll(async () => {
    await pages.closeAll()
    await started?.stop()
  })
  return new Proxy({} as BrowserHarness & { pages: typeof pages }, {
    get: (_, key) => (key === 'pages' ? pages : key === 'then' ? undefined : Reflect.get(now(), key)),
  })
}

/** An action called as the person (a dev-login session of theirs): its data, or throws with the error code. */
export const apiAs = async <N extends ActionName>(h: BrowserHarness, personId: string, action: N, input: InputOf<N>): Promise<OutputOf<N>> =>
  typedApi(() => h)(action, input, await tokenFor(h, personId))

/** Two plain villagers of one village, of different households, the reporter's with a cadre. */
export const neighbours = async (h: BrowserHarness): Promise<{ reporter: Person; neighbour: Person }> => {
  const people = await h.server.deps.store.find('people', {})
  const plain = people.filter((p) => p.roles.length === 1 && p.roles[0] === 'villager' && p.hasPhone && p.householdId && p.villageId)
  for (const reporter of plain) {
    const household = await h.server.deps.store.get('households', reporter.householdId!)
    if (!household?.cadreId) continue
    const neighbour = plain.find((p) => p.villageId === reporter.villageId && p.householdId !== reporter.householdId)
    if (neighbour) return { reporter, neighbour }
  }
  throw new Error('no two neighbours in the seed')
}
