/**
 * 村两委及驻村工作组联系会议 (joint meeting): the village party secretary's desk (the village's
 * escalated tickets, its meetings, who may own a decision); convening a meeting puts the chosen
 * tickets on its agenda (each takes the escalate_joint_meeting step); recording it writes the
 * attendees and, per ticket, the decision and its owner (the decide step, who then holds it).
 * Passing a ticket up to the township 联席会议 is the escalate_township step (ticket.act).
 * One rule: only the village's own secretary convenes and records, and only its own tickets.
 */
import { applyTransition, isEscalated } from '../../../../core/tickets'
import type { JointMeeting, Ticket } from '../../../../core/model'
import type { MeetingView } from '../../../../contracts/views'
import { actorOf, type Actor, type HandlerContext } from '../../../context'
import { refuse } from '../../../errors'
import { isVillageSecretary } from '../../../policies'
import type { Handlers } from '../../types'
import { personRef } from '../../views'
import { viewsOf } from '../shared/access'
import { contextOfTickets, ticketsWithContext, type TicketContext } from '../shared/context'
import { notifyStep } from '../notifications/notify'
import { attendeeCandidates, ownerCandidates, teamOfVillage } from '../escalation/chain'

/** The secretary's own village, or AUTH.FORBIDDEN for anyone else. */
const secretaryVillage = (actor: Actor): string => {
  const villageId = actor.person.villageId
  if (!villageId || !isVillageSecretary(actor, villageId)) return refuse('AUTH.FORBIDDEN')
  return villageId
}

const meetingViews = async (ctx: HandlerContext, meetings: JointMeeting[]): Promise<MeetingView[]> => {
  if (meetings.length === 0) return []
  const ticketIds = [...new Set(meetings.flatMap((m) => m.ticketIds))]
  const personIds = [...new Set(meetings.flatMap((m) => [m.convenedById, ...m.attendeeIds, ...m.decisions.map((d) => d.ownerId)]))]
  const [tickets, people, villages] = await Promise.all([
    ctx.store.getMany('tickets', ticketIds),
    ctx.store.getMany('people', personIds),
    ctx.store.getMany('villages', [...new Set(meetings.map((m) => m.villageId))]),
  ])
  const ticket = new Map(tickets.map((t) => [t.id, t]))
  const person = new Map(people.map((p) => [p.id, p]))
  const villageName = new Map(villages.map((v) => [v.id, v.name]))
  const ref = (id: string) => {
    const p = person.get(id)
    return p ? personRef(p) : { id, name: '', title: '' }
  }
  return meetings.map((m) => ({
    id: m.id,
    villageName: villageName.get(m.villageId) ?? '',
    topic: m.topic,
    convenedAt: m.convenedAt,
    convenedBy: ref(m.convenedById),
    status: m.status,
    version: m.version,
    attendees: m.attendeeIds.map(ref),
    agenda: m.ticketIds.flatMap((id) => {
      const t = ticket.get(id)
      return t ? [{ ticketId: id, category: t.category, description: t.description, status: t.status }] : []
    }),
    decisions: m.decisions.map((d) => ({ ticketId: d.ticketId, decision: d.decision, owner: ref(d.ownerId), at: d.at })),
  }))
}

/** Applies one step to a ticket the secretary acts on, stores it and notifies. */
const step = async (
  ctx: HandlerContext,
  actor: Actor,
  ticket: Ticket,
  context: TicketContext,
  action: 'escalate_joint_meeting' | 'decide',
  note: string,
  ownerId?: string,
) => {
  const outcome = applyTransition(ticket, { action, actorId: actor.person.id, actorRole: 'secretary', at: ctx.now, note, nextAssigneeId: ownerId })
  if (!outcome.ok) return refuse(outcome.code)
  await ctx.store.replace('tickets', outcome.value, { ifVersion: ticket.version })
  await notifyStep(ctx, outcome.value, ticket.assigneeId, actor.person.id, context)
  return outcome.value
}

export const jointMeetingHandlers: Handlers<'meeting.desk' | 'meeting.convene' | 'meeting.record'> = {
  'meeting.desk': async (_input, ctx) => {
    const actor = actorOf(ctx)
    const villageId = secretaryVillage(actor)
    const [village, { tickets, context }, meetings, team] = await Promise.all([
      ctx.store.get('villages', villageId),
      ticketsWithContext(ctx.store, [
        { where: (q) => q.where('t.villageId', '=', villageId).where('t.status', 'in', ['escalated_secretary', 'joint_meeting', 'township_session']), newest: 200 },
      ]),
      ctx.store.find('meetings', { villageId }, { orderBy: { field: 'convenedAt', direction: 'desc' }, limit: 20 }),
      teamOfVillage(ctx.store, villageId),
    ])
    const owners = await ownerCandidates(ctx.store, team)
    // The team's people are often the names on the tickets too: read once.
    for (const p of owners) if (!context.people.has(p.id)) context.people.set(p.id, p)
    return {
      villageName: village?.name ?? '',
      escalated: await viewsOf(ctx, actor, tickets.sort((a, b) => a.dueAt - b.dueAt), context),
      meetings: await meetingViews(ctx, meetings),
      owners: owners.map(personRef),
      attendeeCandidates: (await attendeeCandidates(ctx.store, actor.person.townshipId, villageId, owners)).map(personRef),
    }
  },

  'meeting.convene': async (input, ctx) => {
    const actor = actorOf(ctx)
    const villageId = secretaryVillage(actor)
    const ticketIds = [...new Set(input.ticketIds)]
    const tickets = await ctx.store.getMany('tickets', ticketIds)
    if (tickets.length !== ticketIds.length) return refuse('NOT_FOUND')
    // Another village's ticket is not this secretary's business: refused as forbidden, nothing written.
    if (tickets.some((t) => t.villageId !== villageId || t.townshipId !== actor.person.townshipId)) return refuse('AUTH.FORBIDDEN')
    if (tickets.some((t) => t.status !== 'escalated_secretary')) return refuse('MEETING.TICKET_NOT_ESCALATED')
    const context = await contextOfTickets(ctx.store, tickets)
    for (const t of tickets) await step(ctx, actor, t, context, 'escalate_joint_meeting', input.note)
    const meeting: JointMeeting = {
      id: ctx.newId('mt'),
      townshipId: actor.person.townshipId,
      villageId,
      convenedById: actor.person.id,
      convenedAt: ctx.now,
      topic: input.topic,
      ticketIds,
      attendeeIds: [],
      decisions: [],
      status: 'convened',
      version: 1,
    }
    await ctx.store.insert('meetings', meeting)
    return (await meetingViews(ctx, [meeting]))[0] as MeetingView
  },

  'meeting.record': async (input, ctx) => {
    const actor = actorOf(ctx)
    const villageId = secretaryVillage(actor)
    const meeting = await ctx.store.get('meetings', input.meetingId)
    if (!meeting) return refuse('NOT_FOUND')
    if (meeting.villageId !== villageId || meeting.townshipId !== actor.person.townshipId) return refuse('AUTH.FORBIDDEN')
    if (meeting.version !== input.version) return refuse('CONFLICT.STALE_VERSION')
    if (meeting.status === 'recorded') return refuse('MEETING.ALREADY_RECORDED')
    const decided = new Set<string>()
    for (const d of input.decisions) {
      if (!meeting.ticketIds.includes(d.ticketId) || decided.has(d.ticketId)) return refuse('MEETING.TICKET_NOT_ON_AGENDA')
      decided.add(d.ticketId)
    }
    const team = await teamOfVillage(ctx.store, villageId)
    const teamPeople = await ownerCandidates(ctx.store, team)
    const owners = new Set(teamPeople.map((p) => p.id))
    if (input.decisions.some((d) => !owners.has(d.ownerId))) return refuse('MEETING.OWNER_NOT_IN_TEAM')
    const eligible = new Set((await attendeeCandidates(ctx.store, actor.person.townshipId, villageId, teamPeople)).map((p) => p.id))
    if (input.attendeeIds.some((id) => !eligible.has(id))) return refuse('MEETING.ATTENDEE_NOT_ELIGIBLE')
    const list = await ctx.store.getMany('tickets', [...decided])
    const tickets = new Map(list.map((t) => [t.id, t]))
    const context = await contextOfTickets(ctx.store, list)
    for (const d of input.decisions) {
      const ticket = tickets.get(d.ticketId)
      if (!ticket) return refuse('NOT_FOUND')
      // A ticket passed on to the township meanwhile keeps its status; the decision is still minuted.
      if (ticket.status === 'joint_meeting') await step(ctx, actor, ticket, context, 'decide', d.decision, d.ownerId)
      else if (!isEscalated(ticket.status) && ticket.status !== 'resolved' && ticket.status !== 'closed') return refuse('MEETING.TICKET_NOT_ESCALATED')
    }
    const recorded: JointMeeting = {
      ...meeting,
      attendeeIds: [...new Set(input.attendeeIds)],
      decisions: input.decisions.map((d) => ({ ...d, at: ctx.now })),
      status: 'recorded',
      version: meeting.version + 1,
    }
    await ctx.store.replace('meetings', recorded, { ifVersion: meeting.version })
    return (await meetingViews(ctx, [recorded]))[0] as MeetingView
  },
}
