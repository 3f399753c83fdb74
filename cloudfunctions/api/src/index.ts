/**
 * The cloud function `api`: the thin entry of the backend in WeChat's cloud. It reads who is calling
 * from the WeChat runtime (getWXContext().OPENID, never from the event) and hands the event's
 * `{ action, input, requestId }` to the same dispatcher the local server uses.
 * One rule: nothing here but identity, wiring and the answer's shape.
 */
import cloud from 'wx-server-sdk'
import { DEFAULT_SETTINGS } from '../../../src/core/settings'
import type { ApiResponse } from '../../../src/contracts/errors'
import type { ServerDeps, SubscribeMessenger } from '../../../src/server/context'
import { errorAnswer, handle } from '../../../src/server/dispatch'
import { newId } from '../../../src/server/ids'
import { openSqliteStore } from '../../../src/server/storage/sqlite'
import { cloudWechatCodes, type WxCloudOpenapi } from '../../../src/server/wechat/cloud'

// The SDK types DYNAMIC_CURRENT_ENV as a string though it is a symbol at run time.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

/**
 * The store. The WeChat cloud database adapter is a later step; until then the function runs on the
 * embedded SQLite store at MINQING_SQLITE_PATH (tests, small self-hosted installs).
 */
const openStore = () => {
  const file = process.env.MINQING_SQLITE_PATH
  if (!file) return null
  return openSqliteStore(file)
}

/**
 * The WeChat adapter for subscribe messages (订阅消息): sends only when a template is configured
 * (MINQING_SUBSCRIBE_TEMPLATE_ID) and the person is bound; without one, nothing leaves the function.
 */
const wechatMessenger = (): SubscribeMessenger | undefined => {
  const templateId = process.env.MINQING_SUBSCRIBE_TEMPLATE_ID
  if (!templateId) return undefined
  return {
    send: async (m) => {
      if (!m.openid) return
      await cloud.openapi.subscribeMessage.send({
        touser: m.openid,
        templateId,
        page: `pages/ticket/index?id=${m.ticketId}`,
        data: { phrase1: { value: m.words.slice(0, 5) }, thing2: { value: m.words.slice(0, 20) }, time3: { value: new Date(m.at).toISOString().slice(0, 16).replace('T', ' ') } },
      })
    },
  }
}

let deps: ServerDeps | null = null
const getDeps = (): ServerDeps | null => {
  if (deps) return deps
  const store = openStore()
  if (!store) return null
  deps = {
    store,
    settings: DEFAULT_SETTINGS,
    mode: 'cloud',
    clock: Date.now,
    newId,
    sessions: null,
    // Built here, called only when a cadre asks for a sign-off code inside WeChat's runtime.
    wechat: cloudWechatCodes(cloud as unknown as WxCloudOpenapi),
    messenger: wechatMessenger(),
  }
  return deps
}

interface ApiEvent {
  action?: unknown
  input?: unknown
  requestId?: unknown
}

export const main = async (event: ApiEvent | null | undefined): Promise<ApiResponse<unknown>> => {
  const current = getDeps()
  if (!current) {
    console.error('[minqing] no store configured: set MINQING_SQLITE_PATH')
    return errorAnswer('SERVER.UNAVAILABLE').body
  }
  const { OPENID } = cloud.getWXContext()
  const openid = typeof OPENID === 'string' && OPENID !== '' ? OPENID : null
  const request = event && typeof event === 'object' ? { action: event.action, input: event.input, requestId: event.requestId } : null
  const answer = await handle(request, { kind: 'openid', openid }, current)
  return answer.body
}
