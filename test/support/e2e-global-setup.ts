/**
 * globalSetup of the e2e jest project: ONE chromium for the whole run (a Playwright browser server
 * whose endpoint the test files connect to: MINQING_E2E_BROWSER) and the run's folder for the seeded
 * township's templates and the files' data folders (MINQING_E2E_RUN_DIR, test/support/e2e-seed-template.ts). Runs for a single
 * file's run too. A killed run leaves neither behind (the watchdog in e2e-chromium.ts).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { launchRunBrowser, type RunBrowser } from './e2e-chromium'
import { BROWSER_ENDPOINT_ENV, RUN_DIR_ENV } from './e2e-env'

declare global {
  var minqingE2eBrowser: RunBrowser | undefined
}

export default async function setup(): Promise<void> {
  const templates = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-e2e-run-'))
  let browser: RunBrowser
  try {
    browser = await launchRunBrowser([templates])
  } catch (e) {
    fs.rmSync(templates, { recursive: true, force: true })
    throw e
  }
  globalThis.minqingE2eBrowser = browser
  process.env[BROWSER_ENDPOINT_ENV] = browser.server.wsEndpoint()
  process.env[RUN_DIR_ENV] = templates
}
