/**
 * Working a ticket: read one, list what the caller may see, a handler's inbox (overdue first), and
 * every step through the core transition table (accept, progress notes with photos, resolve with
 * result figures, escalate, confirm, reopen, withdraw), each followed by notices.
 * One rule: the status changes only through core applyTransition, under a version check.
 */
import { applyTransition, inboxOrder, isOpen, TICKET_STATUSES } from '../../../../core/tickets'
import { validateResult } from '../../../../core/ticket-forms'
import type { TicketActorRole, TicketStatus } from '../../../../core/model'
import { actorOf, type HandlerContext } from '../../../context'
import { refuse } from '../../../errors'
import { isSupervisor, isTownshipStaff, policies } from '../../../policies'
import type { Handlers } from '../../types'
import { readableTicket, singleView, ticketForUpdate, viewsOf } from '../shared/access'
import { checkAttachments } from '../shared/attachments'
import { readRows, ticketsQuery, ticketsWithContext, type TicketSource } from '../shared/context'
import { statement } from '../../../storage/statements'
import { rolesOnTicket } from '../shared/view'
import { nextHolder } from '../escalation/chain'
import { notifyStep } from '../notifications/notify'
import { callBackForStep } from '../../voice/callbacks'

/** How many tickets a list answers at most; the township's full list is an export, not a screen. */
const LIST_LIMIT = 200

/** The households a cadre covers, as a subquery (the households.cadreId index). */
const coveredBy = (ctx: HandlerContext, cadreId: string) => ctx.store.db.selectFrom('households').select('id').where('cadreId', '=', cadreId)

/** Every status a ticket is open in (not closed nor withdrawn). */
const OPEN_STATUSES: TicketStatus[] = TICKET_STATUSES.filter(isOpen)

/** The open tickets a person holds (the (assigneeId, status) index), newest first. */
const held = (personId: string, open: readonly TicketStatus[]): TicketSource => ({
  where: (q) => q.where('t.assigneeId', '=', personId).where('t.status', 'in', open),
  newest: LIST_LIMIT,
})

/** Statuses in which a ticket of a household waits for its cadre or for the villager. */
const WAITING_STATUSES: TicketStatus[] = ['submitted', 'accepted', 'resolved']

/** A secretary's inbox: the tickets they hold. */
const heldInbox = statement((db, personId: string, open: readonly TicketStatus[]) => ticketsQuery(db, [held(personId, open)]))

/** A cadre's inbox: the tickets they hold, and those of the households they cover that wait. */
const cadreInbox = statement((db, personId: string, open: readonly TicketStatus[], waiting: readonly TicketStatus[]) =>
  ticketsQuery(db, [
    held(personId, open),
    {
      where: (q) => q.where('t.householdId', 'in', db.selectFrom('households').select('id').where('cadreId', '=', personId)).where('t.status', 'in', waiting),
      newest: LIST_LIMIT,
    },
  ]),
)

export const stepHandlers: Handlers<'ticket.get' | 'ticket.list' | 'ticket.inbox' | 'ticket.act'> = {
  'ticket.get': async ({ ticketId }, ctx) => {
    const actor = actorOf(ctx)
    const { ticket, context } = await readableTicket(ctx, actor, ticketId)
    return singleView(ctx, actor, ticket, context)
  },

  'ticket.list': async ({ open, status }, ctx) => {
    const actor = actorOf(ctx)
    const { person } = actor
    // What the caller may see, from each angle, newest first: one statement for all of them.
    const sources: TicketSource[] = []
    const newest = LIST_LIMIT
    if (person.householdId) {
      const householdId = person.householdId
      sources.push({ where: (q) => q.where('t.householdId', '=', householdId), newest })
    }
    if (person.roles.includes('cadre')) {
      sources.push({ where: (q) => q.where('t.assigneeId', '=', person.id), newest })
      sources.push({ where: (q) => q.where('t.householdId', 'in', coveredBy(ctx, person.id)), newest })
    }
    const villages = [...actor.ledVillageIds, ...(person.roles.includes('secretary') && person.villageId ? [person.villageId] : [])]
    if (villages.length) sources.push({ where: (q) => q.where('t.villageId', 'in', villages), newest })
    if (isTownshipStaff(actor, person.townshipId) || isSupervisor(actor, person.townshipId)) {
      sources.push({ where: (q) => (status ? q.where('t.townshipId', '=', person.townshipId).where('t.status', '=', status) : q.where('t.townshipId', '=', person.townshipId)), newest })
    }
    const { tickets, context } = await ticketsWithContext(ctx.store, sources)
    const visible = tickets
      .filter((t) => open === undefined || isOpen(t.status) === open)
      .filter((t) => status === undefined || t.status === status)
      .filter((t) => {
        const household = context.households.get(t.householdId)
        return household !== undefined && policies['ticket:read'](actor, t, household)
      })
      .sort((a, b) => b.createdAt - a.createdAt)
      .slice(0, LIST_LIMIT)
    return viewsOf(ctx, actor, visible, context)
  },

  'ticket.inbox': async (_input, ctx) => {
    const actor = actorOf(ctx)
    const { person } = actor
    if (!person.roles.includes('cadre') && !person.roles.includes('secretary')) return refuse('AUTH.FORBIDDEN')
    // The open tickets I hold (the (assigneeId, status) index), and those of the households I cover
    // that wait for me or for the villager: one statement, with their context.
    const { tickets, context } = readRows(
      person.roles.includes('cadre') ? await cadreInbox(ctx.store, person.id, OPEN_STATUSES, WAITING_STATUSES) : await heldInbox(ctx.store, person.id, OPEN_STATUSES),
    )
    return viewsOf(ctx, actor, inboxOrder(tickets.filter((t) => isOpen(t.status)), ctx.now).slice(0, LIST_LIMIT), context)
  },

  'ticket.act': async (input, ctx) => {
    const actor = actorOf(ctx)
    const { ticket, household, context } = await ticketForUpdate(ctx, actor, input.ticketId)
    if (ticket.version !== input.version) return refuse('CONFLICT.STALE_VERSION')
    const secretaryId = context.secretaries.get(ticket.villageId) ?? null
    const roles = rolesOnTicket(actor, ticket, household, secretaryId)
    if (roles.length === 0) return refuse('TICKET.FORBIDDEN_ACTOR')
    await checkAttachments(ctx, actor, input.photoUrls, 'photo')
    let result = undefined
    if (input.result && input.action === 'resolve') {
      const checked = validateResult(ticket.category, input.result, ctx.settings)
      if (!checked.ok) return refuse(checked.code)
      result = checked.value
    } else if (input.result) {
      return refuse('TICKET.RESULT_NOT_ALLOWED')
    }
    // A person may hold several roles on a ticket; act in the first one the table allows.
    const attempt = (role: TicketActorRole) =>
      applyTransition(ticket, {
        action: input.action,
        actorId: actor.person.id,
        actorRole: role,
        at: ctx.now,
        note: input.note,
        satisfaction: input.satisfaction ?? null,
        nextAssigneeId: nextHolder(input.action, secretaryId),
        photoUrls: input.photoUrls,
        result,
      })
    let outcome = attempt(roles[0] as TicketActorRole)
    for (const role of roles.slice(1)) {
      if (outcome.ok) break
      const next = attempt(role)
      if (next.ok || outcome.code === 'TICKET.FORBIDDEN_ACTOR') outcome = next
    }
    if (!outcome.ok) return refuse(outcome.code)
    await ctx.store.replace('tickets', outcome.value, { ifVersion: ticket.version })
    await notifyStep(ctx, outcome.value, ticket.assigneeId, actor.person.id, context)
    // Issue 13: a low satisfaction or a reopen enters the supervision group's call-back queue.
    await callBackForStep(ctx, outcome.value, household, input.action, actor.person.id)
    return singleView(ctx, actor, outcome.value, context)
  },
}
