/**
 * React glue for writes: `submit(input)` calls the action once with a request id that stays the
 * same while the person retries the same thing (so a resend after a dropped network happens once),
 * and keeps busy/error state. One rule: a new input gets a new request id.
 */
import { useCallback, useRef, useState } from 'react'
import type { ActionName, InputOf, OutputOf } from '../contracts'
import { errorMessage } from '../i18n/zh-CN'
import { ApiCallError, call, newRequestId } from './api'

export const useSubmit = <N extends ActionName>(action: N) => {
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<ApiCallError | null>(null)
  const last = useRef<{ key: string; id: string } | null>(null)
  const submit = useCallback(
    async (input: InputOf<N>): Promise<OutputOf<N> | null> => {
      const key = JSON.stringify(input)
      if (!last.current || last.current.key !== key) last.current = { key, id: newRequestId() }
      setPending(true)
      setError(null)
      try {
        const out = await call(action, input, { requestId: last.current.id })
        last.current = null
        return out
      } catch (e) {
        setError(e instanceof ApiCallError ? e : new ApiCallError('SERVER.INTERNAL', errorMessage('SERVER.INTERNAL')))
        return null
      } finally {
        setPending(false)
      }
    },
    [action],
  )
  return { submit, pending, error, clearError: () => setError(null) }
}
