/**
 * Sends WeChat subscribe messages (订阅消息) through the WeChat port: the event's template from
 * settings.subscribe, its fields filled by core/subscribe (times in Beijing time), to each person's
 * bound openid. Called after the write has committed.
 * One rule: a send that fails is logged and changes nothing; it never undoes or fails the write.
 */
import { subscribeData, type SubscribeEvent, type SubscribeValue } from '../../core/subscribe'
import type { ServerDeps } from '../context'

export interface SubscribeNews {
  personId: string
  openid: string | null
  event: SubscribeEvent
  /** The page the card opens, with its query, without a leading slash. */
  page: string
  values: Omit<Record<SubscribeValue, string>, 'time'>
  at: number
}

/** Sends what it can; answers how many messages WeChat accepted. Never rejects. */
export const sendSubscribeNews = async (deps: ServerDeps, news: readonly SubscribeNews[]): Promise<number> => {
  const port = deps.wechatMessages
  if (!port) return 0
  let sent = 0
  for (const n of news) {
    const template = deps.settings.subscribe.templates[n.event]
    if (!template?.templateId || !n.openid) continue
    try {
      await port.sendSubscribe({
        touser: n.openid,
        templateId: template.templateId,
        page: n.page,
        data: subscribeData(template, n.values, n.at, deps.settings),
        miniprogramState: deps.settings.subscribe.miniprogramState,
        lang: 'zh_CN',
      })
      sent++
    } catch (error) {
      // Most often 43101 (the person did not subscribe, or used up their one message): logged only.
      console.warn(`[minqing] subscribe message ${n.event} to ${n.personId} not sent:`, error instanceof Error ? error.message : error)
    }
  }
  return sent
}

/** The openids of people (their first binding each), by the bindings' personId index. */
export const openidsOf = async (deps: Pick<ServerDeps, 'store'>, personIds: readonly string[]): Promise<Map<string, string>> => {
  if (personIds.length === 0) return new Map()
  const bindings = await deps.store.find('bindings', { personId: [...personIds] })
  const out = new Map<string, string>()
  // A web account (`web:<id>`, H5) has no WeChat to receive a message.
  for (const b of bindings) if (b.openid && !b.openid.startsWith('web:') && !out.has(b.personId)) out.set(b.personId, b.openid)
  return out
}
