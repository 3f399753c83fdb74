/**
 * Statements of a fixed shape, built and compiled by Kysely once and then run many times with new
 * values: on a hot read, building and compiling the query cost more than SQLite running it. The
 * compiled text goes through the same Kysely instance as any other query (its connection lock, the
 * current transaction, the onQuery log), and the SQLite driver keeps one prepared statement per text.
 *
 * `statement(build)` makes such a statement from a builder written like any Kysely query, whose
 * arguments are placeholders: the builder must not look at their values (a list argument's length
 * is part of the shape: one compiled text per length and dialect).
 * One rule: a compiled text is reused only with parameters that take the places Kysely gave them.
 */
import { createQueryId, type Compilable, type CompiledQuery, type Kysely } from 'kysely'
import type { Store } from './port'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>
type Row = Record<string, unknown>

/** A compiled statement: its SQL text and Kysely's tree of it. */
export interface Compiled {
  sql: string
  query: CompiledQuery['query']
}

/**
 * A store's own way to run a compiled read (the relational store's: SQLite reads without Kysely's
 * connection queue when nothing holds the connection), used when the store has one.
 */
export const RUN_COMPILED = Symbol('runCompiled')

interface RunsCompiled {
  [RUN_COMPILED]?: (compiled: Compiled, parameters: readonly unknown[]) => Promise<Row[]>
}

/** Runs a compiled statement with `parameters` through `db`. */
export const runCompiled = async <R = Row>(db: AnyDb, compiled: Compiled, parameters: readonly unknown[]): Promise<R[]> =>
  (await db.executeQuery<R>({ sql: compiled.sql, query: compiled.query, parameters, queryId: createQueryId() })).rows

/** True when Kysely put exactly `expected` in the parameters, in that order. */
export const sameParameters = (compiled: readonly unknown[], expected: readonly unknown[]): boolean =>
  compiled.length === expected.length && compiled.every((v, i) => v === expected[i])

/** A value's place in a statement: argument `arg` (element `item` of a list argument). */
class Placeholder {
  constructor(
    readonly arg: number,
    readonly item: number,
  ) {}
}

type Source = Placeholder | { value: unknown }

interface Prepared extends Compiled {
  sources: Source[]
}

/**
 * A statement of fixed shape: `build(db, ...args)` is called once per dialect (and list lengths)
 * with placeholders for the arguments and compiled; each call runs the compiled text with the
 * arguments in their places. Values the builder writes itself (constants) stay as compiled.
 */
export const statement = <A extends readonly unknown[], R = Row>(build: (db: AnyDb, ...args: A) => Compilable<unknown>) => {
  const cache = new Map<string, Prepared>()
  return async (store: Store, ...args: A): Promise<R[]> => {
    let key: string = store.dialect
    for (const a of args) if (Array.isArray(a)) key += `:${a.length}`
    let prepared = cache.get(key)
    if (!prepared) {
      const placeholders = args.map((a, i) => (Array.isArray(a) ? a.map((_, j) => new Placeholder(i, j)) : new Placeholder(i, -1)))
      const compiled = build(store.db, ...(placeholders as unknown as A)).compile()
      prepared = {
        sql: compiled.sql,
        query: compiled.query,
        sources: compiled.parameters.map((p) => (p instanceof Placeholder ? p : { value: p })),
      }
      cache.set(key, prepared)
    }
    const parameters = prepared.sources.map((s) => (s instanceof Placeholder ? (s.item < 0 ? args[s.arg] : (args[s.arg] as unknown[])[s.item]) : s.value))
    const own = (store as Store & RunsCompiled)[RUN_COMPILED]
    if (own) return own.call(store, prepared, parameters) as Promise<R[]>
    return runCompiled<R>(store.db, prepared, parameters)
  }
}
