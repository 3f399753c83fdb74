/**
 * React glue for reads: `useCall(action, input)` loads once on mount and on `reload()`, and keeps
 * the three states every screen shows (loading, error with retry, data). A load that failed for
 * want of network loads again by itself when the network returns. With `keep`, the last answer is
 * kept on the phone: shown at once on the next open and kept on screen while offline (the
 * villager's home keeps the cadre's phone number exactly when the signal is gone).
 * One rule: a late answer from an older load never overwrites a newer one.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
import type { ActionName, InputOf, OutputOf } from '../contracts'
import { errorMessage } from '../i18n'
import { ApiCallError, call } from './api'
import network from './network'

export type Loaded<T> =
  | { status: 'loading' }
  | { status: 'error'; error: ApiCallError }
  /** `stale`: kept from an earlier load because this one could not reach the server. */
  | { status: 'ready'; data: T; stale?: boolean }

export interface UseCall<T> {
  state: Loaded<T>
  reload: () => void
}

const asApiError = (error: unknown): ApiCallError =>
  error instanceof ApiCallError ? error : new ApiCallError('SERVER.INTERNAL', errorMessage('SERVER.INTERNAL'))

/** Where `keep` answers wait on the phone (cleared on sign-out with the rest of the session). */
export const KEEP_PREFIX = 'minqing.keep.'

const kept = <T>(storageKey: string): T | null => {
  try {
    const stored = Taro.getStorageSync(storageKey) as { data: T } | ''
    return stored ? stored.data : null
  } catch {
    return null
  }
}

/** Loads `action` with `input` (compared by value, so an inline object literal is fine). */
export const useCall = <N extends ActionName>(action: N, input: InputOf<N>, enabled = true, options: { keep?: boolean } = {}): UseCall<OutputOf<N>> => {
  const key = JSON.stringify(input)
  const storageKey = options.keep ? `${KEEP_PREFIX}${action}.${key}` : null
  const [state, setState] = useState<Loaded<OutputOf<N>>>(() => {
    const data = storageKey ? kept<OutputOf<N>>(storageKey) : null
    return data === null ? { status: 'loading' } : { status: 'ready', data, stale: true }
  })
  const [generation, setGeneration] = useState(0)
  const latest = useRef(0)
  const offlineFailure = useRef(false)

  useEffect(() => {
    if (!enabled) return
    const ticket = ++latest.current
    // What is on screen stays while it loads again (no spinner over the cadre's phone number).
    setState((now) => (now.status === 'ready' ? now : { status: 'loading' }))
    call(action, JSON.parse(key) as InputOf<N>).then(
      (data) => {
        if (ticket !== latest.current) return
        offlineFailure.current = false
        setState({ status: 'ready', data })
        if (storageKey) Taro.setStorageSync(storageKey, { data })
      },
      (error: unknown) => {
        if (ticket !== latest.current) return
        const e = asApiError(error)
        offlineFailure.current = e.code === 'SERVER.UNAVAILABLE'
        setState((now) => (offlineFailure.current && now.status === 'ready' ? { ...now, stale: true } : { status: 'error', error: e }))
      },
    )
  }, [action, key, generation, enabled, storageKey])

  const reload = useCallback(() => setGeneration((g) => g + 1), [])

  // Recovers by itself: the network is back and the last load failed for want of it.
  useEffect(
    () =>
      network.onChange((online) => {
        if (online && offlineFailure.current) reload()
      }),
    [reload],
  )
  return { state, reload }
}

/**
 * Reloads when the person comes back to the page (tab switch, navigating back), not on its first
 * show: the first load is useCall's own. A return is a show after a hide: counting shows instead
 * misses the page's first show whenever the list mounts after it (behind the session gate), and
 * then swallows the real return (issue 12: a signed visit still asked "请签字确认" after going back).
 */
export const useReloadOnReturn = (reload: () => void): void => {
  const hidden = useRef(false)
  useDidHide(() => {
    hidden.current = true
  })
  useDidShow(() => {
    if (!hidden.current) return
    hidden.current = false
    reload()
  })
}
