/**
 * The working calendar (DOMAIN 3.5): statutory holidays and the make-up working days (调休) by year,
 * as settings data (the State Council's yearly notice; the defaults hold 2025 and 2026, checked
 * against the chinese-days package's data). One rule: a working day is a make-up working day, or a
 * Monday-Friday that is not a statutory holiday; a week belongs to the month holding its Thursday.
 */
import type { LocalDate, PeriodKey } from './model'
import type { Settings } from './settings'
import { addDays, daysOfIsoWeek, isoWeekKey, isoWeekday, type WeekKey } from './time'

/** One year's calendar: the statutory holidays and the make-up working days, as `YYYY-MM-DD`. */
export interface YearCalendar {
  holidays: LocalDate[]
  workdays: LocalDate[]
}

type CalendarSettings = Pick<Settings, 'calendar'>

const yearOf = (date: LocalDate, settings: CalendarSettings): YearCalendar | undefined => settings.calendar.years[date.slice(0, 4)]

/** A statutory holiday (法定节假日) of the year's calendar. */
export const isStatutoryHoliday = (date: LocalDate, settings: CalendarSettings): boolean => yearOf(date, settings)?.holidays.includes(date) ?? false

/** A weekend day worked in exchange for a holiday (调休上班). */
export const isMakeUpWorkday = (date: LocalDate, settings: CalendarSettings): boolean => yearOf(date, settings)?.workdays.includes(date) ?? false

/** A working day: a make-up working day, or Monday-Friday and not a statutory holiday. */
export const isWorkingDay = (date: LocalDate, settings: CalendarSettings): boolean =>
  isMakeUpWorkday(date, settings) || (isoWeekday(date) <= 5 && !isStatutoryHoliday(date, settings))

/** True when the calendar has the year (a year missing is treated as weekends only). */
export const calendarKnowsYear = (year: number, settings: CalendarSettings): boolean => String(year) in settings.calendar.years

/**
 * The years between `from` and `to` (inclusive, `YYYY-MM-DD`) that the calendar does not hold. A
 * month is closed only when none is missing: a year without its notice would count its statutory
 * holidays as working days, and cadres as absent on them (the December close reads into January).
 */
export const calendarYearsMissing = (from: LocalDate, to: LocalDate, settings: CalendarSettings): number[] => {
  const missing: number[] = []
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) if (!calendarKnowsYear(year, settings)) missing.push(year)
  return missing
}

/**
 * How many days a week's 543 requirement is lowered by the calendar: the statutory holidays that
 * fall on Monday-Friday, less the make-up working days of the week (never below 0).
 */
export const holidayReduction = (weekKey: WeekKey, settings: CalendarSettings): LocalDate[] => {
  const days = daysOfIsoWeek(weekKey)
  const off = days.filter((d) => isoWeekday(d) <= 5 && isStatutoryHoliday(d, settings))
  const makeUp = days.filter((d) => isMakeUpWorkday(d, settings)).length
  return off.slice(0, Math.max(0, off.length - makeUp))
}

/** The month (`2026-10`) a week belongs to: the month holding its Thursday (the ISO rule). */
export const monthOfWeek = (weekKey: WeekKey): PeriodKey => (daysOfIsoWeek(weekKey)[3] as LocalDate).slice(0, 7)

/** The weeks of a month: those whose Thursday lies in it, in order (each week is in exactly one month). */
export const weeksOfMonth = (month: PeriodKey): WeekKey[] => {
  const weeks: WeekKey[] = []
  for (let d = `${month}-01`; d.slice(0, 7) === month; d = addDays(d, 1)) if (isoWeekday(d) === 4) weeks.push(isoWeekKey(d))
  return weeks
}
