/**
 * globalSetup of the integration jest project: the run's migrations, once, into a SQLite file that
 * the harness's databases start as copies of (MINQING_TEST_SQLITE_TEMPLATE, read by
 * test/support/test-database.ts), as the integration-mysql project does with its template database.
 * Migrating an empty SQLite file costs ~0.25 CPU-s, and the project opens ~130 databases. The
 * migrations themselves are proved on empty databases by the store's conformance tests.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openStore } from '../../src/server/storage/relational'
import { SQLITE_TEMPLATE_ENV } from './test-database'

export default async function setup(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-sqlite-template-'))
  const file = path.join(dir, 'template.db')
  const store = await openStore({ url: file })
  await store.close()
  // One file, no write-ahead log beside it: a copy of it is the whole database.
  for (const extra of ['-wal', '-shm']) if (fs.existsSync(file + extra)) throw new Error(`the SQLite template left ${file}${extra} behind`)
  process.env[SQLITE_TEMPLATE_ENV] = file
}
