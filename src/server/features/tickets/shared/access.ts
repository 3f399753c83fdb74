/**
 * Reading one ticket the caller may see, and turning tickets into views.
 * One rule: every ticket handler reaches a stored ticket through `readableTicket` (or, to change
 * it, `ticketForUpdate`), which asks policies['ticket:read'] before anything else.
 */
import type { Household, Ticket } from '../../../../core/model'
import type { TicketView } from '../../../../contracts/views'
import type { Actor, HandlerContext } from '../../../context'
import { refuse } from '../../../errors'
import { policies } from '../../../policies'
import { contextOfTickets, ticketsWithContext, type TicketContext } from './context'
import { ticketViews } from './view'
import { photoChecksOf, ticketPhotoUrls } from '../../voice/media'

export interface ReadableTicket {
  ticket: Ticket
  household: Household
  context: TicketContext
}

const allowed = (actor: Actor, ticket: Ticket, context: TicketContext): ReadableTicket => {
  const household = context.households.get(ticket.householdId)
  if (!household || !policies['ticket:read'](actor, ticket, household)) return refuse('AUTH.FORBIDDEN')
  return { ticket, household, context }
}

/** A ticket and its context in one statement, or NOT_FOUND; AUTH.FORBIDDEN when the actor may not read it. */
export const readableTicket = async (ctx: HandlerContext, actor: Actor, ticketId: string): Promise<ReadableTicket> => {
  const { tickets, context } = await ticketsWithContext(ctx.store, [{ where: (q) => q.where('t.id', '=', ticketId) }])
  const ticket = tickets[0]
  if (!ticket) return refuse('NOT_FOUND')
  return allowed(actor, ticket, context)
}

/**
 * The same for a write: the ticket read on its own (inside a MySQL write transaction that read
 * locks the row, so a concurrent step waits and then sees this one's result), then its context.
 */
export const ticketForUpdate = async (ctx: HandlerContext, actor: Actor, ticketId: string): Promise<ReadableTicket> => {
  const ticket = await ctx.store.get('tickets', ticketId)
  if (!ticket) return refuse('NOT_FOUND')
  return allowed(actor, ticket, await contextOfTickets(ctx.store, [ticket]))
}

export const singleView = async (ctx: HandlerContext, actor: Actor, ticket: Ticket, context: TicketContext): Promise<TicketView> => {
  const [view] = await ticketViews(ctx.store, actor, [ticket], context, ctx.settings)
  if (!view) throw new Error('ticket view missing')
  // guard: the reporter learns whether other villagers may see the photos, and why not.
  // (An anonymous report's photos are never shown to others: nothing to tell.)
  const urls = ticket.reporterId === actor.person.id && !ticket.anonymous ? ticketPhotoUrls(ticket) : []
  if (urls.length === 0) return view
  const checks = await photoChecksOf(ctx.store, urls)
  const photoChecks = urls.map((url) => {
    const check = checks.get(url)
    // images: the office's reason only when it refused the photo.
    return { url, status: check?.status ?? 'pending', label: check?.label ?? null, ...(check?.reason ? { reason: check.reason } : {}) }
  })
  return { ...view, photoChecks }
}

/** Views of tickets already known to be readable, reading their context in one statement. */
export const viewsOf = async (ctx: HandlerContext, actor: Actor, tickets: Ticket[], context?: TicketContext): Promise<TicketView[]> =>
  ticketViews(ctx.store, actor, tickets, context ?? (await contextOfTickets(ctx.store, tickets)), ctx.settings)
