/**
 * Which database the integration tests run on, and a fresh one per harness or test: a database of
 * its own on the MariaDB server named by MINQING_TEST_MYSQL_URL (the integration-mysql project's
 * globalSetup starts one server and sets it; a developer may point it at their own), a SQLite file
 * otherwise.
 * One rule: every caller gets a database of its own (empty, or on MariaDB a copy of the run's
 * migrated template when it asks for a migrated one) and drops it when done.
 */
import fs from 'node:fs'
import path from 'node:path'
import { cloneDatabaseAt, createDatabaseAt, dropDatabaseAt } from './mariadb'

/** `mysql://root@127.0.0.1:PORT`: the MariaDB server the tests of this run use, if any. */
export const MYSQL_URL_ENV = 'MINQING_TEST_MYSQL_URL'

export type TestDialect = 'sqlite' | 'mysql'

/**
 * The name of a database on that server that the run's migrations built (the integration-mysql
 * project's global setup makes it): `freshDatabase(dir, { migrated: true })` starts from a copy.
 */
export const MYSQL_TEMPLATE_ENV = 'MINQING_TEST_MARIADB_TEMPLATE'

/**
 * A SQLite file that the run's migrations built (the integration project's global setup makes it):
 * `freshDatabase(dir, { migrated: true })` on SQLite starts from a copy of it.
 */
export const SQLITE_TEMPLATE_ENV = 'MINQING_TEST_SQLITE_TEMPLATE'

export const testDialect = (): TestDialect => (process.env[MYSQL_URL_ENV] ? 'mysql' : 'sqlite')

export interface TestDatabase {
  dialect: TestDialect
  /** What openStore / startLocalServer take: a mysql:// URL or a SQLite file path. */
  url: string
  /** Drops the MySQL database (a SQLite file goes with its temp folder). */
  drop: () => Promise<void>
}

/**
 * An empty database on `dialect` (default: this run's): a new MySQL database, or `dir/file`.
 * `migrated`: the caller opens it with openStore anyway (the harness), so on MySQL it may start as
 * a copy of the run's migrated template, when there is one: a busy machine spends seconds on the
 * migrations' DDL for each database, and the migrations themselves are proved by the store's
 * conformance tests, which always start empty. On SQLite likewise a copy of the run's migrated
 * file, when the project's global setup made one (~0.25 CPU-s of migrations saved per database).
 */
export const freshDatabase = async (
  dir: string,
  options: { dialect?: TestDialect; file?: string; prefix?: string; migrated?: boolean } = {},
): Promise<TestDatabase> => {
  const dialect = options.dialect ?? testDialect()
  if (dialect === 'sqlite') {
    const url = path.join(dir, options.file ?? 'minqing.db')
    const template = options.migrated ? process.env[SQLITE_TEMPLATE_ENV] : undefined
    if (template && !fs.existsSync(url)) fs.copyFileSync(template, url)
    return { dialect, url, drop: async () => undefined }
  }
  const server = process.env[MYSQL_URL_ENV]
  if (!server) throw new Error(`${MYSQL_URL_ENV} is not set: run this test in the integration-mysql jest project`)
  const template = options.migrated ? process.env[MYSQL_TEMPLATE_ENV] : undefined
  const url = template ? await cloneDatabaseAt(server, template, options.prefix ?? 'it') : await createDatabaseAt(server, options.prefix ?? 'it')
  return { dialect, url, drop: () => dropDatabaseAt(url) }
}
