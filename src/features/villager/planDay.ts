/** A planned day (YYYY-MM-DD) in plain words: 12月3日（周四）. */
import { isoWeekday } from '../../core/time'
import { zhCN } from '../../i18n/zh-CN'

export const planDay = (date: string): string => {
  const [, month, day] = date.split('-').map(Number)
  return zhCN.firstScreen.day(month ?? 0, day ?? 0, zhCN.firstScreen.weekdays[isoWeekday(date) - 1] ?? '')
}
