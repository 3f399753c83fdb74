/** Ticket lists (ticket.list): the caller's own and, for a secretary or cadre, the ones they handle. */
import { useCall } from '../../../services/useCall'

export const useTickets = (open?: boolean) => useCall('ticket.list', open === undefined ? {} : { open })
