/**
 * Browser test harness: the real local server (seeded demo township, SQLite file in a temp folder)
 * serving the H5 build from dist-h5/, and Debian's chromium driven by playwright-core.
 * One rule: no browser download; CHROMIUM_PATH overrides /usr/bin/chromium.
 * Per file only what must be its own: the server and its database (a copy of the run's seeded
 * township: test/support/e2e-seed-template.ts) and its browser contexts; the chromium is the run's
 * one (the e2e globalSetup's, test/support/e2e-chromium.ts), which a file connects to and leaves running.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import type { ActionName, InputOf, OutputOf } from '../../src/contracts'
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings'
import { startLocalServer, type LocalServer } from '../../src/server/local/start'
import { openBrowser } from '../support/e2e-chromium'
import { copySeededTownship, dataFolderParent } from '../support/e2e-seed-template'
import { UI_WAIT_MS } from '../support/timeouts'

const root = path.resolve(__dirname, '../..')
export const screenshots = path.join(root, '.tmp', 'e2e')

export interface BrowserHarness {
  server: LocalServer
  /** The server's data folder (its SQLite database: `npm run setup` can be pointed at it). */
  dataDir: string
  browser: Browser
  /** A fresh page (own storage: its own session) at a phone-sized viewport. */
  newPage: () => Promise<Page>
  stop: () => Promise<void>
}

/**
 * `demo: false`: a self-hosted start on an empty database (no seed, no person picker).
 * `settings`: the township's settings (e.g. sign-in slots around the run's time).
 */
/**
 * The browser tests run on the real date: a year around it that the shipped holiday calendar does not
 * hold yet (its State Council notice comes by MINQING_HOLIDAYS in a deployment) gets a stand-in
 * (New Year's Day only), so closing last month does not depend on the day the suite runs.
 */
const withCalendarAroundToday = (settings: Settings): Settings => {
  const year = new Date().getUTCFullYear()
  const years = { ...settings.calendar.years }
  for (const y of [year - 1, year, year + 1]) if (!(String(y) in years)) years[String(y)] = { holidays: [`${y}-01-01`], workdays: [] }
  return { ...settings, calendar: { years } }
}

export const startBrowserHarness = async (options: { demo?: boolean; settings?: Settings } = {}): Promise<BrowserHarness> => {
  const staticDir = path.join(root, 'dist-h5')
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) throw new Error('dist-h5/ is missing: run `npm run build:h5` first')
  const dataDir = fs.mkdtempSync(path.join(dataFolderParent(), 'minqing-e2e-'))
  fs.mkdirSync(screenshots, { recursive: true })
  const demo = options.demo ?? true
  // The demo township (default size and seed) as a copy of the run's seeded one; the server then
  // finds it seeded and does not seed again.
  if (demo) await copySeededTownship(dataDir)
  const server = await startLocalServer({ dataDir, staticDir, demo, settings: withCalendarAroundToday(options.settings ?? DEFAULT_SETTINGS) })
  const browser = await openBrowser()
  // Every context of this browser, also those a test makes itself (geolocation, a second person),
  // waits UI_WAIT_MS by default instead of Playwright's 30 s: a busy machine renders slowly.
  const newContext = browser.newContext.bind(browser)
  browser.newContext = async (...args: Parameters<Browser['newContext']>) => {
    const context = await newContext(...args)
    context.setDefaultTimeout(UI_WAIT_MS)
    context.setDefaultNavigationTimeout(UI_WAIT_MS)
    return context
  }
  return {
    server,
    dataDir,
    browser,
    newPage: async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' })
      return context.newPage()
    },
    stop: async () => {
      // The contexts this file made (a connection lists only its own), then the connection: the run's
      // chromium outlives the file (a browser of its own, without the run's, is closed).
      await Promise.all(browser.contexts().map((c) => c.close().catch(() => undefined)))
      await browser.close()
      await server.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Signs in through the local login screen by clicking the person's entry. */
export const loginAs = async (h: BrowserHarness, page: Page, personId: string) => {
  await page.goto(`${h.server.url}/`)
  const entry = page.locator(`.person-${personId}`)
  await entry.waitFor({ timeout: 20_000 })
  await entry.click()
}

// ---- visitplan: calls and signed-in pages shared by the e2e files ----

/** Calls an action on the harness's server; answers its data or throws with the error code. */
export const apiCall = async <T = unknown>(h: BrowserHarness, action: string, input: unknown, token?: string): Promise<T> => {
  const res = await fetch(`${h.server.url}/api/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ input, requestId: `e2e-${action.replace(/\./g, '-')}-${Date.now()}-${Math.random().toString(36).slice(2)}` }),
  })
  const body = (await res.json()) as { ok: boolean; data: T; error?: { code: string } }
  if (!body.ok) throw new Error(`${action}: ${body.error?.code}`)
  return body.data
}

/** `apiCall` typed by the contract, for a harness made later (in beforeAll): `const api = typedApi(() => h)`. */
export const typedApi =
  (harness: () => BrowserHarness) =>
  <N extends ActionName>(action: N, input: InputOf<N>, token?: string): Promise<OutputOf<N>> =>
    apiCall<OutputOf<N>>(harness(), action, input, token)

/** A session token for a person of the demo township (the dev login). */
export const tokenFor = async (h: BrowserHarness, personId: string): Promise<string> => (await apiCall<{ token: string }>(h, 'auth.devLogin', { personId })).token

/** A fresh page signed in with `token`, opened at `hash` (e.g. /pages/index/index). */
export const signedInAt = async (h: BrowserHarness, token: string, hash: string): Promise<Page> => {
  const page = await h.newPage()
  await page.goto(`${h.server.url}/`)
  await page.evaluate((t) => localStorage.setItem('minqing.session', JSON.stringify({ data: t })), token)
  await page.goto(`${h.server.url}/#${hash}`)
  await page.reload()
  return page
}
