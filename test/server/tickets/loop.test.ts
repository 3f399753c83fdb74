/**
 * The ticket loop through the real HTTP server: a service request from filing to the villager's
 * confirmation, a problem report with a photo through the joint meeting and the township session,
 * the duplicate hint, notices and subscribe messages, the rates, uploads, and bad input on every
 * new action (nothing written).
 */
import fs from 'node:fs'
import path from 'node:path'
import type { InputOf, TicketView } from '../../../src/contracts'
import { SUBSCRIBE_LOG } from '../../../src/server/local/start'
import { readMessageLog } from '../../../src/server/features/tickets/notifications/messenger'
import { requestId, startHarness, type Harness } from '../harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.stop())

const HOUR = 3_600_000
const count = async (collection: 'tickets' | 'meetings' | 'notifications' | 'uploads') => (await h.server.deps.store.find(collection, {})).length

/** A JPEG whose EXIF segment carries a GPS tag: the server must drop it. */
const jpegWithGps = () =>
  Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    Buffer.from([0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1'),
    Buffer.from([0xff, 0xe1, 0x00, 0x13]), Buffer.from('Exif\0\0GPSLat39.2N', 'latin1'),
    Buffer.from([0xff, 0xda, 0x00, 0x02, 0x11, 0x22, 0x33, 0xff, 0xd9]),
  ])

const upload = async (personId: string | null, body: Buffer, kind = 'photo', filename = 'a.jpg') => {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(body)]), filename)
  const token = personId ? (await h.anonymous.ok('auth.devLogin', { personId })).token : null
  const response = await fetch(`${h.server.url}/upload?kind=${kind}`, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} })
  return { status: response.status, json: (await response.json()) as { ok: boolean; data?: { url: string }; error?: { code: string } } }
}

const act = async (personId: string, t: TicketView, action: InputOf<'ticket.act'>['action'], extra: Partial<InputOf<'ticket.act'>> = {}) => {
  const r = await (await h.as(personId)).call('ticket.act', { ticketId: t.id, action, version: t.version, note: '', ...extra }, requestId())
  if (!r.body.ok) throw new Error(`${personId} ${action}: ${r.body.error.code}`)
  return r.body.data
}

describe('a service request (办事) from filing to the villager confirming it', () => {
  it('asks the category questions, promises a date, and ends with the result figures and a rating', async () => {
    const villager = await h.as('villager-a2')
    const categories = await villager.ok('ticket.categories', {})
    const loan = categories.find((c) => c.id === 'loan')
    expect(loan).toMatchObject({ kind: 'service', deadlineHours: 120, resultFields: ['loanYuan', 'beneficiaries'] })
    expect(loan?.questions.map((q) => q.id)).toEqual(['amountYuan', 'use'])

    let t = await villager.ok('ticket.create', { kind: 'service', category: 'loan', description: '想贷款买基础母羊', answers: { amountYuan: 50000, use: 'livestock' } })
    expect(t).toMatchObject({ status: 'submitted', answers: { amountYuan: 50000, use: 'livestock' }, assignee: { id: 'cadre-a' } })
    expect(t.dueAt - t.createdAt).toBe(120 * HOUR)

    h.advance(HOUR)
    t = await act('cadre-a', t, 'accept')
    t = await act('cadre-a', t, 'progress', { note: '已联系信用社，材料齐全' })
    t = await act('cadre-a', t, 'resolve', { note: '贷款已发放', result: { loanYuan: 50000, beneficiaries: 3 } })
    expect(t).toMatchObject({ status: 'resolved', result: { loanYuan: 50000, beneficiaries: 3 } })
    t = await act('villager-a2', t, 'confirm', { satisfaction: 5 })
    expect(t).toMatchObject({ status: 'closed', satisfaction: 5 })
    expect(t.history.map((e) => e.action)).toEqual(['create', 'accept', 'progress', 'resolve', 'confirm'])

    // Every status change reached the villager's in-app inbox and the subscribe-message log.
    const inbox = await villager.ok('notification.list', {})
    expect(inbox.notifications.filter((n) => n.ticketId === t.id).map((n) => n.status).sort()).toEqual(['accepted', 'accepted', 'resolved'].sort())
    const log = readMessageLog(path.join(h.dataDir, SUBSCRIBE_LOG)).filter((m) => m.ticketId === t.id)
    expect(log.filter((m) => m.personId === 'villager-a2').map((m) => m.status)).toEqual(['accepted', 'accepted', 'resolved'])
    expect(log.filter((m) => m.personId === 'cadre-a').map((m) => m.status)).toEqual(['submitted', 'closed'])
    expect(log.some((m) => m.personId === 'villager-b1' || m.personId === 'cadre-b')).toBe(false)
    expect((await villager.ok('notification.readAll', {})).unread).toBe(0)
    expect((await villager.ok('notification.list', {})).unread).toBe(0)
  })

  it.each([
    ['a missing required answer', { use: 'livestock' }, 'answers.amountYuan'],
    ['an option the question does not offer', { amountYuan: 50000, use: 'lottery' }, 'answers.use'],
    ['a number out of range', { amountYuan: 10, use: 'livestock' }, 'answers.amountYuan'],
    ['a question the category does not ask', { amountYuan: 50000, use: 'livestock', color: 'red' }, 'answers.color'],
    ['a wrong type', { amountYuan: '五万', use: 'livestock' }, 'answers.amountYuan'],
  ])('refuses %s against the category definition, nothing written', async (_label, answers, field) => {
    const before = await count('tickets')
    const r = await (await h.as('villager-a2')).call('ticket.create', { kind: 'service', category: 'loan', description: '贷款', answers }, requestId())
    expect(r.status).toBe(422)
    expect(r.body).toMatchObject({ ok: false, error: { code: 'TICKET.ANSWERS_INVALID' } })
    if (!r.body.ok) expect(r.body.error.issues?.map((i) => i.path)).toContain(field)
    expect(await count('tickets')).toBe(before)
  })

  it('refuses result figures the category does not record', async () => {
    let t = await (await h.as('villager-a2')).ok('ticket.create', { kind: 'service', category: 'certificate', description: '开居住证明', answers: { certType: 'residence' } })
    t = await act('cadre-a', t, 'accept')
    const r = await (await h.as('cadre-a')).call('ticket.act', { ticketId: t.id, action: 'resolve', version: t.version, note: '', result: { fundsYuan: 100 } }, requestId())
    expect(r.body).toMatchObject({ error: { code: 'TICKET.RESULT_NOT_ALLOWED' } })
    expect((await h.server.deps.store.get('tickets', t.id))?.status).toBe('accepted')
  })
})

describe('photos and voice notes', () => {
  it('stores a photo under the data folder with a random name and without its GPS metadata', async () => {
    const r = await upload('villager-a1', jpegWithGps(), 'photo', 'IMG_0001.jpg')
    expect(r.json.ok).toBe(true)
    const url = r.json.data?.url ?? ''
    expect(url).toMatch(/^\/uploads\/[a-f0-9]{32}\.jpg$/)
    const stored = fs.readFileSync(path.join(h.dataDir, 'uploads', path.basename(url)))
    expect(stored.includes(Buffer.from('GPSLat'))).toBe(false)
    expect(stored.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]))
    const token = (await h.anonymous.ok('auth.devLogin', { personId: 'villager-a1' })).token
    const served = await fetch(`${h.server.url}${url}`, { headers: { authorization: `Bearer ${token}` } })
    expect(served.headers.get('content-type')).toBe('image/jpeg')
  })

  it.each([
    ['a text file posing as a photo', 'villager-a1', Buffer.from('just some text, not an image at all'), 'photo', 415, 'UPLOAD.BAD_TYPE'],
    ['a photo sent as a voice note', 'villager-a1', jpegWithGps(), 'voice', 415, 'UPLOAD.BAD_TYPE'],
    ['a file over the size limit', 'villager-a1', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(6 * 1024 * 1024)]), 'photo', 413, 'UPLOAD.TOO_LARGE'],
    ['an upload without a session', null, jpegWithGps(), 'photo', 401, 'AUTH.REQUIRED'],
    ['an unknown kind', 'villager-a1', jpegWithGps(), 'video', 400, 'VALIDATION.FAILED'],
  ])('refuses %s, nothing stored', async (_label, personId, body, kind, status, code) => {
    const before = await count('uploads')
    const r = await upload(personId, body, kind)
    expect(r.status).toBe(status)
    expect(r.json.error?.code).toBe(code)
    expect(await count('uploads')).toBe(before)
  })

  it("refuses a ticket carrying someone else's upload, and more than 9 photos", async () => {
    const theirs = (await upload('villager-b1', jpegWithGps())).json.data?.url ?? ''
    const villager = await h.as('villager-a1')
    const before = await count('tickets')
    const r = await villager.call('ticket.create', { kind: 'problem', category: 'infrastructure', description: '路灯坏了', photoUrls: [theirs] }, requestId())
    expect(r.body).toMatchObject({ error: { code: 'TICKET.ATTACHMENT_NOT_YOURS' } })
    const ten = Array.from({ length: 10 }, (_, i) => `/uploads/aaaaaaaaaaaaaaa${i}.jpg`)
    const tooMany = await villager.call('ticket.create', { kind: 'problem', category: 'infrastructure', description: '路灯坏了', photoUrls: ten }, requestId())
    expect(tooMany.body).toMatchObject({ error: { code: 'VALIDATION.FAILED' } })
    const notAUrl = await villager.call('ticket.create', { kind: 'problem', category: 'infrastructure', description: '路灯坏了', photoUrls: ['http://evil.example/x.jpg'] }, requestId())
    expect(notAUrl.body).toMatchObject({ error: { code: 'VALIDATION.FAILED' } })
    expect(await count('tickets')).toBe(before)
  })
})

describe('a problem report (反映问题) through the joint meeting and the township session', () => {
  let photo: string
  let t: TicketView
  beforeAll(async () => {
    photo = (await upload('villager-a1', jpegWithGps())).json.data?.url ?? ''
  })

  it('files with a photo, a location and anonymity; a neighbour gets the duplicate hint and follows instead', async () => {
    t = await (await h.as('villager-a1')).ok('ticket.create', {
      kind: 'problem',
      category: 'dispute',
      description: '邻里草场边界纠纷',
      photoUrls: [photo],
      location: { lat: 39.2, lng: 109.6, datum: 'gcj02' },
      anonymous: true,
    })
    expect(t).toMatchObject({ photoUrls: [photo], location: { lat: 39.2, lng: 109.6, datum: 'gcj02' }, anonymous: true })
    const neighbour = await h.as('villager-a2')
    const similar = await neighbour.ok('ticket.similar', { category: 'dispute' })
    expect(similar.map((s) => s.id)).toContain(t.id)
    expect(JSON.stringify(similar)).not.toContain('草场')
    expect(JSON.stringify(similar)).not.toContain('villager-a1')
    expect(await neighbour.ok('ticket.follow', { ticketId: t.id })).toEqual({ ticketId: t.id, following: true })
    expect(await (await h.as('villager-b1')).ok('ticket.similar', { category: 'dispute' })).toEqual([])
    const r = await (await h.as('villager-b1')).call('ticket.follow', { ticketId: t.id }, requestId())
    expect(r.body).toMatchObject({ error: { code: 'TICKET.CANNOT_FOLLOW' } })
  })

  it('goes cadre -> secretary -> joint meeting with a recorded decision and owner -> township session -> resolved', async () => {
    t = await act('cadre-a', t, 'accept')
    t = await act('cadre-a', t, 'escalate_secretary', { note: '涉及两户草场，需村里协调' })
    const secretary = await h.as('secretary-a')
    const desk = await secretary.ok('meeting.desk', {})
    expect(desk.escalated.map((x) => x.id)).toContain(t.id)
    expect(desk.owners.map((p) => p.id).sort()).toEqual(['cadre-a', 'leader-a', 'secretary-a'])
    // Attendees come from the roster: the village's committee and secretary, the work team.
    expect(desk.attendeeCandidates.map((p) => p.id).sort()).toEqual(['cadre-a', 'leader-a', 'secretary-a'])

    const meeting = await secretary.ok('meeting.convene', { ticketIds: [t.id], topic: '草场边界纠纷调处', note: '列入联系会议议程' })
    expect(meeting).toMatchObject({ status: 'convened', agenda: [{ ticketId: t.id, status: 'joint_meeting' }] })
    const recorded = await secretary.ok('meeting.record', {
      meetingId: meeting.id,
      version: meeting.version,
      attendeeIds: ['secretary-a', 'cadre-a', 'leader-a'],
      decisions: [{ ticketId: t.id, decision: '由张伟牵头，会同两户重新勘界', ownerId: 'cadre-a' }],
    })
    expect(recorded).toMatchObject({ status: 'recorded', decisions: [{ owner: { id: 'cadre-a' } }] })
    // Stored as person ids, shown with readable names.
    expect(recorded.attendees.map((p) => p.name)).toEqual(['乌力吉', '张伟', '赵海'])
    expect((await h.server.deps.store.get('meetings', meeting.id))?.attendeeIds).toEqual(['secretary-a', 'cadre-a', 'leader-a'])
    t = await (await h.as('cadre-a')).ok('ticket.get', { ticketId: t.id })
    expect(t).toMatchObject({ status: 'joint_meeting', assignee: { id: 'cadre-a' } })
    expect(t.history.at(-1)).toMatchObject({ action: 'decide', note: '由张伟牵头，会同两户重新勘界' })

    t = await act('secretary-a', t, 'escalate_township', { note: '涉及跨村草场，提交镇联席会议' })
    const session = await (await h.as('office-1')).ok('ticket.list', { status: 'township_session' })
    expect(session.map((x) => x.id)).toContain(t.id)
    t = await act('office-1', t, 'resolve', { note: '联席会议决定：镇国土所重新勘界，已完成' })
    expect(t.status).toBe('resolved')
    // The follower heard every change after following; the reporter stays anonymous to them.
    const followerNotices = (await (await h.as('villager-a2')).ok('notification.list', {})).notifications.filter((n) => n.ticketId === t.id)
    expect(followerNotices.map((n) => n.status)).toContain('resolved')
    const followerRead = await (await h.as('villager-a2')).call('ticket.get', { ticketId: t.id })
    expect(followerRead.body).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
  })

  it('keeps the joint meeting to its own village, its escalated tickets and its team', async () => {
    const fresh = await (await h.as('villager-a1')).ok('ticket.create', { kind: 'problem', category: 'other', description: '垃圾没人清运' })
    const secretary = await h.as('secretary-a')
    const notEscalated = await secretary.call('meeting.convene', { ticketIds: [fresh.id], topic: '议题', note: '说明' }, requestId())
    expect(notEscalated.body).toMatchObject({ error: { code: 'MEETING.TICKET_NOT_ESCALATED' } })
    let up = await act('cadre-a', fresh, 'accept')
    up = await act('cadre-a', up, 'escalate_secretary', { note: '需要村里安排' })
    const before = await count('meetings')
    const otherVillage = await (await h.as('secretary-b')).call('meeting.convene', { ticketIds: [up.id], topic: '议题', note: '说明' }, requestId())
    expect(otherVillage.status).toBe(403)
    const cadre = await (await h.as('cadre-a')).call('meeting.convene', { ticketIds: [up.id], topic: '议题', note: '说明' }, requestId())
    expect(cadre.status).toBe(403)
    expect(await count('meetings')).toBe(before)

    const id = requestId()
    const meeting = await secretary.ok('meeting.convene', { ticketIds: [up.id], topic: '垃圾清运', note: '列入议程' }, id)
    expect(await secretary.ok('meeting.convene', { ticketIds: [up.id], topic: '垃圾清运', note: '列入议程' }, id)).toEqual(meeting)
    // An attendee outside the village's committee and work team (a villager, another team's cadre) is refused.
    for (const who of ['villager-a1', 'cadre-b', 'secretary-b']) {
      const stranger = await secretary.call('meeting.record', { meetingId: meeting.id, version: meeting.version, attendeeIds: ['secretary-a', who], decisions: [{ ticketId: up.id, decision: '清运', ownerId: 'cadre-a' }] }, requestId())
      expect(stranger.body).toMatchObject({ error: { code: 'MEETING.ATTENDEE_NOT_ELIGIBLE' } })
    }
    const outsider = await secretary.call('meeting.record', { meetingId: meeting.id, version: meeting.version, attendeeIds: ['secretary-a'], decisions: [{ ticketId: up.id, decision: '清运', ownerId: 'cadre-b' }] }, requestId())
    expect(outsider.body).toMatchObject({ error: { code: 'MEETING.OWNER_NOT_IN_TEAM' } })
    const offAgenda = await secretary.call('meeting.record', { meetingId: meeting.id, version: meeting.version, attendeeIds: ['secretary-a'], decisions: [{ ticketId: 'tk-none', decision: '清运', ownerId: 'cadre-a' }] }, requestId())
    expect(offAgenda.body).toMatchObject({ error: { code: 'MEETING.TICKET_NOT_ON_AGENDA' } })
    const foreign = await (await h.as('secretary-b')).call('meeting.record', { meetingId: meeting.id, version: meeting.version, attendeeIds: ['secretary-b'], decisions: [{ ticketId: up.id, decision: '清运', ownerId: 'cadre-a' }] }, requestId())
    expect(foreign.status).toBe(403)
    expect((await h.server.deps.store.get('meetings', meeting.id))?.status).toBe('convened')
    expect((await h.server.deps.store.get('tickets', up.id))?.status).toBe('joint_meeting')
  })
})

describe("a cadre's inbox and filing on behalf", () => {
  it('puts overdue tickets first', async () => {
    const villager = await h.as('villager-a1')
    const late = await villager.ok('ticket.create', { kind: 'problem', category: 'dispute', description: '早先反映的纠纷' })
    h.advance(80 * HOUR)
    const fresh = await villager.ok('ticket.create', { kind: 'problem', category: 'dispute', description: '新反映的纠纷' })
    const inbox = await (await h.as('cadre-a')).ok('ticket.inbox', {})
    const ids = inbox.map((x) => x.id)
    expect(ids.indexOf(late.id)).toBeLessThan(ids.indexOf(fresh.id))
    expect(inbox[0]?.dueAt).toBeLessThan(h.now())
    expect((await (await h.as('villager-a1')).call('ticket.inbox', {})).status).toBe(403)
  })

  it('files for a household member without a phone, and the ticket says so', async () => {
    const t = await (await h.as('cadre-a')).ok('ticket.create', { kind: 'problem', category: 'other', description: '老人反映自来水冻了', householdId: 'hh-a1', onBehalfOfId: 'villager-a1b' })
    expect(t).toMatchObject({ filedOnBehalf: true, onBehalfOfName: '其其格' })
    const wrong = await (await h.as('cadre-a')).call('ticket.create', { kind: 'problem', category: 'other', description: '代报', householdId: 'hh-a1', onBehalfOfId: 'villager-a2' }, requestId())
    expect(wrong.body).toMatchObject({ error: { code: 'TICKET.NOT_HOUSEHOLD_MEMBER' } })
  })
})

describe('the three rates', () => {
  it('gives the township office every cadre, team and village, and a team leader only their teams', async () => {
    const office = await (await h.as('office-1')).ok('ticket.rates', { period: '2026-11' })
    expect(office.overall.tickets).toBeGreaterThan(0)
    expect(office.byCadre.map((r) => r.id)).toContain('cadre-a')
    expect(office.byVillage.map((r) => r.id)).toContain('vil-a')
    expect(office.overall.satisfaction.numerator).toBeGreaterThanOrEqual(1)
    const leader = await (await h.as('leader-a')).ok('ticket.rates', { period: '2026-11' })
    expect(leader.byTeam.map((r) => r.id).every((id) => ['team-a', 'team-b'].includes(id))).toBe(true)
    for (const personId of ['villager-a1', 'cadre-a', 'secretary-a']) {
      expect((await (await h.as(personId)).call('ticket.rates', { period: '2026-11' })).status).toBe(403)
    }
    expect((await (await h.as('office-1')).call('ticket.rates', { period: '2026-13' })).body).toMatchObject({ error: { code: 'VALIDATION.FAILED' } })
    expect((await (await h.as('office-x')).ok('ticket.rates', { period: '2026-11' })).byCadre.map((r) => r.id)).not.toContain('cadre-a')
  })
})

describe('bad input on every new action: a clear error, nothing written', () => {
  const long = '长'.repeat(501)
  it.each<[string, string, unknown]>([
    ['ticket.create with oversized text', 'ticket.create', { kind: 'problem', category: 'other', description: long }],
    ['ticket.create with a wrong location type', 'ticket.create', { kind: 'problem', category: 'other', description: '问题', location: { lat: '北纬', lng: 1 } }],
    ['ticket.create with a bad voice url', 'ticket.create', { kind: 'problem', category: 'other', description: '问题', voiceUrl: 'file:///etc/passwd' }],
    ['ticket.act with a negative result', 'ticket.act', { ticketId: 'tk-1', action: 'resolve', version: 1, result: { loanYuan: -5 } }],
    ['ticket.similar with a bad category id', 'ticket.similar', { category: '../x' }],
    ['ticket.follow with no id', 'ticket.follow', {}],
    ['ticket.rates with a wrong type', 'ticket.rates', { period: 202611 }],
    ['meeting.convene with no tickets', 'meeting.convene', { ticketIds: [], topic: '议题', note: '说明' }],
    ['meeting.convene with oversized topic', 'meeting.convene', { ticketIds: ['tk-1'], topic: long, note: '说明' }],
    ['meeting.record with no attendees', 'meeting.record', { meetingId: 'mt-1', version: 1, attendeeIds: [], decisions: [{ ticketId: 'tk-1', decision: '决定', ownerId: 'cadre-a' }] }],
    ['meeting.record with an extra field', 'meeting.record', { meetingId: 'mt-1', version: 1, attendeeIds: ['a'], decisions: [], extra: 1 }],
    ['meeting.record with names for attendees', 'meeting.record', { meetingId: 'mt-1', version: 1, attendeeIds: ['乌力吉'], decisions: [{ ticketId: 'tk-1', decision: '决定', ownerId: 'cadre-a' }] }],
    ['notification.readAll with an unknown field', 'notification.readAll', { all: true }],
    ['ticket.categories with an unknown field', 'ticket.categories', { x: 1 }],
  ])('%s', async (_label, action, input) => {
    const before = await Promise.all([count('tickets'), count('meetings'), count('notifications')])
    const r = await (await h.as('secretary-a')).call(action as 'ticket.create', input as InputOf<'ticket.create'>, requestId())
    expect(r.status).toBe(400)
    expect(r.body).toMatchObject({ ok: false, error: { code: 'VALIDATION.FAILED' } })
    expect(await Promise.all([count('tickets'), count('meetings'), count('notifications')])).toEqual(before)
  })

  it("refuses acting on, following or recording another village's objects by id", async () => {
    const t = await (await h.as('villager-b1')).ok('ticket.create', { kind: 'problem', category: 'other', description: '乙村的事' })
    for (const personId of ['cadre-a', 'villager-a1']) {
      const r = await (await h.as(personId)).call('ticket.act', { ticketId: t.id, action: 'accept', version: t.version, note: '' }, requestId())
      expect(r.status).toBe(403)
    }
    expect((await h.server.deps.store.get('tickets', t.id))?.version).toBe(1)
  })
})
