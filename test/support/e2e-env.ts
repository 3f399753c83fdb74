/** What the e2e project's globalSetup hands its workers (a module of its own: the setup loads no server code). */

/** The run's chromium: a Playwright browser server's WebSocket endpoint (test/support/e2e-chromium.ts). */
export const BROWSER_ENDPOINT_ENV = 'MINQING_E2E_BROWSER'

/** The run's folder of seeded townships to copy (test/support/e2e-seed-template.ts). */
export const TEMPLATES_ENV = 'MINQING_E2E_TEMPLATES'
