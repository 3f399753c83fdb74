/**
 * Issue 10 item 6 (guard): a replayed write re-checks authorization by its object. The dispatcher
 * answers a write's retry (same request id) from its idempotency record; before it does, the
 * caller's scope must be unchanged (dispatch scopeOf) AND, for an action whose right rests on a
 * relation that can change without the caller's scope changing (the household's cadre, a team's
 * members, the ticket's holder), the action's own policy must still allow it on the object as it is
 * now. Otherwise the replay is refused (AUTH.FORBIDDEN) and the stored answer is not given.
 *
 * One rule: every write action is listed here (a test checks it), as
 * - a guard: the action's policy asked again on the object, reading the store as it is now;
 * - 'scope': the right rests only on facts the scope covers (roles, duty, township, village,
 *   household, led teams) or on objects whose place never changes, so the scope check suffices;
 * - 'rerun': a personal answer, never stored: the action runs again with all its checks.
 */
import type { ActionName, ParsedInputOf } from '../contracts'
import type { Household } from '../core/model'
import type { Actor, HandlerContext } from './context'
import { ActionError } from './errors'
import { planPolicies, policies, verdictPolicies } from './policies'
import { ratingTargetsOf } from './features/ratings/handlers'
import { ticketForUpdate } from './features/tickets/shared/access'
import { rolesOnTicket } from './features/tickets/shared/view'
import { mayDecideNow } from './features/voice/photos'

/** True when the actor may still do the action on its object. */
export type ReplayGuard<N extends ActionName> = (input: ParsedInputOf<N>, ctx: HandlerContext, actor: Actor) => Promise<boolean>

export type ReplayCheck<N extends ActionName> = 'scope' | 'rerun' | ReplayGuard<N>

const householdAllows = async (ctx: HandlerContext, householdId: string | null | undefined, allows: (h: Household) => boolean) => {
  if (!householdId) return false
  const household = await ctx.store.get('households', householdId)
  return !!household && allows(household)
}

/** The caller may still read the ticket and has a role on it (the same checks as ticket.act), or holds it. */
const stillOnTicket = async (ctx: HandlerContext, actor: Actor, ticketId: string): Promise<boolean> => {
  try {
    const { ticket, household, context } = await ticketForUpdate(ctx, actor, ticketId)
    return ticket.assigneeId === actor.person.id || rolesOnTicket(actor, ticket, household, context.secretaries.get(ticket.villageId) ?? null).length > 0
  } catch (error) {
    if (error instanceof ActionError) return false
    throw error
  }
}

export const replayChecks: { [N in ActionName]?: ReplayCheck<N> } = {
  // ---- the household's cadre can change (roster.assignHousehold): his rights over it go with it
  'ticket.create': (input, ctx, actor) => householdAllows(ctx, input.householdId ?? actor.person.householdId, (h) => policies['ticket:create'](actor, h)),
  'ticket.act': (input, ctx, actor) => stillOnTicket(ctx, actor, input.ticketId),
  'visit.create': (input, ctx, actor) => householdAllows(ctx, input.householdId, (h) => verdictPolicies['visit:create'](actor, h)),
  'visit.plan': (input, ctx, actor) => householdAllows(ctx, input.householdId, (h) => planPolicies['visit:plan'](actor, h)),
  'visit.toTicket': async (input, ctx, actor) => {
    const visit = await ctx.store.get('visits', input.visitId)
    return !!visit && visit.cadreId === actor.person.id && householdAllows(ctx, visit.householdId, (h) => policies['ticket:create'](actor, h))
  },
  'binding.invite': async (input, ctx, actor) => {
    const member = await ctx.store.get('people', input.personId)
    return !!member && householdAllows(ctx, member.householdId, (h) => policies['binding:invite'](actor, h))
  },
  // ---- a rating's target: the household's cadre (villagers), a team's members (peers), ...
  'rating.submit': async (input, ctx, actor) => (await ratingTargetsOf(ctx, actor)).some((t) => t.cadre.id === input.cadreId && t.band === input.band),
  // ---- a team's members can change: the leader's rights over a member go with them
  'leave.decide': async (input, ctx, actor) => {
    const leave = await ctx.store.get('leaves', input.leaveId)
    return !!leave && verdictPolicies['leave:decide'](actor, leave, await ctx.store.find('teams', { townshipId: leave.townshipId }))
  },
  // images: the photo's object can change hands (a ticket's holder, its household's cadre): decide only what is not his own.
  'photo.decide': async (input, ctx, actor) => {
    const check = await ctx.store.get('mediaChecks', input.checkId)
    return !!check && mayDecideNow(ctx.store, actor, check)
  },
  'records.addNote': async (input, ctx, actor) => {
    const cadre = await ctx.store.get('people', input.cadreId)
    return !!cadre && policies['cadre:addNote'](actor, cadre, await ctx.store.find('teams', { townshipId: cadre.townshipId }))
  },

  // ---- personal answers (a phone, an anonymous reporter's name): never stored, run again
  'office.reveal': 'rerun',
  'ticket.callReporter': 'rerun',
  'ticket.revealReporter': 'rerun',

  // ---- the caller's own things, or the township's by role: the scope check is the policy
  'cadre.setPhoto': 'scope',
  'roster.assignHousehold': 'scope',
  'ticket.follow': 'scope',
  'meeting.convene': 'scope',
  'meeting.record': 'scope',
  'notification.readAll': 'scope',
  'office.closePeriod': 'scope',
  'office.reopenPeriod': 'scope',
  'office.updateHousehold': 'scope',
  'office.updatePerson': 'scope',
  'office.postNotice': 'scope',
  'office.addVillage': 'scope',
  'office.addGroup': 'scope',
  'office.savePlace': 'scope',
  'office.importFile': 'scope',
  'office.exportFile': 'scope',
  'supervision.planCheck': 'scope',
  'supervision.recordCheck': 'scope',
  'supervision.verifyPresence': 'scope',
  'supervision.resolveReport': 'scope',
  'supervision.fileReport': 'scope',
  'cadre.selfReview': 'scope',
  // The signer is a member of the visited household: the household is in the scope.
  'visit.signOff': 'scope',
  'visit.dispute': 'scope',
  'signin.consent': 'scope',
  'signin.submit': 'scope',
  'leave.request': 'scope',
  'upload.register': 'scope',
  'auth.logout': 'scope',
  'login.qrStart': 'scope',
  'login.qrConfirm': 'scope',
  'moderation.decide': 'scope',
  'callback.record': 'scope',
  'binding.unbind': 'scope',
  // Public actions: keyed by the WeChat account (OPENID), no person yet.
  'setup.claim': 'scope',
  'binding.accept': 'scope',
  'binding.byPhone': 'scope',
  'binding.sendCode': 'scope',
  'binding.byCode': 'scope',
}

/** Whether the stored answer of `name` may be replayed to this actor now (true for 'scope' and 'rerun'). */
export const replayStillAllowed = async (name: ActionName, input: unknown, ctx: HandlerContext): Promise<boolean> => {
  const check = replayChecks[name] as ReplayCheck<ActionName> | undefined
  // An action missing from the list is refused a replay rather than answered unchecked.
  if (check === undefined) return false
  if (check === 'scope' || check === 'rerun') return true
  if (!ctx.actor) return false
  return check(input as ParsedInputOf<ActionName>, ctx, ctx.actor)
}
