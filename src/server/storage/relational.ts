/**
 * The Store port over typed tables, with Kysely as the one query layer and two dialects: embedded
 * SQLite (better-sqlite3: the demo, tests, small installs) and MySQL 8 protocol (mysql2: CloudBase
 * MySQL, self-hosted MySQL/MariaDB, TiDB/OceanBase).
 *
 * Concurrency. SQLite: one connection, and a write transaction holds it (BEGIN IMMEDIATE) from start
 * to commit, so transactions are serial; a statement of the outer store waits for it behind Kysely's
 * connection lock, and runs straight on the connection when no transaction holds it (a statement runs
 * synchronously: none can start halfway). MySQL: a pool; a write transaction runs in READ COMMITTED
 * and reads records by id with SELECT ... FOR UPDATE, so two writers of one record queue behind each
 * other and the second sees the first's result; a compare-and-set on `version` and unique keys catch
 * the rest; a transaction chosen as a deadlock victim is run again from the start.
 *
 * Speed. The store's own statements (get, getMany, find, count, insert, replace) are built and
 * compiled by Kysely once per shape and run again with new values; SQLite never re-plans them (no
 * LIMIT parameters, no stat4 samples: see SqliteCompiler and migrations' analyze), makes their rows
 * without looking column names up per row (cachingSqlite), and checkpoints its log in a worker thread
 * (checkpoints.ts).
 * One rule: every statement is built by Kysely from the registry in schema.ts.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import fs from 'node:fs'
import path from 'node:path'
import type Database from 'better-sqlite3'
import {
  CompiledQuery,
  Kysely,
  MysqlDialect,
  SqliteDialect,
  SqliteQueryCompiler,
  ValueNode,
  createQueryId,
  sql,
  type LimitNode,
  type LogEvent,
  type OffsetNode,
  type QueryCompiler,
  type QueryResult,
  type MysqlPool,
  type MysqlPoolConnection,
  type MysqlQueryResult,
} from 'kysely'
import {
  DuplicateKeyError,
  StoreUnavailableError,
  VersionConflictError,
  type CollectionName,
  type Doc,
  type FindOptions,
  type Store,
} from './port'
import { TABLES, type ChildDef, type ColumnDef, type TableDef } from './schema'
import { migrateToLatest } from './migrations'
import { checkpointInWorker } from './checkpoints'
import { RUN_COMPILED, sameParameters, type Compiled } from './statements'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>
type Row = Record<string, unknown>
export type Dialect = 'sqlite' | 'mysql'

export interface StoreOptions {
  /** `mysql://user:password@host:port/database`, or a SQLite file path (`:memory:` for RAM). */
  url: string
  /** Called with every statement's SQL (statement counts, the EXPLAIN test). */
  onQuery?: (sqlText: string, parameters: readonly unknown[]) => void
  /** MySQL pool size (default 10). */
  poolSize?: number
}

// ------------------------------------------------------------------ rows <-> documents

const isMissing = (v: unknown): boolean => v === undefined || v === null

const toCell = (table: string, name: string, def: ColumnDef, value: unknown): unknown => {
  if (isMissing(value)) {
    if (!def.nullable) throw new Error(`${table}.${name} is required`)
    return null
  }
  switch (def.kind) {
    case 'json':
      return JSON.stringify(value)
    case 'bool':
      return value ? 1 : 0
    case 'int':
    case 'real':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${table}.${name} must be a finite number`)
      return value
    default:
      if (typeof value !== 'string') throw new Error(`${table}.${name} must be a string`)
      return value
  }
}

const fromCell = (def: ColumnDef, value: unknown): unknown => {
  if (value === null || value === undefined) return null
  switch (def.kind) {
    case 'json':
      return JSON.parse(value as string)
    case 'bool':
      return value === 1 || value === true || value === '1'
    case 'int':
    case 'real':
      return typeof value === 'number' ? value : Number(value)
    default:
      return value
  }
}

/** Per table: its column names and definitions, computed once. */
interface Shape {
  def: TableDef
  names: string[]
  defs: ColumnDef[]
}
const shapes = new Map<string, Shape>()
const shapeOf = (collection: CollectionName): Shape => {
  let s = shapes.get(collection)
  if (!s) {
    const def = TABLES[collection]
    if (!def) throw new Error(`unknown collection ${collection}`)
    const names = Object.keys(def.columns)
    s = { def, names, defs: names.map((n) => def.columns[n]) }
    shapes.set(collection, s)
  }
  return s
}

export const toRow = (collection: CollectionName, doc: object): Row => {
  const { def, names, defs } = shapeOf(collection)
  const d = doc as Row
  if (typeof d.id !== 'string' || d.id.length === 0) throw new Error(`${collection}: document id must be a non-empty string`)
  const row: Row = {}
  for (let i = 0; i < names.length; i++) row[names[i]] = toCell(def.name, names[i], defs[i], d[names[i]])
  return row
}

export const fromRow = (collection: CollectionName, row: Row): unknown => {
  const { names, defs } = shapeOf(collection)
  const doc: Row = {}
  for (let i = 0; i < names.length; i++) {
    const value = fromCell(defs[i], row[names[i]])
    if (value === null && defs[i].optional) continue
    doc[names[i]] = value
  }
  return doc
}

/** The child rows of one document for one child table. */
export const childRows = (child: ChildDef, doc: Row): Row[] => {
  const list = doc[child.field]
  if (!Array.isArray(list)) return []
  return list.map((element: unknown) => {
    const row: Row = { [child.parentKey]: doc.id }
    for (const c of child.copy ?? []) row[c] = doc[c]
    if (child.valueColumn) {
      row[child.valueColumn] = element
    } else {
      const e = element as Row
      for (const c of Object.keys(child.columns)) row[c] = e[c] ?? null
    }
    return row
  })
}

/**
 * When `list` is the stored list `beforeText` with elements appended, the number of elements it
 * had; otherwise -1.
 */
const appendedFrom = (beforeText: string | null, list: unknown): number => {
  if (beforeText === null || !Array.isArray(list)) return -1
  const before = JSON.parse(beforeText) as unknown[]
  if (!Array.isArray(before) || before.length > list.length) return -1
  for (let i = 0; i < before.length; i++) if (JSON.stringify(before[i]) !== JSON.stringify(list[i])) return -1
  return before.length
}

// ------------------------------------------------------------------ filters

const isRange = (v: unknown): v is Record<'gte' | 'gt' | 'lte' | 'lt', unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

const scalar = (collection: string, field: string, value: unknown): string | number | null => {
  if (value === null || typeof value === 'string') return value
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${collection}.${field}: filter value must be finite`)
    return value
  }
  if (typeof value === 'boolean') return value ? 1 : 0
  throw new Error(`${collection}.${field}: only strings, numbers, booleans and null can be filtered on`)
}

/** Lists longer than this are split into several statements (SQLite's parameter limit). */
const IN_CHUNK = 900

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Qb = any

/** Applies a Where to a select, update or delete builder; null when the filter can match nothing. */
const applyWhere = (qb: Qb, collection: CollectionName, where: object): Qb | null => {
  const { def } = shapeOf(collection)
  for (const [field, value] of Object.entries(where)) {
    if (value === undefined) {
      // Dropping the clause would widen the query to the whole table: refuse instead.
      throw new Error(`${collection}.${field}: filter value is undefined`)
    }
    const child = def.children.find((c) => c.field === field)
    if (child) {
      if (!child.valueColumn) throw new Error(`${collection}.${field}: a list of records cannot be filtered on; query ${child.table}`)
      const values = (Array.isArray(value) ? value : [value]).map((v: unknown) => scalar(collection, field, v))
      if (values.length === 0) return null
      // The copied parent fields (townshipId) the filter also fixes narrow the subquery to its index.
      const copied = (child.copy ?? []).flatMap((c) => {
        const v = (where as Record<string, unknown>)[c]
        return typeof v === 'string' || typeof v === 'number' ? [[c, v] as const] : []
      })
      qb = qb.where('id', 'in', (eb: AnyDb) => {
        let sub = eb.selectFrom(child.table).select(child.parentKey)
        for (const [c, v] of copied) sub = sub.where(c, '=', v)
        return sub.where(child.valueColumn!, 'in', values)
      })
      continue
    }
    if (!Object.prototype.hasOwnProperty.call(def.columns, field)) throw new Error(`unknown field ${collection}.${field}`)
    if (Array.isArray(value)) {
      const items = value.map((v: unknown) => scalar(collection, field, v))
      const present = items.filter((v): v is string | number => v !== null)
      const withNull = present.length < items.length
      if (present.length === 0 && !withNull) return null
      if (present.length === 0) qb = qb.where(field, 'is', null)
      else if (!withNull) qb = qb.where(field, 'in', present)
      else qb = qb.where((eb: Qb) => eb.or([eb(field, 'in', present), eb(field, 'is', null)]))
    } else if (isRange(value)) {
      const ops = { gte: '>=', gt: '>', lte: '<=', lt: '<' } as const
      let any = false
      for (const [k, op] of Object.entries(ops)) {
        const bound = value[k as keyof typeof ops]
        if (bound === undefined) continue
        qb = qb.where(field, op, scalar(collection, field, bound))
        any = true
      }
      if (!any) throw new Error(`${collection}.${field}: an empty range`)
    } else {
      const v = scalar(collection, field, value)
      qb = v === null ? qb.where(field, 'is', null) : qb.where(field, '=', v)
    }
  }
  return qb
}

/**
 * The shape of a Where (which fields, compared how, lists of what length) and its values in the
 * order applyWhere hands them to Kysely: statements of one shape share their compiled text. Null
 * when the filter is one applyWhere refuses or answers without a statement (then it decides).
 */
const whereShape = (collection: CollectionName, where: object): { key: string; params: unknown[] } | null => {
  const { def } = shapeOf(collection)
  let key = ''
  const params: unknown[] = []
  try {
    for (const [field, value] of Object.entries(where)) {
      if (value === undefined) return null
      const child = def.children.find((c) => c.field === field)
      if (child) {
        if (!child.valueColumn) return null
        const values = (Array.isArray(value) ? value : [value]).map((v: unknown) => scalar(collection, field, v))
        if (values.length === 0) return null
        key += `|c:${field}`
        for (const c of child.copy ?? []) {
          const v = (where as Record<string, unknown>)[c]
          if (typeof v === 'string' || typeof v === 'number') {
            key += `:${c}`
            params.push(v)
          }
        }
        key += `:${values.length}`
        params.push(...values)
        continue
      }
      if (!Object.prototype.hasOwnProperty.call(def.columns, field)) return null
      if (Array.isArray(value)) {
        const items = value.map((v: unknown) => scalar(collection, field, v))
        const present = items.filter((v): v is string | number => v !== null)
        if (present.length === 0 && present.length === items.length) return null
        key += `|in:${field}:${present.length}:${present.length < items.length}`
        params.push(...present)
      } else if (isRange(value)) {
        key += `|r:${field}`
        for (const k of ['gte', 'gt', 'lte', 'lt'] as const) {
          if (value[k] === undefined) continue
          key += `:${k}`
          params.push(scalar(collection, field, value[k]))
        }
      } else {
        const v = scalar(collection, field, value)
        key += v === null ? `|null:${field}` : `|eq:${field}`
        if (v !== null) params.push(v)
      }
    }
  } catch {
    return null
  }
  return { key, params }
}

/**
 * A list for `IN (...)` grown to the next power of two (at most IN_CHUNK) by repeating its last
 * element: the same matches, and a few statement texts instead of one per list length.
 */
const padded = <T>(list: readonly T[]): readonly T[] => {
  if (list.length <= 1) return list
  let size = 2
  while (size < list.length) size *= 2
  size = Math.min(size, Math.max(IN_CHUNK, list.length))
  if (size === list.length) return list
  const out = list.slice()
  const last = list[list.length - 1] as T
  while (out.length < size) out.push(last)
  return out
}

/** The filter with each list padded (see padded). */
const paddedWhere = (where: object): object => {
  let out: Record<string, unknown> | null = null
  for (const [k, v] of Object.entries(where)) {
    if (!Array.isArray(v) || v.length <= 1) continue
    out ??= { ...where }
    out[k] = padded(v)
  }
  return out ?? where
}

/** The longest list in a filter, to split a huge "one of these" into statements of IN_CHUNK. */
const longestList = (where: object): [string, unknown[]] | null => {
  let best: [string, unknown[]] | null = null
  for (const [k, v] of Object.entries(where)) if (Array.isArray(v) && (!best || v.length > best[1].length)) best = [k, v]
  return best && best[1].length > IN_CHUNK ? best : null
}

/**
 * The statement sizes for inserting n rows, at most `max` per statement: full statements of `max`,
 * then the rest in powers of two. A multi-row INSERT's SQL text depends on its row count and SQLite
 * keeps each prepared text (cachingSqlite; a 700-row insert holds most of a MB of native memory), so sizes
 * from this small set keep many insertMany calls (the roster import writes in chunks) from
 * preparing and caching a new statement for every remainder.
 */
export const batchSizes = (n: number, max: number): number[] => {
  const sizes: number[] = []
  let left = n
  for (; left >= max; left -= max) sizes.push(max)
  for (let p = 2 ** Math.floor(Math.log2(max)); left > 0 && p >= 1; p /= 2) {
    if (left >= p) {
      sizes.push(p)
      left -= p
    }
  }
  return sizes
}

// ------------------------------------------------------------------ errors

const MYSQL_RETRY = new Set([1213, 1205]) // ER_LOCK_DEADLOCK, ER_LOCK_WAIT_TIMEOUT
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_ACCESS_DENIED_ERROR',
  'ER_BAD_DB_ERROR',
  'SQLITE_BUSY',
  'SQLITE_CANTOPEN',
  'SQLITE_FULL',
  'SQLITE_IOERR',
])

const errCode = (e: unknown): string | undefined => (e as { code?: string } | null)?.code
const errNo = (e: unknown): number | undefined => (e as { errno?: number } | null)?.errno

const isPrimaryKeyDuplicate = (e: unknown): boolean => {
  const code = errCode(e)
  if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return true
  if (code === 'ER_DUP_ENTRY') return /for key '([^']*\.)?PRIMARY'/.test(String((e as Error).message))
  return false
}

/** Whether a write failed on a unique index other than the primary key (e.g. bindings.openid). */
export const isUniqueViolation = (e: unknown): boolean => {
  const code = errCode(e)
  if (code === 'SQLITE_CONSTRAINT_UNIQUE') return true
  return (code === 'ER_DUP_ENTRY' || errNo(e) === 1062) && !isPrimaryKeyDuplicate(e)
}

/** Turns a driver's connection failure into the port's StoreUnavailableError; other errors pass. */
const translate = (e: unknown): unknown => {
  if (e instanceof StoreUnavailableError) return e
  const code = errCode(e)
  if ((code && (UNAVAILABLE_CODES.has(code) || code.startsWith('SQLITE_IOERR'))) || /Pool is closed|connection is in closed state/i.test(String((e as Error)?.message))) {
    return new StoreUnavailableError(`database unavailable (${code ?? (e as Error).message})`, e)
  }
  return e
}

// ------------------------------------------------------------------ the store

/** What a statement gave: its rows (reads) or the number of rows it changed (writes). */
interface Outcome {
  rows: Row[]
  affected: number
}
const outcome = (result: QueryResult<Row>): Outcome => ({ rows: result.rows, affected: Number(result.numAffectedRows ?? 0) })

/** A filter that can match nothing: no statement runs, and the read answers NOTHING. */
const NOTHING_QUERY = Object.freeze({})
const NOTHING = Object.freeze([]) as unknown as Row[]

interface TxScope {
  active: boolean
}

class RelationalStore implements Store {
  constructor(
    readonly db: AnyDb,
    readonly dialect: Dialect,
    private readonly shared: {
      scope: AsyncLocalStorage<TxScope>
      /** Compiled text of the store's own reads, by shape (null: a shape whose text is not reused). */
      compiled: Map<string, Compiled | null>
      /** SQLite: the connection's statements, for reads run without Kysely's connection queue. */
      sqlite: SqliteStatements | null
      /** SQLite: a transaction holds the connection (from BEGIN to COMMIT or ROLLBACK). */
      inTransaction: { value: boolean }
      onQuery: StoreOptions['onQuery']
      closeAll: () => Promise<void>
      closed: { value: boolean }
    },
    private readonly tx: TxScope | null,
  ) {}

  /**
   * Inside a transaction: the stored JSON of each child-table list field of every record read or
   * written, so that a replace rewrites only the child rows that changed (a ticket step appends one
   * event instead of rewriting the whole history).
   */
  private readonly seen = new Map<string, string | null>()

  private remember(collection: CollectionName, rows: readonly Row[]): void {
    if (!this.tx) return
    const children = shapeOf(collection).def.children
    if (children.length === 0) return
    for (const r of rows) for (const c of children) this.seen.set(`${collection}\u0000${String(r.id)}\u0000${c.field}`, (r[c.field] as string | null) ?? null)
  }

  /** The builder, untyped: the registry, not Kysely's generics, checks table and column names here. */
  private get q(): Qb {
    return this.db
  }

  /** Every operation goes through here: the outer store refuses to run inside a transaction. */
  private async run<T>(op: () => Promise<T>): Promise<T> {
    if (this.shared.closed.value) throw new Error('store is closed')
    if (this.tx) {
      if (!this.tx.active) throw new Error('transaction is over; its store can no longer be used')
    } else if (this.shared.scope.getStore()?.active) {
      // Waiting for the connection here would wait for our own transaction: a silent deadlock.
      throw new Error("use the transaction's store (tx), not the outer store, inside transaction()")
    }
    try {
      return await op()
    } catch (e) {
      throw translate(e)
    }
  }

  /**
   * A statement of a fixed shape: compiled by Kysely the first time (`build`), then the same text
   * with this call's `params`. The text is kept only when Kysely's parameters are exactly `params`.
   */
  private async execute(key: string | null, params: readonly unknown[], build: () => Qb): Promise<Outcome> {
    const known = key === null ? undefined : this.shared.compiled.get(key)
    if (known) return this.runShape(known, params)
    const query = build()
    if (query === NOTHING_QUERY) return { rows: NOTHING, affected: 0 }
    const compiled = query.compile()
    if (key !== null && known === undefined) {
      const reusable = sameParameters(compiled.parameters, params)
      if (!reusable) console.warn(`[minqing] store: a statement of shape ${key} is compiled on every call (its parameters are not where expected)`)
      if (this.shared.compiled.size >= 5000) this.shared.compiled.clear()
      this.shared.compiled.set(key, reusable ? { sql: compiled.sql, query: compiled.query } : null)
    }
    return outcome(await this.db.executeQuery<Row>(compiled))
  }

  private async select(key: string | null, params: readonly unknown[], build: () => Qb): Promise<Row[]> {
    return (await this.execute(key, params, build)).rows
  }

  /**
   * Runs a compiled statement. SQLite: straight on the connection when nothing stands in the way,
   * i.e. this store's own transaction is running, or no transaction holds the connection (a statement
   * runs synchronously, so no other one can start halfway); otherwise, and on MySQL, through Kysely's
   * connection handling (a statement of the outer store waits for the transaction's end).
   */
  private runShape(compiled: Compiled, params: readonly unknown[]): Promise<Outcome> {
    const direct = this.shared.sqlite
    if (direct && (this.tx ? this.tx.active : !this.shared.inTransaction.value) && !this.shared.closed.value) {
      try {
        const rows = direct.read(compiled.sql, params)
        const result: Outcome = rows ? { rows, affected: 0 } : { rows: NOTHING, affected: direct.prepare(compiled.sql).run(params as unknown[]).changes }
        this.shared.onQuery?.(compiled.sql, params)
        return Promise.resolve(result)
      } catch (e) {
        this.shared.onQuery?.(compiled.sql, params)
        return Promise.reject(e)
      }
    }
    return this.db.executeQuery<Row>({ sql: compiled.sql, query: compiled.query, parameters: params, queryId: createQueryId() }).then(outcome)
  }

  /** A compiled read (statement() of storage/statements runs its reads here). */
  async [RUN_COMPILED](compiled: Compiled, params: readonly unknown[]): Promise<Row[]> {
    try {
      return (await this.runShape(compiled, params)).rows
    } catch (e) {
      throw translate(e)
    }
  }

  /** Reads inside a MySQL write transaction lock what they read, so a writer sees the last commit. */
  private lock(qb: Qb): Qb {
    return this.tx && this.dialect === 'mysql' ? qb.forUpdate() : qb
  }

  get<C extends CollectionName>(collection: C, id: string): Promise<Doc<C> | null> {
    return this.run(async () => {
      const locked = this.tx !== null && this.dialect === 'mysql'
      const [row] = await this.select(`get|${collection}|${locked}`, [id], () => this.lock(this.q.selectFrom(collection).selectAll().where('id', '=', id)))
      if (row === undefined) return null
      this.remember(collection, [row])
      return fromRow(collection, row) as Doc<C>
    })
  }

  getMany<C extends CollectionName>(collection: C, ids: readonly string[]): Promise<Doc<C>[]> {
    return this.run(async () => {
      if (ids.length === 0) return []
      const unique = [...new Set(ids)]
      const byId = new Map<string, Row>()
      for (let i = 0; i < unique.length; i += IN_CHUNK) {
        const chunk = padded(unique.slice(i, i + IN_CHUNK))
        const locked = this.tx !== null && this.dialect === 'mysql'
        const rows = await this.select(`getMany|${collection}|${chunk.length}|${locked}`, chunk, () =>
          this.lock(this.q.selectFrom(collection).selectAll().where('id', 'in', chunk)),
        )
        for (const r of rows) byId.set(r.id as string, r)
        this.remember(collection, rows)
      }
      const out: Doc<C>[] = []
      for (const id of ids) {
        const r = byId.get(id)
        if (r) out.push(fromRow(collection, r) as Doc<C>)
      }
      return out
    })
  }

  find<C extends CollectionName>(collection: C, where: object, options: FindOptions<Doc<C>> = {}): Promise<Doc<C>[]> {
    return this.run(async () => {
      const big = longestList(where)
      if (big) {
        if (options.orderBy || options.limit !== undefined || options.skip !== undefined) {
          throw new Error(`${collection}: a filter list longer than ${IN_CHUNK} cannot be sorted or paged`)
        }
        const [field, values] = big
        // On a child-table list ("contains") one record can match in several chunks: once each.
        const out = new Map<string, Doc<C>>()
        for (let i = 0; i < values.length; i += IN_CHUNK) {
          for (const doc of await this.findOnce(collection, { ...where, [field]: values.slice(i, i + IN_CHUNK) }, {})) out.set(doc.id, doc)
        }
        return [...out.values()]
      }
      return this.findOnce(collection, where, options)
    })
  }

  private async findOnce<C extends CollectionName>(collection: C, filter: object, options: FindOptions<Doc<C>>): Promise<Doc<C>[]> {
    const where = paddedWhere(filter)
    const shape = whereShape(collection, where)
    let key: string | null = null
    const params = shape?.params ?? []
    if (shape) {
      const { orderBy, limit, skip } = options
      key = `find|${collection}${shape.key}|${orderBy ? `${String(orderBy.field)}:${orderBy.direction ?? 'asc'}` : ''}|${limit ?? ''}|${skip ?? ''}`
      // MySQL's LIMIT and OFFSET are parameters; SQLite's are written in the text (SqliteCompiler).
      if (this.dialect === 'mysql' && (limit !== undefined || skip !== undefined)) {
        params.push(limit ?? Number.MAX_SAFE_INTEGER)
        if ((skip ?? 0) > 0) params.push(skip)
      }
    }
    const rows = await this.select(key, params, () => this.findQuery(collection, where, options))
    if (rows === NOTHING) return []
    this.remember(collection, rows)
    return rows.map((r) => fromRow(collection, r) as Doc<C>)
  }

  /** The select of a find (NOTHING_QUERY when the filter can match nothing). */
  private findQuery<C extends CollectionName>(collection: C, where: object, options: FindOptions<Doc<C>>): Qb {
    let qb = applyWhere(this.q.selectFrom(collection).selectAll(), collection, where)
    if (qb === null) return NOTHING_QUERY
    if (options.orderBy !== undefined) {
      const field = options.orderBy.field
      if (!Object.prototype.hasOwnProperty.call(shapeOf(collection).def.columns, field)) throw new Error(`unknown field ${collection}.${field}`)
      const dir = options.orderBy.direction === 'desc' ? 'desc' : 'asc'
      // The id tie-break makes pages stable when the sort field has equal values.
      qb = qb.orderBy(field, dir).orderBy('id', dir)
    }
    if (options.limit !== undefined || options.skip !== undefined) {
      const limit = options.limit ?? Number.MAX_SAFE_INTEGER
      const skip = options.skip ?? 0
      if (!Number.isInteger(limit) || limit < 0 || !Number.isInteger(skip) || skip < 0) throw new Error(`bad limit/skip: ${limit}/${skip}`)
      qb = qb.limit(limit)
      if (skip > 0) qb = qb.offset(skip)
    }
    return qb
  }

  count<C extends CollectionName>(collection: C, where: object): Promise<number> {
    return this.run(async () => {
      const padWhere = paddedWhere(where)
      const shape = whereShape(collection, padWhere)
      const rows = await this.select(shape ? `count|${collection}${shape.key}` : null, shape?.params ?? [], () => {
        const qb = applyWhere(this.q.selectFrom(collection).select((eb: Qb) => eb.fn.countAll().as('n')), collection, padWhere)
        return qb ?? NOTHING_QUERY
      })
      if (rows === NOTHING) return 0
      return Number(rows[0]?.n ?? 0)
    })
  }

  /**
   * Writes the child rows of `docs` (`rows` are their stored forms). Replacing, a list unchanged
   * since this transaction read it is left alone, a list that only grew gets its new elements, and
   * any other change rewrites the record's rows of that child table.
   */
  private async writeChildren(collection: CollectionName, docs: readonly Row[], rows: readonly Row[], replacing: boolean): Promise<void> {
    for (const child of shapeOf(collection).def.children) {
      const fresh: Row[] = []
      const rewrite: unknown[] = []
      docs.forEach((doc, i) => {
        const key = `${collection}\u0000${String(doc.id)}\u0000${child.field}`
        const text = (rows[i][child.field] as string | null) ?? null
        const before = replacing ? this.seen.get(key) : undefined
        // Inserted lists are not remembered: a bulk insert (the seed, a roster import) would keep them all.
        if (this.tx && replacing) this.seen.set(key, text)
        const all = childRows(child, doc)
        if (!replacing) {
          fresh.push(...all)
          return
        }
        if (before !== undefined && before === text) return
        const grown = before !== undefined ? appendedFrom(before, doc[child.field]) : -1
        if (grown >= 0) {
          fresh.push(...all.slice(grown))
          return
        }
        rewrite.push(doc.id)
        fresh.push(...all)
      })
      if (rewrite.length > 0) await this.q.deleteFrom(child.table).where(child.parentKey, 'in', rewrite).execute()
      await this.insertRows(child.table, fresh, 500)
    }
  }


  /**
   * Inserts rows that all have the same columns in the same order (toRow's, childRows'), at most
   * `max` per statement in the sizes of batchSizes, so a bulk insert (the seed, the roster import)
   * compiles and prepares only a few statement shapes, each (table, size) once.
   */
  private async insertRows(table: string, rows: readonly Row[], max = 1): Promise<void> {
    let i = 0
    for (const size of batchSizes(rows.length, max)) {
      const batch = rows.slice(i, i + size)
      i += size
      const params: unknown[] = []
      for (const r of batch) for (const k in r) params.push(r[k])
      // Kysely writes DEFAULT for an undefined value: such a batch is not of the cached shape.
      const key = params.includes(undefined) ? null : `insert|${table}|${batch.length}|${Object.keys(batch[0] ?? {}).join(',')}`
      await this.execute(key, params, () => this.q.insertInto(table).values(batch))
    }
  }

  /** Runs `work` in this transaction, or in a new one when called on the outer store. */
  private atomically(work: (s: RelationalStore) => Promise<void>): Promise<void> {
    return this.tx ? work(this) : this.transaction((tx) => work(tx as RelationalStore))
  }

  insert<C extends CollectionName>(collection: C, doc: Doc<C>): Promise<void> {
    const row = toRow(collection, doc)
    const write = async (s: RelationalStore) => {
      try {
        await s.insertRows(collection, [row])
      } catch (e) {
        if (isPrimaryKeyDuplicate(e)) throw new DuplicateKeyError(collection, doc.id)
        throw e
      }
      await s.writeChildren(collection, [doc as Row], [row], false)
    }
    if (shapeOf(collection).def.children.length === 0 && !this.tx) return this.run(() => write(this))
    return this.run(() => this.atomically(write))
  }

  insertMany<C extends CollectionName>(collection: C, docs: readonly Doc<C>[]): Promise<void> {
    if (docs.length === 0) return Promise.resolve()
    const rows = docs.map((d) => toRow(collection, d))
    const width = shapeOf(collection).names.length
    return this.run(() =>
      this.atomically(async (s) => {
        try {
          await s.insertRows(collection, rows, Math.max(1, Math.floor(8000 / width)))
        } catch (e) {
          if (isPrimaryKeyDuplicate(e)) {
            // A repeated id within the documents, or one already stored.
            const ids = new Set<string>()
            const dup = docs.find((d) => (ids.has(d.id) ? true : (ids.add(d.id), false)))
            throw new DuplicateKeyError(collection, dup?.id ?? (await s.firstStored(collection, docs)))
          }
          throw e
        }
        await s.writeChildren(collection, docs as readonly Row[], rows, false)
      }),
    )
  }

  /** The id of the first of `docs` already stored (for the DuplicateKeyError of a failed insertMany). */
  private async firstStored(collection: CollectionName, docs: readonly { id: string }[]): Promise<string> {
    for (let i = 0; i < docs.length; i += IN_CHUNK) {
      const ids = docs.slice(i, i + IN_CHUNK).map((d) => d.id)
      const found: Row[] = await this.q.selectFrom(collection).select('id').where('id', 'in', ids).execute()
      if (found.length > 0) {
        const stored = new Set(found.map((r) => r.id))
        return ids.find((id) => stored.has(id))!
      }
    }
    return docs[0]?.id ?? ''
  }

  replace<C extends CollectionName>(collection: C, doc: Doc<C>, options?: { ifVersion?: number }): Promise<void> {
    const row = toRow(collection, doc)
    const { def, names } = shapeOf(collection)
    const ifVersion = options?.ifVersion
    const write = async (s: RelationalStore) => {
      if (ifVersion !== undefined) {
        const versionColumn = def.versionColumn ?? 'version'
        const { id: _id, ...rest } = row
        const params = [...Object.values(rest), doc.id, ifVersion]
        const { affected } = await s.execute(`update|${collection}`, params, () =>
          s.q.updateTable(collection).set(rest).where('id', '=', doc.id).where(versionColumn, '=', ifVersion),
        )
        if (affected === 0) throw new VersionConflictError(collection, doc.id)
      } else if (s.dialect === 'mysql') {
        // Like the cloud database's doc(id).set(): creates the record when it is missing.
        await s.execute(`upsert|${collection}`, Object.values(row), () => {
          const set = Object.fromEntries(names.filter((n) => n !== 'id').map((n) => [n, sql`VALUES(${sql.ref(n)})`]))
          return s.q.insertInto(collection).values(row).onDuplicateKeyUpdate(set)
        })
      } else {
        await s.execute(`upsert|${collection}`, Object.values(row), () =>
          s.q
            .insertInto(collection)
            .values(row)
            .onConflict((oc: Qb) => oc.column('id').doUpdateSet(Object.fromEntries(names.filter((n) => n !== 'id').map((n) => [n, sql.ref(`excluded.${n}`)])))),
        )
      }
      await s.writeChildren(collection, [doc as Row], [row], true)
    }
    if (def.children.length === 0 && !this.tx) return this.run(() => write(this))
    return this.run(() => this.atomically(write))
  }

  remove<C extends CollectionName>(collection: C, id: string): Promise<void> {
    return this.run(() =>
      this.atomically(async (s) => {
        for (const child of shapeOf(collection).def.children) {
          await s.q.deleteFrom(child.table).where(child.parentKey, '=', id).execute()
          s.seen.delete(`${collection}\u0000${id}\u0000${child.field}`)
        }
        await s.q.deleteFrom(collection).where('id', '=', id).execute()
      }),
    )
  }

  async transaction<T>(work: (tx: Store) => Promise<T>): Promise<T> {
    // Transactions do not nest: inner work simply joins the outer transaction.
    if (this.tx) return work(this)
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.run(() => this.transactionOnce(work))
      } catch (e) {
        if (this.dialect === 'mysql' && MYSQL_RETRY.has(errNo(e) ?? 0) && attempt < 5) {
          await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt))
          continue
        }
        throw e
      }
    }
  }

  private transactionOnce<T>(work: (tx: Store) => Promise<T>): Promise<T> {
    return this.q.connection().execute(async (conn: AnyDb) => {
      // Said before BEGIN: from then on a statement of the outer store waits behind Kysely's connection
      // lock. Set after BEGIN, a bare write arriving meanwhile ran straight on the connection, inside
      // this transaction, and was rolled back with it.
      this.shared.inTransaction.value = true
      const scope: TxScope = { active: true }
      try {
        if (this.dialect === 'mysql') {
          await sql`START TRANSACTION`.execute(conn)
        } else {
          // IMMEDIATE takes the write lock first, so another process cannot interleave a write.
          await sql`BEGIN IMMEDIATE`.execute(conn)
        }
      } catch (error) {
        this.shared.inTransaction.value = false
        throw error
      }
      const tx = new RelationalStore(conn, this.dialect, this.shared, scope)
      try {
        const value = await this.shared.scope.run(scope, () => work(tx))
        scope.active = false
        await sql`COMMIT`.execute(conn)
        return value
      } catch (error) {
        scope.active = false
        try {
          await sql`ROLLBACK`.execute(conn)
        } catch {
          // The connection is gone or the database already rolled back: nothing was committed.
        }
        throw error
      } finally {
        this.shared.inTransaction.value = false
      }
    })
  }

  async close(): Promise<void> {
    if (this.tx) throw new Error("close the outer store, not the transaction's")
    if (this.shared.closed.value) return
    this.shared.closed.value = true
    await this.shared.closeAll()
  }
}

// ------------------------------------------------------------------ opening

/** better-sqlite3 with prepared statements kept by SQL text (Kysely prepares on every call). */
interface SqliteStatements {
  prepare(text: string): Database.Statement
  /** The rows of a read (null: the statement is not one), see cachingSqlite. */
  read(text: string, parameters: readonly unknown[]): Row[] | null
  close(): void
}

/** A read prepared to answer arrays, and the function that makes each array a row object. */
interface Reader {
  statement: Database.Statement
  row: (values: unknown[]) => Row
}

/**
 * The statements of one connection, kept by SQL text. Reads run straight on the connection (see
 * runShape) get their values as arrays and make each row with a function written once per statement
 * (an object literal of its column names): better-sqlite3 would look every column name up again for
 * every row it makes.
 */
const cachingSqlite = (db: Database.Database): SqliteStatements => {
  const cache = new Map<string, Database.Statement>()
  const readers = new Map<string, Reader | null>()
  return {
    prepare(text: string): Database.Statement {
      let s = cache.get(text)
      if (!s) {
        s = db.prepare(text)
        if (cache.size > 2000) cache.clear()
        cache.set(text, s)
      }
      return s
    },
    read(text: string, parameters: readonly unknown[]): Row[] | null {
      let reader = readers.get(text)
      if (reader === undefined) {
        const statement = db.prepare(text)
        if (statement.reader) {
          statement.raw(true)
          const names = statement.columns().map((c) => c.name)
          // Computed keys: a column named __proto__ would be an own property, as better-sqlite3 makes it.
          const row = new Function('v', `return {${names.map((n, i) => `[${JSON.stringify(n)}]: v[${i}]`).join(', ')}}`) as Reader['row']
          reader = { statement, row }
        } else {
          reader = null
        }
        if (readers.size > 2000) readers.clear()
        readers.set(text, reader)
      }
      if (!reader) return null
      const rows = reader.statement.all(parameters as unknown[]) as unknown[]
      for (let i = 0; i < rows.length; i++) rows[i] = reader.row(rows[i] as unknown[])
      return rows as Row[]
    },
    close(): void {
      db.close()
    },
  }
}

/**
 * SQLite's SQL with LIMIT and OFFSET written as numbers, not parameters: SQLite plans with a bound
 * LIMIT's value, so a statement with `limit ?` is planned again on every run (several times the cost
 * of a one-row read). A statement per distinct limit is kept instead.
 */
class SqliteCompiler extends SqliteQueryCompiler {
  protected override visitLimit(node: LimitNode): void {
    this.append('limit ')
    this.literalOrNode(node.limit)
  }

  protected override visitOffset(node: OffsetNode): void {
    this.append('offset ')
    this.literalOrNode(node.offset)
  }

  private literalOrNode(node: LimitNode['limit']): void {
    if (ValueNode.is(node) && typeof node.value === 'number' && Number.isSafeInteger(node.value)) this.append(String(node.value))
    else this.visitNode(node)
  }
}

class SqliteLiteralLimits extends SqliteDialect {
  override createQueryCompiler(): QueryCompiler {
    return new SqliteCompiler()
  }
}

const logger = (onQuery?: StoreOptions['onQuery']) =>
  onQuery
    ? (event: LogEvent) => {
        if (event.level === 'query' || event.level === 'error') onQuery(event.query.sql, event.query.parameters)
      }
    : undefined

export const isMysqlUrl = (url: string): boolean => /^mysql:\/\//i.test(url)

/** The URL without its password, for messages (up to the last @, in case the password has one). */
export const redactUrl = (url: string): string => url.replace(/^([a-z0-9+]+:\/\/[^:/@]*):.*@/i, '$1:***@')

/** What to fix, by the driver's error code, when a MySQL database cannot be opened. */
const mysqlAdvice = (code: string | undefined, url: string): string => {
  let where = { host: '?', port: '3306', user: '?', database: '?' }
  try {
    const u = new URL(url)
    where = { host: u.hostname, port: u.port || '3306', user: decodeURIComponent(u.username), database: decodeURIComponent(u.pathname.slice(1)) }
  } catch {
    return 'MINQING_DATABASE_URL is not a valid URL: write it as mysql://user:password@host:port/database (with special characters of the password %-encoded)'
  }
  switch (code) {
    case 'ECONNREFUSED':
      return `nothing answers at ${where.host}:${where.port}: start the MySQL server, or fix the host and port in MINQING_DATABASE_URL`
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the host ${where.host} is not known: fix the host in MINQING_DATABASE_URL`
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
      return `no answer from ${where.host}:${where.port}: check the host, the port and the network (firewall, private network) between this server and the database`
    case 'ER_ACCESS_DENIED_ERROR':
    case 'ER_DBACCESS_DENIED_ERROR':
      return `the server refused user ${where.user}: fix the user and password in MINQING_DATABASE_URL, and grant that user all privileges on the database ${where.database}`
    case 'ER_BAD_DB_ERROR':
      return where.database
        ? `the database ${where.database} does not exist: create it (CREATE DATABASE \`${where.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin) or fix its name in MINQING_DATABASE_URL`
        : 'MINQING_DATABASE_URL names no database: add it at the end, mysql://user:password@host:port/database'
    default:
      return 'check MINQING_DATABASE_URL (mysql://user:password@host:port/database) and that the server is running'
  }
}

const openSqlite = async (file: string, options: StoreOptions): Promise<{ db: AnyDb; statements: SqliteStatements; beforeClose: () => Promise<void> }> => {
  if (file !== ':memory:' && file !== '') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  // Loaded only here: the cloud function's bundle carries mysql2 and not this native module.
  const { default: Sqlite } = await import('better-sqlite3')
  let raw: Database.Database
  try {
    raw = new Sqlite(file)
  } catch (e) {
    throw new StoreUnavailableError(`cannot open the SQLite file ${file}: ${(e as Error).message}`, e)
  }
  raw.pragma('journal_mode = WAL')
  // WAL makes NORMAL durable against application crashes; only an OS crash can lose the last commit.
  raw.pragma('synchronous = NORMAL')
  // Another process (a backup, the sqlite3 shell) may hold the write lock for a moment.
  raw.pragma('busy_timeout = 5000')
  raw.pragma('foreign_keys = OFF')
  const inFile = file !== ':memory:' && file !== '' && !file.startsWith('file:')
  const beforeClose = inFile ? await checkpointInWorker(raw, path.resolve(file)) : async () => undefined
  const statements = cachingSqlite(raw)
  const db = new Kysely<unknown>({ dialect: new SqliteLiteralLimits({ database: statements }), log: logger(options.onQuery) })
  return { db: db as AnyDb, statements, beforeClose }
}

/**
 * The pool as Kysely sees it, with every driver error that means "the database is not there"
 * turned into StoreUnavailableError at the source: a query through `store.db` (joins, figures)
 * then fails like the record methods, and the request answers SERVER.UNAVAILABLE, not INTERNAL.
 */
const translatingPool = (pool: MysqlPool): MysqlPool => {
  // One wrapper per connection: Kysely keeps its per-connection state by the object it is given.
  const wrappers = new WeakMap<MysqlPoolConnection, MysqlPoolConnection>()
  const wrap = (raw: MysqlPoolConnection): MysqlPoolConnection => {
    let wrapper = wrappers.get(raw)
    if (!wrapper) {
      const query = ((text: string, parameters: unknown[], callback?: (error: unknown, result: MysqlQueryResult) => void) =>
        callback ? raw.query(text, parameters, (error, result) => callback(error ? translate(error) : error, result)) : raw.query(text, parameters)) as MysqlPoolConnection['query']
      wrapper = { query, release: () => raw.release() }
      wrappers.set(raw, wrapper)
    }
    return wrapper
  }
  return {
    getConnection: (callback) => pool.getConnection((error, raw) => (error ? callback(translate(error), raw) : callback(error, wrap(raw)))),
    end: (callback) => pool.end(callback),
  }
}

/** The database cannot be opened: what happened and what to fix, never the password (nor a cause that holds it). */
const cannotOpenMysql = (url: string, error: unknown): StoreUnavailableError => {
  // The driver's own error (the pool already wrapped a connection failure).
  const e = error instanceof StoreUnavailableError && error.cause !== undefined ? error.cause : error
  const code = errCode(e)
  const why = code ?? String((e as Error)?.message ?? e).replaceAll(url, redactUrl(url))
  return new StoreUnavailableError(`cannot open the MySQL database at ${redactUrl(url)} (${why}): ${mysqlAdvice(code, url)}`)
}

const openMysql = async (url: string, options: StoreOptions): Promise<AnyDb> => {
  const { createPool } = await import('mysql2')
  let pool: ReturnType<typeof createPool>
  try {
    pool = createPool({
      uri: url,
      connectionLimit: options.poolSize ?? 10,
      charset: 'utf8mb4',
      // SUM() and AVG() answer DECIMAL: as numbers, like SQLite.
      decimalNumbers: true,
      supportBigNumbers: true,
      connectTimeout: 5000,
      enableKeepAlive: true,
    })
  } catch (e) {
    // A malformed URL: the driver's error carries the URL, password and all.
    throw cannotOpenMysql(url, e)
  }
  const db = new Kysely<unknown>({
    dialect: new MysqlDialect({
      pool: translatingPool(pool as unknown as MysqlPool),
      onCreateConnection: async (connection) => {
        // A writer waits at most this long for another's row lock, then its request fails cleanly.
        await connection.executeQuery(CompiledQuery.raw('SET SESSION innodb_lock_wait_timeout = 10'))
        // Every transaction of the connection in READ COMMITTED, set once here rather than by a
        // statement before each START TRANSACTION (a round trip per write).
        await connection.executeQuery(CompiledQuery.raw('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED'))
      },
    }),
    log: logger(options.onQuery),
  })
  try {
    await sql`SELECT 1`.execute(db)
  } catch (e) {
    await db.destroy().catch(() => undefined)
    throw cannotOpenMysql(url, e)
  }
  return db as AnyDb
}

/**
 * Opens the store at `url` (MySQL when it starts with mysql://, otherwise a SQLite file, created
 * with its folders when missing) and brings its schema to the latest migration.
 */
export const openStore = async (options: StoreOptions): Promise<Store> => {
  const dialect: Dialect = isMysqlUrl(options.url) ? 'mysql' : 'sqlite'
  const { db, statements, beforeClose } =
    dialect === 'mysql' ? { db: await openMysql(options.url, options), statements: null, beforeClose: async () => undefined } : await openSqlite(options.url, options)
  const closeAll = async () => {
    await beforeClose()
    await db.destroy()
  }
  try {
    await migrateToLatest(db, dialect)
  } catch (e) {
    await closeAll().catch(() => undefined)
    throw e
  }
  const shared = { scope: new AsyncLocalStorage<TxScope>(), compiled: new Map(), sqlite: statements, inTransaction: { value: false }, onQuery: options.onQuery, closeAll, closed: { value: false } }
  return new RelationalStore(db, dialect, shared, null)
}

/** The embedded store at `file` (kept for callers that know they want SQLite). */
export const openSqliteStore = (file: string): Promise<Store> => openStore({ url: file })
