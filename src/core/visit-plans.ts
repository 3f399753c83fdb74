/**
 * Planned visits (issue 12 item 9): a resident cadre says when he will next come to a household, and
 * the villager's card shows it in plain words. A plan is a promise, not a visit: it never counts for
 * 543, the allowance or the score (only a villager-signed visit does).
 * Rules: a plan is made only by the household's own cadre (policies 'visit:plan', core roles); its date is today or later and at most
 * VISIT_PLAN_HORIZON_DAYS ahead; the card shows the earliest plan from today on.
 */
import { notInPast } from './dates'
import type { LocalDate } from './model'
import { fail, ok, type Result } from './result'
import { addDays } from './time'

/** How far ahead a visit may be planned: a promise months away tells the villager nothing. */
export const VISIT_PLAN_HORIZON_DAYS = 60

export interface VisitPlan {
  /** `${householdId}:${cadreId}`: one plan per household and cadre, replaced when re-planned. */
  id: string
  townshipId: string
  cadreId: string
  householdId: string
  /** The planned day in the township's calendar (YYYY-MM-DD). */
  date: LocalDate
  /** When the plan was made or last changed. */
  at: number
  /** What the cadre means to do or bring (visitplan, issue 12 item 9); absent on older plans. */
  note?: string
}

/** The longest note a plan keeps: one line on the cadre's list. */
export const VISIT_PLAN_NOTE_MAX = 100

export const visitPlanId = (householdId: string, cadreId: string): string => `${householdId}:${cadreId}`

/** A planned date: not before today, not beyond the horizon. */
export const checkPlanDate = (date: LocalDate, today: LocalDate): Result<LocalDate, 'DATE.IN_PAST' | 'VISIT.PLAN_TOO_FAR'> => {
  const notPast = notInPast(date, today)
  if (!notPast.ok) return notPast
  const last = addDays(today, VISIT_PLAN_HORIZON_DAYS)
  return date > last ? fail('VISIT.PLAN_TOO_FAR', { date, last }) : ok(date)
}

/** The next planned visit: the earliest planned date from today on, or null. */
export const nextPlannedDate = (dates: readonly LocalDate[], today: LocalDate): LocalDate | null =>
  dates.filter((d) => d >= today).reduce<LocalDate | null>((best, d) => (best === null || d < best ? d : best), null)
