/**
 * The client's one door to the backend: `call(action, input)` typed by the contract, answering the
 * action's output or throwing ApiCallError (a stable code and a Chinese sentence for people).
 * One rule: screens and feature hooks reach the server only through here, never through
 * Taro.request or wx.cloud directly.
 */
import Taro from '@tarojs/taro'
import type { ActionName, FieldIssue, InputOf, OutputOf } from '../contracts'
import { errorMessage, errorMessageOr, issueMessage } from '../i18n'
import transport from './transport'
import { TransportError } from './transport-types'

export class ApiCallError extends Error {
  constructor(
    /** An ErrorCode from the contract (kept as string: an older client may meet a newer code). */
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message)
    this.name = 'ApiCallError'
  }
}

export interface CallOptions {
  /** Give the same id when the person retries the same submit (e.g. pressing 提交 again). */
  requestId?: string
}

/** Waits before each automatic retry after the network failed (weak networks drop the first try). */
const RETRY_DELAYS_MS = [600, 1800]

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** 8-64 chars of [A-Za-z0-9_-], unique enough per person: time plus randomness. */
export const newRequestId = (): string =>
  `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}${Math.random().toString(36).slice(2, 6)}`

/**
 * Calls one action. Every call carries a request id (the server requires it on writes and ignores
 * it on reads), made here unless given, and reused across this call's own retries, so a write that
 * reached the server before the network dropped happens once.
 */
export const call = async <N extends ActionName>(action: N, input: InputOf<N>, options: CallOptions = {}): Promise<OutputOf<N>> => {
  const requestId = options.requestId ?? newRequestId()
  for (let attempt = 0; ; attempt += 1) {
    try {
      const response = await transport.send({ action, input, requestId })
      if (response.ok) return response.data as OutputOf<N>
      const { code, message, issues } = response.error
      // mongolian (issue 13 item 5): worded in the villager's language from the codes, not the server's Chinese.
      throw new ApiCallError(
        code,
        errorMessageOr(code, message),
        (issues ?? []).map((i) => ({ ...i, message: issueMessage(i) })),
      )
    } catch (error) {
      if (error instanceof TransportError && attempt < RETRY_DELAYS_MS.length) {
        await sleep(RETRY_DELAYS_MS[attempt] ?? 0)
        continue
      }
      if (error instanceof ApiCallError) throw error
      if (error instanceof TransportError) throw new ApiCallError('SERVER.UNAVAILABLE', errorMessage('SERVER.UNAVAILABLE'))
      throw error
    }
  }
}

/** Answers kept for offline use (useCall's `keep`) belong to the person signed in before. */
const forgetKept = (): void => {
  for (const key of Taro.getStorageInfoSync().keys) if (key.startsWith('minqing.keep.')) Taro.removeStorageSync(key)
}

/** The session as the platform keeps it (H5 local mode); in WeChat, always signed in by openid. */
export const session = {
  hasDevLogin: transport.hasDevLogin,
  isSignedIn: (): boolean => !transport.hasDevLogin || transport.session.get() !== null,
  signIn: (token: string): void => {
    forgetKept()
    transport.session.set(token)
  },
  signOut: (): void => {
    transport.session.clear()
    forgetKept()
  },
}

/** Once, at app launch. */
export const initBackend = (): void => transport.init()

/** Codes meaning "who you are is unknown here": H5 sends the person back to the login screen. */
export const isSignedOutError = (error: unknown): boolean =>
  error instanceof ApiCallError && (error.code === 'AUTH.REQUIRED' || error.code === 'AUTH.INVALID_TOKEN')
