/**
 * Photos and voice notes on tickets: each must be the caller's own upload of the right kind, and
 * no more photos than the settings allow.
 * One rule: locally a url counts only if the uploads collection says the caller uploaded it; in the
 * cloud the client stored it in WeChat cloud storage (a `cloud://` file id), which the runtime
 * scopes to the mini-program.
 */
import type { Upload } from '../../../../core/model'
import type { Actor, HandlerContext } from '../../../context'
import { refuse } from '../../../errors'

export const checkAttachments = async (ctx: HandlerContext, actor: Actor, urls: readonly string[], kind: Upload['kind']): Promise<void> => {
  if (urls.length === 0) return
  if (kind === 'photo' && urls.length > ctx.settings.tickets.attachments.maxPhotos) {
    return refuse('VALIDATION.FAILED', [{ path: 'photoUrls', message: `最多 ${ctx.settings.tickets.attachments.maxPhotos} 张照片` }])
  }
  if (ctx.deps.mode === 'cloud') {
    if (urls.some((u) => !u.startsWith('cloud://'))) return refuse('TICKET.ATTACHMENT_NOT_YOURS')
    return
  }
  const uploads = await ctx.store.find('uploads', { url: [...urls] })
  const byUrl = new Map(uploads.map((u) => [u.url, u]))
  for (const url of urls) {
    const upload = byUrl.get(url)
    if (!upload || upload.ownerId !== actor.person.id || upload.kind !== kind) return refuse('TICKET.ATTACHMENT_NOT_YOURS')
  }
}
