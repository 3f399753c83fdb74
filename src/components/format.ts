/**
 * Dates as people in the township say them: 11月3日 星期二, 2026年11月3日; in the Mongolian locale
 * Mongolian first with the Chinese beside it (src/i18n/dates.ts, one set of forms per locale).
 * One rule: screens format times only through here, so elder mode / Mongolian can change it once.
 */
import dayjs from 'dayjs'
import { daysOfIsoWeek } from '../core/time'
import { currentLocale, msg } from '../i18n'
import { datesFor, type DayParts } from '../i18n/dates'

const forms = () => datesFor(currentLocale())
const partsOf = (at: number): DayParts & { hour: number; minute: number } => {
  const d = dayjs(at)
  return { year: d.year(), month: d.month() + 1, day: d.date(), weekday: d.day() === 0 ? 7 : d.day(), hour: d.hour(), minute: d.minute() }
}
const notThisYear = (at: number) => dayjs(at).year() !== dayjs().year()

/** 2026年11月3日 (the year only when it is not this year). */
export const formatDate = (at: number): string => forms().date(partsOf(at), notThisYear(at))

/** 11月3日 星期二 */
export const formatToday = (at: number = Date.now()): string => forms().dateWeekday(partsOf(at), false)

/** 2026年11月3日 星期二 */
export const formatDay = (at: number): string => forms().dateWeekday(partsOf(at), true)

/** 11月24日 10:05 (the year only when it is not this year): deadlines and visit times. */
export const formatDayTime = (at: number): string => {
  const p = partsOf(at)
  return forms().dateTime(p, notThisYear(at), p.hour, p.minute)
}

/** A township day key (YYYY-MM-DD) as parts (its weekday from the calendar, not the phone's zone). */
const dayOf = (date: string): DayParts => {
  const [year = 0, month = 0, day = 0] = date.split('-').map(Number)
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay()
  return { year, month, day, weekday: weekday === 0 ? 7 : weekday }
}

/** A month key as people say it: 2026-10 -> 2026年10月 (never the code). */
export const formatMonth = (month: string): string => forms().month(Number(month.slice(0, 4)), Number(month.slice(5, 7)))

/** Any period key in words: 2026-10 -> 2026年10月, 2026-Q4 -> 2026年第4季度, 2026 -> 2026年. */
export const formatPeriod = (period: string): string => {
  if (/^\d{4}-\d{2}$/.test(period)) return formatMonth(period)
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period)
  if (quarter) return forms().quarter(Number(quarter[1]), Number(quarter[2]))
  return /^\d{4}$/.test(period) ? forms().year(Number(period)) : period
}

/** An ISO week named by its dates: 2026-W40 -> 9月28日至10月4日 (never the code). */
export const formatWeek = (weekKey: string): string => {
  const days = daysOfIsoWeek(weekKey)
  return forms().range(dayOf(days[0] ?? ''), dayOf(days[days.length - 1] ?? ''))
}

/** Each distinct comment once, with how many said it, in the order first said (blank ones dropped). */
export const distinctComments = (comments: readonly string[]): string[] => {
  const counts = new Map<string, number>()
  for (const c of comments) {
    const text = c.trim()
    if (text) counts.set(text, (counts.get(text) ?? 0) + 1)
  }
  return [...counts].map(([text, n]) => msg.plain.commentTimes(text, n))
}
