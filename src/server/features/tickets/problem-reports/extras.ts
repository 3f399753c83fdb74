/**
 * 反映问题: what a problem report may carry besides text and photos: a voice note (the caller's own
 * upload) and a location the villager chose to share.
 * One rule: both are optional, and a voice note is checked like every attachment.
 */
import type { GeoPoint } from '../../../../core/model'
import type { ParsedInputOf } from '../../../../contracts'
import type { Actor, HandlerContext } from '../../../context'
import { checkAttachments } from '../shared/attachments'

export const problemReportExtras = async (
  ctx: HandlerContext,
  actor: Actor,
  input: Pick<ParsedInputOf<'ticket.create'>, 'voiceUrl' | 'location'>,
): Promise<{ voiceUrl: string | null; location: GeoPoint | null }> => {
  if (input.voiceUrl) await checkAttachments(ctx, actor, [input.voiceUrl], 'voice')
  return { voiceUrl: input.voiceUrl ?? null, location: input.location ?? null }
}
