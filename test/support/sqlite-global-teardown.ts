/** globalTeardown of the integration jest project: removes the SQLite template its globalSetup made. */
import fs from 'node:fs'
import path from 'node:path'
import { SQLITE_TEMPLATE_ENV } from './test-database'

export default async function teardown(): Promise<void> {
  const file = process.env[SQLITE_TEMPLATE_ENV]
  delete process.env[SQLITE_TEMPLATE_ENV]
  if (file) fs.rmSync(path.dirname(file), { recursive: true, force: true })
}
