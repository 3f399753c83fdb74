/**
 * Issue 13: the villagers' voice: revealing an anonymous reporter (a logged fraud check), the
 * public view of a report for the village's other villagers, the moderation queue and the
 * call-back queue. One rule: this file gathers them; each rule is core/voice.
 */
import { isOpen } from '../../../core/tickets'
import { redactPublicText, revealReasonValid } from '../../../core/voice'
import type { PublicTicketView } from '../../../contracts/views.voice'
import { actorOf } from '../../context'
import { refuse } from '../../errors'
import { policies, publicPolicies } from '../../policies'
import type { Handlers } from '../types'
import { readableTicket } from '../tickets/shared/access'
import { callBackHandlers } from './callbacks'
import { moderationHandlers } from './moderation'
import { photoHandlers } from './photos'
import { contentSecurityOf, privateNamesOf } from './redaction'
import { publicPhotoUrls } from './media'

type VoiceAction = 'ticket.revealReporter' | 'ticket.publicView' | 'moderation.queue' | 'moderation.decide' | 'callback.list' | 'callback.record' | 'photo.queue' | 'photo.decide'

export const voiceHandlers: Handlers<VoiceAction> = {
  'ticket.revealReporter': async ({ ticketId, reason }, ctx) => {
    const actor = actorOf(ctx)
    const { ticket, household } = await readableTicket(ctx, actor, ticketId)
    // The township only (office, leadership, supervision): the fraud check is theirs.
    if (!policies['office:read'](actor, ticket.townshipId)) return refuse('AUTH.FORBIDDEN')
    if (!ticket.anonymous) return refuse('VOICE.NOT_ANONYMOUS')
    if (!revealReasonValid(reason)) return refuse('VOICE.REASON_REQUIRED')
    const reporter = await ctx.store.get('people', ticket.reporterId)
    await ctx.store.insert('reveals', { id: ctx.newId('reveal'), townshipId: ticket.townshipId, actorId: actor.person.id, subjectId: ticket.id, field: 'reporter', at: ctx.now, reason: reason.trim() })
    return { name: reporter?.name ?? '', householdNumber: household.number }
  },

  'ticket.publicView': async ({ ticketId }, ctx) => {
    const { person } = actorOf(ctx)
    const ticket = await ctx.store.get('tickets', ticketId)
    if (!ticket) return refuse('NOT_FOUND')
    const following = (ticket.followerIds ?? []).includes(person.id)
    // A follower, or a villager of the village looking at an open report before following it.
    if (!publicPolicies['ticket:readPublic'](actorOf(ctx), ticket)) return refuse('AUTH.FORBIDDEN')
    // guard: only photos the content check cleared (core photoShownToPublic).
    const [village, names, photoUrls] = await Promise.all([ctx.store.get('villages', ticket.villageId), privateNamesOf(ctx, [ticket.villageId]), publicPhotoUrls(ctx.store, ticket)])
    const check = await contentSecurityOf(ctx).checkText({ text: ticket.description, openid: null, scene: 'forum' })
    const ended = ticket.status === 'closed' || ticket.status === 'resolved'
    const closedAt = ticket.status === 'closed' ? (ticket.history.filter((e) => e.action === 'confirm').pop()?.at ?? null) : null
    const view: PublicTicketView = {
      id: ticket.id,
      category: ticket.category,
      status: ticket.status,
      villageName: village?.name ?? '',
      description: check.verdict === 'risky' ? null : redactPublicText(ticket.description, names),
      createdAt: ticket.createdAt,
      steps: ticket.history.map((e) => ({ action: e.action, byRole: e.actorRole, at: e.at })),
      outcome: ended ? { closedAt, satisfaction: ticket.satisfaction, beneficiaries: ticket.result?.beneficiaries ?? null } : null,
      photoUrls,
      following,
      canFollow: isOpen(ticket.status) && !following && person.householdId !== ticket.householdId,
    }
    return view
  },

  ...moderationHandlers,
  ...callBackHandlers,
  // images: the office's photo queue
  ...photoHandlers,
}
