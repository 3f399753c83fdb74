/**
 * Browser test harness: the real local server (seeded demo township, SQLite file in a temp folder)
 * serving the H5 build from dist-h5/, and Debian's chromium driven by playwright-core.
 * One rule: no browser download; CHROMIUM_PATH overrides /usr/bin/chromium.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings'
import { startLocalServer, type LocalServer } from '../../src/server/local/start'
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
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-e2e-'))
  fs.mkdirSync(screenshots, { recursive: true })
  const server = await startLocalServer({ dataDir, staticDir, demo: options.demo ?? true, settings: withCalendarAroundToday(options.settings ?? DEFAULT_SETTINGS) })
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
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
