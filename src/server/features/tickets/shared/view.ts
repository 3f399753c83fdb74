/**
 * Builds what a viewer sees of tickets. One rule: an anonymous reporter's name (and their own steps'
 * names) and household number reach only the handling cadre, decided by policies['ticket:seeReporter'].
 */
import { allowedActions, ticketRolesOf } from '../../../../core/tickets'
import { levelClock, statusSentence } from '../../../../core/ticket-rules'
import type { Settings } from '../../../../core/settings'
import { householdVisibleTo, redactPublicText } from '../../../../core/voice'
import type { Household, Person, Ticket } from '../../../../core/model'
import type { TicketView } from '../../../../contracts/views'
import { zhCN } from '../../../../i18n/zh-CN'
import type { Actor } from '../../../context'
import { isTicketHandlingStaff, policies } from '../../../policies'
import type { Store } from '../../../storage/port'
import type { TicketContext } from './context'
import { personRef } from '../../views'

/** The ticket-relative roles of an actor (core decides; this only gathers the facts). */
export const rolesOnTicket = (actor: Actor, ticket: Ticket, household: Household, villageSecretaryId: string | null) =>
  ticketRolesOf(ticket, {
    personId: actor.person.id,
    personHouseholdId: actor.person.householdId,
    householdCadreId: household.cadreId,
    villageSecretaryId,
    townshipStaff: isTicketHandlingStaff(actor, ticket.townshipId),
  })

/**
 * Views of tickets the caller has already been allowed to read, with their context (households,
 * village names and secretaries: see context.ts). Reads only the names of people the context does
 * not already hold, in one statement (none when it holds them all).
 */
export const ticketViews = async (store: Store, actor: Actor, tickets: Ticket[], context: TicketContext, settings: Pick<Settings, 'tickets'>): Promise<TicketView[]> => {
  if (tickets.length === 0) return []
  const person = new Map<string, Person>(context.people)
  person.set(actor.person.id, actor.person)
  const missing = new Set<string>()
  const want = (id: string | null | undefined) => {
    if (id && !person.has(id)) missing.add(id)
  }
  for (const t of tickets) {
    want(t.reporterId)
    want(t.assigneeId)
    want(t.onBehalfOfId)
    for (const e of t.history) want(e.actorId)
  }
  for (const p of missing.size ? await store.getMany('people', [...missing]) : []) person.set(p.id, p)
  const households = context.households
  const villageName = context.villageNames
  const secretaries = context.secretaries
  return tickets.map((t) => {
    const household = households.get(t.householdId)
    if (!household) throw new Error(`ticket ${t.id} without household ${t.householdId}`)
    const seesReporter = policies['ticket:seeReporter'](actor, t, household)
    const nameOf = (id: string) => person.get(id)?.name ?? ''
    const hidden = (id: string) => !seesReporter && id === t.reporterId
    const roles = rolesOnTicket(actor, t, household, secretaries.get(t.villageId) ?? null)
    const assignee = t.assigneeId ? person.get(t.assigneeId) : undefined
    const sentence = statusSentence(t, actor.person.id, roles)
    return {
      id: t.id,
      kind: t.kind,
      category: t.category,
      // Issue 13: to those who may not see an anonymous reporter, the words lose the reporter's name, phone and ID numbers.
      description: seesReporter ? t.description : redactPublicText(t.description, [nameOf(t.reporterId), household.headName]),
      status: t.status,
      villageName: villageName.get(t.villageId) ?? '',
      householdNumber: householdVisibleTo(seesReporter, actor.person.householdId, t) ? household.number : null,
      reporterName: seesReporter ? nameOf(t.reporterId) : null,
      anonymous: t.anonymous,
      filedOnBehalf: t.filedOnBehalf,
      assignee: assignee && !hidden(assignee.id) ? personRef(assignee) : null,
      createdAt: t.createdAt,
      dueAt: t.dueAt,
      version: t.version,
      satisfaction: t.satisfaction,
      history: t.history.map((e) => ({
        seq: e.seq,
        action: e.action,
        from: e.from,
        to: e.to,
        actorName: hidden(e.actorId) ? zhCN.voice.anonymous : nameOf(e.actorId),
        ...(hidden(e.actorId) ? { actorHidden: true } : {}), // mongolian: the client words the label
        at: e.at,
        note: e.note,
        photoUrls: e.photoUrls ?? [],
      })),
      allowedActions: allowedActions(t, roles, actor.person.id),
      answers: t.answers ?? {},
      photoUrls: t.photoUrls,
      voiceUrl: t.voiceUrl ?? null,
      location: t.location ?? null,
      result: t.result,
      onBehalfOfName: t.onBehalfOfId && seesReporter ? nameOf(t.onBehalfOfId) : null,
      following: (t.followerIds ?? []).includes(actor.person.id),
      statusSentence: { kind: sentence.kind, holderName: sentence.kind === 'held_by' && sentence.holderId && !hidden(sentence.holderId) ? nameOf(sentence.holderId) : null },
      levelClock: levelClock(t, settings),
    }
  })
}
