/**
 * The month-end close (月末结账): from the month's facts it computes each cadre's weekly 543, the
 * 1135 score, the allowance ledger, the ticket rates and the public posting (公示) row, and it puts
 * the inputs in one canonical form whose hash (computed by the server) is the close's digest.
 * Attendance comes from the cadres' day facts (CadreDay, what core/attendance cadreDayFact made of
 * each day's sign-ins, visits and leaves), never from the records themselves.
 * One rule: the result depends on the inputs only, in any order: the same facts always give the
 * same result and the same canonical text.
 */
import { allowanceFor } from './allowance'
import { week543, type Counts543 } from './attendance'
import { score1135, type Score1135 } from './evaluation'
import type { CadreDay, Household, LocalDate, Person, PeriodKey, Rating, SelfReview, SignInSlot, Ticket, TicketEvent, WorkTeam } from './model'
import { isResidentCadre } from './roster'
import type { Settings } from './settings'
import { ticketRates, type RatedTicket, type TicketRates } from './tickets'
import { isWorkingDay, weeksOfMonth } from './calendar'
import { addDays, daysOfIsoWeek, isoWeekKey, localDate, periodRange, secondsOfDay, type Range, type WeekKey } from './time'
import { canonicalJson } from './canonical'
import { FACT_FIELDS } from './facts'

export type CloseSettings = Pick<Settings, 'utcOffsetMinutes' | 'rule543' | 'evaluation' | 'allowance' | 'signIn' | 'calendar'>

/** What the close reads of a rating (the score, and the comments of the posting). */
export type CloseRating = Pick<Rating, 'id' | 'period' | 'band' | 'cadreId' | 'raterId' | 'householdId' | 'stars' | 'comment' | 'at'>
/** What the close reads of a ticket (its rates, and whose household it is). */
export type CloseTicket = Pick<Ticket, 'id' | 'householdId'> & RatedTicket & { history: readonly Pick<TicketEvent, 'action' | 'at'>[] }

/** Everything a close reads. Arrays may come in any order. */
export interface CloseInputs {
  period: PeriodKey
  /** Township cadres (those with the cadre role); resident cadres get a row. */
  cadres: Pick<Person, 'id' | 'name' | 'title' | 'roles' | 'duty'>[]
  teams: Pick<WorkTeam, 'id' | 'villageId' | 'memberIds'>[]
  /** The households of the month's tickets: a ticket counts for its household's cadre. */
  households: Pick<Household, 'id' | 'cadreId' | 'villageId'>[]
  /** The resident cadres' day facts over the close's read range (closeReadDays: the month's whole ISO weeks). */
  days: CadreDay[]
  ratings: CloseRating[]
  /** Tickets created in the month (the only ones ticketRates counts). */
  tickets: CloseTicket[]
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
  /** Working days of the month (isWorkingDay: holidays out, make-up days in) with no work day and no approved leave. */
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

/** Every field of T, in a declared order: a field missing from the list is a compile error. */
type AllFields<T, L extends readonly (keyof T)[]> = Exclude<keyof T, L[number]> extends never ? L : never

/** The columns of a day fact in the canonical text (the cadre and the day, then the figures). */
export const DAY_COLUMNS = ['cadreId', 'date', ...FACT_FIELDS] as const
/** The columns of a rating in the canonical text: all that the close reads. */
export const RATING_COLUMNS = ['id', 'period', 'band', 'cadreId', 'raterId', 'householdId', 'stars', 'comment', 'at'] as const
const ratingColumns: AllFields<CloseRating, typeof RATING_COLUMNS> = RATING_COLUMNS

/** Rows of plain values (every column of a day fact and of a close rating is a string, number, boolean or null). */
const rows = <T, C extends readonly (keyof T)[]>(list: readonly T[], columns: C): unknown[][] => list.map((r) => columns.map((c) => r[c] ?? null))

/**
 * The inputs as one canonical text (every list sorted by id; the many day facts and ratings as rows
 * of their declared columns, named once): hash it to get the close's digest. The text is JSON with
 * keys sorted at every level; the rows, being arrays of plain values, are written as they are.
 */
export const canonicalCloseInputs = (inputs: CloseInputs): string => {
  const table = <T extends { id: string }, C extends readonly (keyof T)[]>(list: readonly T[], columns: C): string =>
    `{"columns":${JSON.stringify(columns)},"rows":${JSON.stringify(rows(byId(list), columns))}}`
  const parts: Record<string, string> = {
    period: JSON.stringify(inputs.period),
    settings: canonicalJson(inputs.settings),
    cadres: canonicalJson(byId(inputs.cadres)),
    teams: canonicalJson(byId(inputs.teams).map((t) => ({ ...t, memberIds: [...t.memberIds].sort() }))),
    households: canonicalJson(byId(inputs.households)),
    days: table(inputs.days, DAY_COLUMNS),
    ratings: table(inputs.ratings, ratingColumns),
    tickets: canonicalJson(
      byId(inputs.tickets).map(({ id, householdId, createdAt, dueAt, status, satisfaction, history }) => ({
        id,
        householdId,
        createdAt,
        dueAt,
        status,
        satisfaction,
        history: history.map(({ action, at }) => ({ action, at })),
      })),
    ),
    selfReviews: canonicalJson(byId(inputs.selfReviews)),
  }
  return `{${Object.keys(parts)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${parts[k]}`)
    .join(',')}}`
}

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

/** The township-local days a close reads facts of: the first and last day of closeReadRange. */
export const closeReadDays = (period: PeriodKey, settings: Pick<Settings, 'utcOffsetMinutes'>): { from: LocalDate; to: LocalDate } => {
  const weeks = weeksOfRange(periodRange(period, settings), settings)
  return { from: daysOfIsoWeek(weeks[0])[0], to: daysOfIsoWeek(weeks[weeks.length - 1])[6] }
}

const two = (n: number): string => String(n).padStart(2, '0')

/**
 * A posted sign-in time: hh:mm, with the seconds when its minute is the first or last of the slot's
 * window (there the seconds decide validity: 08:30:00 is valid, 08:30:01 is not).
 */
export const postedSignInTime = (at: number, slot: SignInSlot, settings: Pick<Settings, 'signIn' | 'utcOffsetMinutes'>): string => {
  const seconds = secondsOfDay(at, settings)
  const minutes = Math.floor(seconds / 60)
  const edge = settings.signIn.slots[slot]
  const hm = `${two(Math.floor(minutes / 60))}:${two(minutes % 60)}`
  const atEdge = minutes === edge - settings.signIn.windowMinutes || minutes === edge + settings.signIn.windowMinutes
  return atEdge ? `${hm}:${two(seconds % 60)}` : hm
}

const sortedText = (texts: string[]): string[] => texts.filter((t) => t.trim() !== '').sort()

const SLOTS: readonly SignInSlot[] = ['morning', 'afternoon', 'evening']

/** One cadre's month, from facts and records already narrowed to that cadre. */
const cadreMonth = (
  cadre: CloseInputs['cadres'][number],
  team: CloseInputs['teams'][number] | null,
  own: { days: CadreDay[]; ratings: CloseRating[]; tickets: CloseTicket[]; self: string | null },
  inputs: CloseInputs,
  range: Range,
  weeks: WeekKey[],
): CadreMonth => {
  const { settings } = inputs
  const firstDay = localDate(range.start, settings)
  const lastDay = localDate(range.end - 1, settings)
  const month = own.days.filter((d) => d.date >= firstDay && d.date <= lastDay)
  const bySlot: Record<SignInSlot, number> = { morning: 0, afternoon: 0, evening: 0 }
  let invalid = 0
  const times: SignInTime[] = []
  const workDays = new Set<LocalDate>()
  const leaveSet = new Set<LocalDate>()
  const villageSet = new Set<LocalDate>()
  for (const d of month) {
    invalid += d.invalid
    for (const slot of SLOTS) {
      bySlot[slot] += d[slot]
      const first = d[`${slot}At`]
      if (first !== null) times.push({ date: d.date, slot, time: postedSignInTime(first, slot, settings) })
    }
    if (d.workDay) workDays.add(d.date)
    if (d.onLeave) leaveSet.add(d.date)
    if (d.villageDay) villageSet.add(d.date)
  }
  times.sort((a, b) => (a.date + a.time < b.date + b.time ? -1 : a.date + a.time > b.date + b.time ? 1 : 0))

  const weekRows = weeks.map((weekKey): WeekRow => {
    const w = week543(weekKey, own.days, settings)
    return { weekKey, workDays: w.workDays, nights: w.nights, villageDays: w.villageDays, leaveDays: w.leaveDays, required: w.required, compliant: w.compliant }
  })

  const absences: LocalDate[] = []
  for (let d = firstDay; d <= lastDay; d = addDays(d, 1)) {
    if (isWorkingDay(d, settings) && !workDays.has(d) && !leaveSet.has(d)) absences.push(d)
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
  // Each week is posted once, in the month holding its Thursday (the ISO rule).
  const weeks = weeksOfMonth(period)
  const cadres = byId(inputs.cadres).filter((c) => isResidentCadre(c as Person))
  const teamOf = new Map<string, CloseInputs['teams'][number]>()
  for (const t of byId(inputs.teams)) for (const m of t.memberIds) if (!teamOf.has(m)) teamOf.set(m, t)
  const cadreOfHousehold = new Map(inputs.households.map((h) => [h.id, h.cadreId]))
  // Every figure below is independent of the order of days, ratings and tickets: no sorting needed.
  const days = groupBy(inputs.days, (d) => d.cadreId)
  const ratings = groupBy(
    inputs.ratings.filter((r) => r.period === period),
    (r) => r.cadreId,
  )
  const tickets = groupBy(inputs.tickets, (t) => cadreOfHousehold.get(t.householdId) ?? null)
  const self = new Map(inputs.selfReviews.filter((r) => r.period === period).map((r) => [r.cadreId, r.text]))
  return {
    period,
    rates: ticketRates(inputs.tickets, range),
    cadres: cadres.map((c) =>
      cadreMonth(
        c,
        teamOf.get(c.id) ?? null,
        {
          days: days.get(c.id) ?? [],
          ratings: ratings.get(c.id) ?? [],
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
