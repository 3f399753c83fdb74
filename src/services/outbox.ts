/**
 * The outbox: a write that could not reach the server (weak village network, no signal) is kept on
 * the phone with its request id and sent again when the network returns or the app opens, so no
 * report or request is ever lost; the server's idempotency makes a resend that already arrived
 * harmless. Photos and voice notes taken without signal wait on the phone too (`pending:` urls):
 * they are uploaded first, then the write goes out with their real urls.
 * One rule: only network failures are queued; a refusal by the server is shown at once.
 */
import Taro from '@tarojs/taro'
import type { ActionName, InputOf, OutputOf } from '../contracts'
import { ApiCallError, call, newRequestId } from './api'
import media from './media'
import { isPendingUrl, UploadOffline } from './media-types'
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

/** The pending urls anywhere in an input (photoUrls, voiceUrl, ...). */
const pendingIn = (value: unknown, found: string[] = []): string[] => {
  if (isPendingUrl(value)) found.push(value)
  else if (Array.isArray(value)) for (const v of value) pendingIn(v, found)
  else if (value && typeof value === 'object') for (const v of Object.values(value)) pendingIn(v, found)
  return found
}

const replaceUrls = (value: unknown, urls: Map<string, string>): unknown => {
  if (typeof value === 'string') return urls.get(value) ?? value
  if (Array.isArray(value)) return value.map((v) => replaceUrls(v, urls))
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceUrls(v, urls)]))
  return value
}

/** Uploads the files kept on the phone and answers the input with their real urls; throws while offline. */
const withUploads = async <T>(input: T): Promise<T> => {
  const pending = pendingIn(input)
  if (pending.length === 0) return input
  const urls = new Map<string, string>()
  for (const url of pending) urls.set(url, await media.uploadPending(url))
  return replaceUrls(input, urls) as T
}

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
  let ready: InputOf<N>
  try {
    ready = await withUploads(input)
  } catch {
    // A kept photo or voice note could not be uploaded: no signal yet, so the write waits too.
    setOnline(false)
    const items = read().filter((item) => item.requestId !== requestId)
    write([...items, { action, input, requestId, label: options.label, queuedAt: Date.now() }])
    return { status: 'queued' }
  }
  try {
    const data = await call(action, ready, { requestId })
    setOnline(true)
    return { status: 'sent', data }
  } catch (error) {
    if (!isNetworkFailure(error)) throw error
    setOnline(false)
    const items = read().filter((item) => item.requestId !== requestId)
    write([...items, { action, input: ready, requestId, label: options.label, queuedAt: Date.now() }])
    return { status: 'queued' }
  }
}

const drain = async (): Promise<void> => {
  for (const item of read()) {
    let input: unknown
    try {
      input = await withUploads(item.input)
    } catch (error) {
      if (error instanceof UploadOffline || !network.isOnline()) {
        setOnline(false)
        return
      }
      // The server refused the kept file (not a photo, too big): the write can never pass.
      console.warn('[outbox] file refused', item.action, error)
      write(read().filter((queued) => queued.requestId !== item.requestId))
      continue
    }
    // Uploaded once: the item keeps the real urls, so a later retry does not upload again.
    if (input !== item.input) write(read().map((queued) => (queued.requestId === item.requestId ? { ...queued, input } : queued)))
    try {
      await call(item.action, input as InputOf<ActionName>, { requestId: item.requestId })
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
