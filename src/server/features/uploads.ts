/**
 * Uploaded images arrive as base64 in the action's input: decoded here, checked by their bytes
 * (core/images), cleaned of metadata (EXIF with GPS) and stored in the images collection. Files
 * uploaded apart from an action (local /upload, WeChat cloud storage) are recorded in the uploads
 * collection with their owner, and with the object they belong to once an action attaches them.
 * One rule: nothing is stored that its own bytes do not prove to be an image within the settings'
 * limits and the person's quotas, and a file is served only to whoever may see its object.
 */
import { checkImage, type ImageMime } from '../../core/images'
import type { StoredImage, Upload } from '../../core/model'
import { DAY_MS, HOUR_MS, ticketQuota, uploadQuota } from '../../core/quotas'
import type { Settings } from '../../core/settings'
import type { Actor, HandlerContext } from '../context'
import { refuse } from '../errors'
import { policies, publicPolicies } from '../policies'
import type { Store } from '../storage/port'
import { stripMetadata } from '../uploads/files'
import { photoShownToPublic, portraitShownToVillagers, reportPhotosPublic } from '../../core/media'
import { mediaCheckIdOf, requestPhotoChecks } from './voice/media'
import type { Handlers } from './types'

// ---------------------------------------------------------------- per-person quotas

/** Refuses (LIMIT.*) an upload of `bytes` by the person over their hourly count or daily bytes. */
export const checkUploadQuota = async (store: Store, settings: Settings, personId: string, now: number, bytes: number): Promise<void> => {
  const [files, images] = await Promise.all([
    store.find('uploads', { ownerId: personId, at: { gt: now - DAY_MS } }),
    store.find('images', { ownerId: personId, at: { gt: now - DAY_MS } }),
  ])
  // office-files: roster spreadsheets and exports (kind 'sheet') are the office's work, not media.
  const all = [...files.filter((f) => f.kind !== 'sheet'), ...images]
  const verdict = uploadQuota(
    { filesLastHour: all.filter((f) => f.at > now - HOUR_MS).length, bytesLastDay: all.reduce((sum, f) => sum + f.bytes, 0) },
    bytes,
    settings,
  )
  if (!verdict.ok) refuse(verdict.code)
}

/** Refuses (LIMIT.TICKETS_PER_HOUR) a ticket by a person who filed the hour's quota already. */
export const checkTicketQuota = async (ctx: HandlerContext, actor: Actor): Promise<void> => {
  const filed = await ctx.store.count('tickets', { reporterId: actor.person.id, createdAt: { gt: ctx.now - HOUR_MS } })
  const verdict = ticketQuota(filed, ctx.settings)
  if (!verdict.ok) refuse(verdict.code)
}

// ---------------------------------------------------------------- images inside an action

export const storeImage = async (
  ctx: HandlerContext,
  base64: string,
  spec: { kind: StoredImage['kind']; ownerId: string; townshipId: string; maxBytes: number; maxSide: number; types: readonly ImageMime[] },
): Promise<StoredImage> => {
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'))
  const checked = checkImage(bytes, { maxBytes: spec.maxBytes, maxSide: spec.maxSide, types: spec.types })
  if (!checked.ok) return refuse(checked.code)
  // EXIF/GPS and text chunks out: a photo or signature is kept without what the camera wrote in it.
  const clean = stripMetadata(Buffer.from(bytes), checked.value.mime)
  if (!clean) return refuse('IMAGE.NOT_AN_IMAGE')
  await checkUploadQuota(ctx.store, ctx.settings, spec.ownerId, ctx.now, clean.length)
  const id = ctx.newId(spec.kind === 'signature' ? 'sig' : 'pho')
  // office-files: in WeChat's cloud the bytes go to cloud storage under the owner's folder (never
  // inline in the database); they are shown only through temporary URLs to those who may see them.
  const storage = ctx.deps.mode === 'cloud' ? ctx.deps.storage : undefined
  const fileId = storage
    ? await storage.uploadFile(`u/${spec.ownerId}/${spec.kind}/${id}.${checked.value.mime === 'image/png' ? 'png' : 'jpg'}`, new Uint8Array(clean))
    : undefined
  const image: StoredImage = {
    id,
    townshipId: spec.townshipId,
    kind: spec.kind,
    ownerId: spec.ownerId,
    mime: checked.value.mime,
    width: checked.value.width,
    height: checked.value.height,
    bytes: clean.length,
    data: fileId ? '' : clean.toString('base64'),
    at: ctx.now,
    ...(fileId ? { fileId } : {}),
  }
  await ctx.store.insert('images', image)
  return image
}

// ---------------------------------------------------------------- files and their objects

/** Marks the caller's uploads as belonging to a ticket (their readers may then see them). */
export const attachUploads = async (ctx: HandlerContext, uploads: readonly Upload[], ticketId: string): Promise<void> => {
  for (const upload of uploads) {
    if (upload.objectId === ticketId) continue
    await ctx.store.replace('uploads', { ...upload, objectKind: 'ticket', objectId: ticketId })
  }
  // guard: its photos go to the content check before other villagers may see them.
  await requestPhotoChecks(ctx, uploads, ticketId)
}

/** A file is seen by its uploader and by whoever may read the object it is attached to. */
export const mayReadUpload = async (store: Store, actor: Actor, upload: Upload): Promise<boolean> => {
  if (upload.ownerId === actor.person.id) return true
  // office-files: an export belongs to its township's office (objectId: the township).
  if (upload.objectKind === 'export') return upload.objectId === upload.townshipId && policies['office:read'](actor, upload.townshipId)
  // office-files: a cadre's photo is his face on the villagers' cadre card: his township sees it.
  // guard: the villagers see it once its content check passed; the office, leaders and supervisors at once.
  if (upload.objectKind === 'person') {
    if (upload.objectId !== upload.ownerId || actor.person.townshipId !== upload.townshipId) return false
    return policies['office:read'](actor, upload.townshipId) || portraitShownToVillagers(upload.url, await store.get('mediaChecks', mediaCheckIdOf(upload)))
  }
  if (upload.objectKind !== 'ticket' || !upload.objectId) return false
  const ticket = await store.get('tickets', upload.objectId)
  if (!ticket) return false
  const household = await store.get('households', ticket.householdId)
  if (household && policies['ticket:read'](actor, ticket, household)) return true
  // guard: a reader of the report's public view sees a photo of it once its check cleared it.
  if (upload.kind !== 'photo' || !reportPhotosPublic(ticket) || !publicPolicies['ticket:readPublic'](actor, ticket)) return false
  return photoShownToPublic(await store.get('mediaChecks', mediaCheckIdOf(upload)))
}

// ---------------------------------------------------------------- cloud storage files

export const uploadHandlers: Handlers<'upload.register' | 'file.urls' | 'locale.fontUrl'> = {
  /**
   * In WeChat the client puts a file in cloud storage and registers its file id here: the first
   * registration makes the caller its owner, and only the owner may attach it (checkAttachments).
   */
  'upload.register': async ({ fileId, kind, bytes: declared }, ctx) => {
    const storage = ctx.deps.storage
    if (ctx.deps.mode !== 'cloud' || !storage) return refuse('ACTION.UNKNOWN')
    const actor = ctx.actor
    if (!actor) return refuse('AUTH.REQUIRED')
    const [existing] = await ctx.store.find('uploads', { url: fileId }, { limit: 1 })
    if (existing) {
      if (existing.ownerId !== actor.person.id || existing.kind !== kind) return refuse('TICKET.ATTACHMENT_NOT_YOURS')
      return { fileId, kind, bytes: existing.bytes }
    }
    const { maxPhotoBytes, maxVoiceBytes } = ctx.settings.tickets.attachments
    const max = kind === 'photo' ? maxPhotoBytes : kind === 'voice' ? maxVoiceBytes : ctx.settings.office.importMaxBytes
    const tooLarge = kind === 'sheet' ? 'IMPORT.TOO_LARGE' : 'UPLOAD.TOO_LARGE'
    // A declared size over the limit is refused without asking storage; a smaller one is not believed:
    // guard: the size counted and kept is the one cloud storage has (a file it lacks is refused).
    if (declared > max) return refuse(tooLarge)
    const bytes = await storage.fileSize(fileId)
    if (bytes === null || bytes === 0) return refuse('UPLOAD.MISSING_FILE')
    if (bytes > max) return refuse(tooLarge)
    // A roster file counts in the hour's files, not in the day's media bytes (a county's is ~40 MB).
    await checkUploadQuota(ctx.store, ctx.settings, actor.person.id, ctx.now, kind === 'sheet' ? 0 : bytes)
    await ctx.store.insert('uploads', {
      id: ctx.newId('up'),
      townshipId: actor.person.townshipId,
      ownerId: actor.person.id,
      kind,
      mime: kind === 'photo' ? 'image/jpeg' : kind === 'voice' ? 'audio/mpeg' : 'application/octet-stream',
      bytes,
      url: fileId,
      at: ctx.now,
    })
    return { fileId, kind, bytes }
  },
  /**
   * office-files (issue 11 item 2): cloud storage is closed to clients for reading; whoever may see
   * a file (mayReadUpload: its uploader, a reader of its ticket, its township's office for an
   * export) gets a temporary URL, everyone else null. Unknown file ids answer null too.
   */
  /** The Mongolian font's temporary URL in cloud storage (a day), or null where there is none. */
  'locale.fontUrl': async (_input, ctx) => {
    const fileId = ctx.deps.mongolianFontFileId
    if (ctx.deps.mode !== 'cloud' || !ctx.deps.storage || !fileId) return { url: null }
    return { url: await ctx.deps.storage.tempUrl(fileId, 24 * 3600) }
  },
  'file.urls': async ({ fileIds }, ctx) => {
    const storage = ctx.deps.mode === 'cloud' ? ctx.deps.storage : undefined
    // selfhost: outside the cloud, files of the /upload route get signed URLs (deps.mediaUrls).
    const signer = ctx.deps.mode === 'cloud' ? undefined : ctx.deps.mediaUrls
    if (!storage && !signer) return refuse('ACTION.UNKNOWN')
    const actor = ctx.actor
    if (!actor) return refuse('AUTH.REQUIRED')
    const unique = [...new Set(fileIds)]
    // One indexed read for all of them (uploads.url), then each one's reader check.
    const byUrl = new Map((await ctx.store.find('uploads', { url: unique })).map((u) => [u.url, u]))
    const urls: { fileId: string; url: string | null }[] = []
    for (const fileId of unique) {
      const upload = byUrl.get(fileId)
      const readable = !!upload && (await mayReadUpload(ctx.store, actor, upload))
      let url: string | null = null
      if (readable && storage && fileId.startsWith('cloud://')) url = await storage.tempUrl(fileId, TEMP_URL_SECONDS)
      else if (readable && signer && fileId.startsWith('/uploads/')) url = signer.sign(fileId, actor.person.id, ctx.now)
      urls.push({ fileId, url })
    }
    return { urls }
  },
}

/** How long a temporary URL of cloud storage stays valid: enough to view or download, then gone. */
export const TEMP_URL_SECONDS = 600
