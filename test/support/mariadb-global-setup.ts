/**
 * globalSetup of the integration-mysql jest project: starts ONE throw-away MariaDB for the whole
 * run and hands its root URL to the workers (MINQING_TEST_MARIADB, which the project's setup file
 * turns into MINQING_TEST_MYSQL_URL for its own test files only, so that another project run in
 * the same jest process stays on SQLite). Every test file makes its own databases on it.
 */
import { startMariadb, type MariaDb } from './mariadb'

declare global {
  var minqingMariadb: MariaDb | undefined
}

export default async function setup(): Promise<void> {
  const server = await startMariadb({ timeoutMs: 120_000 })
  globalThis.minqingMariadb = server
  process.env.MINQING_TEST_MARIADB = server.url
}
