/**
 * Canonical JSON: object keys sorted at every level and undefined fields dropped, so one value has
 * one text. What is hashed (the close's digest, a write's idempotency key) goes through this.
 * How: a copy of the value with every object's keys inserted in sorted order, written by the
 * engine's own JSON.stringify (which keeps insertion order), except that engines write integer-like
 * keys ("0", "12") first and in numeric order: a value holding such a key is written key by key.
 */
const INTEGER_KEY = /^(0|[1-9][0-9]*)$/

/** A key JSON.stringify would move to the front (an array index: an integer below 2^32 - 1). */
const isIndexKey = (key: string): boolean => {
  const c = key.charCodeAt(0)
  return c >= 48 && c <= 57 && INTEGER_KEY.test(key) && Number(key) < 4294967295
}

class IndexKeyFound extends Error {}

const sortedCopy = (value: unknown): unknown => {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(sortedCopy)
  const record = value as Record<string, unknown>
  const keys = Object.keys(record).sort()
  const out: Record<string, unknown> = {}
  for (const key of keys) {
    const v = record[key]
    if (v === undefined) continue
    if (isIndexKey(key)) throw new IndexKeyFound()
    out[key] = sortedCopy(v)
  }
  return out
}

const keyByKey = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map(keyByKey).join(',')}]`
  const record = value as Record<string, unknown>
  const parts: string[] = []
  for (const key of Object.keys(record).sort()) {
    const v = record[key]
    if (v !== undefined) parts.push(`${JSON.stringify(key)}:${keyByKey(v)}`)
  }
  return `{${parts.join(',')}}`
}

export const canonicalJson = (value: unknown): string => {
  try {
    return JSON.stringify(sortedCopy(value)) ?? 'null'
  } catch (e) {
    if (e instanceof IndexKeyFound) return keyByKey(value)
    throw e
  }
}
