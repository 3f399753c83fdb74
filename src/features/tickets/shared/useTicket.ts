/** One ticket (ticket.get), the categories, and acting on it (ticket.act) with the version seen. */
import { useState } from 'react'
import type { InputOf, TicketView } from '../../../contracts'
import { ApiCallError, call, newRequestId } from '../../../services/api'
import { useCall } from '../../../services/useCall'

export const useTicket = (ticketId: string) => useCall('ticket.get', { ticketId }, ticketId !== '')
export const useCategories = () => useCall('ticket.categories', {})

export type ActInput = Omit<InputOf<'ticket.act'>, 'ticketId' | 'version'>

/**
 * Acts once per press. Each press makes a new request id (kept only across call()'s own network
 * retries); what makes a second press of the same step safe is the ticket's version: a step sent
 * twice is refused the second time as CONFLICT.STALE_VERSION. (The one submit hook of issue 14,
 * keeping the id until the write succeeds, is field-ux-1's.)
 */
export const useAct = (ticket: TicketView | null, onDone: (t: TicketView) => void) => {
  const [pending, setPending] = useState<string | null>(null)
  const [error, setError] = useState<ApiCallError | null>(null)
  const act = async (input: ActInput) => {
    if (!ticket) return
    setPending(input.action)
    setError(null)
    try {
      onDone(await call('ticket.act', { ticketId: ticket.id, version: ticket.version, ...input }, { requestId: newRequestId() }))
    } catch (e) {
      setError(e instanceof ApiCallError ? e : new ApiCallError('SERVER.INTERNAL', String(e)))
    } finally {
      setPending(null)
    }
  }
  return { act, pending, error }
}
