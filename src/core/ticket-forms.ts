/**
 * Category forms (like Open311 service definitions): the questions a 办事 category asks and the
 * result figures its resolution may record, both read from settings.tickets.forms.
 * One rule: the server accepts answers and figures only as the category's definition allows; the
 * client shows the same definition, so both read it from settings, never from code.
 */
import type { AnswerValue, Millis, TicketAnswers, TicketResult } from './model'
import { fail, ok, type Result } from './result'
import type { CategoryForm, CategoryQuestion, Settings } from './settings'
import { HOUR_MS, isLocalDate } from './time'

const EMPTY_FORM: CategoryForm = { questions: [], resultFields: [] }

/** The category's form; a category without one asks nothing and records no figures. */
export const formOf = (category: string, settings: Pick<Settings, 'tickets'>): CategoryForm => settings.tickets.forms[category] ?? EMPTY_FORM

/** Why one answer was refused: the question id and a stable reason. */
export interface AnswerIssue {
  questionId: string
  reason: 'required' | 'unknown_question' | 'wrong_type' | 'too_long' | 'out_of_range' | 'unknown_option' | 'bad_date'
}

const isBlank = (v: AnswerValue | undefined): boolean =>
  v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0)

const checkOne = (q: CategoryQuestion, v: AnswerValue): AnswerIssue['reason'] | null => {
  switch (q.type) {
    case 'text':
      if (typeof v !== 'string') return 'wrong_type'
      return v.trim().length > (q.max ?? 200) ? 'too_long' : null
    case 'date':
      if (typeof v !== 'string') return 'wrong_type'
      return isLocalDate(v) ? null : 'bad_date'
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) return 'wrong_type'
      return v < (q.min ?? 0) || v > (q.max ?? Number.MAX_SAFE_INTEGER) ? 'out_of_range' : null
    case 'single':
      if (typeof v !== 'string') return 'wrong_type'
      return (q.options ?? []).includes(v) ? null : 'unknown_option'
    case 'multi':
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) return 'wrong_type'
      if (new Set(v).size !== v.length) return 'unknown_option'
      return v.every((x) => (q.options ?? []).includes(x)) ? null : 'unknown_option'
  }
}

/**
 * Checks answers against the category's questions: every required question answered, no answer to
 * a question the category does not ask, each answer of the question's type and within its limits.
 * Blank optional answers are dropped; text is trimmed. Fails 'TICKET.ANSWERS_INVALID' with every issue.
 */
export const validateAnswers = (
  category: string,
  answers: TicketAnswers,
  settings: Pick<Settings, 'tickets'>,
): Result<TicketAnswers, 'TICKET.ANSWERS_INVALID'> => {
  const { questions } = formOf(category, settings)
  const issues: AnswerIssue[] = []
  for (const key of Object.keys(answers)) {
    if (!questions.some((q) => q.id === key)) issues.push({ questionId: key, reason: 'unknown_question' })
  }
  const clean: TicketAnswers = {}
  for (const q of questions) {
    const v = answers[q.id]
    if (isBlank(v)) {
      if (q.required) issues.push({ questionId: q.id, reason: 'required' })
      continue
    }
    const reason = checkOne(q, v as AnswerValue)
    if (reason) issues.push({ questionId: q.id, reason })
    else clean[q.id] = typeof v === 'string' ? v.trim() : (v as AnswerValue)
  }
  return issues.length ? fail('TICKET.ANSWERS_INVALID', { issues }) : ok(clean)
}

/**
 * Result figures of a resolution: only the fields the category records, each a whole number >= 0.
 * Fails 'TICKET.RESULT_NOT_ALLOWED' naming the fields the category does not record.
 */
export const validateResult = (
  category: string,
  result: TicketResult,
  settings: Pick<Settings, 'tickets'>,
): Result<TicketResult, 'TICKET.RESULT_NOT_ALLOWED'> => {
  const allowed = formOf(category, settings).resultFields
  const given = (Object.keys(result) as (keyof TicketResult)[]).filter((k) => result[k] !== undefined)
  const refused = given.filter((k) => !allowed.includes(k) || !Number.isInteger(result[k]) || (result[k] ?? 0) < 0)
  if (refused.length) return fail('TICKET.RESULT_NOT_ALLOWED', { fields: refused })
  return ok(Object.fromEntries(given.map((k) => [k, result[k]])) as TicketResult)
}

/** When a request filed at `at` is promised to be done: the category's deadline, in hours. */
export const expectedCompletion = (category: string, at: Millis, settings: Pick<Settings, 'tickets'>): Millis | null => {
  const c = settings.tickets.categories.find((x) => x.id === category)
  return c ? at + c.deadlineHours * HOUR_MS : null
}
