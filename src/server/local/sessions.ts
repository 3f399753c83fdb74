/**
 * Session tokens of the local development login: HS256 JWTs signed with the data folder's key.
 * The key is imported into Web Crypto once per process: given raw bytes, jose would import them
 * again on every sign and verify.
 * One rule: local mode only; the cloud function's bundle never includes this file.
 */
import { webcrypto } from 'node:crypto'
import { SignJWT, jwtVerify } from 'jose'
import type { SessionTokens } from '../context'

const TOKEN_TTL_SECONDS = 30 * 24 * 60 * 60

export const localSessions = (secret: Uint8Array, clock: () => number): SessionTokens => {
  const key = webcrypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify'])
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
    verify: async (token) => {
      try {
        const { payload } = await jwtVerify(token, await key, { algorithms: ['HS256'], currentDate: new Date(clock()) })
        return typeof payload.sub === 'string' ? payload.sub : null
      } catch {
        return null
      }
    },
  }
}
