/**
 * Calling the villager from the ticket page: the handling chain (the household's cadre, the
 * village secretary, township staff, or the owner a meeting named) reads the reporter's number,
 * and every read is logged in the reveal log like the office's. One rule: the reporter, followers
 * anyone outside the chain, and anyone who may not see an anonymous reporter get AUTH.FORBIDDEN; a villager filed for without a phone answers null.
 */
import { actorOf } from '../../../context'
import { refuse } from '../../../errors'
import { policies } from '../../../policies'
import type { Handlers } from '../../types'
import { readableTicket } from '../shared/access'
import { rolesOnTicket } from '../shared/view'

export const contactHandlers: Handlers<'ticket.callReporter'> = {
  'ticket.callReporter': async ({ ticketId }, ctx) => {
    const actor = actorOf(ctx)
    const { ticket, context } = await readableTicket(ctx, actor, ticketId)
    const household = context.households.get(ticket.householdId)
    if (!household) return refuse('NOT_FOUND')
    const roles = rolesOnTicket(actor, ticket, household, context.secretaries.get(ticket.villageId) ?? null)
    if (!roles.some((r) => r === 'cadre' || r === 'secretary' || r === 'township')) return refuse('AUTH.FORBIDDEN')
    // An anonymous reporter stays hidden from whoever may not see him (the office reveals with a reason).
    if (!policies['ticket:seeReporter'](actor, ticket, household)) return refuse('AUTH.FORBIDDEN')
    const villagerId = ticket.filedOnBehalf && ticket.onBehalfOfId ? ticket.onBehalfOfId : ticket.reporterId
    const villager = await ctx.store.get('people', villagerId)
    if (!villager) return refuse('NOT_FOUND')
    const phone = villager.hasPhone && villager.phone ? villager.phone : null
    if (phone) await ctx.store.insert('reveals', { id: ctx.newId('reveal'), townshipId: ticket.townshipId, actorId: actor.person.id, subjectId: villager.id, field: 'phone', at: ctx.now })
    return { name: villager.name, phone }
  },
}
