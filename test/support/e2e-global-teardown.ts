/** globalTeardown of the e2e jest project: closes the run's chromium and removes the run's folder. */
import { BROWSER_ENDPOINT_ENV, RUN_DIR_ENV } from './e2e-env'

export default async function teardown(): Promise<void> {
  const browser = globalThis.minqingE2eBrowser
  globalThis.minqingE2eBrowser = undefined
  delete process.env[BROWSER_ENDPOINT_ENV]
  delete process.env[RUN_DIR_ENV]
  if (browser) await browser.stop()
}
