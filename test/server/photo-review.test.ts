/**
 * images (issue 13 item 2's photos): photos no automatic check decided wait for a person of the
 * office. Through the real HTTP server (SQLite and MariaDB) with the local content-check adapter,
 * which answers WeChat's "review" for the photos a test marks, or as a server without an automatic
 * check ('none' -> manual): the office's queue lists each with what it belongs to, its village and
 * when; the office clears it (a follower then sees it) or refuses it with a reason the reporter
 * reads; the decision names its staff member and is final (a second decision, or a replay, changes
 * nothing). Attacks: a villager, a resident cadre, the supervision group, another township's office,
 * a staff member deciding his own portrait or a photo on a ticket he handles, a photo still under
 * the automatic check.
 */
import { localContentSecurity } from '../../src/server/wechat/content'
import { recordMediaCheckAnswer } from '../../src/server/features/voice/media'
import { jpegHeader } from './fixtures/images'
import { requestId, startHarness, type Harness } from './harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.stop())
afterEach(() => {
  localContentSecurity.reviewImages.clear()
  localContentSecurity.noImageCheck = false
  localContentSecurity.deferImages = false
})

const token = async (personId: string) => (await h.anonymous.ok('auth.devLogin', { personId })).token

let width = 120
/** A fresh photo of the person (each its own bytes). */
const upload = async (personId: string): Promise<string> => {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(Buffer.from(jpegHeader(width++, 48, 3000), 'base64'))]), 'p.jpg')
  const response = await fetch(`${h.server.url}/upload?kind=photo`, { method: 'POST', body: form, headers: { authorization: `Bearer ${await token(personId)}` } })
  const json = (await response.json()) as { ok: boolean; data?: { url: string } }
  if (!json.ok || !json.data) throw new Error(`upload failed: ${JSON.stringify(json)}`)
  return json.data.url
}

const fetchAs = async (personId: string, url: string): Promise<number> =>
  (await fetch(`${h.server.url}${url}`, { headers: { authorization: `Bearer ${await token(personId)}` } })).status

const fileReport = async (photoUrls: string[], description: string) =>
  (await h.as('villager-a1')).ok('ticket.create', { kind: 'problem', category: 'infrastructure', description, photoUrls })

const checkOf = async (url: string) => {
  const [check] = await h.server.deps.store.find('mediaChecks', { url })
  if (!check) throw new Error(`no check for ${url}`)
  return check
}

const queueOf = async (personId: string) => (await h.as(personId)).ok('photo.queue', {})

it("WeChat's review waits in the office's queue; cleared by the office, the follower sees it; the decision is final and names who", async () => {
  const photo = await upload('villager-a1')
  localContentSecurity.reviewImages.add(photo)
  const ticket = await fileReport([photo], '桥下的排水沟堵了')
  const neighbour = await h.as('villager-a2')
  await neighbour.ok('ticket.follow', { ticketId: ticket.id })
  expect((await neighbour.ok('ticket.publicView', { ticketId: ticket.id })).photoUrls).toEqual([])
  expect(await fetchAs('villager-a2', photo)).toBe(403)
  // The reporter reads that it waits for the office (not that it is hidden for good).
  expect((await (await h.as('villager-a1')).ok('ticket.get', { ticketId: ticket.id })).photoChecks).toEqual([{ url: photo, status: 'review', label: '20002' }])

  const check = await checkOf(photo)
  const queue = await queueOf('office-1')
  const item = queue.items.find((i) => i.id === check.id)
  expect(item).toEqual({
    id: check.id,
    url: photo,
    place: 'report',
    status: 'review',
    label: '20002',
    ticketId: ticket.id,
    category: 'infrastructure',
    villageName: '乌兰木伦嘎查',
    cadre: null,
    requestedAt: check.requestedAt,
    mayDecide: true,
    decidedBy: null,
    decidedAt: null,
    reason: null,
  })
  expect(queue.waiting).toBeGreaterThanOrEqual(1)
  // Nothing in the queue names the reporter.
  expect(JSON.stringify(queue)).not.toMatch(/villager-a1|巴特尔/)

  const office = await h.as('office-1')
  const id = requestId()
  const decided = await office.ok('photo.decide', { checkId: check.id, approve: true }, id)
  expect(decided).toMatchObject({ status: 'pass', decidedBy: { id: 'office-1', name: '赵敏' }, decidedAt: h.now(), reason: null })
  expect(await checkOf(photo)).toMatchObject({ status: 'pass', decidedById: 'office-1', decidedAt: h.now() })
  expect((await neighbour.ok('ticket.publicView', { ticketId: ticket.id })).photoUrls).toEqual([photo])
  expect(await fetchAs('villager-a2', photo)).toBe(200)
  expect((await queueOf('office-1')).items.some((i) => i.id === check.id)).toBe(false)

  // A second decision is refused; the same request replayed gets the first answer and writes nothing.
  h.advance(60_000)
  expect((await (await h.as('leader-a')).call('photo.decide', { checkId: check.id, approve: false, reason: 'indecent' }, requestId())).body).toMatchObject({ ok: false, error: { code: 'PHOTO.ALREADY_DECIDED' } })
  expect((await office.call('photo.decide', { checkId: check.id, approve: true }, id)).body).toEqual({ ok: true, data: decided })
  expect(await checkOf(photo)).toMatchObject({ status: 'pass', decidedById: 'office-1', decidedAt: decided.decidedAt })
})

it("WeChat's review arriving later by its push goes to the queue too", async () => {
  localContentSecurity.deferImages = true
  const photo = await upload('villager-a1')
  await fileReport([photo], '村道上的坑越来越大')
  const traceId = localContentSecurity.imageCalls.find((c) => c.media_url === photo)?.trace_id ?? ''
  const check = await checkOf(photo)
  // Still under the automatic check: not in the queue, and not decided by hand.
  expect((await queueOf('office-1')).items.some((i) => i.id === check.id)).toBe(false)
  expect((await (await h.as('office-1')).call('photo.decide', { checkId: check.id, approve: true }, requestId())).body).toMatchObject({ ok: false, error: { code: 'PHOTO.NOT_WAITING' } })
  expect(await recordMediaCheckAnswer(h.server.deps, { MsgType: 'event', Event: 'wxa_media_check', trace_id: traceId, version: 2, result: { suggest: 'review', label: 20006 } })).toBe(true)
  expect((await queueOf('office-1')).items.find((i) => i.id === check.id)).toMatchObject({ status: 'review', label: '20006', place: 'report' })
})

it('on a server without an automatic check a step photo waits (manual); refused, the reporter reads the reason and followers never see it', async () => {
  localContentSecurity.noImageCheck = true
  const ticket = await fileReport([], '水井的盖子坏了')
  const cadre = await h.as('cadre-a')
  const accepted = await cadre.ok('ticket.act', { ticketId: ticket.id, action: 'accept', version: ticket.version, note: '' })
  const photo = await upload('cadre-a')
  await cadre.ok('ticket.act', { ticketId: ticket.id, action: 'progress', version: accepted.version, note: '已换新盖', photoUrls: [photo] })
  // No image went to any check.
  expect(localContentSecurity.imageCalls.some((c) => c.media_url === photo)).toBe(false)
  const check = await checkOf(photo)
  expect(check).toMatchObject({ status: 'manual', decidedAt: null, traceId: null })
  expect((await (await h.as('villager-a1')).ok('ticket.get', { ticketId: ticket.id })).photoChecks).toEqual([{ url: photo, status: 'manual', label: null }])
  expect((await queueOf('leader-a')).items.find((i) => i.id === check.id)).toMatchObject({ place: 'step', status: 'manual', villageName: '乌兰木伦嘎查', mayDecide: true })

  // A refusal needs a reason from the list; with it, it is final.
  expect((await (await h.as('leader-a')).call('photo.decide', { checkId: check.id, approve: false }, requestId())).body).toMatchObject({ ok: false, error: { code: 'VALIDATION.FAILED' } })
  expect(await checkOf(photo)).toMatchObject({ status: 'manual' })
  await (await h.as('leader-a')).ok('photo.decide', { checkId: check.id, approve: false, reason: 'offTopic' })
  expect(await checkOf(photo)).toMatchObject({ status: 'refused', reason: 'offTopic', decidedById: 'leader-a' })
  expect((await (await h.as('villager-a1')).ok('ticket.get', { ticketId: ticket.id })).photoChecks).toEqual([{ url: photo, status: 'refused', label: null, reason: 'offTopic' }])
  const neighbour = await h.as('villager-a2')
  await neighbour.ok('ticket.follow', { ticketId: ticket.id })
  expect((await neighbour.ok('ticket.publicView', { ticketId: ticket.id })).photoUrls).toEqual([])
  expect(await fetchAs('villager-a2', photo)).toBe(403)
  // The reporter and the handler still see it.
  expect(await fetchAs('villager-a1', photo)).toBe(200)
  expect(await fetchAs('cadre-a', photo)).toBe(200)
})

it('a villager, a resident cadre, the supervision group and another township are refused; nothing changes', async () => {
  localContentSecurity.noImageCheck = true
  const photo = await upload('villager-a1')
  await fileReport([photo], '路边的电线杆歪了')
  const check = await checkOf(photo)
  for (const who of ['villager-a1', 'villager-a2', 'cadre-a', 'secretary-a', 'supervisor-1', 'office-x']) {
    const client = await h.as(who)
    expect([who, (await client.call('photo.decide', { checkId: check.id, approve: true }, requestId())).body]).toMatchObject([who, { ok: false, error: { code: 'AUTH.FORBIDDEN' } }])
  }
  for (const who of ['villager-a1', 'cadre-a', 'secretary-a', 'supervisor-1']) {
    expect([who, (await (await h.as(who)).call('photo.queue', {})).body]).toMatchObject([who, { ok: false, error: { code: 'AUTH.FORBIDDEN' } }])
  }
  // Another township's office lists only its own township's photos.
  expect((await queueOf('office-x')).items.some((i) => i.id === check.id)).toBe(false)
  expect((await (await h.as('office-1')).call('photo.decide', { checkId: 'mc-no-such-upload', approve: true }, requestId())).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  const unchanged = await checkOf(photo)
  expect([unchanged.status, unchanged.decidedById ?? null, unchanged.decidedAt]).toEqual(['manual', null, null])
})

it("staff never decide their own portrait nor a photo on a ticket they handled: a colleague does", async () => {
  localContentSecurity.noImageCheck = true
  // The office hub's own portrait.
  const face = await upload('office-1')
  await (await h.as('office-1')).ok('cadre.setPhoto', { photoUrl: face })
  const portrait = await checkOf(face)
  expect((await queueOf('office-1')).items.find((i) => i.id === portrait.id)).toMatchObject({ place: 'portrait', cadre: { id: 'office-1', name: '赵敏' }, mayDecide: false })
  expect((await (await h.as('office-1')).call('photo.decide', { checkId: portrait.id, approve: true }, requestId())).body).toMatchObject({ ok: false, error: { code: 'PHOTO.OWN_WORK' } })
  expect((await (await h.as('leader-a')).ok('photo.decide', { checkId: portrait.id, approve: true })).decidedBy?.id).toBe('leader-a')

  // A report that reached the township session, where the office hub worked on it.
  const photo = await upload('villager-a1')
  let ticket = await fileReport([photo], '两个嘎查之间的草场界线有争议')
  const check = await checkOf(photo)
  ticket = await (await h.as('cadre-a')).ok('ticket.act', { ticketId: ticket.id, action: 'accept', version: ticket.version, note: '' })
  ticket = await (await h.as('cadre-a')).ok('ticket.act', { ticketId: ticket.id, action: 'escalate_secretary', version: ticket.version, note: '需要村里协调' })
  // Before the township worked on it, the office hub may decide it.
  expect((await queueOf('office-1')).items.find((i) => i.id === check.id)?.mayDecide).toBe(true)
  ticket = await (await h.as('secretary-a')).ok('ticket.act', { ticketId: ticket.id, action: 'escalate_township', version: ticket.version, note: '跨村的事，提交镇里' })
  await (await h.as('office-1')).ok('ticket.act', { ticketId: ticket.id, action: 'progress', version: ticket.version, note: '已约两村现场核对' })
  expect((await queueOf('office-1')).items.find((i) => i.id === check.id)?.mayDecide).toBe(false)
  expect((await (await h.as('office-1')).call('photo.decide', { checkId: check.id, approve: true }, requestId())).body).toMatchObject({ ok: false, error: { code: 'PHOTO.OWN_WORK' } })
  expect(await checkOf(photo)).toMatchObject({ status: 'manual' })
  await (await h.as('leader-a')).ok('photo.decide', { checkId: check.id, approve: true })
  expect(await checkOf(photo)).toMatchObject({ status: 'pass', decidedById: 'leader-a' })
})
