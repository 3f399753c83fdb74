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
import { openStore } from '../../../src/server/storage/relational'
import type { Store } from '../../../src/server/storage/port'
import { cloudWechatCodes, type WxCloudOpenapi } from '../../../src/server/wechat/cloud'
import { cloudContentSecurity, type WxCloudSecurity } from '../../../src/server/wechat/content'

// The SDK types DYNAMIC_CURRENT_ENV as a string though it is a symbol at run time.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

/**
 * The database, from the function's environment variables:
 * - MINQING_DATABASE_URL: `mysql://user:password@host:port/database`, e.g. the environment's
 *   CloudBase MySQL at its 内网连接地址 (`mysql://root:<password>@<内网地址>:3306/tcb`; the function
 *   needs the environment's private network (VPC) enabled) or any MySQL 8 protocol server;
 * - otherwise the separate settings CloudBase's cloud-function MySQL guide configures: DB_HOST,
 *   DB_PORT (3306), DB_USER (root), DB_PASSWORD, DB_NAME (tcb).
 * A SQLite path in MINQING_DATABASE_URL is for tests only: an SQLite file in a cloud function is per
 * instance and temporary (and the bundle does not carry the SQLite binding).
 */
export const databaseUrl = (env: NodeJS.ProcessEnv = process.env): string | null => {
  if (env.MINQING_DATABASE_URL) return env.MINQING_DATABASE_URL
  if (!env.DB_HOST) return null
  const part = (value: string | undefined, fallback: string) => encodeURIComponent(value || fallback)
  const password = env.DB_PASSWORD ? `:${encodeURIComponent(env.DB_PASSWORD)}` : ''
  const host = env.DB_HOST.includes(':') ? `[${env.DB_HOST}]` : env.DB_HOST
  return `mysql://${part(env.DB_USER, 'root')}${password}@${host}:${Number(env.DB_PORT) || 3306}/${part(env.DB_NAME, 'tcb')}`
}

/**
 * Connections per function instance: an instance serves one invocation at a time unless the
 * function is set to run several at once, so a small pool is enough and keeps many instances within
 * the database's connection limit.
 */
const POOL_SIZE = 4

let opening: Promise<Store> | null = null
const storeOnce = (url: string): Promise<Store> => {
  if (!opening) {
    opening = openStore({ url, poolSize: POOL_SIZE }).catch((error: unknown) => {
      // Try again on the next call: the database may be starting or the setting being fixed.
      opening = null
      throw error
    })
  }
  return opening
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
const getDeps = async (): Promise<ServerDeps | null> => {
  if (deps) return deps
  const url = databaseUrl()
  if (!url) return null
  const store = await storeOnce(url)
  deps = {
    store,
    settings: DEFAULT_SETTINGS,
    mode: 'cloud',
    clock: Date.now,
    newId,
    sessions: null,
    // The first administrator's one-time set-up code (issue 10 item 4): usable once, then refused.
    setupCode: process.env.MINQING_SETUP_CODE || undefined,
    // Built here, called only when a cadre asks for a sign-off code inside WeChat's runtime.
    wechat: cloudWechatCodes(cloud as unknown as WxCloudOpenapi),
    messenger: wechatMessenger(),
    contentSecurity: cloudContentSecurity(cloud as unknown as WxCloudSecurity),
  }
  return deps
}

interface ApiEvent {
  action?: unknown
  input?: unknown
  requestId?: unknown
}

export const main = async (event: ApiEvent | null | undefined): Promise<ApiResponse<unknown>> => {
  let current: ServerDeps | null
  try {
    current = await getDeps()
  } catch (error) {
    console.error('[minqing] the database cannot be opened:', error instanceof Error ? error.message : error)
    return errorAnswer('SERVER.UNAVAILABLE').body
  }
  if (!current) {
    console.error('[minqing] no database configured: set MINQING_DATABASE_URL to mysql://user:password@host:port/database (or DB_HOST, DB_PORT, DB_USER, DB_PASSWORD, DB_NAME)')
    return errorAnswer('SERVER.UNAVAILABLE').body
  }
  const { OPENID } = cloud.getWXContext()
  const openid = typeof OPENID === 'string' && OPENID !== '' ? OPENID : null
  const request = event && typeof event === 'object' ? { action: event.action, input: event.input, requestId: event.requestId } : null
  const answer = await handle(request, { kind: 'openid', openid }, current)
  return answer.body
}
