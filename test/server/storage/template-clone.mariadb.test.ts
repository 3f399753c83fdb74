/**
 * The integration-mysql project's harness starts each database as a copy of the run's migrated
 * template (test/support/test-database.ts). The copy must be exactly what the migrations build:
 * the same tables, columns, indexes and table options, the same migration records, and a store
 * opens it without running a migration.
 */
import { createConnection } from 'mysql2/promise'
import { MIGRATIONS } from '../../../src/server/storage/migrations'
import { openStore } from '../../../src/server/storage/relational'
import { cloneDatabaseAt, createDatabaseAt, dropDatabaseAt } from '../../support/mariadb'
import { MYSQL_TEMPLATE_ENV, MYSQL_URL_ENV } from '../../support/test-database'

const server = () => {
  const url = process.env[MYSQL_URL_ENV]
  if (!url) throw new Error(`${MYSQL_URL_ENV} is not set: this file runs in the integration-mysql project`)
  return url
}

/** Every table's `SHOW CREATE TABLE` (without the database-specific AUTO_INCREMENT counter) and the migration records. */
const describeDatabase = async (url: string) => {
  const connection = await createConnection({ uri: url })
  try {
    const [tables] = (await connection.query('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY table_name')) as unknown as [{ name: string }[]]
    const creates: Record<string, string> = {}
    for (const { name } of tables) {
      const [rows] = (await connection.query(`SHOW CREATE TABLE \`${name}\``)) as unknown as [Record<string, string>[]]
      creates[name] = rows[0]['Create Table'].replace(/ AUTO_INCREMENT=\d+/, '')
    }
    const [migrations] = (await connection.query('SELECT name FROM kysely_migration ORDER BY name')) as unknown as [{ name: string }[]]
    return { creates, migrations: migrations.map((m) => m.name) }
  } finally {
    await connection.end()
  }
}

const made: string[] = []
afterAll(async () => {
  for (const url of made) await dropDatabaseAt(url)
})

it('the run has a migrated template', () => {
  expect(process.env[MYSQL_TEMPLATE_ENV]).toMatch(/^template_[0-9a-f]+$/)
})

it('a copy of the template is what the migrations build: same tables, indexes, options and migration records', async () => {
  const migrated = await createDatabaseAt(server(), 'mig')
  made.push(migrated)
  await (await openStore({ url: migrated })).close()
  const copy = await cloneDatabaseAt(server(), process.env[MYSQL_TEMPLATE_ENV]!, 'copy')
  made.push(copy)
  const [a, b] = [await describeDatabase(migrated), await describeDatabase(copy)]
  expect(Object.keys(b.creates).length).toBeGreaterThan(30)
  expect(b.creates).toEqual(a.creates)
  expect(b.migrations).toEqual(a.migrations)
  expect(b.migrations).toEqual(Object.keys(MIGRATIONS).sort())
})

it('a store opens the copy without running a migration, and it holds data like any other', async () => {
  const copy = await cloneDatabaseAt(server(), process.env[MYSQL_TEMPLATE_ENV]!, 'copy')
  made.push(copy)
  const statements: string[] = []
  const store = await openStore({ url: copy, onQuery: (text) => statements.push(text.trim().toLowerCase()) })
  try {
    expect(statements.filter((q) => /^(create|alter|drop) /.test(q))).toEqual([])
    await store.insert('townships', { id: 'tw-copy', name: '复制镇' })
    expect((await store.get('townships', 'tw-copy'))?.id).toBe('tw-copy')
  } finally {
    await store.close()
  }
  // The template itself stays empty: copies never write into it.
  const template = new URL(server())
  template.pathname = `/${process.env[MYSQL_TEMPLATE_ENV]}`
  const connection = await createConnection({ uri: template.toString() })
  try {
    const [rows] = (await connection.query('SELECT count(*) AS n FROM townships')) as unknown as [{ n: number }[]]
    expect(Number(rows[0].n)).toBe(0)
  } finally {
    await connection.end()
  }
})
