/** A resident cadre's today: the households they cover and their open tickets. */
import { useCall } from '../../services/useCall'

export const useMyHouseholds = () => useCall('cadre.households', {})
/** The tickets in my hands: the inbox's own list, so the count on the home and the inbox it opens agree. */
export const useMyOpenTickets = () => useCall('ticket.inbox', {})
