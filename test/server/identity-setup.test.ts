/**
 * Issue 10 items 4, 5 and 8 through the real HTTP server, on SQLite and on MariaDB: a township from
 * zero (set-up code, first administrator, villages, groups, sign-in places), stored sessions and the
 * web console's QR login, the person picker only in demo mode, and the hash chain that makes the
 * month-end close refuse records changed behind the server's back.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import path from 'node:path'
import { createSetupCode } from '../../src/server/features/setup/handlers'
import { endSessionsOf } from '../../src/server/features/sessions/store'
import { verifyChain } from '../../src/server/features/chain'
import { realPng } from './fixtures/images'
import { requestId, startHarness, type Harness } from './harness'

const run = promisify(execFile)
const DAY = 24 * 3_600_000

describe('tamper evidence: the hash chain of verdict records', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness()
  })
  afterAll(() => h.stop())

  const dims = (n: number) => ({ attitude: n, effectiveness: n, presence: n })

  it('chains visits, sign-offs and ratings; a row changed in the database makes the close refuse, naming the entry; npm run verify says the same', async () => {
    const store = h.server.deps.store
    const cadre = await h.as('cadre-a')
    const visit = await cadre.ok('visit.create', { householdId: 'hh-a1', purpose: '了解春耕准备', notes: '家中有老人' })
    h.advance(10 * 60_000)
    await (await h.as('villager-a1')).ok('visit.signOff', { visitId: visit.id, signaturePng: await realPng() })
    await (await h.as('cadre-b')).ok('rating.submit', { cadreId: 'cadre-a', band: 'peers', dimensions: dims(4) })
    const entries = await store.find('chainEntries', { townshipId: 'ts-1' }, { orderBy: { field: 'seq' } })
    expect(entries.map((e) => [e.seq, e.kind])).toEqual([
      [1, 'visit'],
      [2, 'visit'],
      [3, 'rating'],
    ])
    expect(entries[1]?.prevHash).toBe(entries[0]?.hash)
    expect((await verifyChain(store, 'ts-1')).problem).toBeNull()

    // Someone with the database's password turns the signed visit's notes into something else.
    await store.db.updateTable('visits').set({ notes: '没来过' }).where('id', '=', visit.id).execute()
    const report = await verifyChain(store, 'ts-1')
    expect(report.problem).toEqual({ fault: 'record', seq: 2, kind: 'visit', recordId: visit.id })

    h.advance(10 * DAY) // into December: November may be closed
    const office = await h.as('office-1')
    const refused = await office.call('office.closePeriod', { period: '2026-11' }, requestId())
    expect(refused.status).toBe(409)
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'CHAIN.BROKEN', issues: [{ path: 'chain.2' }] } })
    if (!refused.body.ok) expect(refused.body.error.issues?.[0]?.message).toContain(`第 2 条存档（走访 ${visit.id}）`)
    expect(await store.get('periods', 'ts-1:2026-11')).toBeNull()

    const verify = await run('npx', ['tsx', 'scripts/verify.ts', '--township', 'ts-1', '--from', '2', '--to', '3'], {
      cwd: path.resolve(__dirname, '../..'),
      env: { ...process.env, MINQING_DATABASE_URL: h.database.url },
    }).catch((e: { code: number; stdout: string }) => e)
    expect('code' in verify ? verify.code : 0).toBe(1)
    expect(verify.stdout).toContain(`第 2 条存档（走访 ${visit.id}）`)

    // Put back as it was, the chain holds again and the month closes.
    await store.db.updateTable('visits').set({ notes: '家中有老人' }).where('id', '=', visit.id).execute()
    expect((await verifyChain(store, 'ts-1')).problem).toBeNull()
    await office.ok('office.closePeriod', { period: '2026-11' })
  })

  it('a rating inserted behind the server, or a removed entry, is found', async () => {
    const store = h.server.deps.store
    const length = (await store.find('chainEntries', { townshipId: 'ts-1' })).length
    await store.insert('ratings', { id: 'forged-1', townshipId: 'ts-1', period: '2026-12', band: 'villagers', cadreId: 'cadre-a', raterId: 'villager-a1', householdId: 'hh-a1', stars: 5, comment: '', at: h.now() })
    const december = { start: Date.UTC(2026, 10, 30, 16), end: Date.UTC(2026, 11, 31, 16), period: '2026-12' }
    expect((await verifyChain(store, 'ts-1', { records: december })).problem).toEqual({ fault: 'unchained', seq: null, kind: 'rating', recordId: 'forged-1' })
    await store.remove('ratings', 'forged-1')
    await store.remove('chainEntries', `ts-1:${length - 1}`)
    expect((await verifyChain(store, 'ts-1')).problem).toMatchObject({ fault: 'seq', seq: length - 1 })
  })
})

describe('a township from zero, and sessions off the demo', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness({ world: false, demo: false })
  })
  afterAll(() => h.stop())

  it('a self-hosted start without demo mode refuses the person picker', async () => {
    expect((await h.anonymous.ok('auth.mode', {})).demo).toBe(false)
    for (const action of ['auth.devPeople', 'auth.devLogin'] as const) {
      const r = await h.anonymous.call(action, action === 'auth.devLogin' ? { personId: 'x' } : ({} as never), requestId())
      expect([r.status, r.body.ok ? 'ok' : r.body.error.code]).toEqual([404, 'ACTION.UNKNOWN'])
    }
  })

  it('npm run setup makes a one-time code; the first administrator binds with it once, then sets up villages, groups and places', async () => {
    const store = h.server.deps.store
    const made = await createSetupCode(store, { townshipName: '新设镇', now: h.now(), hours: 24, newId: h.server.deps.newId })
    expect(made.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/)
    // Stored hashed: the code itself is nowhere in the table.
    expect(JSON.stringify(await store.find('setupCodes', {}))).not.toContain(made.code)
    const wrong = await h.anonymous.call('setup.claim', { code: 'AAAA-BBBB-CCCC', name: '甲', phone: '13900000001' }, requestId())
    expect(wrong.body).toMatchObject({ ok: false, error: { code: 'SETUP.CODE_INVALID' } })
    const claimed = await h.anonymous.ok('setup.claim', { code: made.code.toLowerCase(), name: '王管理', phone: '13900000001' })
    expect(claimed.me).toMatchObject({ name: '王管理', roles: ['cadre'], duty: 'office', township: { id: made.townshipId, name: '新设镇' } })
    const again = await h.anonymous.call('setup.claim', { code: made.code, name: '乙', phone: '13900000002' }, requestId())
    expect(again.body).toMatchObject({ ok: false, error: { code: 'SETUP.CODE_USED' } })
    expect(await store.count('people', { townshipId: made.townshipId })).toBe(1)

    const admin = h.client(claimed.sessionToken)
    const v = await admin.ok('office.addVillage', { name: '乌兰村' })
    const villageId = v.villages[0]!.id
    await admin.ok('office.addGroup', { villageId, name: '一社' })
    const saved = await admin.ok('office.savePlace', { name: '乌兰村村委会', villageId, lat: 39.123456, lng: 109.654321, radiusM: 150 })
    expect(saved.villages).toEqual([{ id: villageId, name: '乌兰村', groups: [{ id: expect.any(String), name: '一社' }] }])
    expect(saved.places).toEqual([{ id: expect.any(String), name: '乌兰村村委会', villageId, lat: 39.123456, lng: 109.654321, radiusM: 150, datum: 'gcj02' }])
    expect((await store.get('places', saved.places[0]!.id))?.datum).toBe('gcj02')
    const bad = await admin.call('office.savePlace', { name: 'x', villageId: null, lat: 91, lng: 0, radiusM: 100 }, requestId())
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'VALIDATION.FAILED' } })
    // Another township's village is not this administrator's to extend.
    const other = await createSetupCode(store, { townshipName: '邻镇', now: h.now(), hours: 24, newId: h.server.deps.newId })
    const neighbour = h.client((await h.anonymous.ok('setup.claim', { code: other.code, name: '邻镇管理', phone: '13900000003' })).sessionToken)
    expect((await neighbour.call('office.addGroup', { villageId, name: '二社' }, requestId())).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('an expired set-up code is refused', async () => {
    const made = await createSetupCode(h.server.deps.store, { townshipName: '迟到镇', now: h.now(), hours: 1, newId: h.server.deps.newId })
    h.advance(2 * 3_600_000)
    expect((await h.anonymous.call('setup.claim', { code: made.code, name: '丙', phone: '13900000004' }, requestId())).body).toMatchObject({ ok: false, error: { code: 'SETUP.CODE_EXPIRED' } })
  })

  it('QR login: the phone confirms, the browser that holds the poll token gets a session once; sessions end on logout, idleness and endSessionsOf', async () => {
    const store = h.server.deps.store
    const made = await createSetupCode(store, { townshipName: '扫码镇', now: h.now(), hours: 24, newId: h.server.deps.newId })
    const claimed = await h.anonymous.ok('setup.claim', { code: made.code, name: '扫码人', phone: '13900000005' })
    const phone = h.client(claimed.sessionToken)
    // Tokens are stored hashed.
    expect(JSON.stringify(await store.find('sessions', {}))).not.toContain(claimed.sessionToken)

    const qr = await h.anonymous.ok('login.qrStart', {})
    expect(qr.qrText).toBe(`minqing:login:${qr.code}`)
    expect(await h.anonymous.ok('login.qrPoll', { code: qr.code, pollToken: qr.pollToken })).toEqual({ status: 'waiting' })
    // Without the poll token, nobody collects the session.
    expect((await h.anonymous.call('login.qrPoll', { code: qr.code, pollToken: 'x'.repeat(32) }, requestId())).body).toMatchObject({ ok: false, error: { code: 'LOGIN.CODE_INVALID' } })
    await phone.ok('login.qrConfirm', { code: qr.code })
    expect((await phone.call('login.qrConfirm', { code: qr.code }, requestId())).body).toMatchObject({ ok: false, error: { code: 'LOGIN.CODE_USED' } })
    const collected = await h.anonymous.ok('login.qrPoll', { code: qr.code, pollToken: qr.pollToken })
    if (collected.status !== 'confirmed') throw new Error('not confirmed')
    expect(collected.me.name).toBe('扫码人')
    expect((await h.anonymous.call('login.qrPoll', { code: qr.code, pollToken: qr.pollToken }, requestId())).body).toMatchObject({ ok: false, error: { code: 'LOGIN.CODE_USED' } })
    const browser = h.client(collected.token)
    expect((await browser.ok('me.get', {})).name).toBe('扫码人')

    // Logout ends the browser's session only.
    await browser.ok('auth.logout', {})
    expect((await browser.call('me.get', {}, requestId())).body).toMatchObject({ ok: false, error: { code: 'AUTH.INVALID_TOKEN' } })
    expect((await phone.ok('me.get', {})).name).toBe('扫码人')

    // An expired QR code cannot be confirmed.
    const late = await h.anonymous.ok('login.qrStart', {})
    h.advance(h.server.deps.settings.sessions.loginQrMinutes * 60_000 + 1000)
    expect((await phone.call('login.qrConfirm', { code: late.code }, requestId())).body).toMatchObject({ ok: false, error: { code: 'LOGIN.CODE_EXPIRED' } })
    expect(await h.anonymous.ok('login.qrPoll', { code: late.code, pollToken: late.pollToken })).toEqual({ status: 'expired' })

    // Idle past the setting: the session has ended.
    h.advance(h.server.deps.settings.sessions.idleMinutes * 60_000 + 1000)
    expect((await phone.call('me.get', {}, requestId())).body).toMatchObject({ ok: false, error: { code: 'AUTH.INVALID_TOKEN' } })

    // Unbinding or a role change ends every session of the person (endSessionsOf).
    const second = await createSetupCode(store, { townshipName: '另一镇', now: h.now(), hours: 24, newId: h.server.deps.newId })
    const other = await h.anonymous.ok('setup.claim', { code: second.code, name: '另一人', phone: '13900000006' })
    const otherClient = h.client(other.sessionToken)
    expect((await otherClient.ok('me.get', {})).name).toBe('另一人')
    expect(await endSessionsOf(store, other.me.id)).toBe(1)
    expect((await otherClient.call('me.get', {}, requestId())).body).toMatchObject({ ok: false, error: { code: 'AUTH.INVALID_TOKEN' } })
  })

  it('a role change by the roster import ends the person\'s sessions', async () => {
    const made = await createSetupCode(h.server.deps.store, { townshipName: '名册镇', now: h.now(), hours: 24, newId: h.server.deps.newId })
    const claimed = await h.anonymous.ok('setup.claim', { code: made.code, name: '名册管理', phone: '13900000008' })
    const token = claimed.sessionToken ?? ''
    const other = await h.anonymous.ok('login.qrStart', {})
    await h.client(token).ok('login.qrConfirm', { code: other.code })
    const console_ = await h.anonymous.ok('login.qrPoll', { code: other.code, pollToken: other.pollToken })
    if (console_.status !== 'confirmed') throw new Error('not confirmed')
    // The roster names the administrator as a township leader too: a new role.
    const csv = ['类别,姓名,手机号,身份,职务,岗位,村,村民小组,户号,户主,地址,包户干部手机号', '干部,名册管理,13900000008,镇领导,镇长,机关,,,,,,'].join('\n')
    const form = new FormData()
    form.append('file', new Blob([csv]), 'roster.csv')
    const response = await fetch(`${h.server.url}/files/roster-import`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } })
    expect(response.status).toBe(200)
    expect((await h.server.deps.store.get('people', claimed.me.id))?.roles).toEqual(['cadre', 'leader'])
    for (const t of [token, console_.token]) expect((await h.client(t).call('me.get', {}, requestId())).body).toMatchObject({ ok: false, error: { code: 'AUTH.INVALID_TOKEN' } })
  })

  it('a villager cannot confirm a console login', async () => {
    const store = h.server.deps.store
    const made = await createSetupCode(store, { townshipName: '村民镇', now: h.now(), hours: 24, newId: h.server.deps.newId })
    const claimed = await h.anonymous.ok('setup.claim', { code: made.code, name: '临时', phone: '13900000007' })
    const person = await store.get('people', claimed.me.id)
    await store.replace('people', { ...person!, roles: ['villager'], duty: null })
    const qr = await h.anonymous.ok('login.qrStart', {})
    expect((await h.client(claimed.sessionToken).call('login.qrConfirm', { code: qr.code }, requestId())).body).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
  })
})
