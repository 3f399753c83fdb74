/**
 * The ticket loop's handlers, gathered by flow so a reader finds each by its name:
 * filing/ (ticket.create, both kinds), service-requests/ (categories and their questions),
 * problem-reports/ (the duplicate hint and following), steps/ (reading, the inbox, every step of
 * the transition table), escalation/ (who holds it next), joint-meetings/ (the secretary's desk,
 * convening and minuting), rates/ (响应率/解决率/满意率), notifications/ (in-app inbox and
 * subscribe messages). One rule: this file only gathers them.
 */
import type { Handlers } from '../types'
import { contactHandlers } from './contact/handlers'
import { filingHandlers } from './filing/handlers'
import { jointMeetingHandlers } from './joint-meetings/handlers'
import { notificationHandlers } from './notifications/handlers'
import { problemReportHandlers } from './problem-reports/handlers'
import { rateHandlers } from './rates/handlers'
import { serviceRequestHandlers } from './service-requests/handlers'
import { stepHandlers } from './steps/handlers'

type TicketLoopAction =
  | 'ticket.create'
  | 'ticket.get'
  | 'ticket.list'
  | 'ticket.act'
  | 'ticket.categories'
  | 'ticket.similar'
  | 'ticket.follow'
  | 'ticket.inbox'
  | 'ticket.rates'
  | 'meeting.desk'
  | 'meeting.convene'
  | 'meeting.record'
  | 'notification.list'
  | 'notification.readAll'
  | 'notification.subscribeTemplates'
  | 'ticket.callReporter'

export const ticketHandlers: Handlers<TicketLoopAction> = {
  ...filingHandlers,
  ...contactHandlers,
  ...serviceRequestHandlers,
  ...problemReportHandlers,
  ...stepHandlers,
  ...rateHandlers,
  ...jointMeetingHandlers,
  ...notificationHandlers,
}
