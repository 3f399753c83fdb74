/**
 * Records from one joined statement (`store.db`): a record and its neighbours read together, each
 * table's columns under its own prefix so that same-named columns (id, name, villageId...) do not
 * collide. For the hot read paths, where a round trip per table is what costs.
 * One rule: the registry (schema.ts) names the columns, and a row becomes a document through the
 * same conversion as the Store's own reads.
 */
import type { CollectionName, Doc } from './port'
import { fromRow } from './relational'
import { TABLES } from './schema'

/** Per table and prefix: the column names and their prefixed names, computed once. */
const prefixed = new Map<string, { columns: string[]; keys: string[] }>()
const namesOf = (collection: CollectionName, prefix: string) => {
  const key = `${collection}\u0000${prefix}`
  let names = prefixed.get(key)
  if (!names) {
    const columns = Object.keys(TABLES[collection].columns)
    names = { columns, keys: columns.map((c) => `${prefix}${c}`) }
    prefixed.set(key, names)
  }
  return names
}

/** The select list of a table's columns under `alias`, each named `${prefix}${column}`. */
export const columnsAs = (collection: CollectionName, alias: string, prefix: string): string[] =>
  namesOf(collection, prefix).columns.map((c) => `${alias}.${c} as ${prefix}${c}`)

/** The record held under `prefix` in a joined row, or null when the join found none. */
export const docAs = <C extends CollectionName>(collection: C, row: Record<string, unknown>, prefix: string): Doc<C> | null => {
  const { columns, keys } = namesOf(collection, prefix)
  const id = row[`${prefix}id`]
  if (id === null || id === undefined) return null
  if (prefix === '') return fromRow(collection, row) as Doc<C>
  const plain: Record<string, unknown> = {}
  for (let i = 0; i < columns.length; i++) plain[columns[i] as string] = row[keys[i] as string]
  return fromRow(collection, plain) as Doc<C>
}
