/**
 * Local session tokens: what the development login issues verifies, and nothing else does (another
 * key, a changed payload or header, another algorithm, an expired or not yet valid token, garbage).
 */
import { createHmac, randomBytes } from 'node:crypto'
import { SignJWT } from 'jose'
import { localSessions, verifyHs256 } from '../../src/server/local/sessions'

const secret = new Uint8Array(randomBytes(32))
const now = Date.UTC(2026, 11, 2, 2, 0)
const sessions = localSessions(secret, () => now)
const nowSeconds = Math.floor(now / 1000)

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
/** A token made by hand: any header and claims, signed with `key` over exactly what it carries. */
const handMade = (header: unknown, claims: unknown, key: Uint8Array = secret) => {
  const signingInput = `${b64(header)}.${b64(claims)}`
  return `${signingInput}.${createHmac('sha256', key).update(signingInput).digest('base64url')}`
}
const valid = { sub: 'p-1', iat: nowSeconds, exp: nowSeconds + 60 }

describe('local session tokens', () => {
  it('a token the login issued names its person', async () => {
    expect(await sessions.verify(await sessions.issue('p-0139'))).toBe('p-0139')
  })

  it('a token verified before stops verifying when it expires', async () => {
    let clock = now
    const moving = localSessions(secret, () => clock)
    const token = await moving.issue('p-0139')
    expect(await moving.verify(token)).toBe('p-0139')
    clock += 29 * 24 * 3_600_000
    expect(await moving.verify(token)).toBe('p-0139')
    clock += 2 * 24 * 3_600_000
    expect(await moving.verify(token)).toBeNull()
    // A changed copy of a verified token is no verified token.
    expect(await moving.verify(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeNull()
  })

  it('a token signed with another key is refused', async () => {
    const other = localSessions(new Uint8Array(randomBytes(32)), () => now)
    expect(await sessions.verify(await other.issue('p-0139'))).toBeNull()
  })

  it('a token whose payload or signature was changed is refused', async () => {
    const [head, , signature] = (await sessions.issue('p-0139')).split('.')
    expect(await sessions.verify(`${head}.${b64({ ...valid, sub: 'p-0001' })}.${signature}`)).toBeNull()
    const token = handMade({ alg: 'HS256' }, valid)
    const flipped = token.slice(0, -2) + (token.endsWith('A') ? 'B' : 'A') + token.slice(-1)
    expect(verifyHs256(secret, flipped, nowSeconds)).toBeNull()
    expect(verifyHs256(secret, token, nowSeconds)).toBe('p-1')
  })

  it('only HS256, without critical extensions, is accepted', () => {
    expect(verifyHs256(secret, handMade({ alg: 'none' }, valid), nowSeconds)).toBeNull()
    expect(verifyHs256(secret, handMade({ alg: 'HS512' }, valid), nowSeconds)).toBeNull()
    expect(verifyHs256(secret, handMade({ alg: 'HS256', crit: ['b64'], b64: false }, valid), nowSeconds)).toBeNull()
    expect(verifyHs256(secret, handMade({}, valid), nowSeconds)).toBeNull()
    const [head, body] = handMade({ alg: 'none' }, valid).split('.')
    expect(verifyHs256(secret, `${head}.${body}.`, nowSeconds)).toBeNull()
  })

  it('an expired, not yet valid, expiry-less or subject-less token is refused', () => {
    expect(verifyHs256(secret, handMade({ alg: 'HS256' }, { ...valid, exp: nowSeconds }), nowSeconds)).toBeNull()
    expect(verifyHs256(secret, handMade({ alg: 'HS256' }, { ...valid, nbf: nowSeconds + 10 }), nowSeconds)).toBeNull()
    expect(verifyHs256(secret, handMade({ alg: 'HS256' }, { sub: 'p-1' }), nowSeconds)).toBeNull()
    expect(verifyHs256(secret, handMade({ alg: 'HS256' }, { ...valid, exp: String(nowSeconds + 60) }), nowSeconds)).toBeNull()
    expect(verifyHs256(secret, handMade({ alg: 'HS256' }, { ...valid, sub: 42 }), nowSeconds)).toBeNull()
    expect(verifyHs256(secret, handMade({ alg: 'HS256' }, { ...valid, sub: undefined }), nowSeconds)).toBeNull()
  })

  it('garbage is refused', async () => {
    for (const token of ['', 'a', 'a.b', 'a.b.c.d', '...', 'e30.e30.', '!!.@@.##', `${b64([1])}.${b64([2])}.x`]) {
      expect(await sessions.verify(token)).toBeNull()
    }
  })

  it('a token jose signs with the same key and claims verifies (the format is standard JWS)', async () => {
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setSubject('p-7').setIssuedAt(nowSeconds).setExpirationTime(nowSeconds + 5).sign(secret)
    expect(verifyHs256(secret, token, nowSeconds)).toBe('p-7')
    expect(verifyHs256(secret, token, nowSeconds + 5)).toBeNull()
  })
})
