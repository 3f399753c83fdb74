/**
 * The weapp's two transports, chosen at build time (MINQING_WEAPP_BACKEND, see config/index.ts):
 * - `cloud`: one cloud function `api` receives `{ action, input, requestId }`; WeChat's runtime
 *   says who calls (openid), so there is no token.
 * - `https`: `POST <base>/api/<action>` to the self-hosted server with a Bearer token that the
 *   server issued for this WeChat user after exchanging a `wx.login` code (code2Session happens on
 *   the server, which holds the AppID secret). An expired token is renewed once, transparently.
 * Pure: the platform (Taro's cloud, request, login, storage) is handed in, so a unit test can drive
 * both choices. One rule: a failed call (no network, function missing, a proxy's page) is a
 * TransportError; an ApiResponse with ok:false is an answer and is returned as is.
 */
import type { ApiResponse } from '../contracts'
import { TransportError, type Transport } from './transport-types'

export type Backend = { kind: 'cloud' } | { kind: 'https'; base: string }

/** The slice of the mini-program platform the transports use (Taro's API in the app). */
export interface WeappPlatform {
  initCloud(): void
  callFunction(options: { name: string; data: Record<string, unknown> }): Promise<{ result?: unknown }>
  request(options: { url: string; method: 'POST'; data: unknown; header: Record<string, string>; timeout: number }): Promise<{ statusCode: number; data: unknown }>
  login(): Promise<{ code: string }>
  storage: { get(key: string): unknown; set(key: string, value: string): void; remove(key: string): void }
}

/** The build's choice, checked: an https backend needs an https:// base (WeChat allows no other). */
export const backendOf = (kind: string, base: string): Backend => {
  if (kind === '' || kind === 'cloud') return { kind: 'cloud' }
  if (kind !== 'https') throw new Error(`MINQING_WEAPP_BACKEND must be cloud or https, not ${kind}`)
  if (!/^https:\/\/[^/\s]+(\/[^\s]*)?$/.test(base)) throw new Error(`MINQING_API_BASE must be https://host[/path] for the https backend, not "${base}"`)
  return { kind: 'https', base: base.replace(/\/+$/, '') }
}

const isApiResponse = (body: unknown): body is ApiResponse<unknown> =>
  !!body && typeof body === 'object' && typeof (body as { ok?: unknown }).ok === 'boolean'

const message = (error: unknown) => (error instanceof Error ? error.message : typeof error === 'object' && error && 'errMsg' in error ? String((error as { errMsg: unknown }).errMsg) : String(error))

/** Weak village networks: wait long enough, but not forever. */
export const TIMEOUT_MS = 15000
export const TOKEN_KEY = 'minqing.wechat-session'

const noSession: Transport['session'] = { get: () => null, set: () => undefined, clear: () => undefined }

const cloudTransport = (platform: WeappPlatform): Transport => ({
  hasDevLogin: false,
  // The environment bound to the mini-program in the WeChat console (DYNAMIC_CURRENT_ENV).
  init: () => platform.initCloud(),
  session: noSession,
  authorized: (run) => run({}),
  async send({ action, input, requestId }) {
    let result: unknown
    try {
      result = (await platform.callFunction({ name: 'api', data: { action, input, requestId } })).result
    } catch (error) {
      throw new TransportError(message(error))
    }
    if (!isApiResponse(result)) throw new TransportError('cloud function answered without an API response')
    return result
  },
})

const httpsTransport = (platform: WeappPlatform, base: string): Transport => {
  const post = async (path: string, data: unknown, token: string | null): Promise<ApiResponse<unknown>> => {
    const header: Record<string, string> = { 'Content-Type': 'application/json' }
    if (token) header.Authorization = `Bearer ${token}`
    let answer: { statusCode: number; data: unknown }
    try {
      answer = await platform.request({ url: `${base}${path}`, method: 'POST', data, header, timeout: TIMEOUT_MS })
    } catch (error) {
      throw new TransportError(message(error))
    }
    if (!isApiResponse(answer.data)) throw new TransportError(`HTTP ${answer.statusCode} without an API answer`)
    return answer.data
  }

  let loggingIn: Promise<string | ApiResponse<unknown>> | null = null
  /** A token for this WeChat user (one login at a time), or the server's refusal as an answer. */
  const login = (): Promise<string | ApiResponse<unknown>> => {
    loggingIn ??= (async () => {
      let code: string
      try {
        code = (await platform.login()).code
      } catch (error) {
        throw new TransportError(`wx.login: ${message(error)}`)
      }
      const answer = await post('/auth/wechat-login', { code }, null)
      if (!answer.ok) return answer
      const token = (answer.data as { token?: unknown } | null)?.token
      if (typeof token !== 'string' || token === '') throw new TransportError('login answered without a token')
      platform.storage.set(TOKEN_KEY, token)
      return token
    })().finally(() => {
      loggingIn = null
    })
    return loggingIn
  }
  const stored = (): string | null => {
    const token = platform.storage.get(TOKEN_KEY)
    return typeof token === 'string' && token ? token : null
  }

  /** Runs a request with this WeChat user's token; an expired one is renewed once and the request run again. */
  const authorized = async <T,>(run: (header: Record<string, string>) => Promise<ApiResponse<T>>): Promise<ApiResponse<T>> => {
    const first = stored() ?? (await login())
    if (typeof first !== 'string') return first as ApiResponse<T>
    const answer = await run({ Authorization: `Bearer ${first}` })
    if (answer.ok || (answer.error.code !== 'AUTH.INVALID_TOKEN' && answer.error.code !== 'AUTH.REQUIRED')) return answer
    // The token expired (or the server's key changed): log in again once and resend the same request.
    platform.storage.remove(TOKEN_KEY)
    const renewed = await login()
    if (typeof renewed !== 'string') return renewed as ApiResponse<T>
    return run({ Authorization: `Bearer ${renewed}` })
  }

  return {
    hasDevLogin: false,
    init: () => undefined,
    // Only WeChat's login makes a token here; a development token is never taken.
    session: { get: () => null, set: () => undefined, clear: () => platform.storage.remove(TOKEN_KEY) },
    authorized,
    send({ action, input, requestId }) {
      const path = `/api/${encodeURIComponent(action)}`
      const body = { input, requestId }
      return authorized((header) => post(path, body, header.Authorization?.slice('Bearer '.length) ?? null))
    },
  }
}

export const makeWeappTransport = (backend: Backend, platform: WeappPlatform): Transport =>
  backend.kind === 'cloud' ? cloudTransport(platform) : httpsTransport(platform, backend.base)
