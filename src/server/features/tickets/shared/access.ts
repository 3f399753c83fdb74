/**
 * Reading one ticket the caller may see, and turning tickets into views.
 * One rule: every ticket handler reaches a stored ticket through `readableTicket`, which asks
 * policies['ticket:read'] before anything else.
 */
import type { Household, Ticket } from '../../../../core/model'
import type { TicketView } from '../../../../contracts/views'
import type { Actor, HandlerContext } from '../../../context'
import { refuse } from '../../../errors'
import { policies } from '../../../policies'
import { ticketViews } from './view'

/** A ticket and its household, or NOT_FOUND; AUTH.FORBIDDEN when the actor may not read it. */
export const readableTicket = async (ctx: HandlerContext, actor: Actor, ticketId: string): Promise<{ ticket: Ticket; household: Household }> => {
  const ticket = await ctx.store.get('tickets', ticketId)
  if (!ticket) return refuse('NOT_FOUND')
  const household = await ctx.store.get('households', ticket.householdId)
  if (!household || !policies['ticket:read'](actor, ticket, household)) return refuse('AUTH.FORBIDDEN')
  return { ticket, household }
}

export const singleView = async (ctx: HandlerContext, actor: Actor, ticket: Ticket, household: Household): Promise<TicketView> => {
  const [view] = await ticketViews(ctx.store, actor, [ticket], new Map([[household.id, household]]))
  if (!view) throw new Error('ticket view missing')
  return view
}

/** Views of tickets already known to be readable, loading their households in one batch. */
export const viewsOf = async (ctx: HandlerContext, actor: Actor, tickets: Ticket[]): Promise<TicketView[]> => {
  const households = new Map((await ctx.store.getMany('households', [...new Set(tickets.map((t) => t.householdId))])).map((h) => [h.id, h]))
  return ticketViews(ctx.store, actor, tickets, households)
}
