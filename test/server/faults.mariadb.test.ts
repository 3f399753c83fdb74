/**
 * Faults of a MySQL database (MariaDB here): a wrong or unreachable MINQING_DATABASE_URL refused
 * with a message that names what to fix and never the password; the database going away in the
 * middle of a write (cut at the wire, stopped, or its connections killed): the write answers
 * SERVER.UNAVAILABLE with nothing half-written, the server keeps answering, and the client's retry
 * with the same request id succeeds exactly once when the database is back.
 * One rule: each test makes its own database (or its own server, where the server is stopped).
 */
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { inspect } from 'node:util'
import { createConnection, type Connection, type RowDataPacket } from 'mysql2/promise'
import { startLocalServer } from '../../src/server/local/start'
import { StoreUnavailableError, type Store } from '../../src/server/storage/port'
import { openStore } from '../../src/server/storage/relational'
import { startCutProxy } from '../support/cut-proxy'
import { createDatabaseAt, startMariadb } from '../support/mariadb'
import { freshDatabase, MYSQL_URL_ENV } from '../support/test-database'
import { requestId, startHarness } from './harness'

const serverUrl = (): string => {
  const url = process.env[MYSQL_URL_ENV]
  if (!url) throw new Error(`${MYSQL_URL_ENV} is not set: this file runs in the integration-mysql project`)
  return url
}

const quietly = (c: Connection): Connection => {
  // A connection the server drops emits 'error'; here that is expected.
  c.on('error', () => undefined)
  return c
}

const waitingForLocks = async (probe: Connection, database: string): Promise<number> => {
  const [rows] = await probe.query<RowDataPacket[]>(
    `SELECT COUNT(*) AS n FROM information_schema.innodb_trx t JOIN information_schema.processlist p ON p.id = t.trx_mysql_thread_id
     WHERE t.trx_state = 'LOCK WAIT' AND p.db = ?`,
    [database],
  )
  return Number(rows[0]?.n ?? 0)
}

/** Until a transaction of `database` waits for a lock (a quarter second apart: innodb_trx is a 0.1 s cache). */
const untilWaiting = async (probe: Connection, database: string): Promise<void> => {
  do await new Promise((r) => setTimeout(r, 250))
  while ((await waitingForLocks(probe, database)) < 1)
}

const holdRow = async (url: string, table: string, id: string): Promise<Connection> => {
  const c = quietly(await createConnection({ uri: url }))
  await c.query('START TRANSACTION')
  await c.query(`SELECT id FROM \`${table}\` WHERE id = ? FOR UPDATE`, [id])
  return c
}

const dbName = (url: string) => new URL(url).pathname.slice(1)

describe('a wrong or unreachable MINQING_DATABASE_URL', () => {
  let dir: string
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-faults-'))
  })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  /** openStore and startLocalServer both refuse the URL; answers the message. */
  const refused = async (url: string, password: string | null): Promise<string> => {
    const error = await openStore({ url }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StoreUnavailableError)
    const local = await startLocalServer({ dataDir: dir, databaseUrl: url, seedHouseholds: 0 }).catch((e: unknown) => e)
    expect(local).toBeInstanceOf(StoreUnavailableError)
    const message = (error as Error).message
    expect((local as Error).message).toBe(message)
    if (password !== null) {
      // Not in the message, nor anywhere in what `npm start` prints for it (the error, inspected).
      expect(message).not.toContain(password)
      expect(inspect(error, { depth: 10 })).not.toContain(password)
      expect(inspect(local, { depth: 10 })).not.toContain(password)
    }
    return message
  }

  it('a port where nothing listens: names host and port, and says to start the server or fix them', async () => {
    const base = new URL(serverUrl())
    // A port that was free a moment ago: nothing listens there.
    const closed = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const address = s.address()
        s.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
      })
    })
    const message = await refused(`mysql://minqing:Secret-Pass-1@127.0.0.1:${closed}/minqing`, 'Secret-Pass-1')
    expect(message).toContain(`mysql://minqing:***@127.0.0.1:${closed}/minqing`)
    expect(message).toContain('ECONNREFUSED')
    expect(message).toContain(`nothing answers at 127.0.0.1:${closed}`)
    expect(message).toMatch(/start the MySQL server, or fix the host and port in MINQING_DATABASE_URL/)
    expect(base.port).not.toBe(String(closed))
  })

  it('a wrong password: names the user and says to fix user and password, never showing it', async () => {
    const root = quietly(await createConnection({ uri: serverUrl() }))
    const user = `u_${Date.now().toString(36)}`
    try {
      await root.query(`CREATE USER '${user}'@'%' IDENTIFIED BY 'the-right-one'`)
      const url = await createDatabaseAt(serverUrl(), 'pw')
      await root.query(`GRANT ALL ON \`${dbName(url)}\`.* TO '${user}'@'%'`)
      const target = new URL(url)
      target.username = user
      // A password with characters that must be %-encoded, and an @ of its own.
      target.password = encodeURIComponent('Wr0ng:p@ss/word')
      const message = await refused(target.toString(), 'Wr0ng')
      expect(message).not.toContain(encodeURIComponent('Wr0ng:p@ss/word'))
      expect(message).toContain('ER_ACCESS_DENIED_ERROR')
      expect(message).toContain(`the server refused user ${user}: fix the user and password in MINQING_DATABASE_URL`)
      // The right password opens it.
      target.password = 'the-right-one'
      const store = await openStore({ url: target.toString() })
      await store.close()
      await root.query(`DROP DATABASE \`${dbName(url)}\``)
    } finally {
      await root.query(`DROP USER IF EXISTS '${user}'@'%'`)
      await root.end()
    }
  })

  it('a database that does not exist: names it and says how to create it', async () => {
    const url = `${serverUrl()}/no_such_database_here`
    const message = await refused(url, null)
    expect(message).toContain('ER_BAD_DB_ERROR')
    expect(message).toContain('the database no_such_database_here does not exist: create it (CREATE DATABASE `no_such_database_here` CHARACTER SET utf8mb4')
  })

  it('a malformed URL: says how to write it, without echoing it', async () => {
    const message = await refused('mysql://minqing:Secret-Pass-2@127.0.0.1:notaport/minqing', 'Secret-Pass-2')
    expect(message).toMatch(/write it as mysql:\/\/user:password@host:port\/database/)
  })
})

describe('the database goes away in the middle of a write', () => {
  it('cut at the wire before the request record: SERVER.UNAVAILABLE, nothing half-written, others answered, the retry succeeds once', async () => {
    const db = await freshDatabase('/unused', { prefix: 'cut' })
    const proxy = await startCutProxy(db.url)
    const h = await startHarness({ database: { ...db, url: proxy.url } })
    const direct: Store = await openStore({ url: db.url })
    try {
      const villager = await h.as('villager-a1')
      const cadre = await h.as('cadre-a')
      const count = async () => ({
        tickets: await direct.count('tickets', {}),
        events: Number((await direct.db.selectFrom('ticketEvents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
        notifications: await direct.count('notifications', {}),
        requests: await direct.count('requests', {}),
      })
      const before = await count()
      const id = requestId()
      const input = { kind: 'problem' as const, category: 'infrastructure', description: '桥面塌了一块' }

      const cut = proxy.cutOn(/^insert into `requests`/)
      const first = await villager.call('ticket.create', input, id)
      await cut
      expect(first).toMatchObject({ status: 503, body: { ok: false, error: { code: 'SERVER.UNAVAILABLE' } } })
      // The handler's own writes had gone out when the connection died...
      const sent = proxy.seen.join('\n')
      expect(sent).toMatch(/insert into `tickets`/)
      expect(sent).toMatch(/insert into `ticketEvents`/)
      // ...and none of them stayed.
      expect(await count()).toEqual(before)

      // While the database is away the server answers, and says so.
      const meanwhile = await cadre.call('ticket.inbox', {})
      expect(meanwhile).toMatchObject({ status: 503, body: { ok: false, error: { code: 'SERVER.UNAVAILABLE' } } })
      expect((await h.post('/api/no.such', '{}')).json).toMatchObject({ ok: false, error: { code: 'ACTION.UNKNOWN' } })

      proxy.restore()
      expect(await cadre.ok('ticket.inbox', {})).toEqual([])
      const retried = await villager.call('ticket.create', input, id)
      expect(retried).toMatchObject({ status: 200, body: { ok: true } })
      expect(await villager.call('ticket.create', input, id)).toEqual(retried)
      const after = await count()
      expect(after.tickets).toBe(before.tickets + 1)
      expect(after.requests).toBe(before.requests + 1)
      expect((await cadre.ok('ticket.inbox', {})).map((t) => t.description)).toEqual(['桥面塌了一块'])
    } finally {
      await direct.close()
      await h.stop()
      await proxy.close()
    }
  })

  it('the server stops while a write waits inside its transaction: SERVER.UNAVAILABLE; back up, the retry succeeds once', async () => {
    const server = await startMariadb({ timeoutMs: 120_000 })
    const probe = quietly(await createConnection({ uri: server.url }))
    try {
      const url = await server.createDatabase('stop')
      const h = await startHarness({ database: { dialect: 'mysql', url, drop: async () => undefined } })
      try {
        const reporter = await h.as('villager-a1')
        const cadre = await h.as('cadre-a')
        const t = await reporter.ok('ticket.create', { kind: 'problem', category: 'infrastructure', description: '自来水停了三天' })
        // Another writer holds the ticket: the accept waits inside its transaction.
        const holder = await holdRow(url, 'tickets', t.id)
        const id = requestId()
        const accept = cadre.call('ticket.act', { ticketId: t.id, action: 'accept', version: t.version }, id)
        await untilWaiting(probe, dbName(url))
        await server.halt()
        expect(await accept).toMatchObject({ status: 503, body: { ok: false, error: { code: 'SERVER.UNAVAILABLE' } } })
        expect(await cadre.call('ticket.inbox', {})).toMatchObject({ status: 503, body: { ok: false, error: { code: 'SERVER.UNAVAILABLE' } } })
        await holder.end().catch(() => undefined)

        await server.resume()
        const stored = await h.server.deps.store.get('tickets', t.id)
        expect(stored).toMatchObject({ status: 'submitted', version: t.version })
        expect(stored?.history.map((e) => e.action)).toEqual(['create'])
        const retried = await cadre.call('ticket.act', { ticketId: t.id, action: 'accept', version: t.version }, id)
        expect(retried).toMatchObject({ status: 200, body: { ok: true, data: { status: 'accepted' } } })
        expect(await cadre.call('ticket.act', { ticketId: t.id, action: 'accept', version: t.version }, id)).toEqual(retried)
        expect((await h.server.deps.store.get('tickets', t.id))?.history.map((e) => e.action)).toEqual(['create', 'accept'])
      } finally {
        await h.stop()
      }
    } finally {
      await probe.end().catch(() => undefined)
      await server.stop()
    }
  })

  it("its connections are killed while a write waits: SERVER.UNAVAILABLE, and the next calls find new connections", async () => {
    const h = await startHarness()
    const probe = quietly(await createConnection({ uri: serverUrl() }))
    try {
      const reporter = await h.as('villager-a1')
      const cadre = await h.as('cadre-a')
      const t = await reporter.ok('ticket.create', { kind: 'problem', category: 'infrastructure', description: '村口的桥栏杆断了' })
      const holder = await holdRow(h.database.url, 'tickets', t.id)
      const id = requestId()
      const accept = cadre.call('ticket.act', { ticketId: t.id, action: 'accept', version: t.version }, id)
      await untilWaiting(probe, dbName(h.database.url))
      // Every connection of the server's pool, busy or idle, as an administrator's KILL would.
      const [threads] = await probe.query<RowDataPacket[]>('SELECT id FROM information_schema.processlist WHERE db = ? AND id <> CONNECTION_ID()', [dbName(h.database.url)])
      const holderId = (await holder.query<RowDataPacket[]>('SELECT CONNECTION_ID() AS id'))[0][0].id
      for (const { id: thread } of threads) if (thread !== holderId) await probe.query(`KILL CONNECTION ${Number(thread)}`)
      expect(await accept).toMatchObject({ status: 503, body: { ok: false, error: { code: 'SERVER.UNAVAILABLE' } } })
      await holder.query('COMMIT')
      await holder.end()
      expect((await h.server.deps.store.get('tickets', t.id))?.history.map((e) => e.action)).toEqual(['create'])
      const retried = await cadre.call('ticket.act', { ticketId: t.id, action: 'accept', version: t.version }, id)
      expect(retried).toMatchObject({ status: 200, body: { ok: true, data: { status: 'accepted' } } })
      expect(await cadre.call('ticket.act', { ticketId: t.id, action: 'accept', version: t.version }, id)).toEqual(retried)
      expect((await h.server.deps.store.get('tickets', t.id))?.history.map((e) => e.action)).toEqual(['create', 'accept'])
    } finally {
      await probe.end()
      await h.stop()
    }
  })
})
