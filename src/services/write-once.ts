/**
 * One write, sent at most once whatever the person presses (pure: no platform, no React; the
 * submit hook and the tests drive it). The request id is made at the first press and kept until
 * the write succeeds or is handed to the outbox:
 * - pressing again with the same input: the server replays the first answer (its idempotency);
 * - input edited after a network failure that did reach the server: the server answers
 *   IDEMPOTENCY.KEY_REUSED, so the write asks again with the input that arrived and answers what
 *   really happened (the first write), never a second copy;
 * - a refusal by the server wrote nothing: the same id carries the corrected input.
 */
export interface WriteOnceDeps<I, O> {
  newId: () => string
  /** Sends; answers 'queued' when the write was kept in the outbox instead. */
  send: (input: I, requestId: string) => Promise<{ queued: true } | { queued: false; data: O }>
  codeOf: (error: unknown) => string | null
}

export type WriteOutcome<O> = { status: 'sent'; data: O } | { status: 'queued' }

export const NETWORK_FAILURE = 'SERVER.UNAVAILABLE'
export const KEY_REUSED = 'IDEMPOTENCY.KEY_REUSED'

export interface WriteOnce<I, O> {
  /** Throws the server's refusal or the network failure (the id is kept for the next press). */
  submit: (input: I) => Promise<WriteOutcome<O>>
  /** The id the next press will carry (null: a fresh write). */
  readonly pendingId: string | null
}

export const writeOnce = <I, O>(deps: WriteOnceDeps<I, O>): WriteOnce<I, O> => {
  let current: { id: string; maybeArrived: I[] } | null = null
  return {
    get pendingId() {
      return current?.id ?? null
    },
    async submit(input) {
      current ??= { id: deps.newId(), maybeArrived: [] }
      const attempt = current
      try {
        let answer: WriteOutcome<O>
        try {
          const sent = await deps.send(input, attempt.id)
          answer = sent.queued ? { status: 'queued' } : { status: 'sent', data: sent.data }
        } catch (error) {
          if (deps.codeOf(error) !== KEY_REUSED) throw error
          let first: WriteOutcome<O> | null = null
          for (const earlier of attempt.maybeArrived) {
            try {
              const sent = await deps.send(earlier, attempt.id)
              first = sent.queued ? { status: 'queued' } : { status: 'sent', data: sent.data }
              break
            } catch {
              // not this one: try the next input that may have arrived
            }
          }
          if (first === null) throw error
          answer = first
        }
        if (current === attempt) current = null
        return answer
      } catch (error) {
        const key = JSON.stringify(input)
        if (deps.codeOf(error) === NETWORK_FAILURE && !attempt.maybeArrived.some((x) => JSON.stringify(x) === key)) attempt.maybeArrived.push(input)
        throw error
      }
    },
  }
}
