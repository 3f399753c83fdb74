/** The office's coverage check (roster.coverage): groups without a cadre, cadres outside 60-70 households. */
import { useCall } from '../../services/useCall'

export const useCoverage = () => useCall('roster.coverage', {})
