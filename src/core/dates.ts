/**
 * Dates a person picks for something still to come (a leave, a planned check): never before today
 * in the township's calendar. One rule: the reason names today's date, so the person knows why.
 */
import type { LocalDate } from './model'
import { fail, ok, type Result } from './result'

/** A date to come is today or later (YYYY-MM-DD compares as text); before today: 'DATE.IN_PAST'. */
export const notInPast = (date: LocalDate, today: LocalDate): Result<LocalDate, 'DATE.IN_PAST'> =>
  date < today ? fail('DATE.IN_PAST', { date, today }) : ok(date)
