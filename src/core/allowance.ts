/**
 * 生活保障 allowance: a fixed sum per cadre per day spent in the village (35 yuan by default),
 * ledgered monthly. One rule: a village day is a day with a villager-signed visit, nothing else.
 */
import type { LocalDate, Visit } from './model'
import type { Settings } from './settings'
import { villageDaysInRange, villageDaysOf, type DayCounts } from './attendance'
import { localDate, periodRange, type MonthKey } from './time'

/** Yuan due for a number of village days. */
export const allowanceFor = (villageDays: number, settings: Pick<Settings, 'allowance'>): number =>
  Math.max(0, villageDays) * settings.allowance.yuanPerVillageDay

export interface MonthlyLedger {
  cadreId: string
  month: MonthKey
  villageDays: LocalDate[]
  yuan: number
}

/** One cadre's month from the cadre's day facts: the village days and the yuan they earn. */
export const ledgerOfDays = (
  cadreId: string,
  month: MonthKey,
  days: readonly DayCounts[],
  settings: Pick<Settings, 'allowance' | 'utcOffsetMinutes'>,
): MonthlyLedger => {
  const { start, end } = periodRange(month, settings)
  const villageDays = villageDaysOf(days, localDate(start, settings), localDate(end - 1, settings))
  return { cadreId, month, villageDays, yuan: allowanceFor(villageDays.length, settings) }
}

/** One cadre's month: the signed village days (township time) and the yuan they earn. */
export const monthlyLedger = (
  cadreId: string,
  month: MonthKey,
  visits: Pick<Visit, 'at' | 'status' | 'cadreId'>[],
  settings: Pick<Settings, 'allowance' | 'utcOffsetMinutes'>,
): MonthlyLedger => {
  const { start, end } = periodRange(month, settings)
  const days = villageDaysInRange(
    visits.filter((v) => v.cadreId === cadreId),
    start,
    end,
    settings,
  )
  return { cadreId, month, villageDays: days, yuan: allowanceFor(days.length, settings) }
}
