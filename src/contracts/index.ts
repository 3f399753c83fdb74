/**
 * The one contract between client and server: every action by name, with its input schema and
 * output type. The server validates every input against it; the client's service module is typed
 * by it. One rule: an action exists only if it is listed here.
 */
import type { z } from 'zod'
import { authActions } from './actions/auth'
import { rosterActions } from './actions/roster'
import { ticketActions } from './actions/tickets'
import { meetingActions } from './actions/meetings'
import { notificationActions } from './actions/notifications'
import { officeActions } from './actions/office'
import { visitActions } from './actions/visits'
import { attendanceActions } from './actions/attendance'
import { ratingActions } from './actions/ratings'
import { recordActions } from './actions/records'
import { uploadActions } from './actions/uploads'
import { identityActions } from './actions/identity'
import { voiceActions } from './actions/voice'
import { bindingActions } from './actions/binding'
// office-files (issue 11 items 2, 6)
import { fileActions } from './actions/files'
// ---- first-screen (issue 12 items 9, 11) ----
import { firstScreenActions } from './actions/first-screen'
// ---- images (issue 13 item 2's photos): the office's photo queue ----
import { imageActions } from './actions/images'

export const actions = {
  ...authActions,
  ...rosterActions,
  ...ticketActions,
  ...meetingActions,
  ...notificationActions,
  ...officeActions,
  ...visitActions,
  ...attendanceActions,
  ...ratingActions,
  ...recordActions,
  ...uploadActions,
  ...identityActions,
  ...voiceActions,
  ...bindingActions,
  ...fileActions,
  ...firstScreenActions,
  ...imageActions,
}

export type Actions = typeof actions
export type ActionName = keyof Actions
export type InputOf<N extends ActionName> = z.input<Actions[N]['input']>
export type ParsedInputOf<N extends ActionName> = z.output<Actions[N]['input']>
export type OutputOf<N extends ActionName> = Actions[N]['output']

export const isActionName = (name: string): name is ActionName => Object.prototype.hasOwnProperty.call(actions, name)

/** The request envelope, on HTTP and in the cloud function event alike. */
export interface ApiRequest<N extends ActionName = ActionName> {
  action: N
  input: InputOf<N>
  /** Client-made id of this attempt; required for writes, the same on every retry. */
  requestId?: string
}

export * from './errors'
export type * from './views'
export type * from './views.office'
export type * from './views-verdict'
export type * from './views.records'
export type * from './actions/identity'
export type * from './actions/first-screen'
export type * from './views.voice'
export type * from './views.binding'
export type * from './views.images'
