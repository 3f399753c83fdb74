/**
 * The hash chain of verdict records, per township (issue 10 item 8): every write of a sign-in, a
 * visit (created, signed, disputed), a rating or a binding appends an entry in the same transaction,
 * holding the record's hash as the store reads it back. `verifyChain` checks links, entry hashes,
 * every record against its latest entry, and (for a month) that no record of the month escaped the
 * chain; the month-end close refuses a broken chain and `npm run verify` runs the same check.
 * One rule: appends queue behind the township's chain head, read with a lock inside the write's
 * transaction (SQLite: the one writer; MySQL: SELECT ... FOR UPDATE), so the numbering has no gaps.
 */
import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import {
  CHAIN_KINDS,
  chainRecordHash,
  firstBrokenLink,
  firstChainProblem,
  nextChainEntry,
  type ChainEntry,
  type ChainHead,
  type ChainKind,
  type ChainProblem,
} from '../../core/chain'
import type { FieldIssue } from '../../contracts/errors'
import { zhIdentity } from '../../i18n/zh-CN'
import { fromRow } from '../storage/relational'
import type { CollectionName, Store } from '../storage/port'

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')

/** Where each kind of chained record is stored. */
export const CHAIN_COLLECTION: Record<ChainKind, CollectionName> = { signin: 'signins', visit: 'visits', rating: 'ratings', binding: 'bindings' }

/**
 * Appends the record to its township's chain. Call after writing the record, in the same
 * transaction: the record is read back so that its hash is of exactly what is stored.
 */
export const chainRecord = async (store: Store, kind: ChainKind, townshipId: string, recordId: string, at: number): Promise<ChainEntry> => {
  const stored = await store.get(CHAIN_COLLECTION[kind], recordId)
  if (!stored) throw new Error(`chainRecord: ${kind} ${recordId} is not stored`)
  const head = await store.get('chainHeads', townshipId)
  const seq = (head?.seq ?? 0) + 1
  const entry = nextChainEntry(head, { id: `${townshipId}:${seq}`, townshipId, kind, recordId, recordHash: chainRecordHash(stored, sha256), at }, sha256)
  await store.insert('chainEntries', entry)
  const nextHead: ChainHead = { id: townshipId, seq: entry.seq, hash: entry.hash, at }
  if (head) await store.replace('chainHeads', nextHead)
  else await store.insert('chainHeads', nextHead)
  return entry
}

// ------------------------------------------------------------------ verification

export interface VerifyOptions {
  /** First and last entry to check (default: the whole chain). */
  fromSeq?: number
  toSeq?: number
  /** Also require every sign-in, visit and rating in this time range (and rating period) to be chained. */
  records?: { start: number; end: number; period?: string }
}

export interface ChainReport {
  townshipId: string
  /** Entries checked, and the chain's length. */
  checked: number
  length: number
  problem: ChainProblem | null
}

const BATCH = 2000
/** Records looked up by id per statement: few enough that SQLite's planner keeps to the primary key. */
const RECORD_BATCH = 100

const recordKey = (kind: ChainKind, id: string) => `${kind}\u0000${id}`

/** Checks a township's chain (or a range of it); answers the first problem found, or none. */
export const verifyChain = async (store: Store, townshipId: string, options: VerifyOptions = {}): Promise<ChainReport> => {
  const head = await store.get('chainHeads', townshipId)
  const length = head?.seq ?? 0
  const from = Math.max(1, options.fromSeq ?? 1)
  const to = Math.min(length, options.toSeq ?? length)
  const problems: ChainProblem[] = []
  let before: ChainEntry | null = null
  if (from > 1) {
    before = await store.get('chainEntries', `${townshipId}:${from - 1}`)
    if (!before) problems.push({ fault: 'seq', seq: from - 1, kind: 'signin', recordId: '' })
  }
  // The links, batch by batch; each record's latest entry in the range.
  const latest = new Map<string, ChainEntry>()
  let checked = 0
  let last: ChainEntry | null = before
  for (let start = from; start <= to && problems.length === 0; start += BATCH) {
    const batch = await store.find('chainEntries', { townshipId, seq: { gte: start, lte: Math.min(to, start + BATCH - 1) } }, { orderBy: { field: 'seq' } })
    const broken = firstBrokenLink(batch, last, sha256)
    const expected = Math.min(to, start + BATCH - 1) - start + 1
    if (broken) problems.push(broken)
    else if (batch.length !== expected) problems.push({ fault: 'seq', seq: (batch.at(-1)?.seq ?? start - 1) + 1, kind: 'signin', recordId: '' })
    for (const e of batch) latest.set(recordKey(e.kind, e.recordId), e)
    checked += batch.length
    last = batch.at(-1) ?? last
  }
  // The chain ends where its head says.
  if (problems.length === 0 && to === length && head && (last?.seq !== head.seq || last.hash !== head.hash)) {
    problems.push({ fault: 'head', seq: head.seq, kind: last?.kind ?? 'signin', recordId: last?.recordId ?? '' })
  }
  // Every record against its latest entry (in a range: only records with no later entry); on a
  // chain whose links already failed, the entries are not to be believed, so the link is named.
  for (const kind of problems.length === 0 ? CHAIN_KINDS : []) {
    const entries = [...latest.values()].filter((e) => e.kind === kind)
    for (let i = 0; i < entries.length; i += RECORD_BATCH) {
      const chunk = entries.slice(i, i + RECORD_BATCH)
      const ids = chunk.map((e) => e.recordId)
      const later =
        to < length
          ? new Set((await store.find('chainEntries', { recordId: ids, seq: { gt: to } })).filter((e) => e.townshipId === townshipId).map((e) => e.recordId))
          : new Set<string>()
      const stored = new Map((await store.getMany(CHAIN_COLLECTION[kind], ids)).map((r) => [r.id, r]))
      for (const e of chunk) {
        if (later.has(e.recordId)) continue
        const record = stored.get(e.recordId)
        if (!record) problems.push({ fault: 'missing', seq: e.seq, kind, recordId: e.recordId })
        else if (chainRecordHash(record, sha256) !== e.recordHash) problems.push({ fault: 'record', seq: e.seq, kind, recordId: e.recordId })
      }
    }
  }
  // No record of the month outside the chain, once the chain has begun.
  if (options.records && length > 0 && problems.length === 0) {
    const first = await store.get('chainEntries', `${townshipId}:1`)
    const since = Math.max(options.records.start, first?.at ?? 0)
    if (since < options.records.end) problems.push(...(await unchainedSince(store, townshipId, since, options.records.end, options.records.period)))
  }
  return { townshipId, checked, length, problem: firstChainProblem(problems) }
}

/** Sign-ins, visits and ratings of a township in [since, end) that have no entry at all. */
const unchainedSince = async (store: Store, townshipId: string, since: number, end: number, period?: string): Promise<ChainProblem[]> => {
  const [signins, visits, ratings] = await Promise.all([
    store.db.selectFrom('signins').select('id').where('townshipId', '=', townshipId).where('at', '>=', since).where('at', '<', end).execute(),
    store.db.selectFrom('visits').select('id').where('townshipId', '=', townshipId).where('at', '>=', since).where('at', '<', end).execute(),
    period
      ? store.db.selectFrom('ratings').select(['id', 'at']).where('townshipId', '=', townshipId).where('period', '=', period).execute()
      : Promise.resolve([] as { id: string; at: number }[]),
  ])
  const candidates: { kind: ChainKind; id: string }[] = [
    ...(signins as { id: string }[]).map((r) => ({ kind: 'signin' as const, id: r.id })),
    ...(visits as { id: string }[]).map((r) => ({ kind: 'visit' as const, id: r.id })),
    ...(ratings as { id: string; at: number | string }[]).filter((r) => Number(r.at) >= since).map((r) => ({ kind: 'rating' as const, id: r.id })),
  ]
  const problems: ChainProblem[] = []
  for (let i = 0; i < candidates.length; i += RECORD_BATCH) {
    const chunk = candidates.slice(i, i + RECORD_BATCH)
    const chained = new Set(
      ((await store.db.selectFrom('chainEntries').select('recordId').where('recordId', 'in', chunk.map((c) => c.id)).execute()) as { recordId: string }[]).map((r) => r.recordId),
    )
    for (const c of chunk) if (!chained.has(c.id)) problems.push({ fault: 'unchained', seq: null, kind: c.kind, recordId: c.id })
  }
  return problems
}

/** The first problem as the close's refusal names it: entry number, kind, record, fault. */
export const chainIssue = (p: ChainProblem): FieldIssue => {
  const t = zhIdentity.chain
  return { path: p.seq === null ? `chain.unchained.${p.recordId}` : `chain.${p.seq}`, message: t.problem(p.seq, t.kinds[p.kind] ?? p.kind, p.recordId, t.faults[p.fault] ?? p.fault) }
}

// ------------------------------------------------------------------ records written before the chain

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

/**
 * Chains every sign-in, visit, rating and binding that has no entry yet, township by township in
 * the order of their times (the migration, for records written before the chain existed, and the
 * demo seed). Rerunnable: chained records are skipped.
 */
export const chainUnchainedRecords = async (db: AnyDb, _dialect: 'sqlite' | 'mysql'): Promise<number> => {
  const { toRow } = await import('../storage/relational')
  const townships = (await db.selectFrom('townships').select('id').execute()) as { id: string }[]
  let total = 0
  for (const { id: townshipId } of townships) {
    const chained = new Set(((await db.selectFrom('chainEntries').select('recordId').where('townshipId', '=', townshipId).execute()) as { recordId: string }[]).map((r) => r.recordId))
    const rowsOf = async (kind: ChainKind): Promise<{ kind: ChainKind; record: Record<string, unknown>; at: number }[]> => {
      const collection = CHAIN_COLLECTION[kind]
      const rows =
        kind === 'binding'
          ? await db.selectFrom('bindings as b').innerJoin('people as p', 'p.id', 'b.personId').selectAll('b').where('p.townshipId', '=', townshipId).execute()
          : await db.selectFrom(collection).selectAll().where('townshipId', '=', townshipId).execute()
      return (rows as Record<string, unknown>[])
        .map((row) => fromRow(collection, row) as Record<string, unknown>)
        .filter((record) => !chained.has(String(record.id)))
        .map((record) => ({ kind, record, at: Number(kind === 'binding' ? record.boundAt : record.at) }))
    }
    const todo = (await Promise.all(CHAIN_KINDS.map(rowsOf))).flat()
    if (todo.length === 0) continue
    todo.sort((a, b) => a.at - b.at || a.kind.localeCompare(b.kind) || String(a.record.id).localeCompare(String(b.record.id)))
    const headRow = (await db.selectFrom('chainHeads').selectAll().where('id', '=', townshipId).executeTakeFirst()) as Record<string, unknown> | undefined
    let head = headRow ? (fromRow('chainHeads', headRow) as ChainHead) : null
    const entries: ChainEntry[] = []
    for (const t of todo) {
      const seq = (head?.seq ?? 0) + 1
      const entry = nextChainEntry(head, { id: `${townshipId}:${seq}`, townshipId, kind: t.kind, recordId: String(t.record.id), recordHash: chainRecordHash(t.record, sha256), at: t.at }, sha256)
      entries.push(entry)
      head = { id: townshipId, seq, hash: entry.hash, at: t.at }
    }
    for (let i = 0; i < entries.length; i += 400) await db.insertInto('chainEntries').values(entries.slice(i, i + 400).map((e) => toRow('chainEntries', e))).execute()
    if (headRow) await db.updateTable('chainHeads').set(toRow('chainHeads', head as ChainHead)).where('id', '=', townshipId).execute()
    else await db.insertInto('chainHeads').values(toRow('chainHeads', head as ChainHead)).execute()
    total += entries.length
  }
  return total
}
