/**
 * Working a ticket: read one, list what the caller may see, a handler's inbox (overdue first), and
 * every step through the core transition table (accept, progress notes with photos, resolve with
 * result figures, escalate, confirm, reopen, withdraw), each followed by notices.
 * One rule: the status changes only through core applyTransition, under a version check.
 */
import { applyTransition, inboxOrder, isOpen } from '../../../../core/tickets'
import { validateResult } from '../../../../core/ticket-forms'
import type { Ticket, TicketActorRole, TicketStatus } from '../../../../core/model'
import { actorOf } from '../../../context'
import { refuse } from '../../../errors'
import { isSupervisor, isTownshipStaff, policies } from '../../../policies'
import type { Handlers } from '../../types'
import { readableTicket, singleView, viewsOf } from '../shared/access'
import { checkAttachments } from '../shared/attachments'
import { rolesOnTicket, villageSecretaryIds } from '../shared/view'
import { nextHolder } from '../escalation/chain'
import { notifyStep } from '../notifications/notify'

/** How many tickets a list answers at most; the township's full list is an export, not a screen. */
const LIST_LIMIT = 200

export const stepHandlers: Handlers<'ticket.get' | 'ticket.list' | 'ticket.inbox' | 'ticket.act'> = {
  'ticket.get': async ({ ticketId }, ctx) => {
    const actor = actorOf(ctx)
    const { ticket, household } = await readableTicket(ctx, actor, ticketId)
    return singleView(ctx, actor, ticket, household)
  },

  'ticket.list': async ({ open, status }, ctx) => {
    const actor = actorOf(ctx)
    const { person } = actor
    const sources: Promise<Ticket[]>[] = []
    const recent = { orderBy: { field: 'createdAt' as const, direction: 'desc' as const }, limit: LIST_LIMIT }
    if (person.householdId) sources.push(ctx.store.find('tickets', { householdId: person.householdId }, recent))
    if (person.roles.includes('cadre')) {
      sources.push(ctx.store.find('tickets', { assigneeId: person.id }, recent))
      const covered = await ctx.store.find('households', { cadreId: person.id })
      if (covered.length) sources.push(ctx.store.find('tickets', { householdId: covered.map((h) => h.id) }, recent))
    }
    const villages = [...actor.ledVillageIds, ...(person.roles.includes('secretary') && person.villageId ? [person.villageId] : [])]
    if (villages.length) sources.push(ctx.store.find('tickets', { villageId: villages }, recent))
    if (isTownshipStaff(actor, person.townshipId) || isSupervisor(actor, person.townshipId)) {
      const where = status ? { townshipId: person.townshipId, status: status as TicketStatus } : { townshipId: person.townshipId }
      sources.push(ctx.store.find('tickets', where, recent))
    }
    const byId = new Map<string, Ticket>()
    for (const list of await Promise.all(sources)) for (const t of list) byId.set(t.id, t)
    const households = new Map((await ctx.store.getMany('households', [...new Set([...byId.values()].map((t) => t.householdId))])).map((h) => [h.id, h]))
    const visible = [...byId.values()]
      .filter((t) => open === undefined || isOpen(t.status) === open)
      .filter((t) => status === undefined || t.status === status)
      .filter((t) => {
        const household = households.get(t.householdId)
        return household !== undefined && policies['ticket:read'](actor, t, household)
      })
      .sort((a, b) => b.createdAt - a.createdAt)
      .slice(0, LIST_LIMIT)
    return viewsOf(ctx, actor, visible)
  },

  'ticket.inbox': async (_input, ctx) => {
    const actor = actorOf(ctx)
    const { person } = actor
    if (!person.roles.includes('cadre') && !person.roles.includes('secretary')) return refuse('AUTH.FORBIDDEN')
    const sources: Promise<Ticket[]>[] = [ctx.store.find('tickets', { assigneeId: person.id }, { limit: LIST_LIMIT })]
    const covered = person.roles.includes('cadre') ? await ctx.store.find('households', { cadreId: person.id }) : []
    if (covered.length) {
      sources.push(ctx.store.find('tickets', { householdId: covered.map((h) => h.id), status: ['submitted', 'accepted', 'resolved'] }, { limit: LIST_LIMIT }))
    }
    const byId = new Map<string, Ticket>()
    for (const list of await Promise.all(sources)) for (const t of list) if (isOpen(t.status)) byId.set(t.id, t)
    return viewsOf(ctx, actor, inboxOrder([...byId.values()], ctx.now).slice(0, LIST_LIMIT))
  },

  'ticket.act': async (input, ctx) => {
    const actor = actorOf(ctx)
    const { ticket, household } = await readableTicket(ctx, actor, input.ticketId)
    if (ticket.version !== input.version) return refuse('CONFLICT.STALE_VERSION')
    const secretaryId = (await villageSecretaryIds(ctx.store, [ticket.villageId])).get(ticket.villageId) ?? null
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
    await notifyStep(ctx, outcome.value, ticket.assigneeId, actor.person.id)
    return singleView(ctx, actor, outcome.value, household)
  },
}
