/**
 * The Store port's promises, proved on a real database of each dialect: the `integration` project
 * runs this file on SQLite files, `integration-mysql` on the MariaDB server its globalSetup starts
 * (test/support/test-database.ts). CRUD, filters (equality, lists, null, ranges, "contains" on
 * child tables), order and paging, counts, long lists, duplicate and version errors, transactions,
 * value round trips, durability, and migrations.
 * One rule: every test opens its own database (a file, or a MySQL database), so tests never see
 * each other's data, and the same assertions hold on both dialects.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { createConnection, type RowDataPacket } from 'mysql2/promise'
import type { Household, Person, StoredImage, Ticket, WorkTeam } from '../../../src/core/model'
import { DuplicateKeyError, VersionConflictError, type Store } from '../../../src/server/storage/port'
import { openStore } from '../../../src/server/storage/relational'
import { MIGRATIONS } from '../../../src/server/storage/migrations'
import { freshDatabase, testDialect, type TestDatabase, type TestDialect } from '../../support/test-database'

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

const ticket = (id: string, version: number, over: Partial<Ticket> = {}): Ticket => ({
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
  history: [{ seq: 1, action: 'create', from: null, to: 'submitted', actorId: 'p-0001', actorRole: 'reporter', at: 1, note: '' }],
  satisfaction: null,
  result: null,
  photoUrls: [],
  ...over,
})

const team = (id: string, memberIds: string[]): WorkTeam => ({
  id,
  townshipId: 'tw-1',
  villageId: 'vil-1',
  name: `${id}工作组`,
  leaderId: 'p-lead',
  secretaryId: 'p-sec',
  memberIds,
})

const person = (id: string, roles: Person['roles'], over: Partial<Person> = {}): Person => ({
  id,
  townshipId: 'tw-1',
  name: id,
  phone: '13800000000',
  roles,
  householdId: null,
  villageId: null,
  duty: null,
  title: '',
  photoUrl: null,
  hasPhone: true,
  ...over,
})

const ids = (docs: readonly { id: string }[]): string[] => docs.map((d) => d.id)

/** Runs one statement on the database outside the store (to set up what the store must cope with). */
const rawExec = async (db: TestDatabase, statement: string): Promise<void> => {
  if (db.dialect === 'sqlite') {
    const raw = new Database(db.url)
    try {
      raw.exec(statement)
    } finally {
      raw.close()
    }
    return
  }
  const connection = await createConnection({ uri: db.url })
  try {
    await connection.query(statement)
  } finally {
    await connection.end()
  }
}

/** The tables of the database, read outside the store. */
const rawTables = async (db: TestDatabase): Promise<string[]> => {
  if (db.dialect === 'sqlite') {
    const raw = new Database(db.url, { readonly: true })
    try {
      return (raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name)
    } finally {
      raw.close()
    }
  }
  const connection = await createConnection({ uri: db.url })
  try {
    const [rows] = await connection.query<RowDataPacket[]>('SHOW TABLES')
    return rows.map((r) => String(Object.values(r)[0]))
  } finally {
    await connection.end()
  }
}

describe.each([testDialect()])('the store on %s', (dialect: TestDialect) => {
  let dir: string
  const databases = new Map<string, TestDatabase>()
  const stores: Store[] = []

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-store-'))
  })
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close()
    for (const db of databases.values()) await db.drop()
    databases.clear()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  /**
   * This test's database called `name` (made on first use, the same one afterwards): empty, or with
   * `migrated` on MariaDB a copy of the run's migrated template (the migrations' DDL costs seconds
   * per database there; the migrations themselves are proved below, on empty databases).
   */
  const database = async (name = 'data', migrated = false): Promise<TestDatabase> => {
    let db = databases.get(name)
    if (!db) {
      db = await freshDatabase(dir, { dialect, file: `${name}.db`, prefix: 'conf', migrated })
      databases.set(name, db)
    }
    return db
  }
  /** The store on this test's database `name`; `empty`: a database the migrations start from scratch. */
  const open = async (name = 'data', onQuery?: (sqlText: string) => void, { empty = false } = {}): Promise<Store> => {
    const s = await openStore({ url: (await database(name, !empty)).url, onQuery })
    stores.push(s)
    return s
  }

  describe('records', () => {
    it('inserts, gets, replaces and removes', async () => {
      const s = await open()
      expect(s.dialect).toBe(dialect)
      await s.insert('households', hh(1, 'p-0100'))
      expect(await s.get('households', 'hh-0001')).toEqual(hh(1, 'p-0100'))
      expect(await s.get('households', 'nope')).toBeNull()
      await s.replace('households', { ...hh(1, 'p-0101'), headName: '王建国' })
      expect(await s.get('households', 'hh-0001')).toEqual({ ...hh(1, 'p-0101'), headName: '王建国' })
      await s.remove('households', 'hh-0001')
      expect(await s.get('households', 'hh-0001')).toBeNull()
      await s.remove('households', 'hh-0001') // removing a missing record is not an error
      // Replace without ifVersion creates a missing record (the cloud database's doc(id).set()).
      await s.replace('households', hh(2, null))
      expect(await s.get('households', 'hh-0002')).toEqual(hh(2, null))
    })

    it('getMany keeps the order asked for, skips missing ids and repeats a repeated id', async () => {
      const s = await open()
      await s.insertMany('households', [hh(1, null), hh(2, null), hh(3, null)])
      expect(ids(await s.getMany('households', ['hh-0003', 'missing', 'hh-0001']))).toEqual(['hh-0003', 'hh-0001'])
      expect(ids(await s.getMany('households', ['hh-0002', 'hh-0002']))).toEqual(['hh-0002', 'hh-0002'])
      expect(await s.getMany('households', [])).toEqual([])
    })

    it('rejects unknown or malformed field names and undefined filter values', async () => {
      const s = await open()
      await expect(s.find('households', { nope: 'x' } as never)).rejects.toThrow(/unknown field/)
      await expect(s.count('households', { "id') OR 1=1 --": 'x' } as never)).rejects.toThrow()
      await expect(s.find('households', { cadreId: undefined })).rejects.toThrow(/undefined/)
      await expect(s.find('households', {}, { orderBy: { field: 'bogus' as 'id' } })).rejects.toThrow(/unknown field/)
      await expect(s.find('households', { number: {} })).rejects.toThrow(/empty range/)
      await expect(s.find('households', {}, { limit: -1 })).rejects.toThrow(/limit/)
    })
  })

  describe('finding', () => {
    const five = [hh(1, 'p-a'), hh(2, 'p-b'), hh(3, null), hh(4, 'p-a', 'vil-2'), hh(5, 'p-c')]

    it('by equality, lists ("one of"), null and lists with null', async () => {
      const s = await open()
      await s.insertMany('households', five)
      const byId = { orderBy: { field: 'id' as const } }
      expect(ids(await s.find('households', { cadreId: 'p-a' }, byId))).toEqual(['hh-0001', 'hh-0004'])
      expect(ids(await s.find('households', { cadreId: 'p-a', villageId: 'vil-1' }))).toEqual(['hh-0001'])
      expect(ids(await s.find('households', { cadreId: null }))).toEqual(['hh-0003'])
      expect(ids(await s.find('households', { cadreId: ['p-b', 'p-c'] }, byId))).toEqual(['hh-0002', 'hh-0005'])
      expect(ids(await s.find('households', { cadreId: ['p-b', null] }, byId))).toEqual(['hh-0002', 'hh-0003'])
      expect(ids(await s.find('households', { cadreId: [null] }))).toEqual(['hh-0003'])
      expect(await s.find('households', { cadreId: [] })).toEqual([])
      expect(await s.count('households', { cadreId: [] })).toBe(0)
      // Equality is exact: case matters on both dialects (binary collation on MySQL).
      expect(await s.find('households', { cadreId: 'P-A' })).toEqual([])
    })

    it('by ranges on numbers and on text', async () => {
      const s = await open()
      await s.insertMany('tickets', [1, 2, 3, 4, 5].map((n) => ticket(`tk-${n}`, 1, { createdAt: n * 1000, category: `c${n}` })))
      const byId = { orderBy: { field: 'id' as const } }
      expect(ids(await s.find('tickets', { createdAt: { gte: 2000, lt: 4000 } }, byId))).toEqual(['tk-2', 'tk-3'])
      expect(ids(await s.find('tickets', { createdAt: { gt: 2000, lte: 4000 } }, byId))).toEqual(['tk-3', 'tk-4'])
      expect(ids(await s.find('tickets', { createdAt: { gt: 4000 } }, byId))).toEqual(['tk-5'])
      expect(ids(await s.find('tickets', { category: { gte: 'c2', lte: 'c3' } }, byId))).toEqual(['tk-2', 'tk-3'])
      expect(await s.count('tickets', { createdAt: { lt: 1000 } })).toBe(0)
      expect(await s.count('tickets', { townshipId: 'tw-1', createdAt: { gte: 1000 } })).toBe(5)
    })

    it('booleans and numbers', async () => {
      const s = await open()
      await s.insert('tickets', ticket('tk-1', 1))
      await s.insert('tickets', ticket('tk-2', 3, { anonymous: true }))
      expect(ids(await s.find('tickets', { anonymous: true }))).toEqual(['tk-2'])
      expect(ids(await s.find('tickets', { anonymous: false }))).toEqual(['tk-1'])
      expect(ids(await s.find('tickets', { version: [1, 2] }))).toEqual(['tk-1'])
      const [t2] = await s.find('tickets', { anonymous: true })
      expect(t2.anonymous).toBe(true)
      expect(t2.filedOnBehalf).toBe(false)
      expect(typeof t2.version).toBe('number')
    })

    it('"contains" on child tables: teams by member, people by role, tickets by follower', async () => {
      const s = await open()
      await s.insertMany('teams', [team('team-1', ['p-1', 'p-2']), team('team-2', ['p-2', 'p-3']), team('team-3', [])])
      const byId = { orderBy: { field: 'id' as const } }
      expect(ids(await s.find('teams', { memberIds: 'p-1' }))).toEqual(['team-1'])
      expect(ids(await s.find('teams', { memberIds: 'p-2' }, byId))).toEqual(['team-1', 'team-2'])
      expect(ids(await s.find('teams', { memberIds: ['p-1', 'p-3'] }, byId))).toEqual(['team-1', 'team-2'])
      expect(await s.find('teams', { memberIds: 'p-9' })).toEqual([])
      expect(await s.find('teams', { memberIds: [] })).toEqual([])
      expect(await s.count('teams', { memberIds: 'p-2', villageId: 'vil-1' })).toBe(2)
      // The list itself reads back as written, in its order.
      expect((await s.get('teams', 'team-2'))?.memberIds).toEqual(['p-2', 'p-3'])

      // Replacing a record replaces its child rows; removing it removes them.
      await s.replace('teams', team('team-1', ['p-4']))
      expect(ids(await s.find('teams', { memberIds: 'p-1' }))).toEqual([])
      expect(ids(await s.find('teams', { memberIds: 'p-4' }))).toEqual(['team-1'])
      await s.remove('teams', 'team-2')
      expect(ids(await s.find('teams', { memberIds: 'p-3' }))).toEqual([])
      expect(Number((await s.db.selectFrom('teamMembers').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(1)

      await s.insertMany('people', [person('p-1', ['villager']), person('p-2', ['cadre', 'leader']), person('p-3', ['villager', 'committee'])])
      expect(ids(await s.find('people', { roles: 'leader' }))).toEqual(['p-2'])
      expect(ids(await s.find('people', { townshipId: 'tw-1', roles: ['committee', 'cadre'] }, byId))).toEqual(['p-2', 'p-3'])
      expect(await s.count('people', { roles: 'villager' })).toBe(2)

      await s.insertMany('tickets', [ticket('tk-1', 1, { followerIds: ['p-1', 'p-3'] }), ticket('tk-2', 1), ticket('tk-3', 1, { followerIds: ['p-3'] })])
      expect(ids(await s.find('tickets', { followerIds: 'p-3' }, byId))).toEqual(['tk-1', 'tk-3'])
      expect(ids(await s.find('tickets', { followerIds: 'p-1', status: 'submitted' }))).toEqual(['tk-1'])
      expect(await s.get('tickets', 'tk-2')).toEqual(ticket('tk-2', 1))
    })

    it('orderBy, limit and skip, with the id breaking ties in the direction asked', async () => {
      const s = await open()
      await s.insertMany('households', five)
      await s.insertMany('tickets', [ticket('tk-c', 1, { createdAt: 5 }), ticket('tk-a', 1, { createdAt: 5 }), ticket('tk-b', 1, { createdAt: 1 }), ticket('tk-d', 1, { createdAt: 9 })])
      expect(ids(await s.find('households', {}, { orderBy: { field: 'number', direction: 'desc' }, limit: 2 }))).toEqual(['hh-0005', 'hh-0004'])
      expect(ids(await s.find('households', {}, { orderBy: { field: 'id' }, skip: 3 }))).toEqual(['hh-0004', 'hh-0005'])
      expect(ids(await s.find('households', {}, { orderBy: { field: 'id' }, skip: 1, limit: 2 }))).toEqual(['hh-0002', 'hh-0003'])
      expect(ids(await s.find('households', {}, { orderBy: { field: 'id' }, limit: 0 }))).toEqual([])
      expect(ids(await s.find('tickets', {}, { orderBy: { field: 'createdAt' } }))).toEqual(['tk-b', 'tk-a', 'tk-c', 'tk-d'])
      expect(ids(await s.find('tickets', {}, { orderBy: { field: 'createdAt', direction: 'desc' } }))).toEqual(['tk-d', 'tk-c', 'tk-a', 'tk-b'])
      // Pages over equal values neither repeat nor lose a record.
      const pages = [0, 1, 2, 3].map((skip) => s.find('tickets', {}, { orderBy: { field: 'createdAt' }, skip, limit: 1 }))
      expect((await Promise.all(pages)).flatMap(ids)).toEqual(['tk-b', 'tk-a', 'tk-c', 'tk-d'])
      // Text sorts by code point on both dialects (binary collation), NULL first ascending.
      await s.insertMany('households', [{ ...hh(6, 'Z'), headName: 'b' }, { ...hh(7, 'a'), headName: 'B' }, { ...hh(8, '张'), headName: '张' }])
      expect((await s.find('households', { id: ['hh-0006', 'hh-0007', 'hh-0008'] }, { orderBy: { field: 'headName' } })).map((h) => h.headName)).toEqual(['B', 'b', '张'])
      expect(ids(await s.find('households', { villageId: 'vil-1' }, { orderBy: { field: 'cadreId' }, limit: 3 }))).toEqual(['hh-0003', 'hh-0006', 'hh-0007'])
    })

    it('count', async () => {
      const s = await open()
      expect(await s.count('households', {})).toBe(0)
      await s.insertMany('households', five)
      expect(await s.count('households', {})).toBe(5)
      expect(await s.count('households', { cadreId: 'p-a' })).toBe(2)
      expect(await s.count('households', { cadreId: ['p-a', null] })).toBe(3)
      expect(typeof (await s.count('households', {}))).toBe('number')
    })

    it('lists longer than 900 values (more than one statement on SQLite)', async () => {
      const s = await open()
      const many = Array.from({ length: 2100 }, (_, i) => hh(i + 1, `p-${i % 3}`))
      await s.insertMany('households', many)
      expect(await s.count('households', {})).toBe(2100)
      const wanted = many.filter((_, i) => i % 2 === 0).map((h) => h.id)
      const found = await s.find('households', { id: [...wanted, 'missing-1', 'missing-2'] })
      expect(ids(found).sort()).toEqual([...wanted].sort())
      expect(await s.count('households', { id: wanted })).toBe(wanted.length)
      expect(ids(await s.find('households', { id: wanted, cadreId: 'p-0' })).sort()).toEqual(many.filter((h, i) => i % 2 === 0 && h.cadreId === 'p-0').map((h) => h.id).sort())
      const got = await s.getMany('households', [...wanted].reverse())
      expect(ids(got)).toEqual([...wanted].reverse())
      // A long list cannot be sorted or paged (it is several statements).
      await expect(s.find('households', { id: wanted }, { orderBy: { field: 'id' } })).rejects.toThrow(/cannot be sorted or paged/)
      // Child tables too: more than 500 members in one team.
      const members = Array.from({ length: 1200 }, (_, i) => `m-${i}`)
      await s.insert('teams', team('team-big', members))
      expect((await s.get('teams', 'team-big'))?.memberIds).toEqual(members)
      expect(ids(await s.find('teams', { memberIds: members.slice(100, 1100) }))).toEqual(['team-big'])
    })
  })

  describe('errors', () => {
    it('insert throws DuplicateKeyError and keeps the first record', async () => {
      const s = await open()
      await s.insert('households', hh(1, null))
      const error = await s.insert('households', hh(1, 'p-x')).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(DuplicateKeyError)
      expect(error).toMatchObject({ collection: 'households', id: 'hh-0001' })
      // With child rows as well.
      await s.insert('teams', team('team-1', ['p-1']))
      await expect(s.insert('teams', team('team-1', ['p-2']))).rejects.toBeInstanceOf(DuplicateKeyError)
      expect(ids(await s.find('teams', { memberIds: 'p-2' }))).toEqual([])
      expect((await s.get('households', 'hh-0001'))?.cadreId).toBeNull()
    })

    it('insertMany is all or nothing: a duplicate id writes nothing', async () => {
      const s = await open()
      await s.insert('households', hh(1, null))
      await expect(s.insertMany('households', [hh(2, null), hh(1, 'p-x')])).rejects.toBeInstanceOf(DuplicateKeyError)
      // A duplicate inside the list itself, after more than one batch of rows.
      const batch = Array.from({ length: 1500 }, (_, i) => hh(i + 10, null))
      await expect(s.insertMany('households', [...batch, hh(20, 'p-x')])).rejects.toBeInstanceOf(DuplicateKeyError)
      await expect(s.insertMany('teams', [team('team-1', ['p-1']), team('team-1', ['p-2'])])).rejects.toBeInstanceOf(DuplicateKeyError)
      expect(await s.get('households', 'hh-0002')).toBeNull()
      expect((await s.get('households', 'hh-0001'))?.cadreId).toBeNull()
      expect(await s.count('households', {})).toBe(1)
      expect(await s.count('teams', {})).toBe(0)
      expect(await s.find('teams', { memberIds: ['p-1', 'p-2'] })).toEqual([])
    })

    it('replace with ifVersion is compare-and-set', async () => {
      const s = await open()
      await s.insert('tickets', ticket('tk-1', 1))
      await s.replace('tickets', ticket('tk-1', 2, { status: 'accepted' }), { ifVersion: 1 })
      const stale = await s.replace('tickets', ticket('tk-1', 2), { ifVersion: 1 }).catch((e: unknown) => e)
      expect(stale).toBeInstanceOf(VersionConflictError)
      expect(stale).toMatchObject({ collection: 'tickets', id: 'tk-1' })
      // A record that does not exist has no version to match.
      await expect(s.replace('tickets', ticket('tk-9', 2), { ifVersion: 1 })).rejects.toBeInstanceOf(VersionConflictError)
      expect(await s.get('tickets', 'tk-9')).toBeNull()
      const t = await s.get('tickets', 'tk-1')
      expect(t?.status).toBe('accepted')
      expect(t?.version).toBe(2)
      // A compare-and-set that changes nothing still succeeds (MySQL counts matched rows, not changed).
      await s.replace('tickets', ticket('tk-1', 2, { status: 'accepted' }), { ifVersion: 2 })
      // The child rows follow the document.
      await s.replace('tickets', ticket('tk-1', 3, { followerIds: ['p-7'] }), { ifVersion: 2 })
      expect(ids(await s.find('tickets', { followerIds: 'p-7' }))).toEqual(['tk-1'])
      await expect(s.replace('tickets', ticket('tk-1', 4, { followerIds: ['p-8'] }), { ifVersion: 2 })).rejects.toBeInstanceOf(VersionConflictError)
      expect(await s.find('tickets', { followerIds: 'p-8' })).toEqual([])
    })
  })

  describe('transactions', () => {
    it('commit all their writes and answer the work\'s value; transaction() on tx joins the outer one', async () => {
      const s = await open()
      const result = await s.transaction(async (tx) => {
        await tx.insert('households', hh(1, null))
        await tx.insertMany('teams', [team('team-1', ['p-1'])])
        return tx.transaction(async (inner) => {
          await inner.insert('households', hh(2, null))
          return inner.count('households', {})
        })
      })
      expect(result).toBe(2)
      expect(await s.count('households', {})).toBe(2)
      expect(ids(await s.find('teams', { memberIds: 'p-1' }))).toEqual(['team-1'])
    })

    it('a transaction that throws leaves nothing written, and the store goes on', async () => {
      const s = await open()
      await s.insert('households', hh(1, null))
      await s.insert('teams', team('team-1', ['p-1']))
      await expect(
        s.transaction(async (tx) => {
          await tx.insert('households', hh(2, null))
          await tx.replace('households', hh(1, 'p-a'))
          await tx.replace('teams', team('team-1', ['p-2']))
          await tx.remove('households', 'hh-0001')
          expect(await tx.get('households', 'hh-0001')).toBeNull() // the transaction sees its own writes
          throw new Error('boom')
        }),
      ).rejects.toThrow('boom')
      expect(await s.get('households', 'hh-0002')).toBeNull()
      expect(await s.get('households', 'hh-0001')).toEqual(hh(1, null))
      expect(ids(await s.find('teams', { memberIds: 'p-1' }))).toEqual(['team-1'])
      expect(await s.find('teams', { memberIds: 'p-2' })).toEqual([])
      expect(await s.transaction(async (tx) => tx.count('households', {}))).toBe(1)
    })

    it('a failed statement inside a transaction rolls back the writes before it', async () => {
      const s = await open()
      await s.insert('households', hh(1, null))
      await expect(
        s.transaction(async (tx) => {
          await tx.insert('households', hh(2, null))
          await tx.insert('households', hh(1, null))
        }),
      ).rejects.toBeInstanceOf(DuplicateKeyError)
      expect(await s.get('households', 'hh-0002')).toBeNull()
    })

    it('refuse the outer store inside a transaction instead of deadlocking', async () => {
      const s = await open()
      await expect(s.transaction(async () => s.get('households', 'hh-0001'))).rejects.toThrow(/tx/)
      await expect(s.transaction(async () => s.transaction(async () => 1))).rejects.toThrow(/tx/)
      await expect(s.transaction(async () => s.insert('households', hh(1, null)))).rejects.toThrow(/tx/)
      expect(await s.count('households', {})).toBe(0)
    })

    it("the transaction's store cannot be used once the transaction is over", async () => {
      const s = await open()
      let kept: Store | null = null
      await s.transaction(async (tx) => {
        kept = tx
        await tx.insert('households', hh(1, null))
      })
      await expect(kept!.get('households', 'hh-0001')).rejects.toThrow(/transaction is over/)
      await expect(kept!.insert('households', hh(2, null))).rejects.toThrow(/transaction is over/)
      await expect(s.transaction(async (tx) => ((kept = tx), Promise.reject(new Error('no'))))).rejects.toThrow('no')
      await expect(kept!.count('households', {})).rejects.toThrow(/transaction is over/)
      expect(await s.count('households', {})).toBe(1)
    })

    it('concurrent read-then-write transactions never lose an update', async () => {
      const s = await open()
      await s.insert('meta', { id: 'counter', value: 0 })
      const bump = (): Promise<void> =>
        s.transaction(async (tx) => {
          const doc = await tx.get('meta', 'counter')
          // Yield between read and write, where interleaving would happen.
          await new Promise((r) => setTimeout(r, 2))
          await tx.replace('meta', { id: 'counter', value: Number(doc?.value) + 1 })
        })
      const outsideWrites = Array.from({ length: 5 }, (_, i) => s.insert('households', hh(i + 1, null)))
      await Promise.all([...Array.from({ length: 20 }, bump), ...outsideWrites])
      expect((await s.get('meta', 'counter'))?.value).toBe(20)
      expect(await s.count('households', {})).toBe(5)
    })

    it('a read outside a running transaction never sees its writes, even after it rolls back', async () => {
      const s = await open()
      let release: () => void = () => undefined
      const gate = new Promise<void>((r) => (release = r))
      let written: () => void = () => undefined
      const inserted = new Promise<void>((r) => (written = r))
      const tx = s.transaction(async (t) => {
        await t.insert('households', hh(1, null))
        written()
        await gate
        throw new Error('rollback')
      })
      await inserted
      // SQLite: these wait for the transaction; MySQL: they run beside it (READ COMMITTED).
      const write = s.insert('households', hh(2, null))
      const read = s.get('households', 'hh-0001')
      release()
      await expect(tx).rejects.toThrow('rollback')
      await write
      expect(await read).toBeNull()
      expect(ids(await s.find('households', {}))).toEqual(['hh-0002'])
    })
  })

  describe('values', () => {
    it('booleans, JSON, optional fields (absent stays absent; null in a nullable field stays null)', async () => {
      const s = await open()
      const full = ticket('tk-1', 1, {
        anonymous: true,
        filedOnBehalf: true,
        satisfaction: 4.5,
        result: { fundsYuan: 12000.5, beneficiaries: 3 },
        answers: { certType: 'residence', count: 2, options: ['a', 'b'] },
        voiceUrl: '/uploads/v.mp3',
        location: { lat: 39.123456789, lng: 109.987654321 },
        onBehalfOfId: 'p-9',
        followerIds: ['p-2'],
        photoUrls: ['/uploads/1.jpg', '/uploads/2.jpg'],
        history: [
          { seq: 1, action: 'create', from: null, to: 'submitted', actorId: 'p-0001', actorRole: 'reporter', at: 1, note: '' },
          { seq: 2, action: 'accept', from: 'submitted', to: 'accepted', actorId: 'p-0100', actorRole: 'cadre', at: 2, note: '收到', photoUrls: ['/uploads/3.jpg'] },
        ],
      })
      const bare = ticket('tk-2', 1)
      await s.insertMany('tickets', [full, bare])
      expect(await s.get('tickets', 'tk-1')).toEqual(full)
      const readBare = await s.get('tickets', 'tk-2')
      expect(readBare).toEqual(bare)
      for (const field of ['answers', 'voiceUrl', 'location', 'onBehalfOfId', 'followerIds']) expect(readBare).not.toHaveProperty(field)
      expect(readBare).toHaveProperty('assigneeId', 'p-0100')
      expect(readBare).toHaveProperty('satisfaction', null)
      expect(readBare).toHaveProperty('result', null)
      // An optional field written as null reads back absent (the column cannot tell them apart).
      await s.replace('tickets', { ...bare, assigneeId: null, voiceUrl: null })
      const cleared = await s.get('tickets', 'tk-2')
      expect(cleared).toHaveProperty('assigneeId', null)
      expect(cleared).not.toHaveProperty('voiceUrl')
      expect(ids(await s.find('tickets', { assigneeId: null }))).toEqual(['tk-2'])
      // Any JSON value in a JSON field; times beyond 2^32 as exact integers.
      const value = { nested: [1, 'two', { three: null, four: true }], big: 2 ** 53 - 1, neg: -0.25, empty: {} }
      await s.insert('meta', { id: 'm-1', value })
      expect(await s.get('meta', 'm-1')).toEqual({ id: 'm-1', value })
      const later = Date.UTC(2099, 11, 31, 23, 59, 59, 999)
      await s.insert('tickets', ticket('tk-3', 1, { createdAt: later, dueAt: later + 1 }))
      expect(await s.get('tickets', 'tk-3')).toMatchObject({ createdAt: later, dueAt: later + 1 })
      expect(ids(await s.find('tickets', { createdAt: { gte: later } }))).toEqual(['tk-3'])
    })

    it('Chinese text, emoji and characters outside the BMP, in stored and filtered fields', async () => {
      const s = await open()
      const name = '巴特尔𠀀👨‍👩‍👧'
      const text = '村道坑洼😡，雨天无法通行🌧️；𠮷野家的路灯也坏了。Ünïcödé ✓'
      await s.insert('people', person('p-1', ['villager'], { name, title: '嘎查长🐎' }))
      await s.insert('tickets', ticket('tk-1', 1, { description: text, answers: { note: '蒙古文ᠮᠣᠩᠭᠣᠯ' } }))
      expect((await s.get('people', 'p-1'))?.name).toBe(name)
      expect((await s.get('people', 'p-1'))?.title).toBe('嘎查长🐎')
      expect((await s.get('tickets', 'tk-1'))?.description).toBe(text)
      expect((await s.get('tickets', 'tk-1'))?.answers).toEqual({ note: '蒙古文ᠮᠣᠩᠭᠣᠯ' })
      expect(ids(await s.find('people', { townshipId: 'tw-1', name }))).toEqual(['p-1'])
      expect(await s.find('people', { name: '巴特尔' })).toEqual([])
      // Ids are text too.
      await s.insert('households', { ...hh(1, null), id: '户-😀' })
      expect((await s.get('households', '户-😀'))?.headName).toBe('户主1')
    })

    it('large values round trip unchanged', async () => {
      const s = await open()
      // A photo as base64 (3 MB) in a long field, a big JSON document, the longest text inputs take.
      const data = Buffer.from(Uint8Array.from({ length: 3 * 1024 * 1024 }, (_, i) => (i * 7919) % 256)).toString('base64')
      const image: StoredImage = { id: 'img-1', townshipId: 'tw-1', kind: 'visitPhoto', ownerId: 'p-1', mime: 'image/jpeg', width: 4000, height: 3000, bytes: 3 * 1024 * 1024, data, at: 1 }
      await s.insert('images', image)
      expect(await s.get('images', 'img-1')).toEqual(image)
      const history = Array.from({ length: 2000 }, (_, i) => ({ seq: i + 1, action: 'progress' as const, from: 'accepted' as const, to: 'accepted' as const, actorId: 'p-0100', actorRole: 'cadre' as const, at: i, note: `第${i}次进展：已联系施工队👷` }))
      const description = '路'.repeat(1000) + '😀'.repeat(1000)
      await s.insert('tickets', ticket('tk-1', 1, { history, description }))
      const t = await s.get('tickets', 'tk-1')
      expect(t?.history).toEqual(history)
      expect(t?.description).toBe(description)
    })
  })

  describe('durability', () => {
    it('keeps data across close and reopen; a closed store refuses work', async () => {
      const a = await openStore({ url: (await database('keep')).url })
      await a.insertMany('households', [hh(1, 'p-a'), hh(2, 'p-b')])
      await a.transaction(async (tx) => tx.insert('tickets', ticket('tk-1', 1, { followerIds: ['p-3'] })))
      await a.close()
      await expect(a.get('households', 'hh-0001')).rejects.toThrow(/closed/)
      await a.close() // closing twice is harmless
      const b = await open('keep')
      expect(await b.count('households', {})).toBe(2)
      expect((await b.get('tickets', 'tk-1'))?.description).toBe('村道坑洼，雨天无法通行')
      expect(ids(await b.find('tickets', { followerIds: 'p-3' }))).toEqual(['tk-1'])
    })
  })

  describe('migrations', () => {
    const applied = async (s: Store): Promise<{ name: string; timestamp: string }[]> =>
      (await s.db.selectFrom('kysely_migration').select(['name', 'timestamp']).orderBy('name').execute()) as { name: string; timestamp: string }[]

    it('run once; rerunning on an up-to-date database changes nothing', async () => {
      const first = await open('mig', undefined, { empty: true })
      const done = await applied(first)
      expect(done.map((m) => m.name)).toEqual(Object.keys(MIGRATIONS))
      await first.insert('households', hh(1, null))
      await first.close()
      stores.splice(stores.indexOf(first), 1)
      const statements: string[] = []
      const again = await open('mig', (q) => statements.push(q))
      expect(await applied(again)).toEqual(done)
      expect(statements.filter((q) => /^\s*(create|alter|drop|insert|update|delete)\b/i.test(q))).toEqual([])
      expect(await again.get('households', 'hh-0001')).toEqual(hh(1, null))
    })

    it('refuse a database written by a newer version (a migration this code does not know)', async () => {
      const s = await open('future', undefined, { empty: true })
      await s.db.insertInto('kysely_migration').values({ name: '9999_from_a_newer_version', timestamp: new Date(0).toISOString() }).execute()
      await s.insert('households', hh(1, null))
      await s.close()
      stores.splice(stores.indexOf(s), 1)
      const error = (await openStore({ url: (await database('future')).url }).catch((e: unknown) => e)) as Error
      expect(error).toBeInstanceOf(Error)
      expect(error.message).toMatch(/9999_from_a_newer_version/)
      expect(error.message).toMatch(/newer version/)
      // Nothing was touched: the data is still there for the newer version.
      await rawExec(await database('future'), "DELETE FROM kysely_migration WHERE name = '9999_from_a_newer_version'")
      expect(await (await open('future')).get('households', 'hh-0001')).toEqual(hh(1, null))
    })

    it('a migration that fails halfway names itself, and runs again once the cause is fixed', async () => {
      const db = await database('half')
      // Someone made a `households` table by hand: the migration fails on it (on MySQL, whose DDL
      // is not transactional, after creating the tables before it).
      await rawExec(db, 'CREATE TABLE households (id varchar(191) NOT NULL PRIMARY KEY, note text)')
      const error = (await openStore({ url: db.url }).catch((e: unknown) => e)) as Error
      expect(error).toBeInstanceOf(Error)
      expect(error.message).toMatch(/migration 0001_typed_tables failed/)
      expect(error.message).toMatch(/townshipId/)
      expect(error.message).toMatch(/safe to run again/)
      // SQLite's DDL is transactional: the failed migration left nothing. MySQL's is not: the
      // tables made before the failure stay, which is why every step is "create if missing".
      expect((await rawTables(db)).includes('townships')).toBe(dialect === 'mysql')
      // The cause removed, the same migration runs again to the end.
      await rawExec(db, 'DROP TABLE households')
      const s = await open('half')
      expect((await applied(s)).map((m) => m.name)).toEqual(Object.keys(MIGRATIONS))
      await s.insert('households', hh(1, 'p-a'))
      expect(ids(await s.find('households', { cadreId: 'p-a' }))).toEqual(['hh-0001'])
      await s.insert('tickets', ticket('tk-1', 1, { followerIds: ['p-1'] }))
      expect(ids(await s.find('tickets', { followerIds: 'p-1' }))).toEqual(['tk-1'])
    })
  })

  if (dialect === 'sqlite') {
    describe('SQLite files', () => {
      it('creates the folders of a new file, and works in memory', async () => {
        const file = path.join(dir, 'nested/deeper/data.db')
        const s = await openStore({ url: file })
        stores.push(s)
        expect(fs.existsSync(file)).toBe(true)
        const m = await openStore({ url: ':memory:' })
        stores.push(m)
        await m.insert('households', hh(1, null))
        expect(await m.count('households', {})).toBe(1)
      })

      it('another connection reads what was committed (write-ahead log)', async () => {
        const s = await open()
        await s.insert('households', hh(1, null))
        const raw = new Database((await database()).url, { readonly: true })
        try {
          expect(raw.prepare('SELECT headName FROM households WHERE id = ?').get('hh-0001')).toEqual({ headName: '户主1' })
        } finally {
          raw.close()
        }
      })
    })
  }
})
