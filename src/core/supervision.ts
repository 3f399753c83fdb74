/**
 * 督导 rules: the supervision group makes at least N (default 2) unannounced checks a month.
 * One rule: only a check that was carried out (recorded) in the month counts; a plan does not.
 */
import type { PeriodKey, SupervisionCheck } from './model'
import type { Settings } from './settings'

export interface MonthlyChecks {
  month: PeriodKey
  required: number
  done: number
  planned: number
  met: boolean
}

/** How the month stands against its required unannounced checks (dates `YYYY-MM-DD` in the month). */
export const monthlyCheckStatus = (
  checks: Pick<SupervisionCheck, 'kind' | 'status' | 'date'>[],
  month: PeriodKey,
  settings: Pick<Settings, 'supervision'>,
): MonthlyChecks => {
  const mine = checks.filter((c) => c.kind === 'unannounced' && c.date.slice(0, 7) === month)
  const done = mine.filter((c) => c.status === 'done').length
  const required = settings.supervision.checksPerMonth
  return { month, required, done, planned: mine.length - done, met: done >= required }
}
