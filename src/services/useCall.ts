/**
 * React glue for reads: `useCall(action, input)` loads once on mount and on `reload()`, and keeps
 * the three states every screen shows (loading, error with retry, data).
 * One rule: a late answer from an older load never overwrites a newer one.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import type { ActionName, InputOf, OutputOf } from '../contracts'
import { errorMessage } from '../i18n/zh-CN'
import { ApiCallError, call } from './api'

export type Loaded<T> =
  | { status: 'loading' }
  | { status: 'error'; error: ApiCallError }
  | { status: 'ready'; data: T }

export interface UseCall<T> {
  state: Loaded<T>
  reload: () => void
}

const asApiError = (error: unknown): ApiCallError =>
  error instanceof ApiCallError ? error : new ApiCallError('SERVER.INTERNAL', errorMessage('SERVER.INTERNAL'))

/** Loads `action` with `input` (compared by value, so an inline object literal is fine). */
export const useCall = <N extends ActionName>(action: N, input: InputOf<N>, enabled = true): UseCall<OutputOf<N>> => {
  const [state, setState] = useState<Loaded<OutputOf<N>>>({ status: 'loading' })
  const [generation, setGeneration] = useState(0)
  const latest = useRef(0)
  const key = JSON.stringify(input)

  useEffect(() => {
    if (!enabled) return
    const ticket = ++latest.current
    setState({ status: 'loading' })
    call(action, JSON.parse(key) as InputOf<N>).then(
      (data) => {
        if (ticket === latest.current) setState({ status: 'ready', data })
      },
      (error: unknown) => {
        if (ticket === latest.current) setState({ status: 'error', error: asApiError(error) })
      },
    )
  }, [action, key, generation, enabled])

  const reload = useCallback(() => setGeneration((g) => g + 1), [])
  return { state, reload }
}

/**
 * Reloads when the person comes back to the page (tab switch, navigating back), not on its first
 * show: the first load is useCall's own.
 */
export const useReloadOnReturn = (reload: () => void): void => {
  const firstShow = useRef(true)
  useDidShow(() => {
    if (firstShow.current) firstShow.current = false
    else reload()
  })
}
