/**
 * React glue for writes: `useSubmit(action)` gives `submit(input)` with one request id per attempt
 * group (a retry after a failure reuses it, so a write that reached the server happens once), the
 * pending flag and the last error. One rule: the id is renewed only after a success.
 */
import { useCallback, useRef, useState } from 'react'
import type { ActionName, InputOf, OutputOf } from '../contracts'
import { errorMessage } from '../i18n/zh-CN'
import { ApiCallError, call, newRequestId } from './api'

export const useSubmit = <N extends ActionName>(action: N) => {
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<ApiCallError | null>(null)
  const requestId = useRef(newRequestId())
  const lastInput = useRef('')

  const submit = useCallback(
    async (input: InputOf<N>): Promise<OutputOf<N> | null> => {
      const key = JSON.stringify(input)
      // A different input is a different submit: it gets its own id.
      if (key !== lastInput.current) requestId.current = newRequestId()
      lastInput.current = key
      setPending(true)
      setError(null)
      try {
        const out = await call(action, input, { requestId: requestId.current })
        requestId.current = newRequestId()
        lastInput.current = ''
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
