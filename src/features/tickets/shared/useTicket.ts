/** One ticket (ticket.get), the categories, and acting on it (ticket.act) with the version seen. */
import { useState } from 'react'
import type { InputOf, TicketView } from '../../../contracts'
import { useCall } from '../../../services/useCall'
import { useSubmit } from '../../../services/useSubmit'

export const useTicket = (ticketId: string) => useCall('ticket.get', { ticketId }, ticketId !== '')
export const useCategories = () => useCall('ticket.categories', {})

export type ActInput = Omit<InputOf<'ticket.act'>, 'ticketId' | 'version'>

/**
 * Acts on the ticket through the one submit hook: the request id is kept until the act succeeds,
 * so pressing again after a dropped answer is the same act, never a second one.
 */
export const useAct = (ticket: TicketView | null, onDone: (t: TicketView) => void) => {
  const [pending, setPending] = useState<string | null>(null)
  const write = useSubmit('ticket.act')
  const act = async (input: ActInput) => {
    if (!ticket) return
    setPending(input.action)
    try {
      const out = await write.submit({ ticketId: ticket.id, version: ticket.version, ...input })
      if (out) onDone(out)
    } finally {
      setPending(null)
    }
  }
  return { act, pending, error: write.error }
}
