/** One ticket (ticket.get), the categories, and acting on it (ticket.act) with the version seen. */
import { useState } from 'react'
import type { InputOf, TicketView } from '../../../contracts'
import { ApiCallError, call, newRequestId } from '../../../services/api'
import { useCall } from '../../../services/useCall'

export const useTicket = (ticketId: string) => useCall('ticket.get', { ticketId }, ticketId !== '')
export const useCategories = () => useCall('ticket.categories', {})

export type ActInput = Omit<InputOf<'ticket.act'>, 'ticketId' | 'version'>

/** Acts once per press: the request id is kept until it succeeds, so a retry is the same submit. */
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
