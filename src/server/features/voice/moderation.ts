/**
 * Issue 13: comments other villagers read wait in the office's moderation queue. A rating's comment
 * is redacted (core) and checked (WeChat msgSecCheck in the cloud, the word list locally) when
 * written; the office approves the redacted text for the posting or refuses it with a reason the
 * writer is told.
 * One rule: the posting shows a rating's `publicComment` only, which only an approval sets.
 */
import { redactPublicText, type ModerationRecord } from '../../../core/voice'
import type { Rating } from '../../../core/model'
import type { ModerationView, CommentModeration } from '../../../contracts/views.voice'
import { actorOf, type Actor, type HandlerContext } from '../../context'
import { refuse } from '../../errors'
import { policies } from '../../policies'
import type { Handlers } from '../types'
import { personRef } from '../views'
import { callerOpenid, contentSecurityOf, privateNamesOf } from './redaction'

export const moderationIdOf = (ratingId: string): string => `mod-${ratingId}`

/**
 * Called by rating.submit before it stores the rating: the rating's public comment to store. An
 * unchanged comment keeps its decision; a new one waits (pending) and is not public until approved;
 * an emptied one leaves the queue.
 */
export const moderateRatingComment = async (ctx: HandlerContext, actor: Actor, rating: Rating, previous: Rating | null): Promise<string | null> => {
  const id = moderationIdOf(rating.id)
  const comment = rating.comment.trim()
  if (previous && previous.comment.trim() === comment) return previous.publicComment ?? null
  const existing = await ctx.store.get('moderations', id)
  if (comment === '') {
    if (existing) await ctx.store.remove('moderations', id)
    return null
  }
  const names = await privateNamesOf(ctx, actor.person.villageId ? [actor.person.villageId] : [])
  const check = await contentSecurityOf(ctx).checkText({ text: comment, openid: callerOpenid(ctx), scene: 'comment' })
  const record: ModerationRecord = {
    id,
    townshipId: rating.townshipId,
    kind: 'ratingComment',
    sourceId: rating.id,
    cadreId: rating.cadreId,
    period: rating.period,
    authorId: actor.person.id,
    original: comment,
    redacted: redactPublicText(comment, names),
    check: check.verdict,
    checkLabel: check.label,
    status: 'pending',
    reason: null,
    at: ctx.now,
    decidedById: null,
    decidedAt: null,
  }
  if (existing) await ctx.store.replace('moderations', record)
  else await ctx.store.insert('moderations', record)
  return null
}

/** The writer's own comments' states, by rating id (rating.form). One statement. */
export const commentModerations = async (ctx: HandlerContext, ratings: readonly Rating[]): Promise<Map<string, CommentModeration>> => {
  const ids = ratings.filter((r) => r.comment.trim() !== '').map((r) => moderationIdOf(r.id))
  const found = ids.length ? await ctx.store.getMany('moderations', ids) : []
  return new Map(found.map((m) => [m.sourceId, { status: m.status, reason: m.reason }]))
}

const view = (m: ModerationRecord, cadre: { id: string; name: string; title: string } | undefined): ModerationView => ({
  id: m.id,
  cadre: cadre ? personRef(cadre) : { id: m.cadreId, name: '', title: '' },
  period: m.period,
  original: m.original,
  redacted: m.redacted,
  check: m.check,
  checkLabel: m.checkLabel,
  status: m.status,
  reason: m.reason,
  at: m.at,
})

const QUEUE_LIMIT = 100

export const moderationHandlers: Handlers<'moderation.queue' | 'moderation.decide'> = {
  'moderation.queue': async (_input, ctx) => {
    const actor = actorOf(ctx)
    const townshipId = actor.person.townshipId
    if (!policies['office:manage'](actor, townshipId)) return refuse('AUTH.FORBIDDEN')
    const pending = await ctx.store.find('moderations', { townshipId, status: 'pending' }, { orderBy: { field: 'at', direction: 'desc' }, limit: QUEUE_LIMIT })
    const cadres = new Map((await ctx.store.getMany('people', [...new Set(pending.map((m) => m.cadreId))])).map((p) => [p.id, p]))
    return pending.map((m) => view(m, cadres.get(m.cadreId)))
  },

  'moderation.decide': async ({ moderationId, approve, reason }, ctx) => {
    const actor = actorOf(ctx)
    const entry = await ctx.store.get('moderations', moderationId)
    if (!entry) return refuse('NOT_FOUND')
    if (!policies['office:manage'](actor, entry.townshipId)) return refuse('AUTH.FORBIDDEN')
    // A cadre never decides what the posting says about himself, nor publishes his own comment.
    if (entry.cadreId === actor.person.id || entry.authorId === actor.person.id) return refuse('AUTH.FORBIDDEN')
    if (entry.status !== 'pending') return refuse('MODERATION.ALREADY_DECIDED')
    const rating = await ctx.store.get('ratings', entry.sourceId)
    const decided: ModerationRecord = {
      ...entry,
      status: approve ? 'approved' : 'refused',
      reason: approve ? null : (reason ?? null),
      decidedById: actor.person.id,
      decidedAt: ctx.now,
    }
    await ctx.store.replace('moderations', decided)
    // The rating still says what was moderated (a later edit makes a new pending entry).
    if (rating && rating.comment.trim() === entry.original) await ctx.store.replace('ratings', { ...rating, publicComment: approve ? entry.redacted : null })
    const cadre = await ctx.store.get('people', entry.cadreId)
    return view(decided, cadre ?? undefined)
  },
}
