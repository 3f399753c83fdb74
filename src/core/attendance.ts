/**
 * The 543 rule (五天四夜三下村): per cadre per ISO week, >= 5 work days in the township, >= 4 nights,
 * >= 3 days in villages, each lowered by approved leave (请销假) days. One rule: only valid sign-ins
 * and villager-signed visits count; an unsigned or disputed visit never does.
 *
 * What a day counts as is decided once, by `cadreDayFact`, from that day's records: the server
 * keeps its answer as a fact per cadre per day (CadreDay), written with every sign-in, sign-off,
 * dispute and leave decision, and the week, the month, the posting and the allowance are counted
 * over those facts (`week543`), never over the records again.
 */
import type { CadreDay, Leave, LocalDate, Millis, SignIn, Visit } from './model'
import { holidayReduction } from './calendar'
import type { Settings } from './settings'
import { addDays, daysOfIsoWeek, isLocalDate, localDate, type WeekKey } from './time'
import { countsAsVisit } from './visits'

export interface Counts543 {
  workDays: number
  nights: number
  villageDays: number
}

export interface Weekly543 extends Counts543 {
  weekKey: WeekKey
  leaveDays: number
  /** Statutory holidays on Monday-Friday of the week, less its make-up working days (DOMAIN 3.5). */
  holidayDays: number
  /** The settings' requirement minus leave days, never below 0. */
  required: Counts543
  met: { workDays: boolean; nights: boolean; villageDays: boolean }
  /** All three met. */
  compliant: boolean
  /** The dates behind each count, for the public posting (公示). */
  days: { work: LocalDate[]; nights: LocalDate[]; village: LocalDate[]; leave: LocalDate[] }
}

/** The parts of the records a day's fact is made of. */
export type DaySignIn = Pick<SignIn, 'cadreId' | 'at' | 'slot' | 'valid'>
export type DayVisit = Pick<Visit, 'cadreId' | 'at' | 'status' | 'overnight'>
export type DayLeave = Pick<Leave, 'cadreId' | 'from' | 'to' | 'status'>

export interface DayRecords {
  signIns: readonly DaySignIn[]
  visits: readonly DayVisit[]
  leaves: readonly DayLeave[]
}

export interface CadreDayKey {
  townshipId: string
  cadreId: string
  date: LocalDate
}

/** What 543 counts of a day. */
export type DayCounts = Pick<CadreDay, 'date' | 'workDay' | 'night' | 'villageDay' | 'onLeave'>

/** The id of a cadre's day fact. */
export const cadreDayId = (cadreId: string, date: LocalDate): string => `${cadreId}:${date}`

/** The dates from..to (inclusive) of a leave. */
export const leaveDates = (leave: Pick<Leave, 'from' | 'to'>): LocalDate[] => {
  const out: LocalDate[] = []
  for (let d = leave.from; d <= leave.to; d = addDays(d, 1)) out.push(d)
  return out
}

/** A day with nothing in it (no row needs to be kept for it). */
export const emptyCadreDay = ({ townshipId, cadreId, date }: CadreDayKey): CadreDay => ({
  id: cadreDayId(cadreId, date),
  townshipId,
  cadreId,
  date,
  morning: 0,
  afternoon: 0,
  evening: 0,
  morningAt: null,
  afternoonAt: null,
  eveningAt: null,
  invalid: 0,
  signedVisits: 0,
  overnightVisits: 0,
  onLeave: false,
  workDay: false,
  night: false,
  villageDay: false,
})

/** True when the day holds no sign-in, no signed visit and no leave. */
export const isEmptyCadreDay = (d: CadreDay): boolean =>
  d.morning === 0 && d.afternoon === 0 && d.evening === 0 && d.invalid === 0 && d.signedVisits === 0 && d.overnightVisits === 0 && !d.onLeave

/**
 * What one cadre's township-local day counts as, from the records (records of other cadres or
 * other days are ignored, so any superset may be passed):
 * - sign-ins: valid ones by slot, with the first instant of each slot; the rest are invalid;
 * - visits: only villager-signed ones (countsAsVisit), and how many of those were overnight;
 * - leave: an approved leave whose dates hold the day;
 * - work day: a valid morning or afternoon sign-in, or a signed visit;
 * - night: a valid evening sign-in, or a signed overnight visit;
 * - village day: a signed visit.
 */
export const cadreDayFact = (key: CadreDayKey, records: DayRecords, settings: Pick<Settings, 'utcOffsetMinutes'>): CadreDay => {
  const day = emptyCadreDay(key)
  for (const s of records.signIns) {
    if (s.cadreId !== key.cadreId || localDate(s.at, settings) !== key.date) continue
    if (!s.valid || s.slot === null) {
      day.invalid++
      continue
    }
    day[s.slot]++
    const first = `${s.slot}At` as const
    const known = day[first]
    if (known === null || s.at < known) day[first] = s.at
  }
  for (const v of records.visits) {
    if (v.cadreId !== key.cadreId || !countsAsVisit(v) || localDate(v.at, settings) !== key.date) continue
    day.signedVisits++
    if (v.overnight) day.overnightVisits++
  }
  day.onLeave = records.leaves.some((l) => l.cadreId === key.cadreId && l.status === 'approved' && l.from <= key.date && key.date <= l.to)
  day.workDay = day.morning > 0 || day.afternoon > 0 || day.signedVisits > 0
  day.night = day.evening > 0 || day.overnightVisits > 0
  day.villageDay = day.signedVisits > 0
  return day
}

/**
 * Every non-empty day fact the records make (sorted by id), each by cadreDayFact. With `dates`,
 * only the days from..to (inclusive) are made; leaves make a fact for each approved day.
 */
export const cadreDayFacts = (
  townshipId: string,
  records: DayRecords,
  settings: Pick<Settings, 'utcOffsetMinutes'>,
  dates?: { from: LocalDate; to: LocalDate },
): CadreDay[] => {
  const inside = (d: LocalDate) => dates === undefined || (d >= dates.from && d <= dates.to)
  const groups = new Map<string, { key: CadreDayKey; signIns: DaySignIn[]; visits: DayVisit[]; leaves: DayLeave[] }>()
  const group = (cadreId: string, date: LocalDate) => {
    const id = cadreDayId(cadreId, date)
    let g = groups.get(id)
    if (!g) {
      g = { key: { townshipId, cadreId, date }, signIns: [], visits: [], leaves: [] }
      groups.set(id, g)
    }
    return g
  }
  for (const s of records.signIns) {
    const d = localDate(s.at, settings)
    if (inside(d)) group(s.cadreId, d).signIns.push(s)
  }
  for (const v of records.visits) {
    const d = localDate(v.at, settings)
    if (inside(d)) group(v.cadreId, d).visits.push(v)
  }
  for (const l of records.leaves) {
    if (l.status !== 'approved') continue
    const from = dates && l.from < dates.from ? dates.from : l.from
    const to = dates && l.to > dates.to ? dates.to : l.to
    for (let d = from; d <= to; d = addDays(d, 1)) group(l.cadreId, d).leaves.push(l)
  }
  const out: CadreDay[] = []
  for (const g of groups.values()) {
    const day = cadreDayFact(g.key, g, settings)
    if (!isEmptyCadreDay(day)) out.push(day)
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

const sorted = (set: Set<LocalDate>): LocalDate[] => [...set].sort()

/**
 * One cadre's 543 for one ISO week (Monday-Sunday, township time), counted over the cadre's day
 * facts (days outside the week are ignored): work days, nights and village days as cadreDayFact
 * says; each leave day of the week, and each statutory holiday on a weekday not made up by a
 * make-up working day (holidayReduction), lowers every requirement by one, not below 0. A day both
 * on leave and a holiday lowers it once.
 */
export const week543 = (weekKey: WeekKey, days: readonly DayCounts[], settings: Pick<Settings, 'rule543' | 'calendar'>): Weekly543 => {
  const week = new Set(daysOfIsoWeek(weekKey))
  const work = new Set<LocalDate>()
  const nights = new Set<LocalDate>()
  const village = new Set<LocalDate>()
  const leave = new Set<LocalDate>()
  for (const d of days) {
    if (!week.has(d.date)) continue
    if (d.workDay) work.add(d.date)
    if (d.night) nights.add(d.date)
    if (d.villageDay) village.add(d.date)
    if (d.onLeave) leave.add(d.date)
  }
  const rule = settings.rule543
  const holidays = holidayReduction(weekKey, settings).filter((d) => !leave.has(d))
  const off = leave.size + holidays.length
  const required: Counts543 = {
    workDays: Math.max(0, rule.workDays - off),
    nights: Math.max(0, rule.nights - off),
    villageDays: Math.max(0, rule.villageDays - off),
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
    holidayDays: holidays.length,
    required,
    met,
    compliant: met.workDays && met.nights && met.villageDays,
    days: { work: sorted(work), nights: sorted(nights), village: sorted(village), leave: sorted(leave) },
  }
}

export interface Weekly543Input {
  weekKey: WeekKey
  /** One cadre's sign-ins (any range; those outside the week are ignored). */
  signIns: readonly DaySignIn[]
  visits: readonly DayVisit[]
  leaves: readonly DayLeave[]
  settings: Pick<Settings, 'rule543' | 'utcOffsetMinutes' | 'calendar'>
  /** When given, records of other cadres are ignored. */
  cadreId?: string
}

/** One cadre's 543 for one ISO week straight from records: their day facts, then week543. */
export const weekly543 = ({ weekKey, signIns, visits, leaves, settings, cadreId }: Weekly543Input): Weekly543 => {
  const one = <T extends { cadreId: string }>(rows: readonly T[]): T[] =>
    cadreId === undefined ? rows.map((r) => ({ ...r, cadreId: '' })) : rows.filter((r) => r.cadreId === cadreId)
  const week = daysOfIsoWeek(weekKey)
  const days = cadreDayFacts('', { signIns: one(signIns), visits: one(visits), leaves: one(leaves) }, settings, { from: week[0], to: week[6] })
  return week543(weekKey, days, settings)
}

/** The village days (sorted) among day facts from..to (inclusive). */
export const villageDaysOf = (days: readonly DayCounts[], from: LocalDate, to: LocalDate): LocalDate[] =>
  sorted(new Set(days.filter((d) => d.villageDay && d.date >= from && d.date <= to).map((d) => d.date)))

/**
 * The distinct local dates, sorted, with at least one signed visit at start <= at < end (`start`
 * and `end` are local midnights: the range is whole days).
 */
export const villageDaysInRange = (
  visits: Pick<Visit, 'at' | 'status'>[],
  start: Millis,
  end: Millis,
  settings: Pick<Settings, 'utcOffsetMinutes'>,
): LocalDate[] => {
  const from = localDate(start, settings)
  const to = localDate(end - 1, settings)
  const days = cadreDayFacts('', { signIns: [], visits: visits.map((v) => ({ cadreId: '', at: v.at, status: v.status, overnight: false })), leaves: [] }, settings, { from, to })
  return villageDaysOf(days, from, to)
}

/**
 * A leave request's dates (请销假): real dates, from <= to, and at most settings.leave.maxDays days
 * ('LEAVE.BAD_RANGE' otherwise). Who approves is the policy 'leave:decide' (the cadre's team leader).
 */
export const validateLeaveRange = (
  from: string,
  to: string,
  settings: Pick<Settings, 'leave'>,
): { ok: true } | { ok: false; code: 'LEAVE.BAD_RANGE' } => {
  if (!isLocalDate(from) || !isLocalDate(to) || to < from) return { ok: false, code: 'LEAVE.BAD_RANGE' }
  return leaveDates({ from, to }).length > settings.leave.maxDays ? { ok: false, code: 'LEAVE.BAD_RANGE' } : { ok: true }
}
