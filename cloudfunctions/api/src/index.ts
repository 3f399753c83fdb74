/**
 * The cloud function `api`: the thin entry of the backend in WeChat's cloud. It reads who is calling
 * from the WeChat runtime (getWXContext().OPENID, never from the event) and hands the event's
 * `{ action, input, requestId }` to the same dispatcher the local server uses.
 * One rule: nothing here but identity, wiring and the answer's shape.
 */
import cloud from 'wx-server-sdk'
import { DEFAULT_SETTINGS } from '../../../src/core/settings'
import type { ApiResponse } from '../../../src/contracts/errors'
import type { ServerDeps } from '../../../src/server/context'
import { errorAnswer, handle } from '../../../src/server/dispatch'
import { newId } from '../../../src/server/ids'
import { sweepOverdue } from '../../../src/server/features/tickets/overdue/sweep'
import { openStore } from '../../../src/server/storage/relational'
import { databaseUrl } from '../../../src/server/storage/database-url'
import type { Store } from '../../../src/server/storage/port'
import { cloudWechatCodes, cloudWechatMessages, cloudWechatStorage, type WxCloudOpenapi, type WxCloudStorage } from '../../../src/server/wechat/cloud'
import { localWechatStorage } from '../../../src/server/wechat/local'
import { runAutoClose } from '../../../src/server/features/office/auto-close'
import { settingsFromEnv } from '../../../src/server/settings-env'
import { cloudContentSecurity, localContentSecurity, type WxCloudSecurity } from '../../../src/server/wechat/content'
import { recordMediaCheckAnswer } from '../../../src/server/features/voice/media'

// The SDK types DYNAMIC_CURRENT_ENV as a string though it is a symbol at run time.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

// The database URL from the function's environment (shared with `npm run doctor`).
export { databaseUrl }

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
 * The deployment's settings: subscribe-message templates per event (MINQING_SUBSCRIBE_TEMPLATES),
 * the build they open (MINQING_SUBSCRIBE_STATE), the automatic close's day (MINQING_AUTO_CLOSE_DAY).
 * A wrong value is logged and its default kept.
 */
const deploymentSettings = () => {
  const { settings, problems } = settingsFromEnv(DEFAULT_SETTINGS)
  for (const p of problems) console.error(`[minqing] ${p}`)
  return settings
}

let deps: ServerDeps | null = null
const getDeps = async (): Promise<ServerDeps | null> => {
  if (deps) return deps
  const url = databaseUrl()
  if (!url) return null
  const store = await storeOnce(url)
  deps = {
    store,
    settings: deploymentSettings(),
    mode: 'cloud',
    clock: Date.now,
    newId,
    sessions: null,
    // The first administrator's one-time set-up code (issue 10 item 4): usable once, then refused.
    setupCode: process.env.MINQING_SETUP_CODE || undefined,
    // The Mongolian font the deployment put in cloud storage (DEPLOY.md): the weapp asks for its URL.
    mongolianFontFileId: process.env.MINQING_MONGOLIAN_FONT_FILE_ID || undefined,
    // Built here, called only when a cadre asks for a sign-off code inside WeChat's runtime.
    wechat: cloudWechatCodes(cloud as unknown as WxCloudOpenapi),
    // 订阅消息 through the cloud call (config.json declares subscribeMessage.send); sent only for
    // events whose template is configured, to people with a WeChat binding.
    wechatMessages: cloudWechatMessages(cloud as unknown as WxCloudOpenapi),
    // guard: with MINQING_LOCAL_STORAGE_DIR (tests, the headless runtime) the local stand-in checks
    // content too, so nothing reaches WeChat's SDK outside WeChat's runtime.
    contentSecurity: process.env.MINQING_LOCAL_STORAGE_DIR ? localContentSecurity : cloudContentSecurity(cloud as unknown as WxCloudSecurity),
    // Cloud storage (roster files, exports, temporary URLs of media). MINQING_LOCAL_STORAGE_DIR
    // serves it from a folder instead: tests and the headless runtime, never set in WeChat's cloud.
    storage: process.env.MINQING_LOCAL_STORAGE_DIR
      ? localWechatStorage(process.env.MINQING_LOCAL_STORAGE_DIR)
      : cloudWechatStorage(cloud as unknown as WxCloudStorage),
  }
  return deps
}

interface ApiEvent {
  action?: unknown
  input?: unknown
  requestId?: unknown
  /** 'Timer' when one of the function's timer triggers (config.json) calls it. */
  Type?: unknown
  /** The trigger's name: 'overdue' (提级督办) or 'close' (自动结账). */
  TriggerName?: unknown
  /** guard: a message push (消息推送 to this function): 'event', with Event 'wxa_media_check'. */
  MsgType?: unknown
  Event?: unknown
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
  // A timer trigger (no caller, so no OPENID): the overdue sweep (提级督办) and the automatic month
  // close (自动结账), each by its own trigger (a trigger of another name runs both). A user sending
  // Type 'Timer' has an OPENID and is answered as any request.
  if (event && typeof event === 'object' && event.Type === 'Timer' && !OPENID) {
    const name = event.TriggerName
    const flagged = name === 'close' ? 0 : await sweepOverdue(current)
    const closed = name === 'overdue' ? null : await runAutoClose(current)
    return { ok: true, data: { flagged, ...(closed ? { closed } : {}) } }
  }
  // guard: WeChat's answer to a photo's content check (mediaCheckAsync), pushed to this function.
  // Only a pending check with that trace id takes it; the trace id is known to WeChat and this
  // function alone (never sent to a client), so a client sending such an event changes nothing.
  if (event && typeof event === 'object' && event.MsgType === 'event' && event.Event === 'wxa_media_check') {
    return { ok: true, data: { recorded: await recordMediaCheckAnswer(current, event) } }
  }
  const openid = typeof OPENID === 'string' && OPENID !== '' ? OPENID : null
  const request = event && typeof event === 'object' ? { action: event.action, input: event.input, requestId: event.requestId } : null
  const answer = await handle(request, { kind: 'openid', openid }, current)
  return answer.body
}

/** The storage the function was wired with (tests read the local adapter's recorded calls). */
export const wiredStorage = (): ServerDeps['storage'] => deps?.storage
