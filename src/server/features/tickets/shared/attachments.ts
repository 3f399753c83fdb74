/**
 * Photos and voice notes on tickets: each must be the caller's own upload of the right kind, not
 * attached to another ticket, and no more photos than the settings allow.
 * One rule: a url counts only if the uploads collection says the caller uploaded it: locally the
 * /upload route records it, in the cloud the client registers its cloud storage file id
 * (upload.register) and a file id registered by someone else, or by no one, is refused.
 */
import type { Upload } from '../../../../core/model'
import type { Actor, HandlerContext } from '../../../context'
import { zhCN } from '../../../../i18n/zh-CN'
import { refuse } from '../../../errors'
import { attachUploads } from '../../uploads'

export const checkAttachments = async (
  ctx: HandlerContext,
  actor: Actor,
  urls: readonly string[],
  kind: Upload['kind'],
  ticketId?: string,
): Promise<Upload[]> => {
  if (urls.length === 0) return []
  if (kind === 'photo' && urls.length > ctx.settings.tickets.attachments.maxPhotos) {
    const max = ctx.settings.tickets.attachments.maxPhotos
    // mongolian (issue 13 item 5): a code with its number; the Chinese sentence from the catalogue for older clients.
    return refuse('VALIDATION.FAILED', [{ path: 'photoUrls', message: zhCN.coded.issues.maxPhotos(max), code: 'issues.maxPhotos', params: { max } }])
  }
  if (ctx.deps.mode === 'cloud' && urls.some((u) => !u.startsWith('cloud://'))) return refuse('TICKET.ATTACHMENT_NOT_YOURS')
  const uploads = await ctx.store.find('uploads', { url: [...urls] })
  const byUrl = new Map(uploads.map((u) => [u.url, u]))
  for (const url of urls) {
    const upload = byUrl.get(url)
    if (!upload || upload.ownerId !== actor.person.id || upload.kind !== kind) return refuse('TICKET.ATTACHMENT_NOT_YOURS')
    if (upload.objectId !== undefined && upload.objectId !== ticketId) return refuse('TICKET.ATTACHMENT_NOT_YOURS')
  }
  // On a step of an existing ticket the files belong to it now; a new ticket attaches them once created.
  if (ticketId) await attachUploads(ctx, uploads, ticketId)
  return uploads
}
