/**
 * Township calendar arithmetic: local dates, ISO weeks (for 543), months, quarters and years (for
 * 1135 and the public posting). One rule: every function takes the instant and the Settings
 * (utcOffsetMinutes) it needs; nothing here reads a clock.
 */
import type { LocalDate, Millis, PeriodKey } from './model'
import { fail, ok, type Result } from './result'
import type { Settings } from './settings'

export const MINUTE_MS = 60_000
export const HOUR_MS = 60 * MINUTE_MS
export const DAY_MS = 24 * HOUR_MS

/** An ISO week key, `2026-W47`. */
export type WeekKey = string
/** A month key, `2026-11`. */
export type MonthKey = string
export type PeriodKind = 'month' | 'quarter' | 'year'

/** A half-open interval of instants: start <= t < end. */
export interface Range {
  start: Millis
  end: Millis
}

type TimeSettings = Pick<Settings, 'utcOffsetMinutes'>

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** The instant shifted so that its UTC fields read as township wall-clock fields. */
const wallClock = (ms: Millis, settings: TimeSettings): Date => new Date(ms + settings.utcOffsetMinutes * MINUTE_MS)

const formatUtcDate = (d: Date): LocalDate =>
  `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`

const LOCAL_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

/** True for a real calendar date written `YYYY-MM-DD`. */
export const isLocalDate = (value: string): boolean => {
  const m = LOCAL_DATE_RE.exec(value)
  if (!m) return false
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return formatUtcDate(d) === value
}

/**
 * Dates by day number and day numbers by date, remembered: a month's close turns the same few dozen
 * dates back and forth thousands of times. The answers never change, so remembering them is safe.
 */
const MEMO_LIMIT = 50_000
const dateOfDay = new Map<number, LocalDate>()
const dayOfDate = new Map<LocalDate, number>()
const remember = <K, V>(memo: Map<K, V>, key: K, value: V): V => {
  if (memo.size >= MEMO_LIMIT) memo.clear()
  memo.set(key, value)
  return value
}

/** Midnight UTC of a local date, used as a calendar-only value (no time zone meaning). */
const utcDay = (date: LocalDate): number => {
  const known = dayOfDate.get(date)
  if (known !== undefined) return known
  if (!isLocalDate(date)) throw new RangeError(`not a local date: ${date}`)
  const [y, m, d] = date.split('-').map(Number)
  return remember(dayOfDate, date, Date.UTC(y, m - 1, d))
}

/** The date of a day number (days since 1970-01-01, UTC calendar). */
const dateOfDayNumber = (day: number): LocalDate => dateOfDay.get(day) ?? remember(dateOfDay, day, formatUtcDate(new Date(day * DAY_MS)))

/** The calendar date of an instant in township time. */
export const localDate = (ms: Millis, settings: TimeSettings): LocalDate =>
  Number.isFinite(ms) ? dateOfDayNumber(Math.floor(Math.trunc(ms + settings.utcOffsetMinutes * MINUTE_MS) / DAY_MS)) : formatUtcDate(wallClock(ms, settings))

/** Minutes after local midnight (0..1439) of an instant in township time. */
export const minutesOfDay = (ms: Millis, settings: TimeSettings): number => {
  // Truncated as Date truncates a fractional instant.
  const shifted = Math.trunc(ms + settings.utcOffsetMinutes * MINUTE_MS)
  if (!Number.isFinite(shifted)) {
    const d = wallClock(ms, settings)
    return d.getUTCHours() * 60 + d.getUTCMinutes()
  }
  return Math.floor((((shifted % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS)
}

/**
 * Seconds after local midnight (0..86399) of an instant in township time, the fraction of a second
 * dropped (a clock reading 08:30:00.900 reads 08:30:00). Rules that decide to the second use this.
 */
export const secondsOfDay = (ms: Millis, settings: TimeSettings): number => {
  const shifted = Math.trunc(ms + settings.utcOffsetMinutes * MINUTE_MS)
  if (!Number.isFinite(shifted)) {
    const d = wallClock(ms, settings)
    return d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds()
  }
  return Math.floor((((shifted % DAY_MS) + DAY_MS) % DAY_MS) / 1000)
}

/** The instant of local midnight at the start of a date. */
export const startOfLocalDay = (date: LocalDate, settings: TimeSettings): Millis =>
  utcDay(date) - settings.utcOffsetMinutes * MINUTE_MS

/** The date n days after (or before, n < 0) a date. */
export const addDays = (date: LocalDate, n: number): LocalDate => {
  const day = utcDay(date) / DAY_MS + n
  return Number.isInteger(day) ? dateOfDayNumber(day) : formatUtcDate(new Date(utcDay(date) + n * DAY_MS))
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export const isoWeekday = (date: LocalDate): number => {
  // 1970-01-01 was a Thursday (ISO weekday 4).
  const day = utcDay(date) / DAY_MS
  return ((((day + 3) % 7) + 7) % 7) + 1
}

/** Monday of ISO week 1 of an ISO year (the week holding 4 January). */
const mondayOfWeekOne = (isoYear: number): number => {
  const jan4 = Date.UTC(isoYear, 0, 4)
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7
  return jan4 - weekday * DAY_MS
}

/** The ISO week (Monday-first, week 1 holds the year's first Thursday) of a date: `2026-W47`. */
export const isoWeekKey = (date: LocalDate): WeekKey => {
  const day = utcDay(date)
  const thursday = day + (4 - isoWeekday(date)) * DAY_MS
  const isoYear = new Date(thursday).getUTCFullYear()
  const week = Math.floor((day - mondayOfWeekOne(isoYear)) / (7 * DAY_MS)) + 1
  return `${pad(isoYear, 4)}-W${pad(week)}`
}

const WEEK_RE = /^(\d{4})-W(\d{2})$/

/** Splits a week key, refusing weeks that the ISO year does not have (W53 only in long years). */
export const parseWeekKey = (key: string): Result<{ isoYear: number; week: number }, 'PERIOD.BAD_KEY'> => {
  const m = WEEK_RE.exec(key)
  if (!m) return fail('PERIOD.BAD_KEY', { key })
  const isoYear = Number(m[1])
  const week = Number(m[2])
  const weeksInYear = (mondayOfWeekOne(isoYear + 1) - mondayOfWeekOne(isoYear)) / (7 * DAY_MS)
  if (week < 1 || week > weeksInYear) return fail('PERIOD.BAD_KEY', { key })
  return ok({ isoYear, week })
}

/** The seven dates, Monday to Sunday, of an ISO week. Throws on a malformed key (validate first). */
const weekDays = new Map<WeekKey, readonly LocalDate[]>()

export const daysOfIsoWeek = (weekKey: WeekKey): LocalDate[] => {
  const known = weekDays.get(weekKey)
  if (known) return [...known]
  const parsed = parseWeekKey(weekKey)
  if (!parsed.ok) throw new RangeError(`not a week key: ${weekKey}`)
  const monday = mondayOfWeekOne(parsed.value.isoYear) + (parsed.value.week - 1) * 7 * DAY_MS
  const days = Array.from({ length: 7 }, (_, i) => dateOfDayNumber(monday / DAY_MS + i))
  return [...remember(weekDays, weekKey, days)]
}

/** The instants covered by an ISO week in township time. */
export const weekRange = (weekKey: WeekKey, settings: TimeSettings): Range => {
  const days = daysOfIsoWeek(weekKey)
  return { start: startOfLocalDay(days[0], settings), end: startOfLocalDay(addDays(days[6], 1), settings) }
}

/** The month of an instant in township time: `2026-11`. */
export const monthKey = (ms: Millis, settings: TimeSettings): MonthKey => localDate(ms, settings).slice(0, 7)

/** The period (month `2026-11`, quarter `2026-Q4`, year `2026`) holding an instant. */
export const periodOf = (ms: Millis, kind: PeriodKind, settings: TimeSettings): PeriodKey => {
  const date = localDate(ms, settings)
  const year = date.slice(0, 4)
  const month = Number(date.slice(5, 7))
  if (kind === 'year') return year
  if (kind === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`
  return date.slice(0, 7)
}

export interface ParsedPeriod {
  kind: PeriodKind
  year: number
  /** First month of the period, 1-12. */
  firstMonth: number
  /** Number of months: 1, 3 or 12. */
  months: number
}

const PERIOD_RE = /^(\d{4})(?:-(?:(\d{2})|Q([1-4])))?$/

/** Reads a period key; anything but `YYYY`, `YYYY-MM` (01-12) or `YYYY-Q1..4` is 'PERIOD.BAD_KEY'. */
export const parsePeriodKey = (key: string): Result<ParsedPeriod, 'PERIOD.BAD_KEY'> => {
  const m = PERIOD_RE.exec(key)
  if (!m) return fail('PERIOD.BAD_KEY', { key })
  const year = Number(m[1])
  if (m[2] !== undefined) {
    const month = Number(m[2])
    if (month < 1 || month > 12) return fail('PERIOD.BAD_KEY', { key })
    return ok({ kind: 'month', year, firstMonth: month, months: 1 })
  }
  if (m[3] !== undefined) return ok({ kind: 'quarter', year, firstMonth: (Number(m[3]) - 1) * 3 + 1, months: 3 })
  return ok({ kind: 'year', year, firstMonth: 1, months: 12 })
}

/** The instants of a period in township time, start inclusive, end exclusive. Throws on a bad key. */
export const periodRange = (period: PeriodKey, settings: TimeSettings): Range => {
  const parsed = parsePeriodKey(period)
  if (!parsed.ok) throw new RangeError(`not a period key: ${period}`)
  const { year, firstMonth, months } = parsed.value
  const offset = settings.utcOffsetMinutes * MINUTE_MS
  return {
    start: Date.UTC(year, firstMonth - 1, 1) - offset,
    end: Date.UTC(year, firstMonth - 1 + months, 1) - offset,
  }
}

/** The period before a period of the same kind (`2026-01` -> `2025-12`), for "last month's posting". */
export const previousPeriod = (period: PeriodKey, settings: TimeSettings): PeriodKey => {
  const parsed = parsePeriodKey(period)
  if (!parsed.ok) throw new RangeError(`not a period key: ${period}`)
  return periodOf(periodRange(period, settings).start - 1, parsed.value.kind, settings)
}

/** True when an instant lies in a half-open range. */
export const inRange = (ms: Millis, range: Range): boolean => ms >= range.start && ms < range.end
