/**
 * Builds what a viewer sees of tickets. One rule: an anonymous reporter's name (and their own steps'
 * names) reach only the handling chain, decided by policies['ticket:seeReporter'].
 */
import { allowedActions, ticketRolesOf } from '../../../../core/tickets'
import type { Household, Person, Ticket } from '../../../../core/model'
import type { TicketView } from '../../../../contracts/views'
import { zhCN } from '../../../../i18n/zh-CN'
import type { Actor } from '../../../context'
import { isTicketHandlingStaff, policies } from '../../../policies'
import type { Store } from '../../../storage/port'
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

export const villageSecretaryIds = async (store: Store, villageIds: string[]): Promise<Map<string, string>> => {
  const teams = villageIds.length ? await store.find('teams', { villageId: [...new Set(villageIds)] }) : []
  return new Map(teams.map((t) => [t.villageId, t.secretaryId]))
}

/** Views of tickets the caller has already been allowed to read, loading names in a few batches. */
export const ticketViews = async (store: Store, actor: Actor, tickets: Ticket[], households: Map<string, Household>): Promise<TicketView[]> => {
  if (tickets.length === 0) return []
  const personIds = new Set<string>()
  for (const t of tickets) {
    personIds.add(t.reporterId)
    if (t.assigneeId) personIds.add(t.assigneeId)
    if (t.onBehalfOfId) personIds.add(t.onBehalfOfId)
    for (const e of t.history) personIds.add(e.actorId)
  }
  const villageIds = [...new Set(tickets.map((t) => t.villageId))]
  const [people, villages, secretaries] = await Promise.all([
    store.getMany('people', [...personIds]),
    store.getMany('villages', villageIds),
    villageSecretaryIds(store, villageIds),
  ])
  const person = new Map<string, Person>(people.map((p) => [p.id, p]))
  const villageName = new Map(villages.map((v) => [v.id, v.name]))
  return tickets.map((t) => {
    const household = households.get(t.householdId)
    if (!household) throw new Error(`ticket ${t.id} without household ${t.householdId}`)
    const seesReporter = policies['ticket:seeReporter'](actor, t, household)
    const nameOf = (id: string) => person.get(id)?.name ?? ''
    const hidden = (id: string) => !seesReporter && id === t.reporterId
    const roles = rolesOnTicket(actor, t, household, secretaries.get(t.villageId) ?? null)
    const assignee = t.assigneeId ? person.get(t.assigneeId) : undefined
    return {
      id: t.id,
      kind: t.kind,
      category: t.category,
      description: t.description,
      status: t.status,
      villageName: villageName.get(t.villageId) ?? '',
      householdNumber: household.number,
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
        actorName: hidden(e.actorId) ? zhCN.tickets.anonymousReporter : nameOf(e.actorId),
        at: e.at,
        note: e.note,
        photoUrls: e.photoUrls ?? [],
      })),
      allowedActions: allowedActions(t, roles),
      answers: t.answers ?? {},
      photoUrls: t.photoUrls,
      voiceUrl: t.voiceUrl ?? null,
      location: t.location ?? null,
      result: t.result,
      onBehalfOfName: t.onBehalfOfId && seesReporter ? nameOf(t.onBehalfOfId) : null,
      following: (t.followerIds ?? []).includes(actor.person.id),
    }
  })
}
