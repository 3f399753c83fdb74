/**
 * Month figures kept as facts: the drift check. The server keeps one CadreDay per cadre per day
 * (core/attendance cadreDayFact of that day's records) and reads those instead of the records; this
 * compares the facts it keeps with the facts the records make now and names every difference.
 * One rule: a day without a stored fact is the empty day, so "missing" and "all zero" never differ.
 */
import { emptyCadreDay } from './attendance'
import type { CadreDay, LocalDate } from './model'

/** The fields a fact is compared on (all but its key). */
export const FACT_FIELDS = [
  'morning',
  'afternoon',
  'evening',
  'morningAt',
  'afternoonAt',
  'eveningAt',
  'invalid',
  'signedVisits',
  'overnightVisits',
  'onLeave',
  'workDay',
  'night',
  'villageDay',
] as const satisfies readonly (keyof CadreDay)[]

export type FactField = (typeof FACT_FIELDS)[number]

/** One difference between a kept fact and the records: which cadre, which day, which field. */
export interface FactDrift {
  cadreId: string
  date: LocalDate
  field: FactField
  stored: CadreDay[FactField]
  recomputed: CadreDay[FactField]
}

/**
 * Every difference between the kept facts and the facts recomputed from the records, over the same
 * township and days, sorted by cadre, day and field order.
 */
export const factDrift = (stored: readonly CadreDay[], recomputed: readonly CadreDay[]): FactDrift[] => {
  const kept = new Map(stored.map((d) => [d.id, d]))
  const fresh = new Map(recomputed.map((d) => [d.id, d]))
  const ids = [...new Set([...kept.keys(), ...fresh.keys()])].sort()
  const out: FactDrift[] = []
  for (const id of ids) {
    const a = kept.get(id)
    const b = fresh.get(id)
    const key = (a ?? b)!
    const empty = emptyCadreDay(key)
    const was = a ?? empty
    const now = b ?? empty
    for (const field of FACT_FIELDS) {
      if (was[field] !== now[field]) out.push({ cadreId: key.cadreId, date: key.date, field, stored: was[field], recomputed: now[field] })
    }
  }
  return out
}

/** The days (cadre and date, sorted) a drift list names. */
export const driftedDays = (drift: readonly FactDrift[]): { cadreId: string; date: LocalDate }[] => {
  const seen = new Map<string, { cadreId: string; date: LocalDate }>()
  for (const d of drift) seen.set(`${d.cadreId}:${d.date}`, { cadreId: d.cadreId, date: d.date })
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, v]) => v)
}
