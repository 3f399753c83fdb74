/**
 * Dates as people in the township say them (dayjs, zh-cn): 11月3日 星期二, 2026年11月3日.
 * One rule: screens format times only through here, so elder mode / Mongolian can change it once.
 */
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import { daysOfIsoWeek } from '../core/time'
import { msg } from '../i18n'

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

/** 2026-11-03 -> 11月3日 (a township date as people say it; no year, the posting names its month). */
const monthDay = (date: string): string => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`

/** An ISO week named by its dates: 2026-W40 -> 9月28日至10月4日 (never the code). */
export const formatWeek = (weekKey: string): string => {
  const days = daysOfIsoWeek(weekKey)
  return msg.plain.week(monthDay(days[0] ?? ''), monthDay(days[days.length - 1] ?? ''))
}

/** Each distinct comment once, with how many said it, in the order first said (blank ones dropped). */
export const distinctComments = (comments: readonly string[]): string[] => {
  const counts = new Map<string, number>()
  for (const c of comments) {
    const text = c.trim()
    if (text) counts.set(text, (counts.get(text) ?? 0) + 1)
  }
  return [...counts].map(([text, n]) => msg.plain.commentTimes(text, n))
}
