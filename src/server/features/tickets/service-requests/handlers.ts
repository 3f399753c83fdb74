/** 办事: the categories with their questions and deadlines, as the filing screen shows them. */
import type { CategoryView } from '../../../../contracts/views'
import { formOf } from '../../../../core/ticket-forms'
import { replyTemplatesOf } from '../../../../core/ticket-rules'
import type { Handlers } from '../../types'

export const serviceRequestHandlers: Handlers<'ticket.categories'> = {
  'ticket.categories': async (_input, ctx) =>
    ctx.settings.tickets.categories.map((c): CategoryView => {
      const form = formOf(c.id, ctx.settings)
      return { id: c.id, kind: c.kind, deadlineHours: c.deadlineHours, questions: form.questions, resultFields: form.resultFields, replyTemplates: replyTemplatesOf(c.id, ctx.settings) }
    }),
}
