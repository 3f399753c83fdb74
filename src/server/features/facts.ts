/**
 * Month figures kept as facts (cadreDays): one row per cadre per township-local day, what
 * core/attendance cadreDayFact makes of that day's sign-ins, visits and leaves. Every writer of
 * those records calls `refreshCadreDays` in its own transaction, so a fact and its records commit
 * together or not at all; the close, the dashboard and the 543 views read facts by an index range.
 * A refresh also recomputes the attendance of the months those days count for, where a township's
 * month figures are kept (month-figures.ts: what the dashboard of an open month reads).
 * `checkFacts` recomputes a township's facts over some days from the records and names every
 * difference; the close runs it first and rebuilds the days it names (`repairFacts`).
 *
 * Concurrency. SQLite: write transactions are serial. MySQL (READ COMMITTED): a refresh first takes
 * the write lock of the day's row (INSERT ... ON DUPLICATE KEY UPDATE, creating it when missing),
 * and only then reads the day's records, so a second writer of the same cadre's day waits for the
 * first to commit and then reads its records too: no update is lost.
 * One rule: a fact is always recomputed whole from its day's records, never incremented.
 */
import { sql } from 'kysely'
import { cadreDayFact, cadreDayFacts, emptyCadreDay, isEmptyCadreDay, type CadreDayKey, type DaySignIn, type DayVisit } from '../../core/attendance'
import { driftedDays, factDrift, type FactDrift } from '../../core/facts'
import type { CadreDay, LocalDate, SignInSlot } from '../../core/model'
import type { Settings } from '../../core/settings'
import { addDays, startOfLocalDay } from '../../core/time'
import type { Store } from '../storage/port'
import type { CloseSettings } from '../../core/close'
import { refreshMonthAttendance } from './month-figures'

type FactSettings = Pick<Settings, 'utcOffsetMinutes'>

/** The instants start <= t < end of the local days from..to (inclusive). */
const instants = (from: LocalDate, to: LocalDate, settings: FactSettings) => ({
  gte: startOfLocalDay(from, settings),
  lt: startOfLocalDay(addDays(to, 1), settings),
})

const bit = (b: boolean): number => (b ? 1 : 0)

/**
 * MySQL: takes the write locks of the days' rows (creating empty ones where missing) until the
 * transaction ends; call it before reading the records a decision depends on. SQLite: nothing to do.
 */
export const lockCadreDays = async (tx: Store, keys: readonly CadreDayKey[]): Promise<void> => {
  if (tx.dialect !== 'mysql' || keys.length === 0) return
  const rows = keys.map((k) => {
    const d = emptyCadreDay(k)
    return { ...d, onLeave: bit(d.onLeave), workDay: bit(d.workDay), night: bit(d.night), villageDay: bit(d.villageDay) }
  })
  await tx.db
    .insertInto('cadreDays')
    .values(rows)
    .onDuplicateKeyUpdate({ id: sql.ref('id') })
    .execute()
}

/**
 * Recomputes one cadre's facts of the given days from their records and keeps them (an empty day
 * keeps no row). Call it in the transaction that wrote the records (it joins it); it answers the
 * facts, sorted by date.
 */
export const refreshCadreDays = (
  store: Store,
  key: { townshipId: string; cadreId: string },
  dates: readonly LocalDate[],
  settings: CloseSettings,
): Promise<CadreDay[]> =>
  store.transaction(async (tx) => {
    const days = [...new Set(dates)].sort()
    if (days.length === 0) return []
    const keys = days.map((date) => ({ townshipId: key.townshipId, cadreId: key.cadreId, date }))
    await lockCadreDays(tx, keys)
    const first = days[0]
    const last = days[days.length - 1]
    const at = instants(first, last, settings)
    const [signIns, visits, leaves] = await Promise.all([
      tx.find('signins', { cadreId: key.cadreId, at }),
      tx.find('visits', { cadreId: key.cadreId, at }),
      tx.find('leaves', { cadreId: key.cadreId, from: { lte: last }, to: { gte: first } }),
    ])
    const facts = keys.map((k) => cadreDayFact(k, { signIns, visits, leaves }, settings))
    for (const fact of facts) {
      if (isEmptyCadreDay(fact)) await tx.remove('cadreDays', fact.id)
      else await tx.replace('cadreDays', fact)
    }
    // The kept month figures those days count for (where the township's month is built).
    await refreshMonthAttendance(tx, key, days, settings)
    return facts
  })

/** The township's kept facts of the days from..to (inclusive), by the (townshipId, date) index. */
export const readFacts = (store: Store, townshipId: string, from: LocalDate, to: LocalDate): Promise<CadreDay[]> =>
  store.find('cadreDays', { townshipId, date: { gte: from, lte: to } })

/** One cadre's kept facts of the days from..to (inclusive), by the (cadreId, date) index. */
export const readCadreFacts = (store: Store, cadreIds: readonly string[], from: LocalDate, to: LocalDate): Promise<CadreDay[]> =>
  cadreIds.length === 0 ? Promise.resolve([]) : store.find('cadreDays', { cadreId: [...cadreIds], date: { gte: from, lte: to } })

/**
 * The facts the township's records make for the days from..to (inclusive): the days' sign-ins and
 * visits by the (townshipId, at) indexes, only the columns a fact is made of, and the leaves that
 * end on or after the first day.
 */
export const recomputeFacts = async (store: Store, townshipId: string, from: LocalDate, to: LocalDate, settings: FactSettings): Promise<CadreDay[]> => {
  const at = instants(from, to, settings)
  const [signIns, visits, leaves] = await Promise.all([
    store.db
      .selectFrom('signins')
      .select(['cadreId', 'at', 'slot', 'valid'])
      .where('townshipId', '=', townshipId)
      .where('at', '>=', at.gte)
      .where('at', '<', at.lt)
      .execute() as Promise<{ cadreId: string; at: number | string; slot: SignInSlot | null; valid: number | boolean }[]>,
    store.db
      .selectFrom('visits')
      .select(['cadreId', 'at', 'status', 'overnight'])
      .where('townshipId', '=', townshipId)
      .where('at', '>=', at.gte)
      .where('at', '<', at.lt)
      .execute() as Promise<{ cadreId: string; at: number | string; status: DayVisit['status']; overnight: number | boolean }[]>,
    store.find('leaves', { townshipId, to: { gte: from } }),
  ])
  return cadreDayFacts(
    townshipId,
    {
      signIns: signIns.map((s): DaySignIn => ({ cadreId: s.cadreId, at: Number(s.at), slot: s.slot, valid: Number(s.valid) === 1 })),
      visits: visits.map((v): DayVisit => ({ cadreId: v.cadreId, at: Number(v.at), status: v.status, overnight: Number(v.overnight) === 1 })),
      leaves: leaves.filter((l) => l.from <= to),
    },
    settings,
    { from, to },
  )
}

/**
 * The drift check: every difference between the township's kept facts of the days from..to and the
 * facts its records make now (cadre, day, field, stored and recomputed). Kept facts are read first,
 * so a write committed in between shows as a difference to rebuild, never as a stale rebuild.
 */
export const checkFacts = async (store: Store, townshipId: string, from: LocalDate, to: LocalDate, settings: FactSettings): Promise<FactDrift[]> => {
  const stored = await readFacts(store, townshipId, from, to)
  return factDrift(stored, await recomputeFacts(store, townshipId, from, to, settings))
}

/** Rebuilds from the records every day a drift list names (each cadre's days in one refresh). */
export const repairFacts = async (store: Store, townshipId: string, drift: readonly FactDrift[], settings: CloseSettings): Promise<void> => {
  const byCadre = new Map<string, LocalDate[]>()
  for (const { cadreId, date } of driftedDays(drift)) byCadre.set(cadreId, [...(byCadre.get(cadreId) ?? []), date])
  for (const [cadreId, dates] of byCadre) await refreshCadreDays(store, { townshipId, cadreId }, dates, settings)
}
