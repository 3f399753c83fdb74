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
 * review: WeChat could not decide (a person must look); failed: the check could not be made.
 */
export type MediaCheckStatus = 'pending' | 'pass' | 'refused' | 'review' | 'failed'

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
}

/** The status a check's answer gives: no verdict yet is pending. */
export const mediaStatusOf = (verdict: ContentVerdict | null): MediaCheckStatus =>
  verdict === null ? 'pending' : verdict === 'pass' ? 'pass' : verdict === 'risky' ? 'refused' : 'review'

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

/** What the reporter is told about their photos: how many wait for the check, how many others never see and why. */
export interface PhotoCheckSummary {
  waiting: number
  hidden: number
  /** The hidden photos' label codes (refused), or null for one that could not be checked (review, failed). */
  reasons: (string | null)[]
}

export const photoCheckSummary = (checks: readonly Pick<MediaCheckRecord, 'status' | 'label'>[]): PhotoCheckSummary => {
  const hidden = checks.filter((c) => c.status === 'refused' || c.status === 'review' || c.status === 'failed')
  return {
    waiting: checks.filter((c) => c.status === 'pending').length,
    hidden: hidden.length,
    reasons: [...new Set(hidden.map((c) => (c.status === 'refused' ? (c.label ?? OTHER_LABEL) : null)))],
  }
}
