/**
 * Uploaded images arrive as base64 in the action's input: decoded here, checked by their bytes
 * (core/images), and stored in the images collection. One rule: nothing is stored that its own
 * bytes do not prove to be an image within the settings' limits.
 */
import { checkImage, type ImageMime } from '../../core/images'
import type { StoredImage } from '../../core/model'
import type { HandlerContext } from '../context'
import { refuse } from '../errors'

export const storeImage = async (
  ctx: HandlerContext,
  base64: string,
  spec: { kind: StoredImage['kind']; ownerId: string; townshipId: string; maxBytes: number; maxSide: number; types: readonly ImageMime[] },
): Promise<StoredImage> => {
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'))
  const checked = checkImage(bytes, { maxBytes: spec.maxBytes, maxSide: spec.maxSide, types: spec.types })
  if (!checked.ok) return refuse(checked.code)
  const image: StoredImage = {
    id: ctx.newId(spec.kind === 'signature' ? 'sig' : 'pho'),
    townshipId: spec.townshipId,
    kind: spec.kind,
    ownerId: spec.ownerId,
    mime: checked.value.mime,
    width: checked.value.width,
    height: checked.value.height,
    bytes: checked.value.bytes,
    data: Buffer.from(bytes).toString('base64'),
    at: ctx.now,
  }
  await ctx.store.insert('images', image)
  return image
}
