/**
 * Who hears about a ticket's step (in-app notification and subscribe message): the people concerned.
 * One rule: everyone concerned except the person who took the step; nobody outside the ticket's
 * household, handling chain and followers.
 */
import type { Ticket } from './model'
import { isEscalated } from './tickets'

export interface NotificationFacts {
  /** The ticket after the step. */
  ticket: Ticket
  /** Who held it before the step (null for a new ticket). */
  previousAssigneeId: string | null
  actorId: string
  /** Members of the ticket's household (for a ticket filed on behalf: they close the loop). */
  householdMemberIds: readonly string[]
  householdCadreId: string | null
  villageSecretaryId: string | null
}

/**
 * The reporter (or, for a ticket filed on behalf, the household's members), the new and previous
 * holder, the household's cadre, the village secretary once it is escalated, and the followers.
 */
export const notificationRecipients = (f: NotificationFacts): string[] => {
  const t = f.ticket
  const wasEscalated = t.history.some((e) => e.to === 'escalated_secretary')
  const ids = [
    ...(t.filedOnBehalf ? f.householdMemberIds : [t.reporterId]),
    t.assigneeId,
    f.previousAssigneeId,
    f.householdCadreId,
    isEscalated(t.status) || wasEscalated ? f.villageSecretaryId : null,
    ...(t.followerIds ?? []),
  ]
  return [...new Set(ids.filter((id): id is string => typeof id === 'string' && id !== '' && id !== f.actorId))]
}
