/**
 * The month-end close (月末结账): from the month's records it computes each cadre's weekly 543, the
 * 1135 score, the allowance ledger, the ticket rates and the public posting (公示) row, and it puts
 * the inputs in one canonical form whose hash (computed by the server) is the close's digest.
 * One rule: the result depends on the inputs only, in any order: the same records always give the
 * same result and the same canonical text.
 */
import { allowanceFor } from './allowance'
import { leaveDates, weekly543, type Counts543 } from './attendance'
import { score1135, type Score1135 } from './evaluation'
import type { Household, Leave, LocalDate, Person, PeriodKey, Rating, SelfReview, SignIn, SignInSlot, Ticket, Visit, WorkTeam } from './model'
import { isResidentCadre } from './roster'
import type { Settings } from './settings'
import { ticketRates, type TicketRates } from './tickets'
import { addDays, daysOfIsoWeek, isoWeekKey, isoWeekday, localDate, minutesOfDay, periodRange, type Range, type WeekKey } from './time'
import { countsAsVisit } from './visits'
import { canonicalJson } from './canonical'

export type CloseSettings = Pick<Settings, 'utcOffsetMinutes' | 'rule543' | 'evaluation' | 'allowance'>

/** Everything a close reads. Arrays may come in any order. */
export interface CloseInputs {
  period: PeriodKey
  /** Township cadres (those with the cadre role); resident cadres get a row. */
  cadres: Pick<Person, 'id' | 'name' | 'title' | 'roles' | 'duty'>[]
  teams: Pick<WorkTeam, 'id' | 'villageId' | 'memberIds'>[]
  households: Pick<Household, 'id' | 'cadreId' | 'villageId'>[]
  signIns: Pick<SignIn, 'id' | 'cadreId' | 'at' | 'slot' | 'valid'>[]
  visits: Pick<Visit, 'id' | 'cadreId' | 'at' | 'status' | 'overnight'>[]
  leaves: Pick<Leave, 'id' | 'cadreId' | 'from' | 'to' | 'status'>[]
  ratings: Rating[]
  tickets: Ticket[]
  selfReviews: Pick<SelfReview, 'id' | 'cadreId' | 'period' | 'text'>[]
  settings: CloseSettings
}

export interface WeekRow extends Counts543 {
  weekKey: WeekKey
  leaveDays: number
  required: Counts543
  compliant: boolean
}

export interface SignInTime {
  date: LocalDate
  slot: SignInSlot
  /** Township wall-clock `HH:mm`. */
  time: string
}

/** One cadre's month: the public posting row plus the township-only score. */
export interface CadreMonth {
  cadreId: string
  name: string
  title: string
  villageId: string | null
  teamId: string | null
  signIns: { valid: number; invalid: number; bySlot: Record<SignInSlot, number>; times: SignInTime[] }
  leaveDays: LocalDate[]
  /** Working days (Mon-Fri) of the month with no work day and no approved leave. */
  absences: LocalDate[]
  weeks: WeekRow[]
  /** Days with a villager-signed visit (群众签字). */
  villageDays: LocalDate[]
  allowanceYuan: number
  score: Score1135
  rates: TicketRates
  /** 三点评: the cadre's own review, and anonymous comments of the peers and villagers bands. */
  reviews: { self: string | null; peers: string[]; mass: string[] }
}

export interface CloseResult {
  period: PeriodKey
  /** The township's three rates over the tickets created in the month. */
  rates: TicketRates
  cadres: CadreMonth[]
}

const byId = <T extends { id: string }>(rows: readonly T[]): T[] => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))

export { canonicalJson }

/** The inputs as one canonical text (every list sorted by id): hash it to get the close's digest. */
export const canonicalCloseInputs = (inputs: CloseInputs): string =>
  canonicalJson({
    period: inputs.period,
    settings: inputs.settings,
    cadres: byId(inputs.cadres),
    teams: byId(inputs.teams).map((t) => ({ ...t, memberIds: [...t.memberIds].sort() })),
    households: byId(inputs.households),
    signIns: byId(inputs.signIns),
    visits: byId(inputs.visits),
    leaves: byId(inputs.leaves),
    ratings: byId(inputs.ratings),
    tickets: byId(inputs.tickets),
    selfReviews: byId(inputs.selfReviews),
  })

/** The ISO weeks touching a range of days (a month's weeks may start or end in the next month). */
export const weeksOfRange = (range: Range, settings: Pick<Settings, 'utcOffsetMinutes'>): WeekKey[] => {
  const first = localDate(range.start, settings)
  const last = localDate(range.end - 1, settings)
  const weeks: WeekKey[] = []
  for (let d = first; d <= last; d = addDays(d, 1)) {
    const w = isoWeekKey(d)
    if (weeks[weeks.length - 1] !== w) weeks.push(w)
  }
  return weeks
}

/**
 * The range of instants a close must read records from: the whole ISO weeks touching the month
 * (543 is judged per full week).
 */
export const closeReadRange = (period: PeriodKey, settings: Pick<Settings, 'utcOffsetMinutes'>): Range => {
  const weeks = weeksOfRange(periodRange(period, settings), settings)
  const firstDay = daysOfIsoWeek(weeks[0])[0]
  const lastDay = daysOfIsoWeek(weeks[weeks.length - 1])[6]
  const offset = settings.utcOffsetMinutes * 60_000
  const utc = (d: LocalDate) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) - offset
  return { start: utc(firstDay), end: utc(addDays(lastDay, 1)) }
}

const hhmm = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`

const sortedText = (texts: string[]): string[] => texts.filter((t) => t.trim() !== '').sort()

/** One cadre's month, from records already narrowed to that cadre. */
const cadreMonth = (
  cadre: CloseInputs['cadres'][number],
  team: CloseInputs['teams'][number] | null,
  own: { signIns: CloseInputs['signIns']; visits: CloseInputs['visits']; leaves: CloseInputs['leaves']; ratings: Rating[]; tickets: Ticket[]; self: string | null },
  inputs: CloseInputs,
  range: Range,
  weeks: WeekKey[],
): CadreMonth => {
  const { settings } = inputs
  const inMonth = (at: number) => at >= range.start && at < range.end
  const bySlot: Record<SignInSlot, number> = { morning: 0, afternoon: 0, evening: 0 }
  let invalid = 0
  const times: SignInTime[] = []
  for (const s of byId(own.signIns)) {
    if (!inMonth(s.at)) continue
    if (!s.valid || s.slot === null) {
      invalid++
      continue
    }
    bySlot[s.slot]++
    times.push({ date: localDate(s.at, settings), slot: s.slot, time: hhmm(minutesOfDay(s.at, settings)) })
  }
  times.sort((a, b) => (a.date + a.time < b.date + b.time ? -1 : a.date + a.time > b.date + b.time ? 1 : 0))

  const firstDay = localDate(range.start, settings)
  const lastDay = localDate(range.end - 1, settings)
  const leaveSet = new Set<LocalDate>()
  for (const l of own.leaves) if (l.status === 'approved') for (const d of leaveDates(l)) if (d >= firstDay && d <= lastDay) leaveSet.add(d)

  const weekRows = weeks.map((weekKey): WeekRow => {
    const w = weekly543({ weekKey, signIns: own.signIns, visits: own.visits, leaves: own.leaves, settings })
    return { weekKey, workDays: w.workDays, nights: w.nights, villageDays: w.villageDays, leaveDays: w.leaveDays, required: w.required, compliant: w.compliant }
  })

  const workDays = new Set<LocalDate>()
  for (const s of own.signIns) if (s.valid && (s.slot === 'morning' || s.slot === 'afternoon') && inMonth(s.at)) workDays.add(localDate(s.at, settings))
  const villageSet = new Set<LocalDate>()
  for (const v of own.visits) {
    if (!countsAsVisit(v) || !inMonth(v.at)) continue
    const d = localDate(v.at, settings)
    workDays.add(d)
    villageSet.add(d)
  }
  const absences: LocalDate[] = []
  for (let d = firstDay; d <= lastDay; d = addDays(d, 1)) {
    if (isoWeekday(d) <= 5 && !workDays.has(d) && !leaveSet.has(d)) absences.push(d)
  }
  const villageDays = [...villageSet].sort()
  const latest = own.ratings
  return {
    cadreId: cadre.id,
    name: cadre.name,
    title: cadre.title,
    villageId: team?.villageId ?? null,
    teamId: team?.id ?? null,
    signIns: { valid: bySlot.morning + bySlot.afternoon + bySlot.evening, invalid, bySlot, times },
    leaveDays: [...leaveSet].sort(),
    absences,
    weeks: weekRows,
    villageDays,
    allowanceYuan: allowanceFor(villageDays.length, settings),
    score: score1135(own.ratings, settings),
    rates: ticketRates(own.tickets, range),
    reviews: {
      self: own.self,
      peers: sortedText(latest.filter((r) => r.band === 'peers').map((r) => r.comment)),
      mass: sortedText(latest.filter((r) => r.band === 'villagers').map((r) => r.comment)),
    },
  }
}

const groupBy = <T>(rows: readonly T[], key: (row: T) => string | null): Map<string, T[]> => {
  const out = new Map<string, T[]>()
  for (const r of rows) {
    const k = key(r)
    if (k === null) continue
    const list = out.get(k)
    if (list) list.push(r)
    else out.set(k, [r])
  }
  return out
}

/**
 * Closes a month: one row per resident cadre (sorted by id) and the township's rates. Ratings count
 * only if of this period; the latest rating per rater wins (score1135); peer and mass comments are
 * sorted text with no rater, so the posting is anonymous. A cadre's tickets are those of the
 * households they cover.
 */
export const closeMonth = (inputs: CloseInputs): CloseResult => {
  const { period, settings } = inputs
  const range = periodRange(period, settings)
  const weeks = weeksOfRange(range, settings)
  const cadres = byId(inputs.cadres).filter((c) => isResidentCadre(c as Person))
  const teamOf = new Map<string, CloseInputs['teams'][number]>()
  for (const t of byId(inputs.teams)) for (const m of t.memberIds) if (!teamOf.has(m)) teamOf.set(m, t)
  const cadreOfHousehold = new Map(inputs.households.map((h) => [h.id, h.cadreId]))
  const signIns = groupBy(inputs.signIns, (s) => s.cadreId)
  const visits = groupBy(inputs.visits, (v) => v.cadreId)
  const leaves = groupBy(inputs.leaves, (l) => l.cadreId)
  const ratings = groupBy(
    inputs.ratings.filter((r) => r.period === period),
    (r) => r.cadreId,
  )
  const tickets = groupBy(byId(inputs.tickets), (t) => cadreOfHousehold.get(t.householdId) ?? null)
  const self = new Map(inputs.selfReviews.filter((r) => r.period === period).map((r) => [r.cadreId, r.text]))
  return {
    period,
    rates: ticketRates(byId(inputs.tickets), range),
    cadres: cadres.map((c) =>
      cadreMonth(
        c,
        teamOf.get(c.id) ?? null,
        {
          signIns: signIns.get(c.id) ?? [],
          visits: visits.get(c.id) ?? [],
          leaves: leaves.get(c.id) ?? [],
          ratings: byId(ratings.get(c.id) ?? []),
          tickets: tickets.get(c.id) ?? [],
          self: self.get(c.id) ?? null,
        },
        inputs,
        range,
        weeks,
      ),
    ),
  }
}

/** What the posting shows the whole township (villagers included): attendance and comments, no score. */
export type PostingRow = Omit<CadreMonth, 'score' | 'rates' | 'allowanceYuan'>

export const postingRows = (result: CloseResult): PostingRow[] =>
  result.cadres.map(({ score: _score, rates: _rates, allowanceYuan: _yuan, ...row }) => row)
