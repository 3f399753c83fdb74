/**
 * Issue 13 item 2 (guard): photos other villagers can see are screened. Through the real HTTP server
 * with the local content-check adapter (it records each call, refuses the photos a test marks, and
 * can answer as WeChat does, later by a push): a follower sees in the public view, and may fetch
 * under /uploads, only photos whose check passed; an unchecked or refused photo stays hidden from
 * him while the reporter and the handlers see it; the reporter is told a refusal's reason; a push
 * for an unknown trace id, or a second push for a decided check, changes nothing.
 */
import { localContentSecurity } from '../../src/server/wechat/content'
import { recordMediaCheckAnswer } from '../../src/server/features/voice/media'
import { jpegHeader } from './fixtures/images'
import { startHarness, type Harness } from './harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.stop())
afterEach(() => {
  localContentSecurity.refusedImages.clear()
  localContentSecurity.deferImages = false
})

const token = async (personId: string) => (await h.anonymous.ok('auth.devLogin', { personId })).token

const upload = async (personId: string, width: number): Promise<string> => {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(Buffer.from(jpegHeader(width, 48, 3000), 'base64'))]), 'p.jpg')
  const response = await fetch(`${h.server.url}/upload?kind=photo`, { method: 'POST', body: form, headers: { authorization: `Bearer ${await token(personId)}` } })
  const json = (await response.json()) as { ok: boolean; data?: { url: string } }
  if (!json.ok || !json.data) throw new Error(`upload failed: ${JSON.stringify(json)}`)
  return json.data.url
}

/** GET /uploads/<name> as the person: the status. */
const fetchAs = async (personId: string, url: string): Promise<number> => {
  const response = await fetch(`${h.server.url}${url}`, { headers: { authorization: `Bearer ${await token(personId)}` } })
  // Read to the end, so the connection is free again (an answer left unread holds it open).
  await response.arrayBuffer()
  return response.status
}

const fileReport = async (photoUrls: string[], description: string, anonymous = false) =>
  (await h.as('villager-a1')).ok('ticket.create', { kind: 'problem', category: 'infrastructure', description, photoUrls, anonymous })

it('a follower sees no unchecked or refused photo; the handler and the reporter see every one, and the reporter is told why', async () => {
  const cleared = await upload('villager-a1', 64)
  const refused = await upload('villager-a1', 65)
  // The marker: the local adapter refuses this photo (WeChat's "risky").
  localContentSecurity.refusedImages.add(refused)
  const ticket = await fileReport([cleared, refused], '桥头的护栏断了')
  // Each photo went to the check once, as mediaCheckAsync v2 would receive it.
  const sent = localContentSecurity.imageCalls.filter((c) => c.media_url === cleared || c.media_url === refused)
  expect(sent.sort((a, b) => a.media_url.localeCompare(b.media_url))).toEqual(
    [cleared, refused].sort().map((media_url) => ({ api: 'security.mediaCheckAsync', media_url, media_type: 2, version: 2, scene: 3, openid: null, trace_id: null })),
  )

  // A neighbour follows it: the public view shows the cleared photo only, and only it is served to him.
  const neighbour = await h.as('villager-a2')
  await neighbour.ok('ticket.follow', { ticketId: ticket.id })
  expect((await neighbour.ok('ticket.publicView', { ticketId: ticket.id })).photoUrls).toEqual([cleared])
  expect(await fetchAs('villager-a2', cleared)).toBe(200)
  expect(await fetchAs('villager-a2', refused)).toBe(403)
  // Outside the village: neither the view nor the photo.
  expect((await (await h.as('villager-b1')).call('ticket.publicView', { ticketId: ticket.id })).body).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
  expect(await fetchAs('villager-b1', cleared)).toBe(403)

  // The handler sees both photos, refused or not.
  expect((await (await h.as('cadre-a')).ok('ticket.get', { ticketId: ticket.id })).photoUrls).toEqual([cleared, refused])
  expect(await fetchAs('cadre-a', refused)).toBe(200)
  // The reporter sees both, and learns which one the others do not see, and why.
  const own = await (await h.as('villager-a1')).ok('ticket.get', { ticketId: ticket.id })
  expect(own.photoChecks).toEqual([
    { url: cleared, status: 'pass', label: null },
    { url: refused, status: 'refused', label: '21000' },
  ])
  expect(await fetchAs('villager-a1', refused)).toBe(200)
  // Only the reporter is told: the handler's view has no checks.
  expect((await (await h.as('cadre-a')).ok('ticket.get', { ticketId: ticket.id })).photoChecks).toBeUndefined()
})

it("a photo whose check answers later (WeChat's push) is hidden until cleared; a forged or second push changes nothing", async () => {
  localContentSecurity.deferImages = true
  const later = await upload('villager-a1', 66)
  const worse = await upload('villager-a1', 67)
  const ticket = await fileReport([later, worse], '村口路灯不亮')
  const traceOf = (url: string) => localContentSecurity.imageCalls.find((c) => c.media_url === url)?.trace_id ?? ''
  expect(traceOf(later)).toMatch(/^local-trace-/)
  const neighbour = await h.as('villager-a2')
  // Open and of his village: he may read its public view, photos still unchecked are not in it.
  expect((await neighbour.ok('ticket.publicView', { ticketId: ticket.id })).photoUrls).toEqual([])
  expect(await fetchAs('villager-a2', later)).toBe(403)
  expect((await (await h.as('villager-a1')).ok('ticket.get', { ticketId: ticket.id })).photoChecks?.map((c) => c.status)).toEqual(['pending', 'pending'])

  // A push naming no trace id WeChat gave: nothing changes.
  expect(await recordMediaCheckAnswer(h.server.deps, { MsgType: 'event', Event: 'wxa_media_check', trace_id: 'guessed-trace', version: 2, result: { suggest: 'pass', label: 100 } })).toBe(false)
  // WeChat's answers: one passes, one is risky (20002).
  const push = (traceId: string, suggest: string, label: number) => ({ MsgType: 'event', Event: 'wxa_media_check', trace_id: traceId, version: 2, result: { suggest, label } })
  expect(await recordMediaCheckAnswer(h.server.deps, push(traceOf(later), 'pass', 100))).toBe(true)
  expect(await recordMediaCheckAnswer(h.server.deps, push(traceOf(worse), 'risky', 20002))).toBe(true)
  expect((await neighbour.ok('ticket.publicView', { ticketId: ticket.id })).photoUrls).toEqual([later])
  expect(await fetchAs('villager-a2', later)).toBe(200)
  expect(await fetchAs('villager-a2', worse)).toBe(403)
  // A second push for a decided check (forged or late) does not clear the refused photo.
  expect(await recordMediaCheckAnswer(h.server.deps, push(traceOf(worse), 'pass', 100))).toBe(false)
  expect(await fetchAs('villager-a2', worse)).toBe(403)
  expect((await (await h.as('villager-a1')).ok('ticket.get', { ticketId: ticket.id })).photoChecks).toEqual([
    { url: later, status: 'pass', label: null },
    { url: worse, status: 'refused', label: '20002' },
  ])
})

it("a handler's step photos are screened the same way before the public view shows them", async () => {
  const ticket = await fileReport([], '水井的盖子坏了')
  const cadre = await h.as('cadre-a')
  const accepted = await cadre.ok('ticket.act', { ticketId: ticket.id, action: 'accept', version: ticket.version, note: '' })
  const fixed = await upload('cadre-a', 68)
  const refused = await upload('cadre-a', 69)
  localContentSecurity.refusedImages.add(refused)
  await cadre.ok('ticket.act', { ticketId: ticket.id, action: 'progress', version: accepted.version, note: '已换新盖', photoUrls: [fixed, refused] })
  const neighbour = await h.as('villager-a2')
  expect((await neighbour.ok('ticket.publicView', { ticketId: ticket.id })).photoUrls).toEqual([fixed])
  expect(await fetchAs('villager-a2', refused)).toBe(403)
  expect(await fetchAs('villager-a1', refused)).toBe(200)
})

it("an anonymous report's photos are never shown to followers, and are not sent to the check", async () => {
  const yard = await upload('villager-a1', 70)
  const ticket = await fileReport([yard], '我家院墙被挖掘机撞倒了', true)
  expect(localContentSecurity.imageCalls.some((c) => c.media_url === yard)).toBe(false)
  const neighbour = await h.as('villager-a2')
  await neighbour.ok('ticket.follow', { ticketId: ticket.id })
  expect((await neighbour.ok('ticket.publicView', { ticketId: ticket.id })).photoUrls).toEqual([])
  expect(await fetchAs('villager-a2', yard)).toBe(403)
  expect(await fetchAs('cadre-a', yard)).toBe(200)
})

it("a cadre's portrait reaches the villagers' card only once its check passed; the office sees it at once", async () => {
  const cadre = await h.as('cadre-a')
  const villager = await h.as('villager-a1')
  const refused = await upload('cadre-a', 71)
  localContentSecurity.refusedImages.add(refused)
  await cadre.ok('cadre.setPhoto', { photoUrl: refused })
  expect((await villager.ok('villager.myCadre', {})).cadre.photoUrl).toBeNull()
  expect(await fetchAs('villager-a1', refused)).toBe(403)
  expect(await fetchAs('office-1', refused)).toBe(200)
  expect(await fetchAs('cadre-a', refused)).toBe(200)

  localContentSecurity.deferImages = true
  const face = await upload('cadre-a', 72)
  await cadre.ok('cadre.setPhoto', { photoUrl: face })
  // Not yet checked: hidden from the villagers.
  expect((await villager.ok('villager.myCadre', {})).cadre.photoUrl).toBeNull()
  const traceId = localContentSecurity.imageCalls.find((c) => c.media_url === face)?.trace_id ?? ''
  expect(await recordMediaCheckAnswer(h.server.deps, { MsgType: 'event', Event: 'wxa_media_check', trace_id: traceId, version: 2, result: { suggest: 'pass', label: 100 } })).toBe(true)
  expect((await villager.ok('villager.myCadre', {})).cadre.photoUrl).toBe(face)
  expect(await fetchAs('villager-a1', face)).toBe(200)
})
