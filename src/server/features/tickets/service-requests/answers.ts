/**
 * 办事: a service request answers its category's own questions (settings.tickets.forms), checked
 * here against the category's definition. One rule: the server never trusts the client's form.
 */
import type { TicketAnswers, TicketKind } from '../../../../core/model'
import type { Settings } from '../../../../core/settings'
import { validateAnswers, type AnswerIssue } from '../../../../core/ticket-forms'
import { zhCN } from '../../../../i18n/zh-CN'
import { refuse } from '../../../errors'

const issueText = (reason: AnswerIssue['reason']): string => zhCN.tickets.answerIssue[reason]

/** The cleaned answers, or TICKET.ANSWERS_INVALID with one field issue per wrong answer. */
export const serviceRequestAnswers = (_kind: TicketKind, category: string, answers: TicketAnswers, settings: Settings): TicketAnswers => {
  // An unknown category is newTicket's refusal (TICKET.UNKNOWN_CATEGORY); do not mask it here.
  if (!settings.tickets.categories.some((c) => c.id === category)) return {}
  const checked = validateAnswers(category, answers, settings)
  if (checked.ok) return checked.value
  const issues = ((checked.detail?.issues ?? []) as AnswerIssue[]).map((i) => ({ path: `answers.${i.questionId}`, message: issueText(i.reason), code: `answer.${i.reason}` as const }))
  return refuse('TICKET.ANSWERS_INVALID', issues)
}
