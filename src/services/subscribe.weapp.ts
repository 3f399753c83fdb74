/**
 * WeChat subscribe messages (订阅消息): each message needs the person's consent first, given in
 * WeChat's own dialog (wx.requestSubscribeMessage, at most 3 templates at once, only from a tap).
 * The template ids come from the server (notification.subscribeTemplates), loaded once when a
 * screen that asks is shown, so the tap itself asks without waiting. One rule: asking never blocks
 * or fails the action the person tapped for; a refusal only means no message.
 */
import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { call } from './api'
import type { SubscribeEvent } from './subscribe-types'

let templates: Partial<Record<SubscribeEvent, string>> | null = null
let loading: Promise<void> | null = null

const load = (): void => {
  if (templates || loading) return
  loading = call('notification.subscribeTemplates', {}).then(
    (out) => {
      templates = out.templates
    },
    () => {
      loading = null // asked again on the next screen
    },
  )
}

export const useSubscribeAsk = (events: readonly SubscribeEvent[]): (() => void) => {
  useEffect(load, [])
  return () => {
    const ids = events.flatMap((e) => (templates?.[e] ? [templates[e]] : [])).slice(0, 3)
    if (ids.length === 0 || typeof Taro.requestSubscribeMessage !== 'function') return
    // Called synchronously inside the tap; the answer (accept/reject per id) needs no handling.
    void Taro.requestSubscribeMessage({ tmplIds: ids } as Parameters<typeof Taro.requestSubscribeMessage>[0]).catch(() => undefined)
  }
}
