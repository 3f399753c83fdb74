/**
 * What an uploaded file really is, judged by its first bytes (never by its name or the client's
 * content type), and the removal of embedded metadata (EXIF with GPS) from photos.
 * One rule: a file whose bytes are not a photo or voice format we know is refused.
 */

export interface Sniffed {
  kind: 'photo' | 'voice'
  mime: string
  ext: string
}

const startsWith = (b: Buffer, bytes: number[], at = 0): boolean => bytes.every((x, i) => b[at + i] === x)
const ascii = (b: Buffer, text: string, at = 0): boolean => b.length >= at + text.length && b.toString('latin1', at, at + text.length) === text

/** The format by magic bytes: JPEG, PNG, WebP photos; MP3, AAC/M4A, WebM, Ogg, WAV, AMR voice. */
export const sniff = (b: Buffer): Sniffed | null => {
  if (b.length < 12) return null
  if (startsWith(b, [0xff, 0xd8, 0xff])) return { kind: 'photo', mime: 'image/jpeg', ext: 'jpg' }
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'photo', mime: 'image/png', ext: 'png' }
  if (ascii(b, 'RIFF') && ascii(b, 'WEBP', 8)) return { kind: 'photo', mime: 'image/webp', ext: 'webp' }
  if (ascii(b, 'RIFF') && ascii(b, 'WAVE', 8)) return { kind: 'voice', mime: 'audio/wav', ext: 'wav' }
  if (ascii(b, 'ID3') || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0 && ((b[1] ?? 0) & 0x06) !== 0)) {
    return { kind: 'voice', mime: 'audio/mpeg', ext: 'mp3' }
  }
  if (b[0] === 0xff && ((b[1] ?? 0) & 0xf6) === 0xf0) return { kind: 'voice', mime: 'audio/aac', ext: 'aac' }
  if (ascii(b, 'ftyp', 4) && /^(M4A |mp42|isom|mp41|iso\d)/.test(b.toString('latin1', 8, 12))) return { kind: 'voice', mime: 'audio/mp4', ext: 'm4a' }
  if (startsWith(b, [0x1a, 0x45, 0xdf, 0xa3])) return { kind: 'voice', mime: 'audio/webm', ext: 'webm' }
  if (ascii(b, 'OggS')) return { kind: 'voice', mime: 'audio/ogg', ext: 'ogg' }
  if (ascii(b, '#!AMR')) return { kind: 'voice', mime: 'audio/amr', ext: 'amr' }
  return null
}

/**
 * A JPEG without its APPn metadata segments (EXIF/XMP, where cameras write GPS) and comments; the
 * image data is untouched. The client already re-encodes photos; this is the server's own guarantee.
 * A file whose segments cannot be walked is refused (null): it could hide metadata.
 */
export const stripJpegMetadata = (b: Buffer): Buffer | null => {
  const parts: Buffer[] = [b.subarray(0, 2)]
  let i = 2
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return null // not a marker where one must be: not a photo we can clean
    const marker = b[i + 1] ?? 0
    if (marker === 0xda) {
      parts.push(b.subarray(i)) // start of scan: the rest is image data
      return Buffer.concat(parts)
    }
    const length = b.readUInt16BE(i + 2)
    const end = i + 2 + length
    if (end > b.length) return null
    const metadata = (marker >= 0xe1 && marker <= 0xef) || marker === 0xfe // APP1-APP15, COM (APP0 JFIF kept)
    if (!metadata) parts.push(b.subarray(i, end))
    i = end
  }
  return null
}

/** A PNG without its eXIf, tEXt, zTXt and iTXt chunks. */
export const stripPngMetadata = (b: Buffer): Buffer | null => {
  const parts: Buffer[] = [b.subarray(0, 8)]
  let i = 8
  while (i + 12 <= b.length) {
    const length = b.readUInt32BE(i)
    const type = b.toString('latin1', i + 4, i + 8)
    const end = i + 12 + length
    if (end > b.length) return null
    if (!['eXIf', 'tEXt', 'zTXt', 'iTXt'].includes(type)) parts.push(b.subarray(i, end))
    i = end
  }
  return Buffer.concat(parts)
}

/**
 * A WebP without its EXIF and XMP chunks, the VP8X header's flags for them cleared and the RIFF
 * size set to what is left. A file whose chunks do not add up is refused (null), never kept as is.
 */
export const stripWebpMetadata = (b: Buffer): Buffer | null => {
  if (b.length < 12 || !ascii(b, 'RIFF') || !ascii(b, 'WEBP', 8)) return null
  const parts: Buffer[] = []
  let i = 12
  while (i + 8 <= b.length) {
    const type = b.toString('latin1', i, i + 4)
    const size = b.readUInt32LE(i + 4)
    const end = i + 8 + size + (size % 2)
    if (i + 8 + size > b.length) return null
    if (type === 'VP8X' && size >= 1) {
      const chunk = Buffer.from(b.subarray(i, Math.min(end, b.length)))
      chunk[8] = (chunk[8] ?? 0) & ~0x0c // EXIF (0x08) and XMP (0x04) flags
      parts.push(chunk)
    } else if (type !== 'EXIF' && type !== 'XMP ') parts.push(b.subarray(i, Math.min(end, b.length)))
    i = end
  }
  if (i < b.length) return null
  const body = Buffer.concat(parts)
  const head = Buffer.alloc(12)
  head.write('RIFF', 0, 'latin1')
  head.writeUInt32LE(body.length + 4, 4)
  head.write('WEBP', 8, 'latin1')
  return Buffer.concat([head, body])
}

/** The photo without embedded metadata, or null when its structure cannot be walked (refuse it). */
export const stripMetadata = (b: Buffer, mime: string): Buffer | null =>
  mime === 'image/jpeg' ? stripJpegMetadata(b) : mime === 'image/png' ? stripPngMetadata(b) : mime === 'image/webp' ? stripWebpMetadata(b) : b
