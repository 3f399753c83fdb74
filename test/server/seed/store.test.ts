/**
 * seedStore into a real database (a SQLite file, or a MariaDB database in the integration-mysql
 * project): every generated document arrives, and seeding twice fails without writing anything
 * (one transaction).
 * One rule: a fresh temp directory and database per test run, removed afterwards.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DuplicateKeyError } from '../../../src/server/storage/port'
import { openStore } from '../../../src/server/storage/relational'
import { freshDatabase, type TestDatabase } from '../../support/test-database'
import { DEMO_SEED, SEED_ORDER, generateTownship, seedStore } from '../../../src/server/seed'

const NOW = Date.UTC(2026, 10, 20, 4, 30, 0)

describe('seedStore', () => {
  let dir: string
  let database: TestDatabase
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-seed-'))
    database = await freshDatabase(dir, { file: 'demo.db', prefix: 'seed' })
  })
  afterAll(async () => {
    await database.drop()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('loads the demo; counts match; a second load writes nothing', async () => {
    const data = generateTownship({ ...DEMO_SEED, now: NOW })
    const store = await openStore({ url: database.url })
    try {
      await seedStore(store, data)
      for (const c of SEED_ORDER) expect([c, await store.count(c, {})]).toEqual([c, data[c].length])
      expect(await store.count('households', { villageId: 'vil-1' })).toBe(data.households.filter((h) => h.villageId === 'vil-1').length)
      const ticket = data.tickets[0]
      expect(await store.get('tickets', ticket.id)).toEqual(ticket)

      await expect(seedStore(store, data)).rejects.toBeInstanceOf(DuplicateKeyError)
      for (const c of SEED_ORDER) expect([c, await store.count(c, {})]).toEqual([c, data[c].length])
    } finally {
      await store.close()
    }
    // And it is on disk.
    const reopened = await openStore({ url: database.url })
    try {
      expect(await reopened.count('people', {})).toBe(data.people.length)
    } finally {
      await reopened.close()
    }
  })
})
