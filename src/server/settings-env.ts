/**
 * wechat-notify: the deployment's own settings read from its environment (the cloud function's,
 * the self-hosted server's): the subscribe-message templates of its mini-program, the build the
 * messages open, and the day the month closes by itself.
 * - MINQING_SUBSCRIBE_TEMPLATES: JSON, per event (taken, escalated, resolved, confirm, visitToSign,
 *   monthClose) a template id, or `{ "templateId": "...", "fields": { "thing1": "matter", ... } }`;
 * - MINQING_SUBSCRIBE_STATE: developer | trial | formal (default formal);
 * - MINQING_AUTO_CLOSE_DAY: 0-28 (0: the month never closes by itself);
 * - MINQING_HOLIDAYS: JSON, per year the State Council's notice as dates,
 *   `{ "2027": { "holidays": ["2027-01-01", ...], "workdays": ["2027-02-06", ...] } }`, added to
 *   (or replacing that year of) the calendar the code ships with.
 * One rule: a wrong value is named (doctor, start) and the default is kept; it never half-applies.
 */
import { SUBSCRIBE_EVENTS, type SubscribeEvent, type SubscribeTemplate, type SubscribeValue } from '../core/subscribe'
import type { Settings } from '../core/settings'
import { isLocalDate, isoWeekday } from '../core/time'

const VALUES: readonly SubscribeValue[] = ['matter', 'status', 'time', 'note', 'person']
const STATES = ['developer', 'trial', 'formal'] as const

export const settingsFromEnv = (base: Settings, env: NodeJS.ProcessEnv = process.env): { settings: Settings; problems: string[] } => {
  const problems: string[] = []
  let templates = base.subscribe.templates
  const raw = env.MINQING_SUBSCRIBE_TEMPLATES?.trim()
  if (raw) {
    try {
      const parsed = JSON.parse(raw) as unknown
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object')
      const next = { ...templates }
      for (const [event, value] of Object.entries(parsed as Record<string, unknown>)) {
        if (!(SUBSCRIBE_EVENTS as readonly string[]).includes(event)) throw new Error(`unknown event ${event}`)
        const current = next[event as SubscribeEvent]
        if (typeof value === 'string') next[event as SubscribeEvent] = { ...current, templateId: value }
        else if (value && typeof value === 'object' && typeof (value as SubscribeTemplate).templateId === 'string') {
          const fields = (value as SubscribeTemplate).fields ?? current.fields
          if (Object.values(fields).some((f) => !VALUES.includes(f))) throw new Error(`${event}: a field shows none of ${VALUES.join(', ')}`)
          next[event as SubscribeEvent] = { templateId: (value as SubscribeTemplate).templateId, fields }
        } else throw new Error(`${event}: neither a template id nor { templateId, fields }`)
      }
      templates = next
    } catch (error) {
      problems.push(`MINQING_SUBSCRIBE_TEMPLATES: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  let miniprogramState = base.subscribe.miniprogramState
  const state = env.MINQING_SUBSCRIBE_STATE?.trim()
  if (state) {
    if ((STATES as readonly string[]).includes(state)) miniprogramState = state as (typeof STATES)[number]
    else problems.push(`MINQING_SUBSCRIBE_STATE: not one of ${STATES.join(', ')}`)
  }
  let autoDay = base.monthClose.autoDay
  const day = env.MINQING_AUTO_CLOSE_DAY?.trim()
  if (day) {
    const n = Number(day)
    if (Number.isInteger(n) && n >= 0 && n <= 28) autoDay = n
    else problems.push('MINQING_AUTO_CLOSE_DAY: a day of the month from 1 to 28, or 0 for never')
  }
  let calendar = base.calendar
  const holidays = env.MINQING_HOLIDAYS?.trim()
  if (holidays) {
    try {
      calendar = { years: { ...base.calendar.years, ...parseHolidayYears(holidays) } }
    } catch (error) {
      problems.push(`MINQING_HOLIDAYS: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  return { settings: { ...base, subscribe: { miniprogramState, templates }, monthClose: { ...base.monthClose, autoDay }, calendar }, problems }
}

/**
 * Years of the holiday calendar from JSON: each date a real `YYYY-MM-DD` of its year, listed once;
 * a make-up working day (调休上班) falls on a Saturday or Sunday and is never also a holiday.
 */
const parseHolidayYears = (raw: string): Settings['calendar']['years'] => {
  const parsed = JSON.parse(raw) as unknown
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object of years')
  const years: Settings['calendar']['years'] = {}
  for (const [year, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (!/^20\d\d$/.test(year)) throw new Error(`${year}: not a year`)
    const { holidays, workdays } = (value ?? {}) as { holidays?: unknown; workdays?: unknown }
    const dates = (list: unknown, name: string): string[] => {
      if (!Array.isArray(list)) throw new Error(`${year}: ${name} is not a list of dates`)
      for (const d of list) if (typeof d !== 'string' || !isLocalDate(d) || !d.startsWith(`${year}-`)) throw new Error(`${year}: ${name}: ${String(d)} is not a date of ${year}`)
      if (new Set(list).size !== list.length) throw new Error(`${year}: ${name} lists a date twice`)
      return list as string[]
    }
    const h = dates(holidays, 'holidays')
    const w = dates(workdays, 'workdays')
    const both = w.find((d) => h.includes(d))
    if (both) throw new Error(`${year}: ${both} is both a holiday and a working day`)
    const weekday = w.find((d) => isoWeekday(d) <= 5)
    if (weekday) throw new Error(`${year}: workdays: ${weekday} is a Monday-Friday (a make-up working day is a Saturday or Sunday)`)
    years[year] = { holidays: h, workdays: w }
  }
  return years
}
