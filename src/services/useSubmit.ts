/**
 * The one way a screen writes: `useSubmit(action).submit(input)` answers the output, or null with
 * `error` set. The request id is kept from the first press until the write succeeds (see
 * write-once.ts): pressing again after a dropped answer, even with edited input, never writes twice.
 * With `queue`, a write that cannot reach the server (no signal) is kept in the outbox under the
 * same request id and sent by itself when the network returns; `onQueued` tells the screen.
 */
import { useCallback, useRef, useState } from 'react'
import type { ActionName, InputOf, OutputOf } from '../contracts'
import { errorMessage } from '../i18n'
import { ApiCallError, call, newRequestId } from './api'
import { sendOrQueue } from './outbox'
import { writeOnce, type WriteOnce } from './write-once'

export interface SubmitOptions<N extends ActionName> {
  /** Keep the write on the phone when offline; the label names it in the offline notice. */
  queue?: (input: InputOf<N>) => string
  /** Called when the write was kept in the outbox instead of sent (submit answers null then). */
  onQueued?: () => void
}

const asApiError = (e: unknown): ApiCallError => (e instanceof ApiCallError ? e : new ApiCallError('SERVER.INTERNAL', errorMessage('SERVER.INTERNAL')))

export const useSubmit = <N extends ActionName>(action: N, options: SubmitOptions<N> = {}) => {
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<ApiCallError | null>(null)
  const opts = useRef(options)
  opts.current = options
  const write = useRef<WriteOnce<InputOf<N>, OutputOf<N>> | null>(null)
  write.current ??= writeOnce<InputOf<N>, OutputOf<N>>({
    newId: newRequestId,
    codeOf: (e) => (e instanceof ApiCallError ? e.code : null),
    send: async (input, requestId) => {
      const label = opts.current.queue?.(input)
      if (label === undefined) return { queued: false, data: await call(action, input, { requestId }) }
      const sent = await sendOrQueue(action, input, { label, requestId })
      return sent.status === 'queued' ? { queued: true } : { queued: false, data: sent.data }
    },
  })
  const submit = useCallback(async (input: InputOf<N>): Promise<OutputOf<N> | null> => {
    setPending(true)
    setError(null)
    try {
      const outcome = await (write.current as WriteOnce<InputOf<N>, OutputOf<N>>).submit(input)
      if (outcome.status === 'sent') return outcome.data
      opts.current.onQueued?.()
      return null
    } catch (e) {
      setError(asApiError(e))
      return null
    } finally {
      setPending(false)
    }
  }, [])
  return { submit, pending, error, clearError: useCallback(() => setError(null), []) }
}
