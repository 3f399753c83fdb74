/** What the e2e project's globalSetup hands its workers (a module of its own: the setup loads no server code). */

/** The run's chromium: a Playwright browser server's WebSocket endpoint (test/support/e2e-chromium.ts). */
export const BROWSER_ENDPOINT_ENV = 'MINQING_E2E_BROWSER'

/**
 * The run's folder: the seeded townships that the files copy (test/support/e2e-seed-template.ts)
 * and the files' data folders, all removed with it (at the run's end, or by the watchdog of a killed run).
 */
export const RUN_DIR_ENV = 'MINQING_E2E_RUN_DIR'
