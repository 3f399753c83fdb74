/**
 * wechat-notify: the deployment's own settings read from its environment (the cloud function's,
 * the self-hosted server's): the subscribe-message templates of its mini-program, the build the
 * messages open, and the day the month closes by itself.
 * - MINQING_SUBSCRIBE_TEMPLATES: JSON, per event (taken, escalated, resolved, confirm, visitToSign,
 *   monthClose) a template id, or `{ "templateId": "...", "fields": { "thing1": "matter", ... } }`;
 * - MINQING_SUBSCRIBE_STATE: developer | trial | formal (default formal);
 * - MINQING_AUTO_CLOSE_DAY: 0-28 (0: the month never closes by itself).
 * One rule: a wrong value is named (doctor, start) and the default is kept; it never half-applies.
 */
import { SUBSCRIBE_EVENTS, type SubscribeEvent, type SubscribeTemplate, type SubscribeValue } from '../core/subscribe'
import type { Settings } from '../core/settings'

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
  return { settings: { ...base, subscribe: { miniprogramState, templates }, monthClose: { ...base.monthClose, autoDay } }, problems }
}
