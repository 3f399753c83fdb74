/**
 * Whether a 1135 period is still open for ratings. The month-end close (月底结算) records closed
 * periods; until a period is closed, a rater may change their rating of it.
 * One rule: a period is closed only when the close says so, never by the calendar alone.
 */
import type { Millis, PeriodKey } from './model'
import type { Settings } from './settings'
import { periodOf, previousPeriod } from './time'

/** True when the period appears in the list of closed periods. */
export const isPeriodClosed = (period: PeriodKey, closedPeriods: readonly PeriodKey[]): boolean => closedPeriods.includes(period)

/**
 * The month periods a rater may rate at `now`: this month, and last month until its close (the
 * close happens in the first days of the month, so late raters of last month are not cut off).
 */
export const ratablePeriods = (now: Millis, closedPeriods: readonly PeriodKey[], settings: Pick<Settings, 'utcOffsetMinutes'>): PeriodKey[] => {
  const current = periodOf(now, 'month', settings)
  return [current, previousPeriod(current, settings)].filter((p) => !isPeriodClosed(p, closedPeriods))
}
