/**
 * 反映问题: what a problem report may carry besides text and photos: a voice note (the caller's own
 * upload) and a location the villager chose to share.
 * One rule: both are optional, a voice note is checked like every attachment, and a location is
 * kept in GCJ-02 with its datum (core/geo readingInGcj02).
 */
import { readingInGcj02 } from '../../../../core/geo'
import type { GeoPoint } from '../../../../core/model'
import type { ParsedInputOf } from '../../../../contracts'
import type { Actor, HandlerContext } from '../../../context'
import { refuse } from '../../../errors'
import { checkAttachments } from '../shared/attachments'

export const problemReportExtras = async (
  ctx: HandlerContext,
  actor: Actor,
  input: Pick<ParsedInputOf<'ticket.create'>, 'voiceUrl' | 'location'>,
): Promise<{ voiceUrl: string | null; location: GeoPoint | null }> => {
  if (input.voiceUrl) await checkAttachments(ctx, actor, [input.voiceUrl], 'voice')
  const location = input.location ? readingInGcj02(input.location) : null
  if (location && !location.ok) return refuse(location.code)
  return { voiceUrl: input.voiceUrl ?? null, location: location?.value ?? null }
}
