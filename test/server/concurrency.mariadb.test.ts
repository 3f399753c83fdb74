/**
 * Two conflicting writes at the same moment on MySQL (MariaDB), where transactions really run side
 * by side: exactly one wins, and the other gets the stable code it always got. Each race is made
 * certain, not likely: the writers are held at a row lock (ours, or the first writer's) until the
 * database shows them all waiting, and only then let go.
 * One rule: MariaDB only (SQLite runs one write transaction at a time, so nothing races there).
 */
import { createConnection, type Connection, type RowDataPacket } from 'mysql2/promise'
import type { Ticket } from '../../src/core/model'
import { VersionConflictError, type Store } from '../../src/server/storage/port'
import { openStore } from '../../src/server/storage/relational'
import { freshDatabase, type TestDatabase } from '../support/test-database'
import { realPng } from './fixtures/images'
import { requestId, startHarness, type Harness } from './harness'

/** How many transactions of the database at `url` wait for a row lock now. */
const lockWaits = async (probe: Connection, url: string): Promise<number> => {
  const name = new URL(url).pathname.slice(1)
  const [rows] = await probe.query<RowDataPacket[]>(
    `SELECT COUNT(*) AS n FROM information_schema.innodb_trx t JOIN information_schema.processlist p ON p.id = t.trx_mysql_thread_id
     WHERE t.trx_state = 'LOCK WAIT' AND p.db = ?`,
    [name],
  )
  return Number(rows[0]?.n ?? 0)
}

/**
 * Waits (no deadline but the test's) until `count` transactions wait for a lock. InnoDB refreshes
 * what information_schema.innodb_trx shows only when it was last read more than 0.1 s ago, so
 * every read comes a quarter second after the one before: a faster poll, or a read right after
 * the previous test's, would see an old picture.
 */
const untilWaiting = async (probe: Connection, url: string, count: number): Promise<void> => {
  do await new Promise((r) => setTimeout(r, 250))
  while ((await lockWaits(probe, url)) < count)
}

/** Locks one row from a connection of our own, as another writer would, until `release`. */
const holdRow = async (url: string, table: string, id: string): Promise<{ release: () => Promise<void> }> => {
  const connection = await createConnection({ uri: url })
  await connection.query('START TRANSACTION')
  const [rows] = await connection.query<RowDataPacket[]>(`SELECT id FROM \`${table}\` WHERE id = ? FOR UPDATE`, [id])
  if (rows.length !== 1) throw new Error(`no ${table} ${id} to hold`)
  return {
    release: async () => {
      await connection.query('COMMIT')
      await connection.end()
    },
  }
}

/** Inserts a row from a connection of our own and holds it, uncommitted, until `release` rolls it back. */
const holdNewRow = async (url: string, table: string, row: Record<string, string | number>): Promise<{ release: () => Promise<void> }> => {
  const connection = await createConnection({ uri: url })
  await connection.query('START TRANSACTION')
  await connection.query(`INSERT INTO \`${table}\` SET ?`, [row])
  return {
    release: async () => {
      await connection.query('ROLLBACK')
      await connection.end()
    },
  }
}

const ticket = (id: string): Ticket => ({
  id,
  townshipId: 'ts-1',
  villageId: 'vil-a',
  householdId: 'hh-a1',
  kind: 'problem',
  category: 'infrastructure',
  description: '路灯坏了',
  reporterId: 'villager-a1',
  filedOnBehalf: false,
  anonymous: false,
  status: 'submitted',
  assigneeId: 'cadre-a',
  createdAt: 1,
  dueAt: 2,
  version: 1,
  history: [{ seq: 1, action: 'create', from: null, to: 'submitted', actorId: 'villager-a1', actorRole: 'reporter', at: 1, note: '' }],
  satisfaction: null,
  result: null,
  photoUrls: [],
})

let probe: Connection
beforeAll(async () => {
  const server = process.env.MINQING_TEST_MYSQL_URL
  if (!server) throw new Error('MINQING_TEST_MYSQL_URL is not set: this file runs in the integration-mysql project')
  probe = await createConnection({ uri: server })
})
afterAll(() => probe.end())

describe('the store: two transactions read and compare-and-set the same record', () => {
  let db: TestDatabase
  let store: Store
  beforeAll(async () => {
    db = await freshDatabase('/unused', { prefix: 'race' })
    store = await openStore({ url: db.url })
  })
  afterAll(async () => {
    await store.close()
    await db.drop()
  })

  /** A writer that expects version 1, as a client that read version 1 does. */
  const write = (id: string, status: Ticket['status'], beforeWrite: () => Promise<void> = async () => undefined) =>
    store.transaction(async (tx) => {
      const current = await tx.get('tickets', id)
      if (!current) throw new Error('missing')
      await beforeWrite()
      await tx.replace('tickets', { ...current, status, version: current.version + 1 }, { ifVersion: 1 })
      return status
    })

  it('the second waits at its read for the first to commit, then loses with VersionConflictError', async () => {
    await store.insert('tickets', ticket('tk-a'))
    let read: () => void = () => undefined
    const firstHasRead = new Promise<void>((r) => (read = r))
    let go: () => void = () => undefined
    const gate = new Promise<void>((r) => (go = r))
    const first = write('tk-a', 'accepted', async () => {
      read()
      await gate
    })
    await firstHasRead
    const second = write('tk-a', 'withdrawn')
    // The second transaction is inside its read of the record, waiting for the first's lock.
    await untilWaiting(probe, db.url, 1)
    go()
    const results = await Promise.allSettled([first, second])
    expect(results[0]).toEqual({ status: 'fulfilled', value: 'accepted' })
    expect(results[1]).toMatchObject({ status: 'rejected', reason: expect.any(VersionConflictError) })
    expect(await store.get('tickets', 'tk-a')).toMatchObject({ status: 'accepted', version: 2 })
  })

  it('of writers let go at the same moment, exactly one wins', async () => {
    await store.insert('tickets', ticket('tk-b'))
    const held = await holdRow(db.url, 'tickets', 'tk-b')
    const statuses = ['accepted', 'withdrawn', 'resolved', 'closed', 'escalated_secretary', 'joint_meeting'] as const
    const writers = statuses.map((s) => write('tk-b', s))
    await untilWaiting(probe, db.url, statuses.length)
    await held.release()
    const results = await Promise.allSettled(writers)
    const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []))
    expect(won).toHaveLength(1)
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(VersionConflictError)
    expect(await store.get('tickets', 'tk-b')).toMatchObject({ status: won[0], version: 2 })
  })

  it('a transaction reads what others committed after it began (READ COMMITTED), through store.db too', async () => {
    await store.insert('tickets', ticket('tk-rc'))
    const statusOf = async (tx: Store) => (await tx.db.selectFrom('tickets').select('status').where('id', '=', 'tk-rc').executeTakeFirstOrThrow()).status as string
    let read: () => void = () => undefined
    const firstRead = new Promise<void>((r) => (read = r))
    let go: () => void = () => undefined
    const gate = new Promise<void>((r) => (go = r))
    const seen = store.transaction(async (tx) => {
      const before = await statusOf(tx)
      read()
      await gate
      return [before, await statusOf(tx)]
    })
    await firstRead
    await store.replace('tickets', { ...ticket('tk-rc'), status: 'accepted', version: 2 })
    go()
    // REPEATABLE READ (MySQL's default) would answer the snapshot of the first read twice.
    expect(await seen).toEqual(['submitted', 'accepted'])
  })

  it('compare-and-set outside a transaction: exactly one of the same-version replaces wins', async () => {
    await store.insert('tickets', ticket('tk-c'))
    const held = await holdRow(db.url, 'tickets', 'tk-c')
    const statuses = ['accepted', 'withdrawn', 'resolved', 'closed'] as const
    const writers = statuses.map((status) => store.replace('tickets', { ...ticket('tk-c'), status, version: 2 }, { ifVersion: 1 }).then(() => status))
    await untilWaiting(probe, db.url, statuses.length)
    await held.release()
    const results = await Promise.allSettled(writers)
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof VersionConflictError)).toHaveLength(statuses.length - 1)
  })
})

describe('through the real HTTP server on MariaDB', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness()
  })
  afterAll(() => h.stop())

  const newTicket = async () =>
    (await h.as('villager-a1')).ok('ticket.create', { kind: 'problem', category: 'infrastructure', description: '路灯坏了，晚上看不见路' })

  it('two ticket.act on the same ticket with the same version: one is done, the other is CONFLICT.STALE_VERSION', async () => {
    const t = await newTicket()
    const [cadre, reporter] = [await h.as('cadre-a'), await h.as('villager-a1')]
    const held = await holdRow(h.database.url, 'tickets', t.id)
    const calls = [
      cadre.call('ticket.act', { ticketId: t.id, action: 'accept', version: t.version }, requestId()),
      reporter.call('ticket.act', { ticketId: t.id, action: 'withdraw', version: t.version, note: '已经自己修好了' }, requestId()),
    ]
    await untilWaiting(probe, h.database.url, 2)
    await held.release()
    const answers = await Promise.all(calls)
    const ok = answers.filter((a) => a.body.ok)
    const refused = answers.filter((a) => !a.body.ok)
    expect(ok).toHaveLength(1)
    expect(refused).toHaveLength(1)
    expect(refused[0]).toMatchObject({ status: 409, body: { ok: false, error: { code: 'CONFLICT.STALE_VERSION' } } })
    const stored = await h.server.deps.store.get('tickets', t.id)
    expect(stored?.version).toBe(t.version + 1)
    expect(stored?.history.map((e) => e.action)).toEqual(['create', ok[0] === answers[0] ? 'accept' : 'withdraw'])
  })

  it('two members of a household sign the same visit at the same moment: one signs, the other is VISIT.ALREADY_DECIDED', async () => {
    const signature = await realPng()
    const visit = await (await h.as('cadre-a')).ok('visit.create', { householdId: 'hh-a1', purpose: '了解春耕准备' })
    const members = [await h.as('villager-a1'), await h.as('villager-a1b')]
    const signaturesBefore = await h.server.deps.store.count('images', { kind: 'signature' })
    const held = await holdRow(h.database.url, 'visits', visit.id)
    const calls = members.map((m) => m.call('visit.signOff', { visitId: visit.id, signaturePng: signature }, requestId()))
    await untilWaiting(probe, h.database.url, 2)
    await held.release()
    const answers = await Promise.all(calls)
    const ok = answers.filter((a) => a.body.ok)
    expect(ok).toHaveLength(1)
    expect(answers.filter((a) => !a.body.ok)).toEqual([{ status: 409, body: expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'VISIT.ALREADY_DECIDED' }) }) }])
    const stored = await h.server.deps.store.get('visits', visit.id)
    expect(stored).toMatchObject({ status: 'signed', signedById: ok[0] === answers[0] ? 'villager-a1' : 'villager-a1b' })
    // The loser's signature image went with its transaction.
    expect(await h.server.deps.store.count('images', { kind: 'signature' })).toBe(signaturesBefore + 1)
  })

  it('the same request id sent twice at once: the write happens once and both answers are the same', async () => {
    const reporter = await h.as('villager-a1')
    const ticketsBefore = await h.server.deps.store.count('tickets', {})
    const id = requestId()
    const input = { kind: 'problem' as const, category: 'infrastructure', description: '水渠堵了' }
    // Both copies wait at their idempotency check: a transaction of ours holds the request's record,
    // uncommitted, as a third copy would. Let go (rolled back), both run the whole write side by side.
    const held = await holdNewRow(h.database.url, 'requests', { id: `villager-a1:${id}`, action: 'ticket.create', inputHash: '-', response: 'null', at: 0 })
    const calls = [reporter.call('ticket.create', input, id), reporter.call('ticket.create', input, id)]
    await untilWaiting(probe, h.database.url, 2)
    await held.release()
    const [a, b] = await Promise.all(calls)
    expect(a).toMatchObject({ status: 200, body: { ok: true } })
    expect(b).toEqual(a)
    expect(await h.server.deps.store.count('tickets', {})).toBe(ticketsBefore + 1)
  })

  it('the same ticket.act sent twice at once: done once, and the copy answers the same instead of STALE_VERSION', async () => {
    const t = await newTicket()
    const cadre = await h.as('cadre-a')
    const id = requestId()
    const held = await holdRow(h.database.url, 'tickets', t.id)
    const calls = [0, 1].map(() => cadre.call('ticket.act', { ticketId: t.id, action: 'accept', version: t.version }, id))
    await untilWaiting(probe, h.database.url, 2)
    await held.release()
    const [a, b] = await Promise.all(calls)
    expect(a).toMatchObject({ status: 200, body: { ok: true } })
    expect(b).toEqual(a)
    const stored = await h.server.deps.store.get('tickets', t.id)
    expect(stored?.history.map((e) => e.action)).toEqual(['create', 'accept'])
    expect(stored?.version).toBe(t.version + 1)
  })
})
