/**
 * 反映问题, before filing: "already reported: follow it instead". A villager sees that open reports
 * of the same category exist in their village (status and date only: never another household's
 * words or names) and may follow one; its status changes then reach them as notices.
 * One rule: nothing of another household's ticket but its status and date leaves the server.
 */
import { isOpen, openSameCategory, TICKET_STATUSES } from '../../../../core/tickets'
import { actorOf } from '../../../context'
import { refuse } from '../../../errors'
import type { Handlers } from '../../types'
import type { SimilarTicketView } from '../../../../contracts/views'

/** The hint names a few, newest first: enough to say "follow it instead". */
const SIMILAR_LIMIT = 5

export const problemReportHandlers: Handlers<'ticket.similar' | 'ticket.follow'> = {
  'ticket.similar': async ({ category }, ctx) => {
    const { person } = actorOf(ctx)
    if (!person.villageId || !person.householdId) return []
    const candidates = await ctx.store.find('tickets', { villageId: person.villageId, category, status: TICKET_STATUSES.filter(isOpen) })
    return openSameCategory(candidates, person.villageId, category)
      .filter((t) => t.townshipId === person.townshipId)
      .sort((a, b) => b.createdAt - a.createdAt)
      .slice(0, SIMILAR_LIMIT)
      .map(
        (t): SimilarTicketView => ({
          id: t.id,
          status: t.status,
          createdAt: t.createdAt,
          ownHousehold: t.householdId === person.householdId,
          following: (t.followerIds ?? []).includes(person.id),
        }),
      )
  },

  'ticket.follow': async ({ ticketId }, ctx) => {
    const { person } = actorOf(ctx)
    const ticket = await ctx.store.get('tickets', ticketId)
    if (!ticket) return refuse('NOT_FOUND')
    const sameVillage = person.roles.includes('villager') && person.villageId === ticket.villageId && person.townshipId === ticket.townshipId
    if (!sameVillage || !isOpen(ticket.status)) return refuse('TICKET.CANNOT_FOLLOW')
    const followers = ticket.followerIds ?? []
    if (!followers.includes(person.id)) {
      // Following is not a step of the life cycle: the version stays, so nobody's action goes stale.
      await ctx.store.replace('tickets', { ...ticket, followerIds: [...followers, person.id] }, { ifVersion: ticket.version })
    }
    return { ticketId, following: true as const }
  },
}
