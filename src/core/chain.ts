/**
 * Tamper evidence (issue 10 item 8): the records that carry the villagers' verdict (sign-ins, visits
 * with their sign-offs and disputes, ratings, bindings) are appended to one hash chain per township.
 * Each entry holds the canonical hash of the record as stored and the previous entry's hash; its own
 * hash covers both. A row changed in the database no longer matches its latest entry; a changed or
 * removed entry breaks the links after it.
 * One rule: pure functions over hashes; the caller passes the hash function (sha256 on the server).
 */
import { canonicalJson } from './canonical'

/** What is chained. */
export type ChainKind = 'signin' | 'visit' | 'rating' | 'binding'

export const CHAIN_KINDS: readonly ChainKind[] = ['signin', 'visit', 'rating', 'binding']

/** The hash before the first entry of a township's chain. */
export const CHAIN_GENESIS = '0'.repeat(64)

/** One link of a township's chain; `seq` counts from 1 without gaps. */
export interface ChainEntry {
  id: string
  townshipId: string
  seq: number
  kind: ChainKind
  recordId: string
  /** sha256 of the record's canonical JSON as the store reads it back. */
  recordHash: string
  prevHash: string
  /** sha256 of this entry's canonical fields (everything above but id, and `at`). */
  hash: string
  at: number
}

/** The last entry of a township's chain (id = townshipId): appends queue behind it. */
export interface ChainHead {
  id: string
  seq: number
  hash: string
  at: number
}

export type Hasher = (text: string) => string

/** The record's hash: of its canonical JSON, so one record has one hash whatever its key order. */
export const chainRecordHash = (record: unknown, hash: Hasher): string => hash(canonicalJson(record))

/** The entry's own hash over its fields (its id is a storage key and not covered). */
export const chainEntryHash = (entry: Omit<ChainEntry, 'id' | 'hash'>, hash: Hasher): string =>
  hash(
    canonicalJson({
      townshipId: entry.townshipId,
      seq: entry.seq,
      kind: entry.kind,
      recordId: entry.recordId,
      recordHash: entry.recordHash,
      prevHash: entry.prevHash,
      at: entry.at,
    }),
  )

/** The next entry after `head` (null: the chain is empty) for a record. */
export const nextChainEntry = (
  head: Pick<ChainHead, 'seq' | 'hash'> | null,
  link: { id: string; townshipId: string; kind: ChainKind; recordId: string; recordHash: string; at: number },
  hash: Hasher,
): ChainEntry => {
  const base = { townshipId: link.townshipId, seq: (head?.seq ?? 0) + 1, kind: link.kind, recordId: link.recordId, recordHash: link.recordHash, prevHash: head?.hash ?? CHAIN_GENESIS, at: link.at }
  return { id: link.id, ...base, hash: chainEntryHash(base, hash) }
}

/** Why an entry (or a record) fails the check. */
export type ChainFault =
  | 'seq' // a gap or a repeat in the numbering: an entry was removed or inserted
  | 'link' // prevHash is not the previous entry's hash
  | 'hash' // the entry's own hash does not cover its fields: the entry was edited
  | 'record' // the stored record no longer has the hash its latest entry holds
  | 'missing' // the record of the latest entry is gone
  | 'unchained' // a record with no entry at all
  | 'head' // the chain ends before (or differs from) its recorded head

export interface ChainProblem {
  fault: ChainFault
  /** The entry's number; for an unchained record, null. */
  seq: number | null
  kind: ChainKind
  recordId: string
}

/**
 * Checks a run of consecutive entries (ascending by seq) starting after `before` (null: from the
 * start of the chain). Answers the first entry whose numbering, link or own hash is wrong.
 */
export const firstBrokenLink = (
  entries: readonly ChainEntry[],
  before: Pick<ChainEntry, 'seq' | 'hash'> | null,
  hash: Hasher,
): ChainProblem | null => {
  let prev = before ?? { seq: 0, hash: CHAIN_GENESIS }
  for (const e of entries) {
    const at = { seq: e.seq, kind: e.kind, recordId: e.recordId }
    if (e.seq !== prev.seq + 1) return { fault: 'seq', ...at, seq: prev.seq + 1 }
    if (e.prevHash !== prev.hash) return { fault: 'link', ...at }
    if (chainEntryHash(e, hash) !== e.hash) return { fault: 'hash', ...at }
    prev = e
  }
  return null
}

/**
 * The first problem of a whole check, in the order an auditor reads: the lowest entry number first,
 * records that have no entry at all last.
 */
export const firstChainProblem = (problems: readonly ChainProblem[]): ChainProblem | null =>
  [...problems].sort((a, b) => (a.seq ?? Number.MAX_SAFE_INTEGER) - (b.seq ?? Number.MAX_SAFE_INTEGER))[0] ?? null
