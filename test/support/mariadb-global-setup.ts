/**
 * globalSetup of the integration-mysql jest project: starts ONE throw-away MariaDB for the whole
 * run and hands its root URL to the workers (MINQING_TEST_MARIADB, which the project's setup file
 * turns into MINQING_TEST_MYSQL_URL for its own test files only, so that another project run in
 * the same jest process stays on SQLite). Every test file makes its own databases on it; the
 * harness's start as copies of a template database that the run's migrations build here once
 * (MINQING_TEST_MARIADB_TEMPLATE).
 */
import { openStore } from '../../src/server/storage/relational'
import { createDatabaseAt, startMariadb, type MariaDb } from './mariadb'
import { MYSQL_TEMPLATE_ENV } from './test-database'

declare global {
  var minqingMariadb: MariaDb | undefined
}

export default async function setup(): Promise<void> {
  const server = await startMariadb({ timeoutMs: 120_000 })
  globalThis.minqingMariadb = server
  process.env.MINQING_TEST_MARIADB = server.url
  // The run's migrations, once, into a template database that the harness's databases copy
  // (test/support/test-database.ts). A failure here fails the run, with the server stopped.
  try {
    const template = await createDatabaseAt(server.url, 'template')
    const store = await openStore({ url: template })
    await store.close()
    process.env[MYSQL_TEMPLATE_ENV] = new URL(template).pathname.slice(1)
  } catch (e) {
    await server.stop()
    throw e
  }
}
