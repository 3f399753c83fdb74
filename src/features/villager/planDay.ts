/** A planned day (YYYY-MM-DD) in plain words: 12月3日（周四）. */
import { isoWeekday } from '../../core/time'
import { msg } from '../../i18n'

export const planDay = (date: string): string => {
  const [, month, day] = date.split('-').map(Number)
  return msg.firstScreen.day(month ?? 0, day ?? 0, msg.firstScreen.weekdays[isoWeekday(date) - 1] ?? '')
}
