/**
 * selfhost (issue 11): short-lived signed URLs of uploaded files, for the self-hosted weapp. An
 * <image> or an audio context in WeChat cannot send an Authorization header, and the weapp has no
 * cookies, so whoever may see a file (checked by `file.urls` with mayReadUpload) gets a URL that
 * names the file, the person it was made for and its expiry, signed with the server's key:
 * `/uploads/<name>?p=<person>&e=<expiry, unix seconds>&s=<HMAC-SHA256, base64url>`.
 * One rule: a URL opens one file, for minutes; it is made only after the reader's check passed,
 * and a changed name, person or expiry (or another server's key) opens nothing.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/** How long a signed URL stays valid: as long as a cloud storage temporary URL (ten minutes). */
export const MEDIA_URL_SECONDS = 600

export interface MediaUrls {
  /** A signed URL of `/uploads/<name>` for `personId`, valid MEDIA_URL_SECONDS from `now`. */
  sign(url: string, personId: string, now: number): string
  /** The person a signed request was made for, or null when the signature is wrong or expired. */
  verify(name: string, query: { p?: unknown; e?: unknown; s?: unknown }, now: number): string | null
}

const PERSON = /^[A-Za-z0-9_-]{1,64}$/

/** The signer with a key derived from the server's secret (a random one when none is given). */
export const mediaUrls = (secret: Uint8Array = randomBytes(32)): MediaUrls => {
  const key = createHmac('sha256', secret).update('minqing/media-url/v1').digest()
  const mac = (name: string, personId: string, expiry: number) => createHmac('sha256', key).update(`${name}\n${personId}\n${expiry}`).digest()
  return {
    sign(url, personId, now) {
      const name = url.slice(url.lastIndexOf('/') + 1)
      const expiry = Math.floor(now / 1000) + MEDIA_URL_SECONDS
      const query = new URLSearchParams({ p: personId, e: String(expiry), s: mac(name, personId, expiry).toString('base64url') })
      return `${url}?${query.toString()}`
    },
    verify(name, { p, e, s }, now) {
      if (typeof p !== 'string' || typeof e !== 'string' || typeof s !== 'string') return null
      if (!PERSON.test(p) || !/^\d{1,12}$/.test(e) || !/^[A-Za-z0-9_-]{43}$/.test(s)) return null
      const expiry = Number(e)
      if (expiry <= Math.floor(now / 1000)) return null
      const given = Buffer.from(s, 'base64url')
      const expected = mac(name, p, expiry)
      return given.length === expected.length && timingSafeEqual(given, expected) ? p : null
    },
  }
}
