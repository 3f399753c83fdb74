// setupFilesAfterEnv of every jest project (unit, integration, integration-mysql, e2e): a busy
// 2-core machine (seven builds and suites beside each other) starts servers, databases, migrations
// and browsers slowly, and jest's 5 s default is not a statement about our code (speed is measured
// by the benchmarks, never by a timed test). `testTimeout` is a run-wide option only, hence this
// file. jest.setTimeout covers tests and hooks (beforeAll, afterAll...) alike.
// A file or hook may set a LONGER timeout of its own, never a shorter one:
// test/repo/timeouts.test.ts checks every test file for that.

/** The least time any test or hook gets before it counts as failed. */
export const TEST_TIMEOUT_MS = 120_000

/**
 * The default wait of every browser action and navigation in the e2e tests (Playwright's own
 * default is 30 s): a click or a page load under heavy load. Waits that pass a timeout of their own
 * keep it. Set on every browser context by test/e2e/browser.ts.
 */
export const UI_WAIT_MS = 60_000

jest.setTimeout(TEST_TIMEOUT_MS)
