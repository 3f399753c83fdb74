/**
 * Ticket actions: file a service request or problem report, read one, list what the caller may see,
 * and act on one through the core transition table (accept, escalate to the village secretary, to
 * the joint meeting, to the township session, resolve, confirm, reopen, withdraw).
 * One rule: the status changes only through core/tickets' applyTransition, under a version check.
 */
import { applyTransition, isOpen, newTicket } from '../../../core/tickets'
import type { Household, Ticket, TicketActorRole } from '../../../core/model'
import { actorOf, type Actor, type HandlerContext } from '../../context'
import { refuse } from '../../errors'
import { isSupervisor, isTownshipStaff, policies } from '../../policies'
import type { Handlers } from '../types'
import { rolesOnTicket, ticketViews, villageSecretaryIds } from './view'

/** A ticket and its household, or NOT_FOUND; AUTH.FORBIDDEN when the actor may not read it. */
const readableTicket = async (ctx: HandlerContext, actor: Actor, ticketId: string): Promise<{ ticket: Ticket; household: Household }> => {
  const ticket = await ctx.store.get('tickets', ticketId)
  if (!ticket) return refuse('NOT_FOUND')
  const household = await ctx.store.get('households', ticket.householdId)
  if (!household || !policies['ticket:read'](actor, ticket, household)) return refuse('AUTH.FORBIDDEN')
  return { ticket, household }
}

const single = async (ctx: HandlerContext, actor: Actor, ticket: Ticket, household: Household) => {
  const [view] = await ticketViews(ctx.store, actor, [ticket], new Map([[household.id, household]]))
  if (!view) throw new Error('ticket view missing')
  return view
}

/** How many tickets a list answers at most; the township's full list is an export, not a screen. */
const LIST_LIMIT = 200

export const ticketHandlers: Handlers<'ticket.create' | 'ticket.get' | 'ticket.list' | 'ticket.act'> = {
  'ticket.create': async (input, ctx) => {
    const actor = actorOf(ctx)
    const householdId = input.householdId ?? actor.person.householdId
    if (!householdId) return refuse('AUTH.FORBIDDEN')
    const household = await ctx.store.get('households', householdId)
    if (!household) return refuse('NOT_FOUND')
    if (!policies['ticket:create'](actor, household)) return refuse('AUTH.FORBIDDEN')
    const onBehalf = household.cadreId === actor.person.id && actor.person.householdId !== household.id
    const created = newTicket(
      {
        id: ctx.newId('tk'),
        townshipId: household.townshipId,
        villageId: household.villageId,
        householdId: household.id,
        kind: input.kind,
        category: input.category,
        description: input.description,
        reporterId: actor.person.id,
        filedOnBehalf: onBehalf,
        anonymous: input.anonymous,
        photoUrls: input.photoUrls,
        assigneeId: household.cadreId,
        at: ctx.now,
      },
      ctx.settings,
    )
    if (!created.ok) return refuse(created.code)
    await ctx.store.insert('tickets', created.value)
    return single(ctx, actor, created.value, household)
  },

  'ticket.get': async ({ ticketId }, ctx) => {
    const actor = actorOf(ctx)
    const { ticket, household } = await readableTicket(ctx, actor, ticketId)
    return single(ctx, actor, ticket, household)
  },

  'ticket.list': async ({ open }, ctx) => {
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
      sources.push(ctx.store.find('tickets', { townshipId: person.townshipId }, recent))
    }
    const byId = new Map<string, Ticket>()
    for (const list of await Promise.all(sources)) for (const t of list) byId.set(t.id, t)
    const households = new Map((await ctx.store.getMany('households', [...new Set([...byId.values()].map((t) => t.householdId))])).map((h) => [h.id, h]))
    const visible = [...byId.values()]
      .filter((t) => open === undefined || isOpen(t.status) === open)
      .filter((t) => {
        const household = households.get(t.householdId)
        return household !== undefined && policies['ticket:read'](actor, t, household)
      })
      .sort((a, b) => b.createdAt - a.createdAt)
      .slice(0, LIST_LIMIT)
    return ticketViews(ctx.store, actor, visible, households)
  },

  'ticket.act': async (input, ctx) => {
    const actor = actorOf(ctx)
    const { ticket, household } = await readableTicket(ctx, actor, input.ticketId)
    if (ticket.version !== input.version) return refuse('CONFLICT.STALE_VERSION')
    const secretaryId = (await villageSecretaryIds(ctx.store, [ticket.villageId])).get(ticket.villageId) ?? null
    const roles = rolesOnTicket(actor, ticket, household, secretaryId)
    if (roles.length === 0) return refuse('TICKET.FORBIDDEN_ACTOR')
    // A person may hold several roles on a ticket; act in the first one the table allows.
    const attempt = (role: TicketActorRole) =>
      applyTransition(ticket, {
        action: input.action,
        actorId: actor.person.id,
        actorRole: role,
        at: ctx.now,
        note: input.note,
        satisfaction: input.satisfaction ?? null,
        nextAssigneeId: input.action === 'escalate_secretary' ? secretaryId : undefined,
      })
    let outcome = attempt(roles[0] as TicketActorRole)
    for (const role of roles.slice(1)) {
      if (outcome.ok) break
      const next = attempt(role)
      if (next.ok || outcome.code === 'TICKET.FORBIDDEN_ACTOR') outcome = next
    }
    if (!outcome.ok) return refuse(outcome.code)
    await ctx.store.replace('tickets', outcome.value, { ifVersion: ticket.version })
    return single(ctx, actor, outcome.value, household)
  },
}
