/**
 * H5 transport (local demo, same origin as the server): `POST /api/<action>` with the Bearer token.
 * One rule: any HTTP answer whose body is an ApiResponse is returned as is; everything else
 * (offline, timeout, a proxy's HTML page) is a TransportError.
 */
import Taro from '@tarojs/taro'
import type { ApiResponse } from '../contracts'
import { TransportError, type Transport } from './transport-types'
import { H5_SESSION_KEY as TOKEN_KEY } from './session-key'
/** Weak village networks: wait long enough, but not forever. */
const TIMEOUT_MS = 15000

const isApiResponse = (body: unknown): body is ApiResponse<unknown> =>
  !!body && typeof body === 'object' && typeof (body as { ok?: unknown }).ok === 'boolean'

/**
 * The session also as a cookie for /uploads only: an <img> of an attached photo cannot send the
 * Bearer header, and the server serves a file only with a session (same site only).
 */
const FILE_COOKIE = 'mq_session'
const setFileCookie = (token: string | null) => {
  if (typeof document === 'undefined') return
  document.cookie = token
    ? `${FILE_COOKIE}=${encodeURIComponent(token)}; path=/uploads; SameSite=Strict`
    : `${FILE_COOKIE}=; path=/uploads; SameSite=Strict; max-age=0`
}

const session: Transport['session'] = {
  get: () => {
    const token: unknown = Taro.getStorageSync(TOKEN_KEY)
    return typeof token === 'string' && token ? token : null
  },
  set: (token) => {
    Taro.setStorageSync(TOKEN_KEY, token)
    setFileCookie(token)
  },
  clear: () => {
    Taro.removeStorageSync(TOKEN_KEY)
    setFileCookie(null)
  },
}

const transport: Transport = {
  hasDevLogin: true,
  // A session kept from an earlier visit gets its file cookie again.
  init: () => setFileCookie(session.get()),
  session,
  authorized: (run) => {
    const token = session.get()
    return run(token ? { Authorization: `Bearer ${token}` } : {})
  },
  async send({ action, input, requestId }) {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' }
    const token = session.get()
    if (token) headers.Authorization = `Bearer ${token}`
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS)
    try {
      const response = await fetch(`/api/${encodeURIComponent(action)}`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ input, requestId }),
        signal: controller.signal,
      })
      const body: unknown = await response.json().catch(() => null)
      if (!isApiResponse(body)) throw new TransportError(`HTTP ${response.status} without an API answer`)
      return body
    } catch (error) {
      if (error instanceof TransportError) throw error
      throw new TransportError(error instanceof Error ? error.message : String(error))
    } finally {
      clearTimeout(timer)
    }
  },
}

export default transport
