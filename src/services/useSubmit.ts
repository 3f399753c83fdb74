/**
 * The one way a screen writes: `useSubmit(action).submit(input)`. The hook keeps ONE request id
 * from the first press until the write succeeds (or is handed to the outbox), whatever the person
 * changes in between, so a press repeated after a dropped answer can never write twice:
 * - same input again: the server answers the first write's stored response (its idempotency);
 * - input edited after a lost answer: the server says IDEMPOTENCY.KEY_REUSED (that id already
 *   wrote something else), so the hook asks again with the input that did arrive and answers what
 *   really happened (the first write), never a second copy.
 * With `queue`, a write that cannot reach the server (no signal) is kept in the outbox under the
 * same request id and sent by itself when the network returns; `onQueued` tells the screen.
 */
import { useCallback, useRef, useState } from 'react'
import type { ActionName, InputOf, OutputOf } from '../contracts'
import { errorMessage } from '../i18n/zh-CN'
import { ApiCallError, call, newRequestId } from './api'
import { sendOrQueue } from './outbox'

export interface SubmitOptions<N extends ActionName> {
  /** Keep the write on the phone when offline; the label names it in the offline notice. */
  queue?: (input: InputOf<N>) => string
  /** Called when the write was kept in the outbox instead of sent (submit answers null then). */
  onQueued?: () => void
}

const asApiError = (e: unknown): ApiCallError => (e instanceof ApiCallError ? e : new ApiCallError('SERVER.INTERNAL', errorMessage('SERVER.INTERNAL')))

const isNetworkFailure = (e: unknown) => e instanceof ApiCallError && e.code === 'SERVER.UNAVAILABLE'

export const useSubmit = <N extends ActionName>(action: N, options: SubmitOptions<N> = {}) => {
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<ApiCallError | null>(null)
  /**
   * The write in flight: its request id (kept until success) and the inputs it carried on presses
   * that failed on the network, any of which may have reached the server. Null: the next press
   * starts a new write.
   */
  const attempt = useRef<{ id: string; maybeArrived: InputOf<N>[] } | null>(null)
  const opts = useRef(options)
  opts.current = options

  const send = useCallback(
    async (input: InputOf<N>, requestId: string): Promise<{ queued: true } | { queued: false; data: OutputOf<N> }> => {
      const label = opts.current.queue?.(input)
      if (label === undefined) return { queued: false, data: await call(action, input, { requestId }) }
      const sent = await sendOrQueue(action, input, { label, requestId })
      return sent.status === 'queued' ? { queued: true } : { queued: false, data: sent.data }
    },
    [action],
  )

  const submit = useCallback(
    async (input: InputOf<N>): Promise<OutputOf<N> | null> => {
      attempt.current ??= { id: newRequestId(), maybeArrived: [] }
      const current = attempt.current
      setPending(true)
      setError(null)
      try {
        let out: OutputOf<N> | null = null
        try {
          const sent = await send(input, current.id)
          if (sent.queued) {
            attempt.current = null
            opts.current.onQueued?.()
            return null
          }
          out = sent.data
        } catch (e) {
          if (!(e instanceof ApiCallError && e.code === 'IDEMPOTENCY.KEY_REUSED')) throw e
          // An earlier press did arrive (its answer was lost): its stored answer is what happened.
          for (const earlier of current.maybeArrived) {
            out = await call(action, earlier, { requestId: current.id }).catch(() => null)
            if (out !== null) break
          }
          if (out === null) throw e
        }
        attempt.current = null
        return out
      } catch (e) {
        const key = JSON.stringify(input)
        if (isNetworkFailure(e) && !current.maybeArrived.some((x) => JSON.stringify(x) === key)) current.maybeArrived.push(input)
        setError(asApiError(e))
        return null
      } finally {
        setPending(false)
      }
    },
    [action, send],
  )
  return { submit, pending, error, clearError: useCallback(() => setError(null), []) }
}
