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
 */
export const stripJpegMetadata = (b: Buffer): Buffer => {
  const parts: Buffer[] = [b.subarray(0, 2)]
  let i = 2
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return b // not a marker where one must be: leave the file as it came
    const marker = b[i + 1] ?? 0
    if (marker === 0xda) {
      parts.push(b.subarray(i)) // start of scan: the rest is image data
      return Buffer.concat(parts)
    }
    const length = b.readUInt16BE(i + 2)
    const end = i + 2 + length
    if (end > b.length) return b
    const metadata = (marker >= 0xe1 && marker <= 0xef) || marker === 0xfe // APP1-APP15, COM (APP0 JFIF kept)
    if (!metadata) parts.push(b.subarray(i, end))
    i = end
  }
  return b
}

/** A PNG without its eXIf, tEXt, zTXt and iTXt chunks. */
export const stripPngMetadata = (b: Buffer): Buffer => {
  const parts: Buffer[] = [b.subarray(0, 8)]
  let i = 8
  while (i + 12 <= b.length) {
    const length = b.readUInt32BE(i)
    const type = b.toString('latin1', i + 4, i + 8)
    const end = i + 12 + length
    if (end > b.length) return b
    if (!['eXIf', 'tEXt', 'zTXt', 'iTXt'].includes(type)) parts.push(b.subarray(i, end))
    i = end
  }
  return Buffer.concat(parts)
}

export const stripMetadata = (b: Buffer, mime: string): Buffer =>
  mime === 'image/jpeg' ? stripJpegMetadata(b) : mime === 'image/png' ? stripPngMetadata(b) : b
