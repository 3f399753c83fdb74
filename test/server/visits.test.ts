/**
 * 民情日记 through the real HTTP server: a cadre logs a visit, a member of that household signs it
 * with a handwritten PNG (or for a member without a phone), anyone else or after 24 h is refused,
 * a problem becomes a ticket in one tap, and bad signatures are refused with nothing written.
 */
import type { VisitView } from '../../src/contracts'
import { jpegHeader, realPng, pngHeader, notAnImage } from './fixtures/images'
import { requestId, startHarness, type Harness } from './harness'

let h: Harness
let signature: string
beforeAll(async () => {
  h = await startHarness()
  signature = await realPng()
  // A grandmother of household a1 without a phone: her grandson signs for her.
  await h.server.deps.store.insert('people', {
    id: 'villager-a1c', townshipId: 'ts-1', name: '娜仁', phone: '', roles: ['villager'], householdId: 'hh-a1',
    villageId: 'vil-a', duty: null, title: '', photoUrl: null, hasPhone: false,
  })
})
afterAll(() => h.stop())

const logVisit = async (householdId = 'hh-a1', extra: Record<string, unknown> = {}): Promise<VisitView> =>
  (await h.as('cadre-a')).ok('visit.create', { householdId, purpose: '了解春耕准备', notes: '家中有老人', problems: '院外路灯坏了', ...extra })
const stored = (id: string) => h.server.deps.store.get('visits', id)
const imageCount = async () => (await h.server.deps.store.find('images', {})).length

describe('a visit and its sign-off', () => {
  it('is pending until a member of the household signs; then it counts, with who signed', async () => {
    const v = await logVisit()
    expect(v).toMatchObject({ status: 'pending', counts: false, householdNumber: '001', cadre: { name: '张伟' } })
    expect(v.deadline - v.at).toBe(24 * 3_600_000)
    h.advance(10 * 60_000)
    const waiting = await (await h.as('villager-a1')).ok('visit.waiting', {})
    expect(waiting.map((w) => w.id)).toContain(v.id)
    const signed = await (await h.as('villager-a1')).ok('visit.signOff', { visitId: v.id, signaturePng: signature })
    expect(signed).toMatchObject({ status: 'signed', counts: true, signedByName: '巴特尔', onBehalfOfName: null })
    const doc = await stored(v.id)
    const image = doc?.signatureId ? await h.server.deps.store.get('images', doc.signatureId) : null
    expect(image).toMatchObject({ kind: 'signature', mime: 'image/png', ownerId: 'villager-a1', width: 240 })
    expect((await (await h.as('villager-a1')).ok('visit.waiting', {})).map((w) => w.id)).not.toContain(v.id)
  })

  it('a member with a phone signs for a member without one, and the record says for whom', async () => {
    const v = await logVisit()
    const page = await (await h.as('villager-a1')).ok('visit.get', { visitId: v.id })
    expect(page.proxyFor.map((p) => p.name)).toEqual(['娜仁'])
    const signed = await (await h.as('villager-a1')).ok('visit.signOff', { visitId: v.id, signaturePng: signature, onBehalfOfId: 'villager-a1c' })
    expect(signed).toMatchObject({ signedByName: '巴特尔', onBehalfOfName: '娜仁' })
    expect(await stored(v.id)).toMatchObject({ signedById: 'villager-a1', onBehalfOfId: 'villager-a1c' })
  })

  it('refuses signing on behalf of someone outside the household or with a phone, nothing written', async () => {
    const v = await logVisit()
    for (const other of ['villager-a2', 'villager-a1b']) {
      const r = await (await h.as('villager-a1')).call('visit.signOff', { visitId: v.id, signaturePng: signature, onBehalfOfId: other }, requestId())
      expect(r.body).toMatchObject({ ok: false, error: { code: 'VISIT.PROXY_NOT_ALLOWED' } })
    }
    expect(await stored(v.id)).toMatchObject({ status: 'pending', signedById: null })
  })

  it("refuses a villager of another household, on the page and on signing, with a clear message", async () => {
    const v = await logVisit()
    const page = await (await h.as('villager-a2')).call('visit.get', { visitId: v.id })
    expect(page.status).toBe(403)
    expect(page.body).toMatchObject({ ok: false, error: { code: 'VISIT.NOT_HOUSEHOLD_MEMBER', message: '只有被走访户的家庭成员才能签字确认。' } })
    const before = await imageCount()
    const r = await (await h.as('villager-b1')).call('visit.signOff', { visitId: v.id, signaturePng: signature }, requestId())
    expect(r.body).toMatchObject({ ok: false, error: { code: 'VISIT.NOT_HOUSEHOLD_MEMBER' } })
    expect(await stored(v.id)).toMatchObject({ status: 'pending', signedById: null })
    expect(await imageCount()).toBe(before)
  })

  it('refuses the cadre signing their own visit and anyone after the 24 h window', async () => {
    const v = await logVisit()
    expect((await (await h.as('cadre-a')).call('visit.signOff', { visitId: v.id, signaturePng: signature }, requestId())).body).toMatchObject({
      error: { code: 'VISIT.NOT_HOUSEHOLD_MEMBER' },
    })
    h.advance(24 * 3_600_000 + 1000)
    const late = await (await h.as('villager-a1')).call('visit.signOff', { visitId: v.id, signaturePng: signature }, requestId())
    expect(late.body).toMatchObject({ ok: false, error: { code: 'VISIT.WINDOW_CLOSED', message: '已超过签字确认的时限，这次走访不能再签字。' } })
    expect((await stored(v.id))?.status).toBe('pending')
    const list = await (await h.as('cadre-a')).ok('visit.list', {})
    expect(list.find((x) => x.id === v.id)).toMatchObject({ expired: true, counts: false })
  })

  it('a dispute needs a reason and records it', async () => {
    const v = await logVisit()
    const empty = await (await h.as('villager-a1b')).call('visit.dispute', { visitId: v.id, reason: '   ' }, requestId())
    expect(empty.body).toMatchObject({ ok: false, error: { code: 'VISIT.REASON_REQUIRED' } })
    const d = await (await h.as('villager-a1b')).ok('visit.dispute', { visitId: v.id, reason: '干部没有来过我家' })
    expect(d).toMatchObject({ status: 'disputed', counts: false, disputeReason: '干部没有来过我家', signedByName: '其其格' })
    const again = await (await h.as('villager-a1')).call('visit.signOff', { visitId: v.id, signaturePng: signature }, requestId())
    expect(again.body).toMatchObject({ ok: false, error: { code: 'VISIT.ALREADY_DECIDED' } })
  })

  it('a replayed sign-off answers the first answer and signs once', async () => {
    const v = await logVisit()
    const client = await h.as('villager-a1')
    const id = requestId()
    const first = await client.call('visit.signOff', { visitId: v.id, signaturePng: signature }, id)
    const second = await client.call('visit.signOff', { visitId: v.id, signaturePng: signature }, id)
    expect(second.body).toEqual(first.body)
    expect(first.body.ok).toBe(true)
  })
})

describe('bad signatures are refused, nothing written', () => {
  it.each([
    ['not an image', notAnImage, 'IMAGE.NOT_AN_IMAGE'],
    ['a PNG header over the size limit', pngHeader(300, 150, 70 * 1024), 'IMAGE.TOO_LARGE'],
    ['a PNG of zero width', pngHeader(0, 150), 'IMAGE.BAD_DIMENSIONS'],
    ['a PNG of absurd height', pngHeader(300, 1_000_000), 'IMAGE.BAD_DIMENSIONS'],
  ])('%s', async (_name, png, code) => {
    const v = await logVisit()
    const before = await imageCount()
    const r = await (await h.as('villager-a1')).call('visit.signOff', { visitId: v.id, signaturePng: png }, requestId())
    expect(r.body).toMatchObject({ ok: false, error: { code } })
    expect(await stored(v.id)).toMatchObject({ status: 'pending', signatureId: null })
    expect(await imageCount()).toBe(before)
  })

  it('a body far beyond the limit is a validation error', async () => {
    const v = await logVisit()
    const r = await (await h.as('villager-a1')).call('visit.signOff', { visitId: v.id, signaturePng: 'A'.repeat(130_000) }, requestId())
    expect(r.body).toMatchObject({ ok: false, error: { code: 'VALIDATION.FAILED' } })
  })

  it('a non-base64 signature is a validation error', async () => {
    const v = await logVisit()
    const r = await (await h.as('villager-a1')).call('visit.signOff', { visitId: v.id, signaturePng: 'data:image/png;base64,xx' }, requestId())
    expect(r.body).toMatchObject({ ok: false, error: { code: 'VALIDATION.FAILED', issues: [{ path: 'signaturePng' }] } })
  })
})

describe('logging a visit', () => {
  it("refuses a household the cadre does not cover, and coordinates out of range", async () => {
    const other = await (await h.as('cadre-a')).call('visit.create', { householdId: 'hh-b1', purpose: '走访' }, requestId())
    expect(other.body).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
    const bad = await (await h.as('cadre-a')).call('visit.create', { householdId: 'hh-a1', purpose: '走访', lat: 91, lng: 100 }, requestId())
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'SIGNIN.BAD_COORDINATES' } })
    expect(await h.server.deps.store.find('visits', { householdId: 'hh-b1' })).toHaveLength(0)
  })

  it('keeps an optional location and photo from the door; a photo that is not an image is refused', async () => {
    const v = await logVisit('hh-a1', { lat: 39.61, lng: 109.81, datum: 'gcj02', photo: jpegHeader(800, 600) })
    expect(v).toMatchObject({ location: { lat: 39.61, lng: 109.81, datum: 'gcj02' }, hasPhoto: true })
    const image = await h.server.deps.store.get('images', (await stored(v.id))?.photoId ?? '')
    expect(image).toMatchObject({ kind: 'visitPhoto', mime: 'image/jpeg', ownerId: 'cadre-a' })
    const before = (await h.server.deps.store.find('visits', {})).length
    const bad = await (await h.as('cadre-a')).call('visit.create', { householdId: 'hh-a1', purpose: '走访', photo: notAnImage }, requestId())
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'IMAGE.NOT_AN_IMAGE' } })
    expect((await h.server.deps.store.find('visits', {})).length).toBe(before)
  })

  it('gives a sign-off code: the page path, and a PNG mini-program code from the (local) WeChat adapter', async () => {
    const v = await logVisit()
    const code = await (await h.as('cadre-a')).ok('visit.signCode', { visitId: v.id, wxacode: true })
    expect(code).toMatchObject({ page: 'pages/sign/index', query: `visit=${v.id}` })
    expect(code.scene.length).toBeLessThanOrEqual(32)
    expect(Buffer.from(code.imageBase64 ?? '', 'base64').subarray(1, 4).toString()).toBe('PNG')
    const stranger = await (await h.as('cadre-b')).call('visit.signCode', { visitId: v.id }, requestId())
    expect(stranger.body).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
  })

  it('turns the problem found into a ticket of that household in one tap (through ticket.create)', async () => {
    const v = await logVisit()
    const { visit, ticket } = await (await h.as('cadre-a')).ok('visit.toTicket', { visitId: v.id, category: 'infrastructure' })
    expect(ticket).toMatchObject({ description: '院外路灯坏了', status: 'submitted', assignee: { id: 'cadre-a' }, filedOnBehalf: true })
    expect(visit.ticketIds).toEqual([ticket.id])
    const mine = await (await h.as('villager-a1')).ok('ticket.list', {})
    expect(mine.map((t) => t.id)).toContain(ticket.id)
    const foreign = await (await h.as('cadre-b')).call('visit.toTicket', { visitId: v.id }, requestId())
    expect(foreign.body).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
  })
})
