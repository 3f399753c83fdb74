/**
 * What an uploaded image really is, read from its bytes (never from a name or a declared type):
 * PNG by its 8-byte signature and IHDR size, JPEG by its SOI marker and first SOF frame size.
 * One rule: an image is accepted only when its bytes say so, within the size and pixel limits given.
 */
import { fail, ok, type Result } from './result'

export type ImageMime = 'image/png' | 'image/jpeg'

export interface ImageInfo {
  mime: ImageMime
  width: number
  height: number
  bytes: number
}

export type ImageCode = 'IMAGE.NOT_AN_IMAGE' | 'IMAGE.TOO_LARGE' | 'IMAGE.BAD_DIMENSIONS'

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

const u32 = (b: Uint8Array, i: number): number => ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0
const u16 = (b: Uint8Array, i: number): number => (b[i] << 8) | b[i + 1]

/** PNG: signature, then the IHDR chunk first (length 13) holding width and height. */
const pngInfo = (b: Uint8Array): ImageInfo | null => {
  if (b.length < 33 || !PNG_SIGNATURE.every((v, i) => b[i] === v)) return null
  const isIhdr = u32(b, 8) === 13 && b[12] === 0x49 && b[13] === 0x48 && b[14] === 0x44 && b[15] === 0x52
  if (!isIhdr) return null
  return { mime: 'image/png', width: u32(b, 16), height: u32(b, 20), bytes: b.length }
}

/** JPEG: FF D8, then markers until a start-of-frame (C0-CF except C4, C8, CC) gives the size. */
const jpegInfo = (b: Uint8Array): ImageInfo | null => {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null
  let i = 2
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null
    const marker = b[i + 1]
    if (marker === 0xff) {
      i += 1
      continue
    }
    const length = u16(b, i + 2)
    if (length < 2) return null
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc
    if (isFrame) return { mime: 'image/jpeg', height: u16(b, i + 5), width: u16(b, i + 7), bytes: b.length }
    i += 2 + length
  }
  return null
}

/** The image's type and size from its bytes, or null when the bytes are neither PNG nor JPEG. */
export const sniffImage = (bytes: Uint8Array): ImageInfo | null => pngInfo(bytes) ?? jpegInfo(bytes)

/**
 * Checks an upload: a real image of an allowed type ('IMAGE.NOT_AN_IMAGE'), at most maxBytes
 * ('IMAGE.TOO_LARGE'), and sane dimensions: each side 1..maxSide pixels ('IMAGE.BAD_DIMENSIONS').
 */
export const checkImage = (
  bytes: Uint8Array,
  limits: { maxBytes: number; maxSide: number; types: readonly ImageMime[] },
): Result<ImageInfo, ImageCode> => {
  if (bytes.length > limits.maxBytes) return fail('IMAGE.TOO_LARGE', { bytes: bytes.length, maxBytes: limits.maxBytes })
  const info = sniffImage(bytes)
  if (!info || !limits.types.includes(info.mime)) return fail('IMAGE.NOT_AN_IMAGE')
  const sane = (n: number) => Number.isInteger(n) && n >= 1 && n <= limits.maxSide
  if (!sane(info.width) || !sane(info.height)) return fail('IMAGE.BAD_DIMENSIONS', { width: info.width, height: info.height })
  return ok(info)
}
