/**
 * Bad input at the HTTP door: every malformed request gets a stable code and a fitting status,
 * nothing is written, and the server keeps serving.
 */
import { requestId, startHarness, type Harness } from './harness'

let h: Harness
let token: string
beforeAll(async () => {
  h = await startHarness()
  token = (await h.anonymous.ok('auth.devLogin', { personId: 'villager-a1' })).token
})
afterAll(() => h.stop())

const auth = () => ({ authorization: `Bearer ${token}` })
const ticketCount = () => h.server.deps.store.count('tickets', {})
const validReport = { kind: 'problem' as const, category: 'infrastructure', description: '村道坑洼，雨天无法通行' }

describe('a request that is not well-formed', () => {
  it('with a body that is not JSON answers REQUEST.MALFORMED_JSON (400)', async () => {
    const r = await h.post('/api/ticket.create', '{"input": {', auth())
    expect(r.status).toBe(400)
    expect(r.json).toEqual({ ok: false, error: { code: 'REQUEST.MALFORMED_JSON', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } })
  })

  it('with a JSON array or fields beside input and requestId answers REQUEST.MALFORMED_JSON', async () => {
    expect((await h.post('/api/me.get', '[1,2]', auth())).json).toMatchObject({ error: { code: 'REQUEST.MALFORMED_JSON' } })
    expect((await h.post('/api/me.get', '{"input":{},"openid":"o-x"}', auth())).json).toMatchObject({ error: { code: 'REQUEST.MALFORMED_JSON' } })
  })

  it('larger than the body limit answers REQUEST.TOO_LARGE (413)', async () => {
    const body = JSON.stringify({ input: { ...validReport, description: 'x'.repeat(400_000) }, requestId: requestId() })
    const r = await h.post('/api/ticket.create', body, auth())
    expect(r.status).toBe(413)
    expect(r.json).toMatchObject({ ok: false, error: { code: 'REQUEST.TOO_LARGE' } })
  })

  it('with another content type answers REQUEST.UNSUPPORTED_MEDIA_TYPE (415)', async () => {
    const r = await h.post('/api/me.get', 'input=1', { ...auth(), 'content-type': 'application/x-www-form-urlencoded' })
    expect(r.status).toBe(415)
    expect(r.json).toMatchObject({ error: { code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' } })
  })

  it('to an unknown action answers ACTION.UNKNOWN (404)', async () => {
    const r = await h.post('/api/ticket.delete', JSON.stringify({ input: {} }), auth())
    expect(r.status).toBe(404)
    expect(r.json).toMatchObject({ error: { code: 'ACTION.UNKNOWN' } })
    expect((await h.post('/api/__proto__', '{}', auth())).json).toMatchObject({ error: { code: 'ACTION.UNKNOWN' } })
  })
})

describe('identity at the door', () => {
  it('without a token answers AUTH.REQUIRED (401)', async () => {
    const r = await h.anonymous.call('me.get', {})
    expect(r.status).toBe(401)
    expect(r.body).toMatchObject({ ok: false, error: { code: 'AUTH.REQUIRED' } })
  })

  it('with a forged token answers AUTH.INVALID_TOKEN (401)', async () => {
    const forged = `${token.slice(0, -4)}AAAA`
    const r = await h.post('/api/me.get', '{"input":{}}', { authorization: `Bearer ${forged}` })
    expect(r.status).toBe(401)
    expect(r.json).toMatchObject({ error: { code: 'AUTH.INVALID_TOKEN' } })
  })

  it('logging in as a person who does not exist answers NOT_FOUND', async () => {
    expect((await h.anonymous.call('auth.devLogin', { personId: 'nobody' })).body).toMatchObject({ error: { code: 'NOT_FOUND' } })
  })
})

describe('input that breaks the contract is refused with field issues and writes nothing', () => {
  const cases: [string, unknown, string][] = [
    ['a missing field', { kind: 'problem', category: 'infrastructure' }, 'description'],
    ['an extra field', { ...validReport, reporterId: 'villager-b1' }, 'reporterId'],
    ['a wrong type', { ...validReport, anonymous: 'yes' }, 'anonymous'],
    ['an unknown enum value', { ...validReport, kind: 'complaint' }, 'kind'],
    ['an oversized string', { ...validReport, description: '路'.repeat(501) }, 'description'],
    ['a blank string', { ...validReport, description: '   ' }, 'description'],
    ['an id with odd characters', { ...validReport, householdId: "hh-a1' OR 1=1" }, 'householdId'],
    ['too many photos', { ...validReport, photoUrls: Array.from({ length: 10 }, (_, i) => `p${i}.jpg`) }, 'photoUrls'],
  ]
  it.each(cases)('%s', async (_label, input, field) => {
    const before = await ticketCount()
    const r = await h.post('/api/ticket.create', JSON.stringify({ input, requestId: requestId() }), auth())
    expect(r.status).toBe(400)
    expect(r.json).toMatchObject({ ok: false, error: { code: 'VALIDATION.FAILED' } })
    const issues = r.json.ok ? [] : (r.json.error.issues ?? [])
    expect(issues.map((i) => i.path).join(' ')).toContain(field)
    expect(issues.every((i) => /[\u4e00-\u9fa5]/.test(i.message))).toBe(true)
    expect(await ticketCount()).toBe(before)
  })

  it('a write without a request id answers REQUEST.ID_REQUIRED and writes nothing', async () => {
    const before = await ticketCount()
    const r = await h.post('/api/ticket.create', JSON.stringify({ input: validReport }), auth())
    expect(r.status).toBe(400)
    expect(r.json).toMatchObject({ error: { code: 'REQUEST.ID_REQUIRED' } })
    expect(await ticketCount()).toBe(before)
  })
})

describe('retries', () => {
  it('replaying a write with the same request id returns the first answer and writes once', async () => {
    const client = await h.as('villager-a1')
    const id = requestId()
    const before = await ticketCount()
    const first = await client.call('ticket.create', validReport, id)
    const second = await client.call('ticket.create', validReport, id)
    expect(first.body.ok).toBe(true)
    expect(second.body).toEqual(first.body)
    expect(await ticketCount()).toBe(before + 1)
  })

  it('reusing a request id with different input is refused with IDEMPOTENCY.KEY_REUSED (409)', async () => {
    const client = await h.as('villager-a1')
    const id = requestId()
    await client.ok('ticket.create', validReport, id)
    const before = await ticketCount()
    const r = await client.call('ticket.create', { ...validReport, description: '另一件事' }, id)
    expect(r.status).toBe(409)
    expect(r.body).toMatchObject({ error: { code: 'IDEMPOTENCY.KEY_REUSED' } })
    expect(await ticketCount()).toBe(before)
  })

  it('the same request id from two people is two different requests', async () => {
    const id = requestId()
    const a = await (await h.as('villager-a1')).call('ticket.create', validReport, id)
    const b = await (await h.as('villager-b1')).call('ticket.create', validReport, id)
    expect(a.body.ok && b.body.ok && a.body.data.id !== b.body.data.id).toBe(true)
  })
})

it('the server keeps serving after all of the above', async () => {
  const r = await (await h.as('villager-a1')).call('me.get', {})
  expect(r.status).toBe(200)
  expect(r.body).toMatchObject({ ok: true, data: { id: 'villager-a1' } })
})
