/**
 * Issue 13 item 2 (guard): photos other villagers can see are screened. A photo of a report is shown
 * to the people handling it and to its reporter at once; to anyone else (a follower, a villager of
 * the village reading the report's public view) only once the content-security check cleared it.
 * In WeChat the check answers later (mediaCheckAsync, then a message push); until then, and when it
 * refused or could not decide, the photo is not shown to them. The reporter is told a refusal's reason.
 * One rule: nothing here reads the store or the network.
 */
import type { Millis, Person, Ticket } from './model'
import { isOpen } from './tickets'
import type { ContentVerdict } from './voice'

/**
 * pending: asked, no answer yet; pass: cleared; refused: WeChat (or the local list) says risky;
 * review: WeChat could not decide (a person must look); failed: the check could not be made;
 * manual (images): this server has no automatic check (self-hosted), a person of the office decides.
 * review, failed and manual wait in the office's queue (photoAwaitsPerson), which clears or refuses them.
 */
export type MediaCheckStatus = 'pending' | 'pass' | 'refused' | 'review' | 'failed' | 'manual'

/** One photo's screening (mediaChecks; id = `mc-<upload id>`). */
export interface MediaCheckRecord {
  id: string
  townshipId: string
  /** The photo's url (a local /uploads path or a cloud file id), as the ticket names it. */
  url: string
  /** What the photo shows on: a ticket (its photos and its steps'), or a person (a cadre's portrait). */
  objectKind: 'ticket' | 'person'
  objectId: string
  ownerId: string
  /** WeChat's trace id: the push that answers names it. Null until asked, and locally. */
  traceId: string | null
  status: MediaCheckStatus
  /** What the check found: WeChat's label code (20002 色情, 21000 其他...; the catalogue words it), null when nothing. */
  label: string | null
  requestedAt: Millis
  decidedAt: Millis | null
  /** images: the office staff member who cleared or refused it by hand (absent or null: the automatic check decided). */
  decidedById?: string | null
  /** images: why the office refused it (PHOTO_REFUSALS); the reporter is told. */
  reason?: PhotoRefusal | null
}

/**
 * What an image check answers: WeChat's verdict, none yet (null: it answers later), or 'none' (images):
 * this server makes no automatic check, a person decides.
 */
export type ImageVerdict = ContentVerdict | 'none'

/** The status a check's answer gives: no verdict yet is pending; no automatic check is manual. */
export const mediaStatusOf = (verdict: ImageVerdict | null): MediaCheckStatus =>
  verdict === null ? 'pending' : verdict === 'none' ? 'manual' : verdict === 'pass' ? 'pass' : verdict === 'risky' ? 'refused' : 'review'

/** A photo is shown beyond its reporter and handlers only when its check cleared it. */
export const photoShownToPublic = (check: Pick<MediaCheckRecord, 'status'> | null | undefined): boolean => check?.status === 'pass'

/**
 * An anonymous report's photos are never shown beyond its reporter and handlers, checked or not:
 * a photo of one's own yard or door can name the reporter as surely as a signature.
 */
export const reportPhotosPublic = (ticket: Pick<Ticket, 'anonymous'>): boolean => !ticket.anonymous

/**
 * A cadre's portrait reaches the villagers on his card only once its check passed; the seed's
 * generated portraits (data: URIs, never an upload) need none. He and the township always see it.
 */
export const portraitShownToVillagers = (photoUrl: string | null, check: Pick<MediaCheckRecord, 'status'> | null | undefined): boolean =>
  photoUrl !== null && (photoUrl.startsWith('data:') || photoShownToPublic(check))

/** A decided check is final: only a pending one takes an answer (a late or forged push changes nothing). */
export const mediaCheckOpen = (check: Pick<MediaCheckRecord, 'status'>): boolean => check.status === 'pending'

/**
 * Who reads a report's public view: a villager of its village who follows it, or, while it is open,
 * any villager of the village (the duplicate hint before 关注).
 */
export const publicViewAllowed = (person: Pick<Person, 'id' | 'roles' | 'townshipId' | 'villageId'>, ticket: Pick<Ticket, 'townshipId' | 'villageId' | 'status' | 'followerIds'>): boolean => {
  const following = (ticket.followerIds ?? []).includes(person.id)
  const sameVillage = person.roles.includes('villager') && person.townshipId === ticket.townshipId && person.villageId === ticket.villageId
  return sameVillage && (following || isOpen(ticket.status))
}

/** WeChat's label for "other" (其他): what a refusal without a known label is told as. */
export const OTHER_LABEL = '21000'

/** The answer a wxa_media_check push carries, or null when the event is not one. */
export interface MediaCheckAnswer {
  traceId: string
  status: Exclude<MediaCheckStatus, 'pending'>
  label: string | null
}

/**
 * Reads WeChat's message push for mediaCheckAsync (`Event: 'wxa_media_check'`, v2): `trace_id`,
 * `result.suggest` (pass / risky / review) and `result.label`; an `errcode` other than 0 means the
 * check could not be made (failed: never shown).
 */
export const mediaCheckAnswerOf = (event: unknown): MediaCheckAnswer | null => {
  if (!event || typeof event !== 'object') return null
  const e = event as Record<string, unknown>
  if (e.MsgType !== 'event' || e.Event !== 'wxa_media_check') return null
  const traceId = e.trace_id
  if (typeof traceId !== 'string' || !/^[A-Za-z0-9_-]{1,128}$/.test(traceId)) return null
  if (e.errcode !== undefined && e.errcode !== 0) return { traceId, status: 'failed', label: null }
  const result = (e.result && typeof e.result === 'object' ? e.result : {}) as Record<string, unknown>
  const suggest = result.suggest
  const status = suggest === 'pass' ? 'pass' : suggest === 'risky' ? 'refused' : 'review'
  const code = String(result.label ?? OTHER_LABEL)
  const label = status === 'pass' ? null : /^\d{1,6}$/.test(code) ? code : OTHER_LABEL
  return { traceId, status, label }
}

/**
 * What the reporter is told about their photos: how many wait for the automatic check, how many wait
 * for a person of the office (images), how many others never see and why.
 */
export interface PhotoCheckSummary {
  waiting: number
  /** images: photos the automatic check could not decide (review, failed) or that no check read (manual): the office decides. */
  withOffice: number
  hidden: number
  /** The refused photos' reasons: WeChat's label code, or the office's reason (PHOTO_REFUSALS). */
  reasons: string[]
}

export const photoCheckSummary = (checks: readonly (Pick<MediaCheckRecord, 'status' | 'label'> & { reason?: PhotoRefusal | null })[]): PhotoCheckSummary => {
  const hidden = checks.filter((c) => c.status === 'refused')
  return {
    waiting: checks.filter((c) => c.status === 'pending').length,
    withOffice: checks.filter(photoAwaitsPerson).length,
    hidden: hidden.length,
    reasons: [...new Set(hidden.map((c) => c.reason ?? c.label ?? OTHER_LABEL))],
  }
}

// ---- images (issue 13 item 2's photos): the office decides what no automatic check could ----

/** The statuses that wait for a person of the office: WeChat's "review", a check that failed, a server without an automatic check. */
export const PHOTO_WAITING_STATUSES = ['review', 'failed', 'manual'] as const satisfies readonly MediaCheckStatus[]

/** A photo waits for a person's decision (the office's queue) when no automatic check decided it. */
export const photoAwaitsPerson = (check: Pick<MediaCheckRecord, 'status'>): boolean => (PHOTO_WAITING_STATUSES as readonly string[]).includes(check.status)

/** Why the office refuses a photo; the reporter (or the cadre, for his portrait) is told. */
export const PHOTO_REFUSALS = ['personalData', 'indecent', 'offTopic', 'notPortrait'] as const
export type PhotoRefusal = (typeof PHOTO_REFUSALS)[number]

/** What a waiting photo shows on: a report's own photos, a handler's step, a cadre's portrait. */
export type PhotoPlace = 'report' | 'step' | 'portrait'

export const photoPlaceOf = (check: Pick<MediaCheckRecord, 'objectKind' | 'url'>, ticket: Pick<Ticket, 'photoUrls'> | null): PhotoPlace =>
  check.objectKind === 'person' ? 'portrait' : ticket?.photoUrls.includes(check.url) ? 'report' : 'step'

/** The object a photo shows on, as the decision needs it: its ticket (null for a portrait) and that ticket's household cadre. */
export interface PhotoObject {
  ticket: Pick<Ticket, 'reporterId' | 'householdId' | 'assigneeId' | 'onBehalfOfId' | 'history'> | null
  householdCadreId: string | null
}

/**
 * Nobody clears or refuses a photo of his own: not its uploader, not the cadre whose portrait it is,
 * and on a ticket not its reporter (or the villager filed for), a member of its household, the
 * household's cadre, its holder, nor anyone who has acted on it (a handler would clear his own work).
 * Office staff who are one of these leave the photo to a colleague.
 */
export const mayDecidePhoto = (
  decider: { id: string; householdId: string | null },
  check: Pick<MediaCheckRecord, 'objectKind' | 'objectId' | 'ownerId'>,
  object: PhotoObject,
): boolean => {
  if (check.ownerId === decider.id) return false
  if (check.objectKind === 'person') return check.objectId !== decider.id
  const t = object.ticket
  if (!t) return false
  const involved = [t.reporterId, t.onBehalfOfId ?? null, t.assigneeId, object.householdCadreId, ...t.history.map((e) => e.actorId)]
  return !involved.includes(decider.id) && decider.householdId !== t.householdId
}
// ---- end images ----
