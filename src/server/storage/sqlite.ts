/**
 * The Store port on embedded SQLite (better-sqlite3, synchronous): one table of JSON documents per
 * collection, used by the local server and the integration tests.
 * One rule: every statement runs in one in-process queue, so a transaction, which awaits its
 * handler's work between statements, never interleaves with any other read or write.
 */
import fs from 'node:fs'
import path from 'node:path'
import { AsyncLocalStorage } from 'node:async_hooks'
import Database from 'better-sqlite3'
import {
  DuplicateKeyError,
  VersionConflictError,
  type CollectionName,
  type Collections,
  type Doc,
  type Store,
  type Where,
} from './port'
import { applyMigrations, jsonField } from './migrations'

/**
 * The fields `find`/`count` may filter and sort on. Listing every field of every document type
 * (the compiler insists) keeps a typo in a handler from silently querying a missing field.
 */
const FIELDS: { readonly [C in CollectionName]: Readonly<Record<keyof Collections[C] & string, true>> } = {
  townships: { id: true, name: true },
  villages: { id: true, townshipId: true, name: true },
  groups: { id: true, villageId: true, name: true },
  households: {
    id: true,
    townshipId: true,
    villageId: true,
    groupId: true,
    number: true,
    headName: true,
    address: true,
    cadreId: true,
  },
  people: {
    id: true,
    townshipId: true,
    name: true,
    phone: true,
    roles: true,
    householdId: true,
    villageId: true,
    duty: true,
    title: true,
    photoUrl: true,
    hasPhone: true,
  },
  teams: { id: true, townshipId: true, villageId: true, name: true, leaderId: true, secretaryId: true, memberIds: true },
  places: { id: true, townshipId: true, villageId: true, name: true, lat: true, lng: true, radiusM: true },
  bindings: { id: true, openid: true, personId: true, boundAt: true },
  tickets: {
    id: true,
    townshipId: true,
    villageId: true,
    householdId: true,
    kind: true,
    category: true,
    description: true,
    reporterId: true,
    filedOnBehalf: true,
    anonymous: true,
    status: true,
    assigneeId: true,
    createdAt: true,
    dueAt: true,
    version: true,
    history: true,
    satisfaction: true,
    result: true,
    photoUrls: true,
    answers: true,
    voiceUrl: true,
    location: true,
    onBehalfOfId: true,
    followerIds: true,
  },
  visits: {
    id: true,
    townshipId: true,
    cadreId: true,
    householdId: true,
    villageId: true,
    at: true,
    purpose: true,
    notes: true,
    overnight: true,
    status: true,
    signedById: true,
    signedAt: true,
    disputeReason: true,
    problems: true,
    ticketIds: true,
    location: true,
    onBehalfOfId: true,
    signatureId: true,
    photoId: true,
  },
  signins: {
    id: true,
    townshipId: true,
    cadreId: true,
    at: true,
    lat: true,
    lng: true,
    placeId: true,
    slot: true,
    valid: true,
    invalidReason: true,
    photoId: true,
    distanceM: true,
  },
  leaves: { id: true, townshipId: true, cadreId: true, from: true, to: true, reason: true, status: true, decidedById: true },
  ratings: {
    id: true,
    townshipId: true,
    period: true,
    band: true,
    cadreId: true,
    raterId: true,
    householdId: true,
    stars: true,
    comment: true,
    at: true,
    dimensions: true,
  },
  requests: { id: true, action: true, inputHash: true, response: true, at: true },
  meta: { id: true, value: true },
  meetings: {
    id: true,
    townshipId: true,
    villageId: true,
    convenedById: true,
    convenedAt: true,
    topic: true,
    ticketIds: true,
    attendeeIds: true,
    decisions: true,
    status: true,
    version: true,
  },
  notifications: { id: true, townshipId: true, personId: true, ticketId: true, action: true, status: true, at: true, read: true },
  uploads: { id: true, townshipId: true, ownerId: true, kind: true, mime: true, bytes: true, url: true, at: true },
  periods: { id: true, townshipId: true, period: true, status: true, closedAt: true, closedById: true, digest: true, reopenings: true },
  closeResults: { id: true, townshipId: true, period: true, digest: true, result: true },
  selfReviews: { id: true, townshipId: true, cadreId: true, period: true, text: true, at: true },
  checks: {
    id: true,
    townshipId: true,
    kind: true,
    date: true,
    villageId: true,
    cadreId: true,
    method: true,
    status: true,
    outcome: true,
    note: true,
    createdById: true,
    createdAt: true,
    recordedAt: true,
  },
  reports: { id: true, townshipId: true, reporterId: true, cadreId: true, villageId: true, text: true, at: true, status: true, decidedById: true, decisionNote: true },
  findings: { id: true, townshipId: true, cadreId: true, source: true, sourceId: true, text: true, at: true, byId: true },
  notices: { id: true, townshipId: true, villageId: true, title: true, body: true, authorId: true, at: true },
  reveals: { id: true, townshipId: true, actorId: true, subjectId: true, field: true, at: true },
  invitations: { id: true, townshipId: true, personId: true, householdId: true, createdById: true, createdAt: true, expiresAt: true, usedAt: true },
  images: { id: true, townshipId: true, kind: true, ownerId: true, mime: true, width: true, height: true, bytes: true, data: true, at: true },
  consents: { id: true, personId: true, kind: true, at: true },
  chainNotes: { id: true, townshipId: true, cadreId: true, period: true, text: true, byId: true, at: true },
}

type Scalar = string | number | null
/** FindOptions with the field name widened, checked at run time against FIELDS instead. */
export interface LooseFindOptions {
  orderBy?: { field: string; direction?: 'asc' | 'desc' }
  limit?: number
  skip?: number
}
type Param = string | number | null

/** JSON booleans come out of json_extract as 1/0, so filter values must go in the same way. */
const toScalar = (collection: string, field: string, value: unknown): Scalar => {
  if (value === null || typeof value === 'string') return value
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${collection}.${field}: filter value must be finite`)
    return value
  }
  if (typeof value === 'boolean') return value ? 1 : 0
  throw new Error(`${collection}.${field}: only strings, numbers, booleans and null can be filtered on`)
}

const fieldExpr = (collection: CollectionName, field: string): string => {
  if (!Object.prototype.hasOwnProperty.call(FIELDS[collection], field)) {
    throw new Error(`unknown field ${collection}.${field}`)
  }
  // The primary key column is its own (unique) index; json_extract would bypass it.
  return field === 'id' ? 'id' : jsonField(field)
}

/** SQL and parameters for a Where; the SQL depends only on the filter's shape, so it caches well. */
const whereSql = (collection: CollectionName, where: object): { sql: string; params: Param[] } => {
  const clauses: string[] = []
  const params: Param[] = []
  for (const [field, value] of Object.entries(where)) {
    const expr = fieldExpr(collection, field)
    if (value === undefined) {
      // Dropping the clause would widen the query to the whole collection: refuse instead.
      throw new Error(`${collection}.${field}: filter value is undefined`)
    }
    if (Array.isArray(value)) {
      const items = value.map((v: unknown) => toScalar(collection, field, v))
      const present = items.filter((v): v is string | number => v !== null)
      const parts: string[] = []
      if (present.length > 0) {
        // One JSON parameter instead of n placeholders keeps one cached statement per shape.
        parts.push(`${expr} IN (SELECT value FROM json_each(?))`)
        params.push(JSON.stringify(present))
      }
      if (present.length < items.length) parts.push(`${expr} IS NULL`)
      clauses.push(parts.length === 0 ? '0' : parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})`)
    } else {
      const scalar = toScalar(collection, field, value)
      if (scalar === null) {
        clauses.push(`${expr} IS NULL`)
      } else {
        clauses.push(`${expr} = ?`)
        params.push(scalar)
      }
    }
  }
  return { sql: clauses.length === 0 ? '' : ` WHERE ${clauses.join(' AND ')}`, params }
}

/**
 * The SELECT that `find` runs; exported so tests (and anyone tuning an index) can EXPLAIN exactly
 * what the store executes.
 */
export const findSql = (
  collection: CollectionName,
  where: object,
  options: LooseFindOptions = {},
): { sql: string; params: Param[] } => {
  const w = whereSql(collection, where)
  let sql = `SELECT doc FROM "${collection}"${w.sql}`
  const params = [...w.params]
  if (options.orderBy !== undefined) {
    const dir = options.orderBy.direction === 'desc' ? 'DESC' : 'ASC'
    // The id tie-break makes pages stable when the sort field has equal values.
    sql += ` ORDER BY ${fieldExpr(collection, options.orderBy.field)} ${dir}, id ${dir}`
  }
  if (options.limit !== undefined || options.skip !== undefined) {
    const limit = options.limit ?? -1
    const skip = options.skip ?? 0
    if (!Number.isInteger(limit) || !Number.isInteger(skip) || skip < 0) {
      throw new Error(`bad limit/skip: ${limit}/${skip}`)
    }
    sql += ' LIMIT ? OFFSET ?'
    params.push(limit < 0 ? -1 : limit, skip)
  }
  return { sql, params }
}

const isDocId = (id: unknown): id is string => typeof id === 'string' && id.length > 0

/** The writer side of one SQLite connection; `inTx` ops assume the caller holds the queue. */
class Engine {
  private readonly statements = new Map<string, Database.Statement>()
  private readonly insertManyTx: (collection: CollectionName, docs: readonly { id: string }[]) => void

  constructor(readonly db: Database.Database) {
    // better-sqlite3 turns a nested call into a SAVEPOINT, so insertMany is all-or-nothing both on
    // its own and inside an outer transaction.
    this.insertManyTx = db.transaction((collection: CollectionName, docs: readonly { id: string }[]) => {
      for (const doc of docs) this.insert(collection, doc)
    })
  }

  stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql)
    if (s === undefined) {
      s = this.db.prepare(sql)
      this.statements.set(sql, s)
    }
    return s
  }

  get(collection: CollectionName, id: string): unknown {
    const row = this.stmt(`SELECT doc FROM "${collection}" WHERE id = ?`).get(id) as { doc: string } | undefined
    return row === undefined ? null : JSON.parse(row.doc)
  }

  getMany(collection: CollectionName, ids: readonly string[]): unknown[] {
    if (ids.length === 0) return []
    const rows = this.stmt(`SELECT id, doc FROM "${collection}" WHERE id IN (SELECT value FROM json_each(?))`).all(
      JSON.stringify(ids),
    ) as { id: string; doc: string }[]
    const byId = new Map(rows.map((r) => [r.id, r.doc]))
    const out: unknown[] = []
    for (const id of ids) {
      const doc = byId.get(id)
      if (doc !== undefined) out.push(JSON.parse(doc))
    }
    return out
  }

  find(collection: CollectionName, where: object, options: LooseFindOptions = {}): unknown[] {
    const q = findSql(collection, where, options)
    const rows = this.stmt(q.sql).all(...q.params) as { doc: string }[]
    return rows.map((r) => JSON.parse(r.doc))
  }

  count(collection: CollectionName, where: object): number {
    const w = whereSql(collection, where)
    const row = this.stmt(`SELECT COUNT(*) AS n FROM "${collection}"${w.sql}`).get(...w.params) as { n: number }
    return row.n
  }

  insert(collection: CollectionName, doc: { id: string }): void {
    if (!isDocId(doc.id)) throw new Error(`${collection}: document id must be a non-empty string`)
    const info = this.stmt(`INSERT INTO "${collection}" (id, doc) VALUES (?, ?) ON CONFLICT (id) DO NOTHING`).run(
      doc.id,
      JSON.stringify(doc),
    )
    if (info.changes === 0) throw new DuplicateKeyError(collection, doc.id)
  }

  insertMany(collection: CollectionName, docs: readonly { id: string }[]): void {
    if (docs.length > 0) this.insertManyTx(collection, docs)
  }

  replace(collection: CollectionName, doc: { id: string }, ifVersion: number | undefined): void {
    if (!isDocId(doc.id)) throw new Error(`${collection}: document id must be a non-empty string`)
    const json = JSON.stringify(doc)
    if (ifVersion === undefined) {
      // Like the cloud database's doc(id).set(): creates the document when it is missing.
      this.stmt(`INSERT INTO "${collection}" (id, doc) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc`).run(
        doc.id,
        json,
      )
      return
    }
    const info = this.stmt(
      `UPDATE "${collection}" SET doc = ? WHERE id = ? AND json_extract(doc, '$.version') = ?`,
    ).run(json, doc.id, ifVersion)
    if (info.changes === 0) throw new VersionConflictError(collection, doc.id)
  }

  remove(collection: CollectionName, id: string): void {
    this.stmt(`DELETE FROM "${collection}" WHERE id = ?`).run(id)
  }
}

/** A promise queue: each task starts after the previous one settled, whatever its outcome. */
class Queue {
  private tail: Promise<unknown> = Promise.resolve()

  run<T>(task: () => T | Promise<T>): Promise<T> {
    const result = this.tail.then(task)
    this.tail = result.then(
      () => undefined,
      () => undefined,
    )
    return result
  }
}

/** Marks the async context of a running transaction, to catch use of the outer store inside it. */
interface TxScope {
  active: boolean
}

/** Builds a Store whose every operation goes through `run`. */
const storeOver = (
  engine: Engine,
  run: <T>(op: () => T) => Promise<T>,
  transaction: Store['transaction'],
  close: Store['close'],
): Store => ({
  get: (c, id) => run(() => engine.get(c, id) as Doc<typeof c> | null),
  getMany: (c, ids) => run(() => engine.getMany(c, ids) as Doc<typeof c>[]),
  find: (c, where, options) => run(() => engine.find(c, where, options) as Doc<typeof c>[]),
  count: (c, where: Where<Doc<typeof c>>) => run(() => engine.count(c, where)),
  insert: (c, doc) => run(() => engine.insert(c, doc)),
  insertMany: (c, docs) => run(() => engine.insertMany(c, docs)),
  replace: (c, doc, options) => run(() => engine.replace(c, doc, options?.ifVersion)),
  remove: (c, id) => run(() => engine.remove(c, id)),
  transaction,
  close,
})

/**
 * Opens (creating when missing, with parent directories) the SQLite file at `file`, or an
 * in-memory database for ':memory:', and applies pending migrations.
 */
export const openSqliteStore = (file: string): Store => {
  if (file !== ':memory:' && file !== '') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  // WAL makes NORMAL durable against application crashes; only an OS crash can lose the last commit.
  db.pragma('synchronous = NORMAL')
  // Another process (a second server, the sqlite3 shell) may hold the write lock for a moment.
  db.pragma('busy_timeout = 5000')
  applyMigrations(db)

  const engine = new Engine(db)
  const queue = new Queue()
  const scope = new AsyncLocalStorage<TxScope>()
  let closed = false

  const checkOpen = (): void => {
    if (closed) throw new Error('store is closed')
  }
  const outside = <T>(op: () => T | Promise<T>): Promise<T> => {
    const tx = scope.getStore()
    if (tx?.active) {
      // Waiting in the queue here would wait for our own transaction: a silent deadlock.
      return Promise.reject(new Error('use the transaction\'s store (tx), not the outer store, inside transaction()'))
    }
    return queue.run(() => {
      checkOpen()
      return op()
    })
  }

  const transaction: Store['transaction'] = <T>(work: (tx: Store) => Promise<T>): Promise<T> =>
    outside(async () => {
      const txScope: TxScope = { active: true }
      const inside = <R>(op: () => R): Promise<R> => {
        if (!txScope.active) return Promise.reject(new Error('transaction is over; its store can no longer be used'))
        try {
          return Promise.resolve(op())
        } catch (e) {
          return Promise.reject(e)
        }
      }
      const tx = storeOver(
        engine,
        inside,
        // Transactions do not nest: inner work simply joins the outer transaction.
        (innerWork) => innerWork(tx),
        () => Promise.reject(new Error("close the outer store, not the transaction's")),
      )
      engine.stmt('BEGIN IMMEDIATE').run()
      try {
        const value = await scope.run(txScope, () => work(tx))
        txScope.active = false
        engine.stmt('COMMIT').run()
        return value
      } catch (error) {
        txScope.active = false
        // A failed COMMIT (SQLITE_BUSY, disk full) leaves the transaction open: end it here too.
        if (db.inTransaction) engine.stmt('ROLLBACK').run()
        throw error
      }
    })

  return storeOver(engine, outside, transaction, () =>
    queue.run(() => {
      if (closed) return
      closed = true
      db.close()
    }),
  )
}
