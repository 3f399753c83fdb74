/**
 * WeChat subscribe messages (订阅消息, issue 11 item 3) and the automatic month close (item 7):
 * which event a person hears of, the template's fields filled within WeChat's limits, times in the
 * township's wall clock (Beijing time), and the day the previous month closes by itself.
 * One rule: pure; the server sends what these functions build and never restates them.
 */
import type { LocalDate, Millis, PeriodKey, TicketAction } from './model'
import type { Settings } from './settings'
import { localDate, MINUTE_MS, monthKey, previousPeriod } from './time'

/** The events a person may subscribe to (one template each, configured in settings.subscribe). */
export const SUBSCRIBE_EVENTS = ['taken', 'escalated', 'resolved', 'confirm', 'visitToSign', 'monthClose', 'unbound'] as const
export type SubscribeEvent = (typeof SUBSCRIBE_EVENTS)[number]

/** What a template field shows; the settings map each template key (thing1, time2, ...) to one. */
export type SubscribeValue = 'matter' | 'status' | 'time' | 'note' | 'person'

export interface SubscribeTemplate {
  /** The template id from the WeChat admin console (订阅消息); '' = not configured, nothing is sent. */
  templateId: string
  /** Template key (e.g. `thing1`, `phrase2`, `time3`) -> what it shows. */
  fields: Record<string, SubscribeValue>
}

/**
 * The subscribe event a ticket step means for one person concerned, or null (in-app only):
 * taken (受理/交办), escalated (提级), for those who close the loop a resolution is "waiting for
 * your confirmation", for everyone else concerned it is "resolved"; the villager's verdict
 * (confirm or reopen) is the handling's outcome ("resolved") for the handling chain.
 */
export const subscribeEventOf = (action: TicketAction | 'create' | 'overdue', closesLoop: boolean): SubscribeEvent | null => {
  switch (action) {
    case 'accept':
    case 'decide':
      return 'taken'
    case 'escalate_secretary':
    case 'escalate_joint_meeting':
    case 'escalate_township':
      return 'escalated'
    case 'resolve':
      return closesLoop ? 'confirm' : 'resolved'
    case 'confirm':
    case 'reopen':
      return closesLoop ? null : 'resolved'
    default:
      return null
  }
}

const pad = (n: number): string => String(n).padStart(2, '0')

/**
 * An instant as WeChat's `time` field writes it (`2026年11月3日 09:05`), in the township's wall
 * clock (settings.utcOffsetMinutes: Beijing time for China), never in UTC.
 */
export const subscribeTime = (at: Millis, settings: Pick<Settings, 'utcOffsetMinutes'>): string => {
  const d = new Date(at + settings.utcOffsetMinutes * MINUTE_MS)
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** WeChat's limits per field type (subscribeMessage.send: thing 20 characters, phrase 5 Chinese characters, ...). */
const LIMITS: Record<string, number> = { thing: 20, phrase: 5, name: 10, character_string: 32, letter: 32, number: 32 }

/** Clips a value to its field type's limit (by characters, not UTF-16 units); empty values become '-'. */
export const clipForField = (key: string, value: string): string => {
  const type = key.replace(/\d+$/, '')
  const text = type === 'phrase' ? value.replace(/[^\u4e00-\u9fff]/g, '') : value.trim()
  const limit = LIMITS[type]
  const chars = [...text]
  const clipped = limit !== undefined && chars.length > limit ? chars.slice(0, limit).join('') : text
  return clipped === '' ? '-' : clipped
}

/** The `data` of subscribeMessage.send: every mapped field filled and clipped; time fields in Beijing time. */
export const subscribeData = (
  template: SubscribeTemplate,
  values: Omit<Record<SubscribeValue, string>, 'time'>,
  at: Millis,
  settings: Pick<Settings, 'utcOffsetMinutes'>,
): Record<string, { value: string }> => {
  const data: Record<string, { value: string }> = {}
  for (const [key, what] of Object.entries(template.fields)) {
    data[key] = { value: what === 'time' ? subscribeTime(at, settings) : clipForField(key, values[what]) }
  }
  return data
}

/**
 * The month the automatic close (自动结账) closes at `now`: the previous month, from day
 * `settings.monthClose.autoDay` of this month on (township wall clock), or null (before that day,
 * or when autoDay is 0: switched off). Whether it is still open is the caller's to check.
 */
export const autoCloseDue = (now: Millis, settings: Pick<Settings, 'utcOffsetMinutes' | 'monthClose'>): PeriodKey | null => {
  const day = settings.monthClose.autoDay
  if (!(day >= 1)) return null
  if (Number(localDate(now, settings).slice(8, 10)) < day) return null
  return previousPeriod(monthKey(now, settings), settings)
}

/**
 * selfhost (issue 11 item 7): the day from which the automatic close will close `period` by itself
 * (day `autoDay` of the month after it, township wall clock; `due` once that day has come), as long as nothing decided on it
 * first: null when the office closed it (or closed and reopened it), when the automatic close
 * already made its attempt, when autoDay is 0, and when that month is over at `now` (autoCloseDue
 * only ever takes the previous month, so a month left open longer never closes by itself).
 */
export const autoCloseDate = (
  period: PeriodKey,
  state: { decidedByOffice: boolean; attempted: boolean },
  now: Millis,
  settings: Pick<Settings, 'utcOffsetMinutes' | 'monthClose'>,
): { date: LocalDate; due: boolean } | null => {
  const day = settings.monthClose.autoDay
  if (!(day >= 1) || state.decidedByOffice || state.attempted || !/^\d{4}-\d{2}$/.test(period)) return null
  const [year, month] = period.split('-').map(Number) as [number, number]
  const next = new Date(Date.UTC(year, month, 1))
  const nextMonth = `${next.getUTCFullYear()}-${String(next.getUTCMonth() + 1).padStart(2, '0')}`
  // The month after `period` is over: the job no longer takes `period`.
  if (monthKey(now, settings) > nextMonth) return null
  const date = `${nextMonth}-${String(day).padStart(2, '0')}`
  // Due: the day has come and the next run of the job (hourly) will close it.
  return { date, due: date <= localDate(now, settings) }
}

/** One automatic close attempt of a township month (id = `${townshipId}:${period}`): made once. */
export interface AutoCloseRecord {
  id: string
  townshipId: string
  period: PeriodKey
  at: Millis
  outcome: 'closed' | 'refused'
  /** Why it was refused (the chain check's finding), in words for the office. */
  problem: string | null
}
