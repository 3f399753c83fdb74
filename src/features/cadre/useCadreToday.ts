/** A resident cadre's today: the households they cover and their open tickets. */
import { useCall } from '../../services/useCall'

export const useMyHouseholds = () => useCall('cadre.households', {})
export const useMyOpenTickets = () => useCall('ticket.list', { open: true })
