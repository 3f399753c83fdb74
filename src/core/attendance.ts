/**
 * The 543 rule (五天四夜三下村): per cadre per ISO week, >= 5 work days in the township, >= 4 nights,
 * >= 3 days in villages, each lowered by approved leave (请销假) days. One rule: only valid sign-ins
 * and villager-signed visits count; an unsigned or disputed visit never does.
 */
import type { Leave, LocalDate, Millis, SignIn, Visit } from './model'
import type { Settings } from './settings'
import { addDays, daysOfIsoWeek, localDate, type WeekKey } from './time'
import { countsAsVisit } from './visits'

export interface Counts543 {
  workDays: number
  nights: number
  villageDays: number
}

export interface Weekly543 extends Counts543 {
  weekKey: WeekKey
  leaveDays: number
  /** The settings' requirement minus leave days, never below 0. */
  required: Counts543
  met: { workDays: boolean; nights: boolean; villageDays: boolean }
  /** All three met. */
  compliant: boolean
  /** The dates behind each count, for the public posting (公示). */
  days: { work: LocalDate[]; nights: LocalDate[]; village: LocalDate[]; leave: LocalDate[] }
}

export interface Weekly543Input {
  weekKey: WeekKey
  /** One cadre's sign-ins (any range; those outside the week are ignored). */
  signIns: Pick<SignIn, 'at' | 'slot' | 'valid' | 'cadreId'>[]
  visits: Pick<Visit, 'at' | 'status' | 'overnight' | 'cadreId'>[]
  leaves: Pick<Leave, 'from' | 'to' | 'status' | 'cadreId'>[]
  settings: Pick<Settings, 'rule543' | 'utcOffsetMinutes'>
  /** When given, records of other cadres are ignored. */
  cadreId?: string
}

/** The dates from..to (inclusive) of a leave. */
export const leaveDates = (leave: Pick<Leave, 'from' | 'to'>): LocalDate[] => {
  const out: LocalDate[] = []
  for (let d = leave.from; d <= leave.to; d = addDays(d, 1)) out.push(d)
  return out
}

const sorted = (set: Set<LocalDate>): LocalDate[] => [...set].sort()

/**
 * One cadre's 543 for one ISO week (Monday-Sunday, township time):
 * - work day: a day with a valid morning or afternoon sign-in, or a signed visit;
 * - night: a day with a valid evening sign-in, or a signed visit marked overnight;
 * - village day: a day with at least one signed visit;
 * - leave day: a day of the week inside an approved leave; each requirement drops by the leave
 *   days, not below 0.
 */
export const weekly543 = ({ weekKey, signIns, visits, leaves, settings, cadreId }: Weekly543Input): Weekly543 => {
  const week = new Set(daysOfIsoWeek(weekKey))
  const mine = <T extends { cadreId: string }>(r: T) => cadreId === undefined || r.cadreId === cadreId
  const work = new Set<LocalDate>()
  const nights = new Set<LocalDate>()
  const village = new Set<LocalDate>()
  const leave = new Set<LocalDate>()

  for (const s of signIns) {
    if (!mine(s) || !s.valid) continue
    const day = localDate(s.at, settings)
    if (!week.has(day)) continue
    if (s.slot === 'morning' || s.slot === 'afternoon') work.add(day)
    if (s.slot === 'evening') nights.add(day)
  }
  for (const v of visits) {
    if (!mine(v) || !countsAsVisit(v)) continue
    const day = localDate(v.at, settings)
    if (!week.has(day)) continue
    work.add(day)
    village.add(day)
    if (v.overnight) nights.add(day)
  }
  for (const l of leaves) {
    if (!mine(l) || l.status !== 'approved') continue
    for (const d of leaveDates(l)) if (week.has(d)) leave.add(d)
  }

  const rule = settings.rule543
  const required: Counts543 = {
    workDays: Math.max(0, rule.workDays - leave.size),
    nights: Math.max(0, rule.nights - leave.size),
    villageDays: Math.max(0, rule.villageDays - leave.size),
  }
  const met = {
    workDays: work.size >= required.workDays,
    nights: nights.size >= required.nights,
    villageDays: village.size >= required.villageDays,
  }
  return {
    weekKey,
    workDays: work.size,
    nights: nights.size,
    villageDays: village.size,
    leaveDays: leave.size,
    required,
    met,
    compliant: met.workDays && met.nights && met.villageDays,
    days: { work: sorted(work), nights: sorted(nights), village: sorted(village), leave: sorted(leave) },
  }
}

/** The distinct local dates, sorted, with at least one signed visit at start <= at < end. */
export const villageDaysInRange = (
  visits: Pick<Visit, 'at' | 'status'>[],
  start: Millis,
  end: Millis,
  settings: Pick<Settings, 'utcOffsetMinutes'>,
): LocalDate[] => {
  const days = new Set<LocalDate>()
  for (const v of visits) if (countsAsVisit(v) && v.at >= start && v.at < end) days.add(localDate(v.at, settings))
  return sorted(days)
}
