/**
 * The outbox: a write that could not reach the server (weak village network, no signal) is kept on
 * the phone with its request id and sent again when the network returns or the app opens, so no
 * report or request is ever lost; the server's idempotency makes a resend that already arrived
 * harmless. One rule: only network failures are queued; a refusal by the server is shown at once.
 */
import Taro from '@tarojs/taro'
import type { ActionName, InputOf, OutputOf } from '../contracts'
import { ApiCallError, call, newRequestId } from './api'
import network from './network'

export interface OutboxItem {
  action: ActionName
  input: unknown
  requestId: string
  /** What the person sees in the waiting list, e.g. the start of their report. */
  label: string
  queuedAt: number
}

export type SendResult<N extends ActionName> = { status: 'sent'; data: OutputOf<N> } | { status: 'queued' }

export interface OutboxState {
  online: boolean
  items: OutboxItem[]
}

const STORAGE_KEY = 'minqing.outbox'
const listeners = new Set<(state: OutboxState) => void>()
let online = true
let flushing: Promise<void> | null = null

const read = (): OutboxItem[] => {
  const stored: unknown = Taro.getStorageSync(STORAGE_KEY)
  return Array.isArray(stored) ? (stored as OutboxItem[]) : []
}
const write = (items: OutboxItem[]) => {
  Taro.setStorageSync(STORAGE_KEY, items)
  emit()
}
const emit = () => {
  const state = { online, items: read() }
  for (const listener of listeners) listener(state)
}
const setOnline = (value: boolean) => {
  if (online === value) return
  online = value
  emit()
}

const isNetworkFailure = (error: unknown) => error instanceof ApiCallError && error.code === 'SERVER.UNAVAILABLE'

/**
 * Sends a write now, or keeps it for later when the network fails. The caller shows "sent" or
 * "saved, will send when online"; a server refusal is thrown as ApiCallError like `call`.
 */
export const sendOrQueue = async <N extends ActionName>(
  action: N,
  input: InputOf<N>,
  options: { label: string; requestId?: string },
): Promise<SendResult<N>> => {
  const requestId = options.requestId ?? newRequestId()
  try {
    const data = await call(action, input, { requestId })
    setOnline(true)
    return { status: 'sent', data }
  } catch (error) {
    if (!isNetworkFailure(error)) throw error
    setOnline(false)
    const items = read().filter((item) => item.requestId !== requestId)
    write([...items, { action, input, requestId, label: options.label, queuedAt: Date.now() }])
    return { status: 'queued' }
  }
}

const drain = async (): Promise<void> => {
  for (const item of read()) {
    try {
      await call(item.action, item.input as InputOf<ActionName>, { requestId: item.requestId })
      setOnline(true)
    } catch (error) {
      if (isNetworkFailure(error)) {
        setOnline(false)
        return
      }
      // The server refused it (e.g. the household changed cadre meanwhile): it will never pass,
      // so it leaves the queue; the person sees the state of their tickets in 我的事项.
      console.warn('[outbox] refused', item.action, error)
    }
    write(read().filter((queued) => queued.requestId !== item.requestId))
  }
}

/** Sends what waits, oldest first; stops at the first network failure and keeps the rest. */
export const flushOutbox = (): Promise<void> => {
  // One drain at a time; `finally` clears the slot only after it was taken.
  flushing ??= drain().finally(() => {
    flushing = null
  })
  return flushing
}

export const outboxState = (): OutboxState => ({ online, items: read() })

export const subscribeOutbox = (listener: (state: OutboxState) => void): (() => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Once, at app launch: follow the network and send what waited from last time. */
export const startOutbox = (): void => {
  online = network.isOnline()
  network.onChange((value) => {
    setOnline(value)
    if (value) void flushOutbox()
  })
  if (online) void flushOutbox()
}
