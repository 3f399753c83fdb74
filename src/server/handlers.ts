/**
 * Every action's handler, by name. The type makes a contract action without a handler a compile
 * error. One rule: handlers are grouped by feature folder; this file only gathers them.
 */
import type { ActionName } from '../contracts'
import { authHandlers } from './features/auth/handlers'
import { rosterHandlers } from './features/roster/handlers'
import { ticketHandlers } from './features/tickets/handlers'
import { officeHandlers } from './features/office/handlers'
import { supervisionHandlers } from './features/supervision/handlers'
import { bindingHandlers } from './features/binding/handlers'
import { recordHandlers } from './features/records/handlers'
import type { Handlers } from './features/types'
import { visitHandlers } from './features/visits/handlers'
import { attendanceHandlers } from './features/attendance/handlers'
import { ratingHandlers } from './features/ratings/handlers'
import { uploadHandlers } from './features/uploads'
import { sessionHandlers } from './features/sessions/handlers'
import { setupHandlers } from './features/setup/handlers'
import { voiceHandlers } from './features/voice/handlers'
// office-files (issue 11 item 6)
import { officeFileHandlers } from './features/office/files'
// ---- first-screen (issue 12 items 9, 11) ----
import { villagerHandlers } from './features/villager/handlers'

export const handlers: Handlers<ActionName> = {
  ...authHandlers,
  ...rosterHandlers,
  ...ticketHandlers,
  ...officeHandlers,
  ...supervisionHandlers,
  ...bindingHandlers,
  ...visitHandlers,
  ...attendanceHandlers,
  ...ratingHandlers,
  ...recordHandlers,
  ...uploadHandlers,
  ...sessionHandlers,
  ...setupHandlers,
  ...voiceHandlers,
  ...officeFileHandlers,
  ...villagerHandlers,
}
