/**
 * The attack of issue 10, through the real HTTP server, failing at every step: a cadre tries to get
 * an account for a member of a household he covers (by invitation, by an invitation issued before
 * the rule, by a second account), then to sign his own visit and rate himself 5 stars from it, and
 * the same against the village secretary. Each refusal of a sign-off or rating is kept for the
 * supervision group. Also: binding by the WeChat-verified phone (the cloud path through the
 * dispatcher with a WeChat stand-in) and by a one-time phone code in H5, with its limits.
 */
import type { Binding, Invitation } from '../../src/core/model'
import { handle } from '../../src/server/dispatch'
import type { WechatCodes } from '../../src/server/wechat/port'
import { localWechatCodes } from '../../src/server/wechat/local'
import { realPng } from './fixtures/images'
import { requestId, startHarness, type Client, type Harness } from './harness'

let h: Harness
let png: string
const HOUR = 3_600_000
const sent: { phone: string; text: string }[] = []
let phoneOfCode: Record<string, string> = {}

beforeAll(async () => {
  h = await startHarness()
  png = await realPng()
  // WeChat's stand-in: codes of the phone button name a phone; SMS texts are kept for the test.
  const wechat: WechatCodes = {
    ...localWechatCodes,
    getPhoneNumber: async (code) => phoneOfCode[code] ?? null,
    sendPhoneCode: async (phone, text) => void sent.push({ phone, text }),
  }
  h.server.deps.wechat = wechat
}, 120_000)
afterAll(() => h.stop())

const store = () => h.server.deps.store
const code = (r: { body: { ok: boolean; error?: { code: string } } }) => (r.body.ok ? 'ok' : r.body.error?.code)
const stars5 = { attitude: 5, effectiveness: 5, presence: 5 }
const cloud = () => ({ ...h.server.deps, mode: 'cloud' as const, sessions: null })
const inCloud = (openid: string, action: string, input: unknown) => handle({ action, input, requestId: requestId() }, { kind: 'openid', openid }, cloud())

const visitTo = async (householdId: string) => (await h.as('cadre-a')).ok('visit.create', { householdId, purpose: '走访' })
const signAndRate = async (member: Client, visitId: string) => [
  code(await member.call('visit.signOff', { visitId, signaturePng: png }, requestId())),
  code(await member.call('rating.submit', { cadreId: 'cadre-a', band: 'villagers', dimensions: stars5, comment: '' }, requestId())),
]

describe('the attack through the HTTP server', () => {
  it("the household's cadre cannot invite a member of his household, nor the village secretary", async () => {
    const cadre = await h.as('cadre-a')
    expect(code(await cadre.call('binding.invite', { personId: 'villager-a1b' }, requestId()))).toBe('AUTH.FORBIDDEN')
    expect(code(await cadre.call('binding.invite', { personId: 'secretary-a' }, requestId()))).toBe('AUTH.FORBIDDEN')
    expect(code(await cadre.call('binding.members', { householdId: 'hh-a1' }))).toBe('AUTH.FORBIDDEN')
    expect(await store().find('invitations', { personId: ['villager-a1b', 'secretary-a'] })).toEqual([])
  })

  it('an invitation the cadre issued before the rule is refused when accepted, and binds nobody', async () => {
    const old: Invitation = {
      id: 'legacy-token-issued-by-cadre-a-01',
      townshipId: 'ts-1',
      personId: 'villager-a1b',
      householdId: 'hh-a1',
      createdById: 'cadre-a',
      createdAt: h.now(),
      expiresAt: h.now() + 30 * 60_000,
      usedAt: null,
    }
    await store().insert('invitations', old)
    expect(code(await h.anonymous.call('binding.accept', { token: old.id }, requestId()))).toBe('BINDING.INVALID')
    expect(code(await inCloud('o-cadre-second', 'binding.accept', { token: old.id }))).toBe('BINDING.INVALID')
    expect(await store().find('bindings', { personId: 'villager-a1b' })).toEqual([])
    expect((await store().get('invitations', old.id))?.usedAt).toBeNull()
  })

  it('a member bound by an invitation the cadre issued (before the rule) can neither sign his visit nor rate him, and supervision sees both refusals', async () => {
    // What migration 0005 records for such a binding: made by invitation, issued by cadre-a, days ago.
    const legacy: Binding = { id: 'b-legacy', openid: 'web:legacy', personId: 'villager-a1b', boundAt: h.now() - 72 * HOUR, method: 'invitation', issuerId: 'cadre-a' }
    await store().insert('bindings', legacy)
    const visit = await visitTo('hh-a1')
    const member = await h.as('villager-a1b')
    expect(await signAndRate(member, visit.id)).toEqual(['VERDICT.BOUND_BY_JUDGED', 'VERDICT.BOUND_BY_JUDGED'])
    expect((await store().get('visits', visit.id))?.status).toBe('pending')
    expect(await store().find('ratings', { cadreId: 'cadre-a' })).toEqual([])
    const audit = await (await h.as('supervisor-1')).ok('binding.audit', {})
    expect(audit.refusals.filter((r) => r.person.id === 'villager-a1b').map((r) => [r.action, r.reason, r.cadre.id]).sort()).toEqual([
      ['rating.submit', 'boundByJudged', 'cadre-a'],
      ['visit.signOff', 'boundByJudged', 'cadre-a'],
    ])
    // Readable by the supervision group only.
    for (const who of ['office-1', 'leader-a', 'cadre-a', 'villager-a1b']) {
      expect(code(await (await h.as(who)).call('binding.audit', {}))).toBe('AUTH.FORBIDDEN')
    }
    await store().remove('bindings', legacy.id)
  })

  it("the village secretary's account (staff) can neither sign the cadre's visit nor rate him in the villagers' band", async () => {
    const visit = await visitTo('hh-a2')
    const secretary = await h.as('secretary-a')
    expect(await signAndRate(secretary, visit.id)).toEqual(['VERDICT.STAFF_ACCOUNT', 'VERDICT.STAFF_ACCOUNT'])
    const refusals = await store().find('judgeRefusals', { townshipId: 'ts-1' })
    expect(refusals.filter((r) => r.personId === 'secretary-a').map((r) => r.reason)).toEqual(['staffAccount', 'staffAccount'])
  })

  it('the supervision group passes no office check: close, reopen, notices, roster, invitations, record notes', async () => {
    const sup = await h.as('supervisor-1')
    const tries = await Promise.all([
      sup.call('office.closePeriod', { period: '2026-10' }, requestId()),
      sup.call('office.reopenPeriod', { period: '2026-10', reason: '更正' }, requestId()),
      sup.call('office.postNotice', { villageId: null, title: '通知', body: '内容' }, requestId()),
      sup.call('office.updatePerson', { personId: 'cadre-a', title: '干部' }, requestId()),
      sup.call('binding.invite', { personId: 'villager-a1' }, requestId()),
      sup.call('binding.unbind', { personId: 'villager-a1', reason: '换手机' }, requestId()),
      sup.call('records.addNote', { cadreId: 'cadre-a', period: '2026-10', text: '备注' }, requestId()),
    ])
    expect(tries.map(code)).toEqual(Array(7).fill('AUTH.FORBIDDEN'))
  })
})

describe('binding by phone', () => {
  it('in WeChat: the verified phone binds the OPENID to the roster person; a fresh account may not judge for 12 hours', async () => {
    phoneOfCode = { 'wx-code-1': '13912345678', 'wx-code-nobody': '13000000000', 'wx-code-shared': '13800000000' }
    expect(code(await inCloud('o-nobody', 'binding.byPhone', { code: 'wx-code-nobody' }))).toBe('BINDING.PHONE_UNKNOWN')
    expect(code(await inCloud('o-shared', 'binding.byPhone', { code: 'wx-code-shared' }))).toBe('BINDING.PHONE_AMBIGUOUS')
    expect(code(await inCloud('o-forged', 'binding.byPhone', { code: 'forged' }))).toBe('BINDING.PHONE_REFUSED')
    const bound = await inCloud('o-villager-a1', 'binding.byPhone', { code: 'wx-code-1' })
    expect(bound.body).toMatchObject({ ok: true, data: { personId: 'villager-a1', name: '巴特尔', sessionToken: null } })
    expect(await inCloud('o-villager-a1', 'me.get', {})).toMatchObject({ body: { ok: true, data: { id: 'villager-a1' } } })
    const [b] = await store().find('bindings', { openid: 'o-villager-a1' })
    expect(b).toMatchObject({ personId: 'villager-a1', method: 'phone', boundAt: h.now() })
    // The household sees it.
    const seen = await (await h.as('villager-a1')).ok('binding.household', {})
    expect(seen[0]).toMatchObject({ person: { id: 'villager-a1' }, kind: 'bound', method: 'phone' })
    // One account, one person: another account for the same person, or this account for another, is refused.
    expect(code(await inCloud('o-second-phone', 'binding.byPhone', { code: 'wx-code-1' }))).toBe('BINDING.PERSON_BOUND')
    // Fresh: no sign-off, no rating; after 12 hours both count.
    const visit = await visitTo('hh-a1')
    const sign = () => inCloud('o-villager-a1', 'visit.signOff', { visitId: visit.id, signaturePng: png })
    expect(code(await sign())).toBe('VERDICT.BOUND_RECENTLY')
    h.advance(12 * HOUR)
    expect(code(await sign())).toBe('ok')
    expect(code(await inCloud('o-villager-a1', 'rating.submit', { cadreId: 'cadre-a', band: 'villagers', dimensions: stars5, comment: '' }))).toBe('ok')
  })

  it('staff bind by phone too (a cadre, the village secretary)', async () => {
    phoneOfCode = { 'wx-cadre': '13700001111', 'wx-secretary': '13600002222' }
    expect((await inCloud('o-cadre-a', 'binding.byPhone', { code: 'wx-cadre' })).body).toMatchObject({ ok: true, data: { personId: 'cadre-a' } })
    expect((await inCloud('o-secretary-a', 'binding.byPhone', { code: 'wx-secretary' })).body).toMatchObject({ ok: true, data: { personId: 'secretary-a' } })
    // The cadre's account cannot also become a villager's.
    phoneOfCode = { 'wx-again': '13912345678' }
    expect(code(await inCloud('o-cadre-a', 'binding.byPhone', { code: 'wx-again' }))).toBe('BINDING.ALREADY_BOUND')
  })

  it('in H5: a one-time code printed for the roster phone binds a web account and opens its session; wrong codes and too many codes are refused', async () => {
    sent.length = 0
    const phone = '13912345678'
    // villager-a1 already has an account (WeChat, above): the office unbinds it first (换绑), logged and told.
    const office = await h.as('office-1')
    expect(await office.ok('binding.unbind', { personId: 'villager-a1', reason: '换了手机' })).toEqual({ unbound: 1 })
    expect((await (await h.as('villager-a1')).ok('binding.household', {}))[0]).toMatchObject({ kind: 'unbound', by: { id: 'office-1' } })
    expect(await inCloud('o-villager-a1', 'me.get', {})).toMatchObject({ body: { ok: false, error: { code: 'AUTH.NOT_BOUND' } } })
    expect(code(await (await h.as('cadre-a')).call('binding.unbind', { personId: 'villager-a1', reason: 'x' }, requestId()))).toBe('AUTH.FORBIDDEN')

    await h.anonymous.ok('binding.sendCode', { phone })
    const first = /\d{6}/.exec(sent[0]?.text ?? '')?.[0] ?? ''
    expect(sent[0]?.phone).toBe(phone)
    const wrong = first === '000000' ? '000001' : '000000'
    expect(code(await h.anonymous.call('binding.byCode', { phone, code: wrong }, requestId()))).toBe('BINDING.CODE_WRONG')
    expect((await store().find('phoneCodes', { phone }))[0]?.attempts).toBe(1)
    const bound = await h.anonymous.ok('binding.byCode', { phone, code: first })
    expect(bound).toMatchObject({ personId: 'villager-a1', sessionToken: expect.any(String) })
    expect(code(await h.anonymous.call('binding.byCode', { phone, code: first }, requestId()))).toBe('BINDING.CODE_EXPIRED')
    // The session is the person's.
    const res = await h.post('/api/me.get', JSON.stringify({ input: {} }), { authorization: `Bearer ${bound.sessionToken}` })
    expect(res.json).toMatchObject({ ok: true, data: { id: 'villager-a1' } })
    // A phone not on the roster is answered alike, and no text is sent.
    sent.length = 0
    await h.anonymous.ok('binding.sendCode', { phone: '13000000000' })
    expect(sent).toEqual([])
  })

  it('a code is dead after five wrong tries, and a phone gets at most five codes an hour', async () => {
    sent.length = 0
    const phone = '13600002222'
    h.advance(2 * HOUR)
    await h.anonymous.ok('binding.sendCode', { phone })
    const right = /\d{6}/.exec(sent[0]?.text ?? '')?.[0] ?? ''
    const wrong = right === '000000' ? '000001' : '000000'
    for (let i = 0; i < 5; i++) expect(code(await h.anonymous.call('binding.byCode', { phone, code: wrong }, requestId()))).toBe('BINDING.CODE_WRONG')
    expect(code(await h.anonymous.call('binding.byCode', { phone, code: right }, requestId()))).toBe('BINDING.CODE_EXPIRED')
    for (let i = 0; i < 4; i++) await h.anonymous.ok('binding.sendCode', { phone })
    expect(code(await h.anonymous.call('binding.sendCode', { phone }, requestId()))).toBe('BINDING.CODE_LIMIT')
    // The H5 code path does not exist in the cloud.
    expect(code(await inCloud('o-any', 'binding.sendCode', { phone }))).toBe('ACTION.UNKNOWN')
  })

  it('an invitation from the secretary binds by invitation, and the supervision group lists it', async () => {
    const invitation = await (await h.as('secretary-a')).ok('binding.invite', { personId: 'villager-a2', wxacode: true, envVersion: 'trial' })
    expect(invitation.scene).toBe(invitation.token)
    expect(invitation.scene.length).toBeLessThanOrEqual(32)
    expect(Buffer.from(invitation.imageBase64 ?? '', 'base64').subarray(1, 4).toString()).toBe('PNG')
    expect((await inCloud('o-villager-a2', 'binding.accept', { token: invitation.token })).body).toMatchObject({ ok: true, data: { personId: 'villager-a2' } })
    const audit = await (await h.as('supervisor-1')).ok('binding.audit', {})
    expect(audit.invited.find((e) => e.person.id === 'villager-a2')).toMatchObject({ method: 'invitation', by: { id: 'secretary-a' } })
    const [b] = await store().find('bindings', { personId: 'villager-a2' })
    expect(b).toMatchObject({ method: 'invitation', issuerId: 'secretary-a' })
  })
})
