/**
 * Issue 13 item 2 (guard): photos of a report are screened before anyone but its reporter and its
 * handlers sees them. Attaching a photo to a ticket records a pending check (in the write's
 * transaction); after the commit the photo goes to the content check of the WeChat port
 * (mediaCheckAsync in the cloud, with a temporary URL of the file; the local adapter locally). An
 * immediate verdict is stored at once; WeChat's comes later by a message push (`wxa_media_check`),
 * which the cloud entry hands to `recordMediaCheckAnswer`.
 * One rule: a photo is shown to followers only when core photoShownToPublic says its check passed,
 * and never a photo of an anonymous report (core reportPhotosPublic).
 */
import { mediaCheckAnswerOf, mediaCheckOpen, mediaStatusOf, photoShownToPublic, reportPhotosPublic, type MediaCheckRecord } from '../../../core/media'
import type { Ticket, Upload } from '../../../core/model'
import type { HandlerContext, ServerDeps } from '../../context'
import type { Store } from '../../storage/port'
import { callerOpenid, contentSecurityOf } from './redaction'

/** How long WeChat may fetch a photo for its check: its answer can take minutes, retries hours. */
const CHECK_URL_SECONDS = 86_400

export const mediaCheckIdOf = (upload: Pick<Upload, 'id'>): string => `mc-${upload.id}`

/** Asks the port about one photo and stores what it answered at once (a trace id, or a verdict). */
const askAboutPhoto = async (deps: ServerDeps, ctx: HandlerContext, check: MediaCheckRecord): Promise<void> => {
  const security = contentSecurityOf(ctx)
  let answer: Awaited<ReturnType<typeof security.checkImage>> | null = null
  try {
    // WeChat fetches the photo itself: in the cloud a temporary URL of the stored file.
    const url = deps.mode === 'cloud' && deps.storage ? await deps.storage.tempUrl(check.url, CHECK_URL_SECONDS) : check.url
    answer = await security.checkImage({ url, openid: callerOpenid(ctx), scene: 'forum' })
  } catch (error) {
    console.error('[minqing] a photo could not be sent to the content check:', error instanceof Error ? error.message : error)
  }
  const current = await deps.store.get('mediaChecks', check.id)
  if (!current || !mediaCheckOpen(current)) return
  const status = answer ? mediaStatusOf(answer.verdict) : 'failed'
  await deps.store.replace('mediaChecks', {
    ...current,
    traceId: answer?.traceId ?? null,
    status,
    label: status === 'refused' || status === 'review' ? (answer?.label ?? null) : null,
    // images: no automatic check (manual) decided nothing: the office's decision sets the time.
    decidedAt: status === 'pending' || status === 'manual' ? null : ctx.now,
  })
}

/**
 * Called when photos are attached to a ticket (filing, a step): one pending check per photo not
 * checked yet, written with the ticket; the port is asked after the commit.
 */
export const requestPhotoChecks = async (ctx: HandlerContext, uploads: readonly Upload[], ticketId: string): Promise<void> => {
  const photos = uploads.filter((u) => u.kind === 'photo')
  if (photos.length === 0) return
  // An anonymous report's photos are never shown to others: nothing to ask WeChat about.
  const ticket = await ctx.store.get('tickets', ticketId)
  if (!ticket || !reportPhotosPublic(ticket)) return
  await requestChecks(ctx, photos, 'ticket', ticketId)
}

/** A cadre's new portrait (cadre.setPhoto): checked before the villagers' cards show it. */
export const requestPortraitCheck = async (ctx: HandlerContext, upload: Upload, personId: string): Promise<void> =>
  requestChecks(ctx, [upload], 'person', personId)

const requestChecks = async (ctx: HandlerContext, photos: readonly Upload[], objectKind: MediaCheckRecord['objectKind'], objectId: string): Promise<void> => {
  const known = new Set((await ctx.store.getMany('mediaChecks', photos.map(mediaCheckIdOf))).map((c) => c.id))
  const fresh: MediaCheckRecord[] = photos
    .filter((u) => !known.has(mediaCheckIdOf(u)))
    .map((u) => ({ id: mediaCheckIdOf(u), townshipId: u.townshipId, url: u.url, objectKind, objectId, ownerId: u.ownerId, traceId: null, status: 'pending', label: null, requestedAt: ctx.now, decidedAt: null }))
  if (fresh.length === 0) return
  await ctx.store.insertMany('mediaChecks', fresh)
  const ask = async () => {
    for (const check of fresh) await askAboutPhoto(ctx.deps, ctx, check)
  }
  if (ctx.afterCommit) ctx.afterCommit(ask)
  else await ask()
}

/**
 * WeChat's answer by message push: the pending check with that trace id takes it; an unknown trace
 * id or a decided check changes nothing (a forged or late push cannot clear a photo). True when stored.
 */
export const recordMediaCheckAnswer = async (deps: ServerDeps, event: unknown): Promise<boolean> => {
  const answer = mediaCheckAnswerOf(event)
  if (!answer) return false
  const [check] = await deps.store.find('mediaChecks', { traceId: answer.traceId }, { limit: 1 })
  if (!check || !mediaCheckOpen(check)) return false
  await deps.store.replace('mediaChecks', { ...check, status: answer.status, label: answer.label, decidedAt: deps.clock() })
  return true
}

/** Every photo of a ticket: its own and its steps'. */
export const ticketPhotoUrls = (ticket: Pick<Ticket, 'photoUrls' | 'history'>): string[] => [
  ...new Set([...ticket.photoUrls, ...ticket.history.flatMap((e) => e.photoUrls ?? [])]),
]

/** The checks of these photos, by url (one statement). */
export const photoChecksOf = async (store: Store, urls: readonly string[]): Promise<Map<string, MediaCheckRecord>> => {
  if (urls.length === 0) return new Map()
  return new Map((await store.find('mediaChecks', { url: [...urls] })).map((c) => [c.url, c]))
}

/** The ticket's photos its public view may show: those whose check passed. */
export const publicPhotoUrls = async (store: Store, ticket: Pick<Ticket, 'photoUrls' | 'history' | 'anonymous'>): Promise<string[]> => {
  if (!reportPhotosPublic(ticket)) return []
  const urls = ticketPhotoUrls(ticket)
  const checks = await photoChecksOf(store, urls)
  return urls.filter((u) => photoShownToPublic(checks.get(u)))
}
