/**
 * The cadre's planned visits as his screens show them (visitplan, issue 12 item 9): which of his
 * households he has promised to visit this week and later, and what is wrong with a picked day.
 * The rule itself (today or later, within the horizon) is the core's `checkPlanDate`.
 */
import { checkPlanDate, VISIT_PLAN_HORIZON_DAYS } from '../../core/visit-plans'
import { addDays, isoWeekday } from '../../core/time'
import type { HouseholdRow } from '../../contracts'
import { msg } from '../../i18n'

export type PlannedRow = HouseholdRow & { plannedVisit: string }

/** The last day of today's week (Sunday, ISO). */
export const endOfWeek = (today: string): string => addDays(today, 7 - isoWeekday(today))

/** The last day a visit may be planned for. */
export const lastPlanDay = (today: string): string => addDays(today, VISIT_PLAN_HORIZON_DAYS)

const byDay = (a: PlannedRow, b: PlannedRow) => (a.plannedVisit < b.plannedVisit ? -1 : a.plannedVisit > b.plannedVisit ? 1 : a.number.localeCompare(b.number, 'zh'))

/** Planned households from today on: this week's (today to Sunday) and later ones, each by day. */
export const plannedVisits = (rows: readonly HouseholdRow[], today: string): { week: PlannedRow[]; later: PlannedRow[] } => {
  const planned = rows.filter((r): r is PlannedRow => r.plannedVisit !== null && r.plannedVisit >= today).sort(byDay)
  const sunday = endOfWeek(today)
  return { week: planned.filter((r) => r.plannedVisit <= sunday), later: planned.filter((r) => r.plannedVisit > sunday) }
}

/** The message under the date field, or null when the day may be planned. */
export const planDateIssue = (date: string, today: string): string | null => {
  if (!date) return msg.visitPlan.pickDate
  const checked = checkPlanDate(date, today)
  if (checked.ok) return null
  return checked.code === 'DATE.IN_PAST' ? msg.field.dates.inPast(today) : msg.visitPlan.tooFar(lastPlanDay(today))
}
