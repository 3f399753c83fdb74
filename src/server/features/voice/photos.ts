/**
 * images (issue 13 item 2's photos): the office's queue of photos no automatic check decided
 * (WeChat's "review", a check that failed, a self-hosted server without an automatic check: core
 * photoAwaitsPerson) and its decision: cleared, the photo reaches followers (or the villagers' cadre
 * card); refused, it stays with the reporter and the handlers, and the reporter reads the reason.
 * One rule: the decider is township staff (as for the comment queue) and never one whose own photo,
 * portrait or work it is (core mayDecidePhoto); a decision is final and names its staff member.
 */
import { mayDecidePhoto, photoAwaitsPerson, photoPlaceOf, PHOTO_WAITING_STATUSES, type MediaCheckRecord, type PhotoObject } from '../../../core/media'
import type { Person, Ticket } from '../../../core/model'
import type { PhotoReviewView } from '../../../contracts/views.images'
import { actorOf, type Actor } from '../../context'
import { refuse } from '../../errors'
import { imagePolicies } from '../../policies'
import type { Store } from '../../storage/port'
import type { Handlers } from '../types'
import { personRef } from '../views'

const QUEUE_LIMIT = 100

/** The photo's object as the decision needs it: its ticket and that ticket's household cadre (a portrait: none). */
export const photoObjectOf = async (store: Store, check: Pick<MediaCheckRecord, 'objectKind' | 'objectId'>): Promise<PhotoObject & { ticket: Ticket | null }> => {
  if (check.objectKind !== 'ticket') return { ticket: null, householdCadreId: null }
  const ticket = await store.get('tickets', check.objectId)
  const household = ticket ? await store.get('households', ticket.householdId) : null
  return { ticket, householdCadreId: household?.cadreId ?? null }
}

/** The staff member may decide this photo now: township staff of its township, and not his own (core mayDecidePhoto). */
export const mayDecideNow = async (store: Store, actor: Actor, check: MediaCheckRecord): Promise<boolean> =>
  imagePolicies['photo:decide'](actor, check.townshipId) && mayDecidePhoto(actor.person, check, await photoObjectOf(store, check))

/** One photo as the office's screen shows it: what it shows on, where, when; who decided it, once decided. */
const viewOf = (
  check: MediaCheckRecord,
  ticket: Ticket | null,
  cadre: Person | null,
  villageName: string,
  mayDecide: boolean,
  decidedBy: Person | null,
): PhotoReviewView => ({
  id: check.id,
  url: check.url,
  place: photoPlaceOf(check, ticket),
  status: check.status,
  label: check.label,
  ticketId: ticket?.id ?? null,
  category: ticket?.category ?? null,
  villageName,
  cadre: cadre ? personRef(cadre) : null,
  requestedAt: check.requestedAt,
  mayDecide,
  decidedBy: decidedBy ? personRef(decidedBy) : null,
  decidedAt: decidedBy ? check.decidedAt : null,
  reason: check.reason ?? null,
})

export const photoHandlers: Handlers<'photo.queue' | 'photo.decide'> = {
  'photo.queue': async (_input, ctx) => {
    const actor = actorOf(ctx)
    const townshipId = actor.person.townshipId
    if (!imagePolicies['photo:decide'](actor, townshipId)) return refuse('AUTH.FORBIDDEN')
    const where = { townshipId, status: [...PHOTO_WAITING_STATUSES] }
    const [checks, waiting] = await Promise.all([
      ctx.store.find('mediaChecks', where, { orderBy: { field: 'requestedAt', direction: 'asc' }, limit: QUEUE_LIMIT }),
      ctx.store.count('mediaChecks', where),
    ])
    const ticketIds = [...new Set(checks.filter((c) => c.objectKind === 'ticket').map((c) => c.objectId))]
    const personIds = [...new Set(checks.filter((c) => c.objectKind === 'person').map((c) => c.objectId))]
    const [tickets, people] = await Promise.all([ctx.store.getMany('tickets', ticketIds), ctx.store.getMany('people', personIds)])
    const ticketOf = new Map(tickets.map((t) => [t.id, t]))
    const personOf = new Map(people.map((p) => [p.id, p]))
    const [households, villages] = await Promise.all([
      ctx.store.getMany('households', [...new Set(tickets.map((t) => t.householdId))]),
      ctx.store.find('villages', { townshipId }),
    ])
    const cadreOfHousehold = new Map(households.map((h) => [h.id, h.cadreId]))
    const villageName = new Map(villages.map((v) => [v.id, v.name]))
    return {
      waiting,
      items: checks.map((check): PhotoReviewView => {
        const ticket = check.objectKind === 'ticket' ? (ticketOf.get(check.objectId) ?? null) : null
        const cadre = check.objectKind === 'person' ? (personOf.get(check.objectId) ?? null) : null
        const villageId = ticket?.villageId ?? cadre?.villageId ?? null
        const householdCadreId = ticket ? (cadreOfHousehold.get(ticket.householdId) ?? null) : null
        return viewOf(check, ticket, cadre, villageId ? (villageName.get(villageId) ?? '') : '', mayDecidePhoto(actor.person, check, { ticket, householdCadreId }), null)
      }),
    }
  },

  'photo.decide': async ({ checkId, approve, reason }, ctx) => {
    const actor = actorOf(ctx)
    const check = await ctx.store.get('mediaChecks', checkId)
    if (!check) return refuse('NOT_FOUND')
    // Township staff of the photo's own township only (another township's photo: refused as such).
    if (!imagePolicies['photo:decide'](actor, check.townshipId)) return refuse('AUTH.FORBIDDEN')
    if (check.status === 'pass' || check.status === 'refused') return refuse('PHOTO.ALREADY_DECIDED')
    if (!photoAwaitsPerson(check)) return refuse('PHOTO.NOT_WAITING')
    const object = await photoObjectOf(ctx.store, check)
    if (!mayDecidePhoto(actor.person, check, object)) return refuse('PHOTO.OWN_WORK')
    const decided: MediaCheckRecord = {
      ...check,
      status: approve ? 'pass' : 'refused',
      reason: approve ? null : (reason ?? null),
      decidedById: actor.person.id,
      decidedAt: ctx.now,
    }
    // Compare-and-set on the status: of two staff deciding at once, one decides, the other is told.
    const updated = await ctx.store.db
      .updateTable('mediaChecks')
      .set({ status: decided.status, reason: decided.reason, decidedById: decided.decidedById, decidedAt: decided.decidedAt })
      .where('id', '=', check.id)
      .where('status', 'in', [...PHOTO_WAITING_STATUSES])
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) return refuse('PHOTO.ALREADY_DECIDED')
    const cadre = check.objectKind === 'person' ? await ctx.store.get('people', check.objectId) : null
    const villageId = object.ticket?.villageId ?? cadre?.villageId ?? null
    const village = villageId ? await ctx.store.get('villages', villageId) : null
    return viewOf(decided, object.ticket, cadre, village?.name ?? '', false, actor.person)
  },
}
