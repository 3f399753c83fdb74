/**
 * Issue 10's leftovers through the real HTTP server (SQLite, and MariaDB in the integration-mysql
 * project): the QR login's confirm page names the asking browser; idle sessions, old login requests
 * and old phone codes are pruned; an unbinding is told to the person (in-app notice and the
 * subscribe-message port); wrong phone-code tries are counted by one statement; bindings.openid is
 * unique in the database, and migration 0013_identity_finish resolves older duplicates.
 */
import path from 'node:path'
import { sql } from 'kysely'
import { handle } from '../../src/server/dispatch'
import { PHONE_CODE_KEEP_MS } from '../../src/server/features/binding/handlers'
import { readMessageLog } from '../../src/server/features/tickets/notifications/messenger'
import { SUBSCRIBE_LOG } from '../../src/server/local/start'
import { DUPLICATE_BINDING_NOTE, migrateToLatest } from '../../src/server/storage/migrations'
import { localWechatCodes } from '../../src/server/wechat/local'
import { expectRefusedByUniqueIndex } from '../support/db-errors'
import { requestId, startHarness, type Harness } from './harness'

jest.setTimeout(120_000)

let h: Harness
const sent: { phone: string; text: string }[] = []
let phoneOfCode: Record<string, string> = {}
beforeAll(async () => {
  h = await startHarness()
  h.server.deps.wechat = {
    ...localWechatCodes,
    getPhoneNumber: async (code) => phoneOfCode[code] ?? null,
    sendPhoneCode: async (phone, text) => void sent.push({ phone, text }),
  }
}, 120_000)
afterAll(() => h.stop())

const store = () => h.server.deps.store
const codeOf = (r: { body: { ok: boolean; error?: { code: string } } }) => (r.body.ok ? 'ok' : r.body.error?.code)
const cloud = () => ({ ...h.server.deps, mode: 'cloud' as const, sessions: null })
const inCloud = (openid: string, action: string, input: unknown) => handle({ action, input, requestId: requestId() }, { kind: 'openid', openid }, cloud())
const CHROME_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
const MINUTE = 60_000

describe('the QR login names the browser that asks', () => {
  const qrStart = async (userAgent: string) => {
    const r = await h.post('/api/login.qrStart', JSON.stringify({ input: {}, requestId: requestId() }), { 'user-agent': userAgent })
    if (!r.json.ok) throw new Error(JSON.stringify(r.json))
    return r.json.data as { code: string; pollToken: string }
  }

  it('stores the user agent and address with the request; the confirming staff member reads them summarised', async () => {
    const qr = await qrStart(CHROME_WINDOWS)
    expect(await store().get('loginRequests', qr.code)).toMatchObject({ userAgent: CHROME_WINDOWS, address: expect.stringMatching(/127\.0\.0\.1/) })
    const details = await (await h.as('office-1')).ok('login.qrDetails', { code: qr.code })
    expect(details).toMatchObject({ browser: 'Chrome', os: 'Windows', address: expect.stringMatching(/127\.0\.0\.1/), askedAt: h.now() })
    // Only a person who may use the web console reads it; a used code answers LOGIN.CODE_USED.
    expect(codeOf(await (await h.as('villager-a1')).call('login.qrDetails', { code: qr.code }))).toBe('AUTH.FORBIDDEN')
    await (await h.as('office-1')).ok('login.qrConfirm', { code: qr.code })
    expect(codeOf(await (await h.as('office-1')).call('login.qrDetails', { code: qr.code }))).toBe('LOGIN.CODE_USED')
    expect(codeOf(await (await h.as('office-1')).call('login.qrDetails', { code: 'no-such-code-000' }))).toBe('LOGIN.CODE_INVALID')
  })
})

describe('pruning', () => {
  it('a new login request prunes idle sessions and requests expired over an hour ago; live ones stay', async () => {
    const idle = h.server.deps.settings.sessions.idleMinutes * MINUTE
    await store().insert('sessions', { id: 'session-old', personId: 'office-1', via: 'qr', createdAt: 0, lastSeenAt: h.now() - idle - 1 })
    await store().insert('sessions', { id: 'session-live', personId: 'office-1', via: 'qr', createdAt: 0, lastSeenAt: h.now() - idle + MINUTE })
    const request = { pollHash: 'x', createdAt: 0, confirmedById: null, confirmedAt: null, collectedAt: null }
    await store().insert('loginRequests', { ...request, id: 'login-old', expiresAt: h.now() - 61 * MINUTE })
    await store().insert('loginRequests', { ...request, id: 'login-recent', expiresAt: h.now() - 5 * MINUTE })
    await h.anonymous.ok('login.qrStart', {}, requestId())
    expect(await store().get('sessions', 'session-old')).toBeNull()
    expect(await store().get('sessions', 'session-live')).not.toBeNull()
    expect(await store().get('loginRequests', 'login-old')).toBeNull()
    expect(await store().get('loginRequests', 'login-recent')).not.toBeNull()
  })

  it('a new phone code prunes codes older than a day; the last hour is kept for the sending limit', async () => {
    const code = { phone: '13000000009', codeHash: 'x', expiresAt: 0, attempts: 0, usedAt: null }
    await store().insert('phoneCodes', { ...code, id: 'pc-old', at: h.now() - PHONE_CODE_KEEP_MS - 1 })
    await store().insert('phoneCodes', { ...code, id: 'pc-recent', at: h.now() - 30 * MINUTE })
    await h.anonymous.ok('binding.sendCode', { phone: '13000000008' }, requestId())
    expect(await store().get('phoneCodes', 'pc-old')).toBeNull()
    expect(await store().get('phoneCodes', 'pc-recent')).not.toBeNull()
  })
})

describe('wrong phone-code tries', () => {
  it('each wrong try counts in the database; once the limit is reached the right code is refused too', async () => {
    const phone = '13912345678' // villager-a1
    sent.length = 0
    await h.anonymous.ok('binding.sendCode', { phone }, requestId())
    const right = /\d{6}/.exec(sent.find((s) => s.phone === phone)?.text ?? '')?.[0]
    if (!right) throw new Error('no code was sent')
    const wrong = right === '000000' ? '000001' : '000000'
    const limit = h.server.deps.settings.binding.codeAttempts
    const tries = await Promise.all(Array.from({ length: limit }, () => h.anonymous.call('binding.byCode', { phone, code: wrong }, requestId())))
    expect(tries.map(codeOf)).toEqual(Array(limit).fill('BINDING.CODE_WRONG'))
    const [latest] = await store().find('phoneCodes', { phone }, { orderBy: { field: 'at', direction: 'desc' }, limit: 1 })
    expect(latest?.attempts).toBe(limit)
    expect(codeOf(await h.anonymous.call('binding.byCode', { phone, code: right }, requestId()))).toBe('BINDING.CODE_EXPIRED')
    expect(await store().find('bindings', { personId: 'villager-a1' })).toEqual([])
  })
})

describe('unbinding is told to the person', () => {
  it('an in-app notice with the reason, and a subscribe message to the WeChat account that was bound', async () => {
    phoneOfCode = { 'wx-a1': '13912345678' }
    expect(codeOf(await inCloud('o-villager-a1', 'binding.byPhone', { code: 'wx-a1' }))).toBe('ok')
    await (await h.as('office-1')).ok('binding.unbind', { personId: 'villager-a1', reason: '换了手机' })
    const notices = (await (await h.as('villager-a1')).ok('notification.list', {})).notifications
    expect(notices).toContainEqual(expect.objectContaining({ about: 'unbound', note: '换了手机', ticketId: null, read: false }))
    const log = readMessageLog(path.join(h.dataDir, SUBSCRIBE_LOG)).filter((m) => m.personId === 'villager-a1')
    expect(log).toEqual([expect.objectContaining({ openid: 'o-villager-a1', status: 'unbound', words: '已解除绑定' })])
    // The household's list still shows it.
    expect((await store().find('bindingEvents', { personId: 'villager-a1' })).map((e) => e.kind).sort()).toEqual(['bound', 'unbound'])
  })
})

describe('one account names one person, in the database', () => {
  it('a second binding of the same openid is refused by the unique index', async () => {
    await store().insert('bindings', { id: 'b-u1', openid: 'o-unique', personId: 'villager-a1', boundAt: 1 })
    await expectRefusedByUniqueIndex(store().insert('bindings', { id: 'b-u2', openid: 'o-unique', personId: 'villager-a2', boundAt: 2 }))
    await store().remove('bindings', 'b-u1')
  })

  it('migration 0013_identity_finish keeps the oldest binding of an account and logs each later one as unbound', async () => {
    const db = store().db
    const mysql = h.database.url.startsWith('mysql')
    await (mysql ? sql`DROP INDEX bindings_u_openid ON bindings` : sql`DROP INDEX bindings_u_openid`).execute(db)
    await store().insert('bindings', { id: 'b-d1', openid: 'o-dup', personId: 'villager-a1', boundAt: 100 })
    await store().insert('bindings', { id: 'b-d2', openid: 'o-dup', personId: 'villager-a2', boundAt: 200 })
    await store().insert('bindings', { id: 'b-d0', openid: 'o-dup', personId: 'cadre-a', boundAt: 50 })
    await db.deleteFrom('kysely_migration').where('name', '=', '0013_identity_finish').execute()
    expect(await migrateToLatest(db, mysql ? 'mysql' : 'sqlite')).toEqual(['0013_identity_finish'])
    expect((await store().find('bindings', { openid: 'o-dup' })).map((b) => b.id)).toEqual(['b-d0'])
    const logged = (await store().find('bindingEvents', { note: DUPLICATE_BINDING_NOTE })).map((e) => [e.personId, e.kind]).sort()
    expect(logged).toEqual([
      ['villager-a1', 'unbound'],
      ['villager-a2', 'unbound'],
    ])
    // The index is back: a duplicate is refused again.
    await expectRefusedByUniqueIndex(store().insert('bindings', { id: 'b-d3', openid: 'o-dup', personId: 'villager-a1', boundAt: 300 }))
    await store().remove('bindings', 'b-d0')
  })
})
