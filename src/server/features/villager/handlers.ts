/**
 * The villager's first screen in one request (issue 12 item 11): the cadre card, the visits waiting
 * for a signature, the household's open tickets, the notices, the unread count and the posting
 * months, each read by the same code as its own action (so the rules and policies stay in one place),
 * after one lookup of the caller. And a cadre's planned visits (issue 12 item 9).
 */
import { checkPlanDate, visitPlanId } from '../../../core/visit-plans'
import { localDate } from '../../../core/time'
import { actorOf } from '../../context'
import { ActionError, refuse } from '../../errors'
import { planPolicies } from '../../policies'
import { officeHandlers } from '../office/handlers'
import { myCadreCard } from '../roster/handlers'
import { ticketHandlers } from '../tickets/handlers'
import type { Handlers } from '../types'
import { visitHandlers } from '../visits/handlers'

export const villagerHandlers: Handlers<'villager.home' | 'visit.plan'> = {
  'villager.home': async (_input, ctx) => {
    const { person } = actorOf(ctx)
    if (!person.roles.includes('villager') || !person.householdId) return refuse('AUTH.FORBIDDEN')
    const cardOrUnassigned = myCadreCard(ctx).then(
      (card) => ({ card, cardError: null }),
      (error: unknown) => {
        // A household without a cadre still gets the rest of its home, with the reason for no card.
        if (error instanceof ActionError && error.code === 'ROSTER.HOUSEHOLD_UNASSIGNED') return { card: null, cardError: error.code }
        throw error
      },
    )
    const [{ card, cardError }, waitingVisits, openTickets, notices, unread, postingMonths] = await Promise.all([
      cardOrUnassigned,
      visitHandlers['visit.waiting']({}, ctx),
      ticketHandlers['ticket.list']({ open: true }, ctx),
      officeHandlers['notices.forMe']({}, ctx),
      // The unread count alone (the (personId, read) index); the list is on 我的事项.
      ctx.store.count('notifications', { personId: person.id, read: false }),
      officeHandlers['posting.months']({}, ctx),
    ])
    return { card, cardError, waitingVisits, openTickets, notices, unread, postingMonths }
  },

  'visit.plan': async ({ householdId, date, note }, ctx) => {
    const actor = actorOf(ctx)
    const household = await ctx.store.get('households', householdId)
    if (!household) return refuse('NOT_FOUND')
    if (!planPolicies['visit:plan'](actor, household)) return refuse('AUTH.FORBIDDEN')
    const id = visitPlanId(household.id, actor.person.id)
    const existing = await ctx.store.get('visitPlans', id)
    if (date === null) {
      if (existing) await ctx.store.remove('visitPlans', id)
      return { householdId, date: null, note: '' }
    }
    const checked = checkPlanDate(date, localDate(ctx.now, ctx.settings))
    if (!checked.ok) return refuse(checked.code)
    const plan = { id, townshipId: household.townshipId, cadreId: actor.person.id, householdId: household.id, date: checked.value, at: ctx.now, note: note ?? '' }
    if (existing) await ctx.store.replace('visitPlans', plan)
    else await ctx.store.insert('visitPlans', plan)
    return { householdId, date: checked.value, note: plan.note }
  },
}
