/**
 * Signed session tokens (the self-hosted weapp login names an openid with one): HS256 JWTs (RFC 7519, compact JWS) signed with the
 * data folder's key. Signed with jose; verified on every request with node:crypto's HMAC, which runs
 * synchronously in microseconds (Web Crypto, which jose uses, makes every verify an asynchronous job).
 * The verification is strict: exactly the header algorithm HS256, no `crit` extensions, the
 * signature compared in constant time before anything of the payload is believed, an expiry
 * required and not reached, a not-before (if any) reached, and a subject.
 * One rule: the cloud function never uses these (WeChat names its caller there).
 */
import { createHmac, timingSafeEqual, webcrypto } from 'node:crypto'
import { SignJWT } from 'jose'
import type { SessionTokens } from '../context'

const TOKEN_TTL_SECONDS = 30 * 24 * 60 * 60

const BASE64URL = /^[A-Za-z0-9_-]+$/

const jsonObject = (part: string): Record<string, unknown> | null => {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'))
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

/** The subject of a valid HS256 token signed with `secret` at `nowSeconds`, or null. */
export const verifyHs256 = (secret: Uint8Array, token: string, nowSeconds: number): string | null => {
  const parts = token.split('.')
  if (parts.length !== 3) return null
  const [head, body, signature] = parts as [string, string, string]
  if (!BASE64URL.test(head) || !BASE64URL.test(body) || !BASE64URL.test(signature)) return null
  const header = jsonObject(head)
  if (!header || header.alg !== 'HS256' || header.crit !== undefined || header.b64 !== undefined) return null
  const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest()
  const given = Buffer.from(signature, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  const claims = jsonObject(body)
  if (!claims) return null
  const { sub, exp, nbf, iat } = claims
  if (typeof exp !== 'number' || !Number.isFinite(exp) || exp <= nowSeconds) return null
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf > nowSeconds)) return null
  if (iat !== undefined && typeof iat !== 'number') return null
  return typeof sub === 'string' && sub.length > 0 ? sub : null
}

/** Tokens verified lately, with their subject and expiry (checked again on every use). */
const VERIFIED_MAX = 10_000

export const localSessions = (secret: Uint8Array, clock: () => number): SessionTokens => {
  // Imported into Web Crypto once per process: given raw bytes, jose would import them on every sign.
  const key = webcrypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  const own = Uint8Array.from(secret)
  // A token is verified once; until it expires, the same string names the same subject.
  const verified = new Map<string, { sub: string; exp: number }>()
  const verify = (token: string): string | null => {
    const now = Math.floor(clock() / 1000)
    const known = verified.get(token)
    if (known) return known.exp > now ? known.sub : null
    const sub = verifyHs256(own, token, now)
    if (sub === null) return null
    const claims = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString('utf8')) as { exp: number }
    if (verified.size >= VERIFIED_MAX) verified.clear()
    verified.set(token, { sub, exp: claims.exp })
    return sub
  }
  return {
    issue: async (personId) => {
      const now = Math.floor(clock() / 1000)
      return new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(personId)
        .setIssuedAt(now)
        .setExpirationTime(now + TOKEN_TTL_SECONDS)
        .sign(await key)
    },
    verify: async (token) => verify(token),
  }
}
