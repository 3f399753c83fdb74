/**
 * The escalation ladder's people: cadre -> village party secretary -> joint meeting (an owner from
 * the village's work team) -> township joint session (联席会议, the township office's queue).
 * One rule: who holds a ticket next is decided here and in core's table, never by the client.
 */
import type { Person, Ticket, TicketAction, WorkTeam } from '../../../../core/model'
import type { Store } from '../../../storage/port'

/** The next holder for an escalation step (undefined: the core's default for that step). */
export const nextHolder = (action: TicketAction, secretaryId: string | null): string | null | undefined => {
  if (action === 'escalate_secretary') return secretaryId
  // The township session is a queue: the office takes it from there (core sets null).
  return undefined
}

export const teamOfVillage = async (store: Store, villageId: string): Promise<WorkTeam | null> =>
  (await store.find('teams', { villageId }, { limit: 1 }))[0] ?? null

/** Who may own a joint meeting's decision: the work team's leader, deputy (secretary) and members. */
export const ownerCandidates = async (store: Store, team: WorkTeam | null): Promise<Person[]> =>
  team ? store.getMany('people', [...new Set([team.leaderId, team.secretaryId, ...team.memberIds])]) : []

/**
 * Who may attend a joint meeting (村两委及驻村工作组联系会议): the village's committee members and
 * party secretary, and the work team's leader, deputy and members (`teamPeople`, from
 * ownerCandidates), in that order. Reads only the village's secretary and committee (by role).
 */
export const attendeeCandidates = async (store: Store, townshipId: string, villageId: string, teamPeople: Person[]): Promise<Person[]> => {
  const committee = await store.find('people', { townshipId, villageId, roles: ['secretary', 'committee'] })
  const rank = (p: Person) => (p.roles.includes('secretary') ? 0 : 1)
  committee.sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : 1))
  const seen = new Set<string>()
  return [...committee, ...teamPeople].filter((p) => (seen.has(p.id) ? false : (seen.add(p.id), true)))
}

/** The township session's queue: tickets passed up from the villages, oldest deadline first. */
export const townshipSessionTickets = async (store: Store, townshipId: string, limit: number): Promise<Ticket[]> =>
  store.find('tickets', { townshipId, status: 'township_session' }, { orderBy: { field: 'dueAt', direction: 'asc' }, limit })
