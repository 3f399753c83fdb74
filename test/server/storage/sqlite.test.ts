/**
 * The SQLite Store against a real file in a temp directory: the port's promises (CRUD, filters,
 * duplicate and version errors, atomic and serialized transactions, durability, migrations).
 * One rule: every test opens its own file, so tests never see each other's data.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { Household, Ticket } from '../../../src/core/model'
import { DuplicateKeyError, VersionConflictError, type Store } from '../../../src/server/storage/port'
import { findSql, openSqliteStore } from '../../../src/server/storage/sqlite'
import { applyMigrations, MIGRATIONS, type Migration } from '../../../src/server/storage/migrations'

let dir: string
const stores: Store[] = []

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-sqlite-'))
})
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const open = (name = 'data.db'): Store => {
  const s = openSqliteStore(path.join(dir, name))
  stores.push(s)
  return s
}

const hh = (n: number, cadreId: string | null, villageId = 'vil-1'): Household => ({
  id: `hh-${String(n).padStart(4, '0')}`,
  townshipId: 'tw-1',
  villageId,
  groupId: 'grp-1',
  number: String(n),
  headName: `户主${n}`,
  address: `一社${n}号`,
  cadreId,
})

const ticket = (id: string, version: number): Ticket => ({
  id,
  townshipId: 'tw-1',
  villageId: 'vil-1',
  householdId: 'hh-0001',
  kind: 'problem',
  category: 'infrastructure',
  description: '村道坑洼，雨天无法通行',
  reporterId: 'p-0001',
  filedOnBehalf: false,
  anonymous: false,
  status: 'submitted',
  assigneeId: 'p-0100',
  createdAt: 1,
  dueAt: 2,
  version,
  history: [],
  satisfaction: null,
  result: null,
  photoUrls: [],
})

describe('sqlite store', () => {
  it('creates parent directories and does CRUD', async () => {
    const s = open('nested/deeper/data.db')
    expect(fs.existsSync(path.join(dir, 'nested/deeper/data.db'))).toBe(true)
    await s.insert('households', hh(1, 'p-0100'))
    expect(await s.get('households', 'hh-0001')).toEqual(hh(1, 'p-0100'))
    expect(await s.get('households', 'nope')).toBeNull()
    await s.replace('households', { ...hh(1, 'p-0101'), headName: '王建国' })
    expect((await s.get('households', 'hh-0001'))?.headName).toBe('王建国')
    await s.remove('households', 'hh-0001')
    expect(await s.get('households', 'hh-0001')).toBeNull()
    await s.remove('households', 'hh-0001') // removing a missing document is not an error
  })

  it('getMany keeps the order asked for and skips missing ids', async () => {
    const s = open()
    await s.insertMany('households', [hh(1, null), hh(2, null), hh(3, null)])
    const got = await s.getMany('households', ['hh-0003', 'missing', 'hh-0001'])
    expect(got.map((h) => h.id)).toEqual(['hh-0003', 'hh-0001'])
    expect(await s.getMany('households', [])).toEqual([])
  })

  it('filters by equality, IN and null, with orderBy, limit and skip', async () => {
    const s = open()
    await s.insertMany('households', [
      hh(1, 'p-a'),
      hh(2, 'p-b'),
      hh(3, null),
      hh(4, 'p-a', 'vil-2'),
      hh(5, 'p-c'),
    ])
    const ids = (docs: Household[]): string[] => docs.map((d) => d.id)
    expect(ids(await s.find('households', { cadreId: 'p-a' }))).toEqual(['hh-0001', 'hh-0004'])
    expect(ids(await s.find('households', { cadreId: 'p-a', villageId: 'vil-1' }))).toEqual(['hh-0001'])
    expect(ids(await s.find('households', { cadreId: null }))).toEqual(['hh-0003'])
    expect(ids(await s.find('households', { cadreId: ['p-b', 'p-c'] }, { orderBy: { field: 'id' } }))).toEqual([
      'hh-0002',
      'hh-0005',
    ])
    expect(ids(await s.find('households', { cadreId: ['p-b', null] }, { orderBy: { field: 'id' } }))).toEqual([
      'hh-0002',
      'hh-0003',
    ])
    expect(await s.find('households', { cadreId: [] })).toEqual([])
    expect(ids(await s.find('households', {}, { orderBy: { field: 'number', direction: 'desc' }, limit: 2 }))).toEqual([
      'hh-0005',
      'hh-0004',
    ])
    expect(ids(await s.find('households', {}, { orderBy: { field: 'id' }, skip: 3 }))).toEqual(['hh-0004', 'hh-0005'])
    expect(ids(await s.find('households', {}, { orderBy: { field: 'id' }, skip: 1, limit: 2 }))).toEqual([
      'hh-0002',
      'hh-0003',
    ])
    expect(await s.count('households', { cadreId: 'p-a' })).toBe(2)
    expect(await s.count('households', {})).toBe(5)
  })

  it('filters booleans and numbers as JSON stores them', async () => {
    const s = open()
    await s.insert('tickets', ticket('tk-1', 1))
    await s.insert('tickets', { ...ticket('tk-2', 3), anonymous: true })
    expect((await s.find('tickets', { anonymous: true })).map((t) => t.id)).toEqual(['tk-2'])
    expect((await s.find('tickets', { version: [1, 2] })).map((t) => t.id)).toEqual(['tk-1'])
  })

  it('rejects unknown or malformed field names and undefined filter values', async () => {
    const s = open()
    const where = { nope: 'x' } as unknown as Partial<Household>
    await expect(s.find('households', where)).rejects.toThrow(/unknown field/)
    const evil = { "id') OR 1=1 --": 'x' } as unknown as Partial<Household>
    await expect(s.count('households', evil)).rejects.toThrow()
    await expect(s.find('households', { cadreId: undefined })).rejects.toThrow(/undefined/)
    await expect(
      s.find('households', {}, { orderBy: { field: 'bogus' as 'id' } }),
    ).rejects.toThrow(/unknown field/)
  })

  it('insert throws DuplicateKeyError; insertMany is all or nothing', async () => {
    const s = open()
    await s.insert('households', hh(1, null))
    await expect(s.insert('households', hh(1, 'p-x'))).rejects.toBeInstanceOf(DuplicateKeyError)
    await expect(s.insertMany('households', [hh(2, null), hh(1, null)])).rejects.toBeInstanceOf(DuplicateKeyError)
    expect(await s.get('households', 'hh-0002')).toBeNull()
    expect((await s.get('households', 'hh-0001'))?.cadreId).toBeNull()
  })

  it('replace with ifVersion is compare-and-set', async () => {
    const s = open()
    await s.insert('tickets', ticket('tk-1', 1))
    await s.replace('tickets', { ...ticket('tk-1', 2), status: 'accepted' }, { ifVersion: 1 })
    await expect(s.replace('tickets', ticket('tk-1', 2), { ifVersion: 1 })).rejects.toBeInstanceOf(VersionConflictError)
    await expect(s.replace('tickets', ticket('tk-9', 2), { ifVersion: 1 })).rejects.toBeInstanceOf(
      VersionConflictError,
    )
    const t = await s.get('tickets', 'tk-1')
    expect(t?.status).toBe('accepted')
    expect(t?.version).toBe(2)
  })

  it('a transaction that throws leaves nothing written', async () => {
    const s = open()
    await s.insert('households', hh(1, null))
    await expect(
      s.transaction(async (tx) => {
        await tx.insert('households', hh(2, null))
        await tx.replace('households', hh(1, 'p-a'))
        await tx.remove('households', 'hh-0001')
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(await s.get('households', 'hh-0002')).toBeNull()
    expect(await s.get('households', 'hh-0001')).toEqual(hh(1, null))
    // The store is still usable afterwards.
    expect(await s.transaction(async (tx) => tx.count('households', {}))).toBe(1)
  })

  it('commits, returns the value, and nested transaction() on tx joins the outer one', async () => {
    const s = open()
    const result = await s.transaction(async (tx) => {
      await tx.insert('households', hh(1, null))
      return tx.transaction(async (inner) => {
        await inner.insert('households', hh(2, null))
        return inner.count('households', {})
      })
    })
    expect(result).toBe(2)
    expect(await s.count('households', {})).toBe(2)
  })

  it('refuses the outer store inside a transaction instead of deadlocking', async () => {
    const s = open()
    await expect(s.transaction(async () => s.get('households', 'hh-0001'))).rejects.toThrow(/tx/)
    await expect(s.transaction(async () => s.transaction(async () => 1))).rejects.toThrow(/tx/)
  })

  it('serializes concurrent read-then-write transactions and outside writes', async () => {
    const s = open()
    await s.insert('meta', { id: 'counter', value: 0 })
    const bump = (): Promise<void> =>
      s.transaction(async (tx) => {
        const doc = await tx.get('meta', 'counter')
        const value = Number(doc?.value)
        // Yield to the event loop between read and write, where interleaving would happen.
        await new Promise((r) => setTimeout(r, 2))
        await tx.replace('meta', { id: 'counter', value: value + 1 })
      })
    const outsideWrites = Array.from({ length: 5 }, (_, i) => s.insert('households', hh(i + 1, null)))
    await Promise.all([...Array.from({ length: 20 }, bump), ...outsideWrites])
    expect((await s.get('meta', 'counter'))?.value).toBe(20)
    expect(await s.count('households', {})).toBe(5)
  })

  it('an outside write waits for a running transaction, which then can roll back alone', async () => {
    const s = open()
    let release: () => void = () => undefined
    const gate = new Promise<void>((r) => (release = r))
    const tx = s.transaction(async (t) => {
      await t.insert('households', hh(1, null))
      await gate
      throw new Error('rollback')
    })
    const write = s.insert('households', hh(2, null))
    const read = s.get('households', 'hh-0001')
    release()
    await expect(tx).rejects.toThrow('rollback')
    await write
    // The read queued behind the transaction, so it never saw the rolled-back row.
    expect(await read).toBeNull()
    expect((await s.find('households', {})).map((h) => h.id)).toEqual(['hh-0002'])
  })

  it('keeps data across close and reopen', async () => {
    const file = path.join(dir, 'keep.db')
    const a = openSqliteStore(file)
    await a.insertMany('households', [hh(1, 'p-a'), hh(2, 'p-b')])
    await a.transaction(async (tx) => tx.insert('tickets', ticket('tk-1', 1)))
    await a.close()
    const b = open('keep.db')
    expect(await b.count('households', {})).toBe(2)
    expect((await b.get('tickets', 'tk-1'))?.description).toBe('村道坑洼，雨天无法通行')
    await expect(a.get('households', 'hh-0001')).rejects.toThrow(/closed/)
  })

  it('applies migrations once, in order, and not again on reopen', async () => {
    const file = path.join(dir, 'mig.db')
    await openSqliteStore(file).close()
    const db = new Database(file)
    try {
      const rows = db.prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all()
      expect(rows).toHaveLength(MIGRATIONS.length)
      await openSqliteStore(file).close()
      expect(db.prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all()).toEqual(rows)

      let runs = 0
      const next = MIGRATIONS[MIGRATIONS.length - 1].version + 1
      const extra: Migration[] = [
        ...MIGRATIONS,
        { version: next, name: 'test column', up: () => void runs++ },
      ]
      expect(applyMigrations(db, extra)).toEqual([next])
      expect(applyMigrations(db, extra)).toEqual([])
      expect(runs).toBe(1)
      // Code that does not know the newer version refuses the newer file.
      expect(() => applyMigrations(db, MIGRATIONS)).toThrow(/does not know/)
    } finally {
      db.close()
    }
  })

  it('a failing migration leaves no trace', () => {
    const db = new Database(':memory:')
    try {
      const bad: Migration[] = [
        ...MIGRATIONS,
        {
          version: MIGRATIONS[MIGRATIONS.length - 1].version + 1,
          name: 'half done',
          up: (d) => {
            d.exec('CREATE TABLE scratch (x)')
            throw new Error('oops')
          },
        },
      ]
      expect(() => applyMigrations(db, bad)).toThrow('oops')
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'scratch'").get()).toBeUndefined()
      expect(db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get()).toEqual({ v: MIGRATIONS[MIGRATIONS.length - 1].version })
    } finally {
      db.close()
    }
  })

  it('works in memory', async () => {
    const s = openSqliteStore(':memory:')
    stores.push(s)
    await s.insert('households', hh(1, null))
    expect(await s.count('households', {})).toBe(1)
  })

  it('uses the expression index for households by cadreId', async () => {
    const file = path.join(dir, 'plan.db')
    const s = openSqliteStore(file)
    await s.insertMany('households', Array.from({ length: 200 }, (_, i) => hh(i + 1, `p-${i % 7}`)))
    await s.close()
    const db = new Database(file, { readonly: true })
    try {
      const plan = (sql: string, ...params: unknown[]): string =>
        (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n')
      const explain = (q: { sql: string; params: unknown[] }): string => plan(q.sql, ...q.params)
      expect(explain(findSql('households', { cadreId: 'p-1' }))).toContain('USING INDEX households_cadreId')
      expect(explain(findSql('households', { cadreId: ['p-1', 'p-2'] }))).toContain('USING INDEX households_cadreId')
      expect(explain(findSql('ratings', { cadreId: 'p-1', period: '2026-10' }))).toContain(
        'USING INDEX ratings_cadreId_period',
      )
      expect(explain(findSql('tickets', { status: 'submitted' }, { limit: 10 }))).toContain('USING INDEX tickets_status')
    } finally {
      db.close()
    }
  })
})
