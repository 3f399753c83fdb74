/**
 * 民情日记 actions: a cadre logs a visit, gets a sign-off code, turns a problem into a ticket; a
 * member of the visited household signs it with a handwritten signature (for themselves or for a
 * member without a phone) or disputes it. One rule: the visit's status changes only through
 * core/visits' signOff/dispute, so only a member of that household, inside the window, can make it count.
 */
import { readingInGcj02 } from '../../../core/geo'
import { canSignFor, dispute, proxyCandidates, signOff } from '../../../core/visits'
import { localDate } from '../../../core/time'
import type { Person, Visit } from '../../../core/model'
import { actorOf, type Actor, type HandlerContext } from '../../context'
import { refuse } from '../../errors'
import { verdictPolicies } from '../../policies'
import { refreshCadreDays } from '../facts'
import { ticketHandlers } from '../tickets/handlers'
import type { Handlers } from '../types'
import { assertMayJudge } from '../binding/judging'
import { storeImage } from '../uploads'
import { personRef } from '../views'
import { miniProgramCode } from '../wechat-code'
import { openidsOf, sendSubscribeNews } from '../subscribe'
import { zhCN } from '../../../i18n/zh-CN'
import { callBackForDispute } from '../voice/callbacks'
import { findVisitViews, visitView } from './view'
import { chainRecord } from '../chain'

/** The sign-off page in the main package (fast first screen for villagers). */
export const SIGN_PAGE = 'pages/sign/index'

const LIST_LIMIT = 100

/**
 * A mini-program code's scene holds at most 32 characters: a `v-<uuid>` id is sent as the uuid's
 * 32 hex digits, and the page puts the id back together (see features/visits/visitId).
 */
export const sceneOf = (visitId: string): string => {
  const m = /^v-([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})$/.exec(visitId)
  return m ? m.slice(1).join('') : visitId.slice(0, 32)
}

/** The member without a phone this signer speaks for: the core's canSignFor decides. */
const proxyTarget = async (ctx: HandlerContext, signer: Person, visit: Visit, onBehalfOfId: string | undefined): Promise<Person | null> => {
  if (onBehalfOfId === undefined) return null
  const target = await ctx.store.get('people', onBehalfOfId)
  if (target === null || !canSignFor(visit, signer, target).ok) return refuse('VISIT.PROXY_NOT_ALLOWED')
  return target
}

/** Members of the household for whom this person may sign (the core's proxyCandidates). */
const proxyChoices = async (ctx: HandlerContext, actor: Actor, visit: Visit) => {
  if (actor.person.householdId !== visit.householdId) return []
  const members = await ctx.store.find('people', { householdId: visit.householdId })
  return proxyCandidates(visit, actor.person, members).map(personRef)
}

/**
 * wechat-notify: the household's bound members hear that a visit waits for their signature (订阅消息
 * visitToSign), once the visit is written; the cadre who made it never.
 */
const tellHouseholdToSign = async (ctx: HandlerContext, visit: Visit, cadre: Person): Promise<void> => {
  if (!ctx.deps.wechatMessages || !ctx.settings.subscribe.templates.visitToSign.templateId) return
  const members = (await ctx.store.find('people', { householdId: visit.householdId })).filter((p) => p.id !== cadre.id && p.roles.includes('villager'))
  const openids = await openidsOf(ctx, members.map((p) => p.id))
  const w = zhCN.wechatNotify
  const news = members.map((p) => ({
    personId: p.id,
    openid: openids.get(p.id) ?? null,
    event: 'visitToSign' as const,
    page: `${SIGN_PAGE}?visit=${encodeURIComponent(visit.id)}`,
    values: { matter: w.visitMatter, status: '', note: w.note.visitToSign, person: cadre.name },
    at: visit.at,
  }))
  const send = async () => void (await sendSubscribeNews(ctx.deps, news))
  if (ctx.afterCommit) ctx.afterCommit(send)
  else await send()
}

export const visitHandlers: Handlers<
  'visit.create' | 'visit.list' | 'visit.get' | 'visit.waiting' | 'visit.signCode' | 'visit.signOff' | 'visit.dispute' | 'visit.toTicket'
> = {
  'visit.create': async (input, ctx) => {
    const actor = actorOf(ctx)
    const household = await ctx.store.get('households', input.householdId)
    if (!household) return refuse('NOT_FOUND')
    if (!verdictPolicies['visit:create'](actor, household)) return refuse('AUTH.FORBIDDEN')
    let location: Visit['location'] = null
    if (input.lat !== undefined || input.lng !== undefined) {
      // Kept in GCJ-02 with its datum, like every reading (core/geo); no datum: refused.
      const point = readingInGcj02({ lat: input.lat ?? Number.NaN, lng: input.lng ?? Number.NaN, datum: input.datum })
      if (!point.ok) return refuse(point.code)
      location = point.value
    }
    const u = ctx.settings.uploads
    const photo = input.photo
      ? await storeImage(ctx, input.photo, {
          kind: 'visitPhoto',
          ownerId: actor.person.id,
          townshipId: household.townshipId,
          maxBytes: u.photoMaxBytes,
          maxSide: u.photoMaxSide,
          types: ['image/jpeg', 'image/png'],
        })
      : null
    const visit: Visit = {
      id: ctx.newId('v'),
      townshipId: household.townshipId,
      cadreId: actor.person.id,
      householdId: household.id,
      villageId: household.villageId,
      at: ctx.now,
      purpose: input.purpose,
      notes: input.notes,
      problems: input.problems,
      overnight: input.overnight,
      status: 'pending',
      signedById: null,
      signedAt: null,
      disputeReason: null,
      ticketIds: [],
      location,
      onBehalfOfId: null,
      signatureId: null,
      photoId: photo?.id ?? null,
    }
    await ctx.store.insert('visits', visit)
    await chainRecord(ctx.store, 'visit', visit.townshipId, visit.id, ctx.now)
    await tellHouseholdToSign(ctx, visit, actor.person)
    return visitView(ctx.store, visit, ctx.settings, ctx.now)
  },

  'visit.list': async ({ householdId }, ctx) => {
    const actor = actorOf(ctx)
    if (!actor.person.roles.includes('cadre')) return refuse('AUTH.FORBIDDEN')
    const found = await findVisitViews(
      ctx.store,
      (q) => (householdId ? q.where('v.cadreId', '=', actor.person.id).where('v.householdId', '=', householdId) : q.where('v.cadreId', '=', actor.person.id)),
      { limit: LIST_LIMIT },
      ctx.settings,
      ctx.now,
    )
    return found.map((f) => f.view)
  },

  'visit.get': async ({ visitId }, ctx) => {
    const actor = actorOf(ctx)
    // The visit and its names in one statement, then (for a household member) who they may sign for.
    const [found] = await findVisitViews(ctx.store, (q) => q.where('v.id', '=', visitId), { limit: 1 }, ctx.settings, ctx.now)
    if (!found) return refuse('NOT_FOUND')
    // The sign-off page is what a stranger would open: tell them plainly that only the household signs.
    if (!verdictPolicies['visit:read'](actor, found.visit)) return refuse('VISIT.NOT_HOUSEHOLD_MEMBER')
    return { ...found.view, proxyFor: await proxyChoices(ctx, actor, found.visit) }
  },

  'visit.waiting': async (_input, ctx) => {
    const { person } = actorOf(ctx)
    if (!person.householdId || !person.roles.includes('villager')) return []
    const householdId = person.householdId
    const pending = await findVisitViews(ctx.store, (q) => q.where('v.householdId', '=', householdId).where('v.status', '=', 'pending'), { limit: 20 }, ctx.settings, ctx.now)
    return pending.map((f) => f.view).filter((v) => !v.expired && v.at <= ctx.now && v.cadre.id !== person.id)
  },

  'visit.signCode': async ({ visitId, wxacode, envVersion }, ctx) => {
    const actor = actorOf(ctx)
    const [found] = await findVisitViews(ctx.store, (q) => q.where('v.id', '=', visitId), { limit: 1 }, ctx.settings, ctx.now)
    if (!found) return refuse('NOT_FOUND')
    const { visit, view } = found
    if (visit.cadreId !== actor.person.id) return refuse('AUTH.FORBIDDEN')
    if (visit.status !== 'pending') return refuse('VISIT.ALREADY_DECIDED')
    if (view.expired) return refuse('VISIT.WINDOW_CLOSED')
    const scene = sceneOf(visit.id)
    let imageBase64: string | null = null
    if (wxacode) imageBase64 = await miniProgramCode(ctx, { scene, page: SIGN_PAGE, envVersion })
    return { visitId: visit.id, page: SIGN_PAGE, query: `visit=${encodeURIComponent(visit.id)}`, scene, imageBase64 }
  },

  'visit.signOff': async ({ visitId, signaturePng, onBehalfOfId }, ctx) => {
    const actor = actorOf(ctx)
    const visit = await ctx.store.get('visits', visitId)
    if (!visit) return refuse('NOT_FOUND')
    const signed = signOff(visit, actor.person, ctx.now, ctx.settings)
    if (!signed.ok) return refuse(signed.code)
    // The household member may sign; the account they sign from must not be one the cadre made (DOMAIN 3.12).
    await assertMayJudge(ctx, actor, visit.cadreId, 'visit.signOff', true)
    const target = await proxyTarget(ctx, actor.person, visit, onBehalfOfId)
    const u = ctx.settings.uploads
    const image = await storeImage(ctx, signaturePng, {
      kind: 'signature',
      ownerId: actor.person.id,
      townshipId: visit.townshipId,
      maxBytes: u.signatureMaxBytes,
      maxSide: u.signatureMaxSide,
      types: ['image/png'],
    })
    const next: Visit = { ...signed.value, signatureId: image.id, onBehalfOfId: target?.id ?? null }
    await ctx.store.replace('visits', next)
    await chainRecord(ctx.store, 'visit', next.townshipId, next.id, ctx.now)
    await refreshCadreDays(ctx.store, next, [localDate(next.at, ctx.settings)], ctx.settings)
    return visitView(ctx.store, next, ctx.settings, ctx.now)
  },

  'visit.dispute': async ({ visitId, reason, onBehalfOfId }, ctx) => {
    const actor = actorOf(ctx)
    const visit = await ctx.store.get('visits', visitId)
    if (!visit) return refuse('NOT_FOUND')
    const disputed = dispute(visit, actor.person, reason, ctx.now, ctx.settings)
    if (!disputed.ok) return refuse(disputed.code)
    const target = await proxyTarget(ctx, actor.person, visit, onBehalfOfId)
    const next: Visit = { ...disputed.value, onBehalfOfId: target?.id ?? null }
    await ctx.store.replace('visits', next)
    await chainRecord(ctx.store, 'visit', next.townshipId, next.id, ctx.now)
    await refreshCadreDays(ctx.store, next, [localDate(next.at, ctx.settings)], ctx.settings)
    // Issue 13: a disputed visit enters the supervision group's call-back queue.
    await callBackForDispute(ctx, next, actor.person.id)
    return visitView(ctx.store, next, ctx.settings, ctx.now)
  },

  'visit.toTicket': async ({ visitId, kind, category, description }, ctx) => {
    const actor = actorOf(ctx)
    const visit = await ctx.store.get('visits', visitId)
    if (!visit) return refuse('NOT_FOUND')
    if (visit.cadreId !== actor.person.id) return refuse('AUTH.FORBIDDEN')
    // The one way a ticket is made: ticket.create's own handler (policy, deadline, history).
    const ticket = await ticketHandlers['ticket.create'](
      { kind, category, description: (description ?? visit.problems ?? '').trim(), anonymous: false, householdId: visit.householdId, photoUrls: [], answers: {} },
      ctx,
    )
    const next: Visit = { ...visit, ticketIds: [...(visit.ticketIds ?? []), ticket.id] }
    await ctx.store.replace('visits', next)
    await chainRecord(ctx.store, 'visit', next.townshipId, next.id, ctx.now)
    return { visit: await visitView(ctx.store, next, ctx.settings, ctx.now), ticket }
  },
}
