/**
 * Dates as people in the township say them (dayjs, zh-cn): 11月3日 星期二, 2026年11月3日.
 * One rule: screens format times only through here, so elder mode / Mongolian can change it once.
 */
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'

dayjs.locale('zh-cn')

/** 2026年11月3日 (the year only when it is not this year). */
export const formatDate = (at: number): string => {
  const d = dayjs(at)
  return d.year() === dayjs().year() ? d.format('M月D日') : d.format('YYYY年M月D日')
}

/** 11月3日 星期二 */
export const formatToday = (at: number = Date.now()): string => dayjs(at).format('M月D日 dddd')

/** 2026年11月3日 星期二 */
export const formatDay = (at: number): string => dayjs(at).format('YYYY年M月D日 dddd')

/** 11月24日 10:05 (the year only when it is not this year): deadlines and visit times. */
export const formatDayTime = (at: number): string => {
  const d = dayjs(at)
  return d.year() === dayjs().year() ? d.format('M月D日 HH:mm') : d.format('YYYY年M月D日 HH:mm')
}
