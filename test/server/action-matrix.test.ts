/**
 * The role x action matrix through the HTTP server, every action of the contract: every role of
 * one township (villager, the household's cadre, another cadre, the village secretary, the team
 * leader and leadership, the office hub, the supervision group) calls every action that names an
 * object with an object of the other township, and is refused every time; and no call of any role
 * is answered with a server error. Who passes on the own township's objects is the policy matrix
 * (policy-matrix.test.ts); the attack is attack.test.ts.
 */
import { actions, type ActionName, type InputOf } from '../../src/contracts'
import { realPng } from './fixtures/images'
import { requestId, startHarness, type Harness } from './harness'

jest.setTimeout(180_000)

let h: Harness
let foreign: { [N in ActionName]?: InputOf<N> } = {}
const ROLES = ['villager-a1', 'cadre-a', 'cadre-b', 'secretary-a', 'leader-a', 'office-1', 'supervisor-1']

/** Actions that name no object: the caller's own scope is the object (me.get, my tickets, my township's lists...). */
const SCOPED_BY_CALLER: readonly ActionName[] = [
  'me.get', 'villager.myCadre', 'cadre.households', 'roster.coverage', 'ticket.list', 'ticket.categories', 'ticket.similar', 'ticket.inbox',
  'ticket.rates', 'meeting.desk', 'notification.list', 'notification.readAll', 'notification.subscribeTemplates', 'office.closePeriod', 'office.reopenPeriod', 'office.periods',
  'office.revealLog', 'office.notices', 'supervision.dashboard', 'supervision.reports', 'posting.months', 'posting.get', 'cadre.selfReview',
  'team.findings', 'notices.forMe', 'visit.waiting', 'signin.today', 'signin.consent', 'signin.submit', 'signin.township', 'leave.request',
  'leave.list', 'attendance.team', 'rating.form', 'rating.myScore', 'records.cadres', 'supervision.reportTargets', 'binding.household', 'binding.audit',
  'office.households',
  // identity set-up and QR login (the caller's township, the caller's own login code)
  'auth.logout', 'login.qrConfirm', 'office.places', 'office.addVillage',
  // identity-finish: the caller's own login code, read before confirming
  'login.qrDetails',
  // the villagers' voice: the caller's township's queues
  'moderation.queue', 'callback.list',
  // images: the caller's township's photo queue
  'photo.queue',
  // identity-hardening: registers the caller's own cloud upload (cloud mode only; refused locally)
  'upload.register',
  // field-ux: where the cadre stands before the camera (his own places)
  'signin.check',
  // field-ux-2: the cadre's own photo; the office's own township's posting preview
  'cadre.setPhoto', 'office.postingPreview',
  // office-files (cloud mode only; refused locally): the caller's own registered file, the caller's
  // township's export, URLs only of files the caller may see (test/cloud/office-files.test.ts)
  'file.urls', 'office.importFile', 'office.exportFile',
  // first-screen: the villager's own home
  'villager.home',
]
/** Public actions: they name an invitation, a phone code or a WeChat code, never a caller (attack.test.ts). */
const PUBLIC: readonly ActionName[] = (Object.keys(actions) as ActionName[]).filter((n) => actions[n].public)

beforeAll(async () => {
  h = await startHarness()
  const png = await realPng()
  // The other township's objects: a ticket, a visit and a leave of its cadre.
  const ticket = await (await h.as('villager-x1')).ok('ticket.create', { kind: 'problem', category: 'other', description: '外镇的事' })
  const visit = await (await h.as('cadre-x')).ok('visit.create', { householdId: 'hh-x1', purpose: '走访' })
  const leave = await (await h.as('cadre-x')).ok('leave.request', { from: '2026-11-30', to: '2026-11-30', reason: '事假' })
  const dims = { attitude: 5, effectiveness: 5, presence: 5 }
  // The other township's voice objects: an anonymous report and a held comment (its call-backs are
  // listed by its supervision group only, which the test world does not have: a made-up id).
  const anonymous = await (await h.as('villager-x1')).ok('ticket.create', { kind: 'problem', category: 'other', description: '外镇匿名的事', anonymous: true })
  await (await h.as('villager-x1')).ok('rating.submit', { cadreId: 'cadre-x', band: 'villagers', dimensions: { attitude: 1, effectiveness: 1, presence: 1 }, comment: '电话13912345678不接' })
  const [moderation] = await (await h.as('office-x')).ok('moderation.queue', {})
  // images: a photo of the other township waiting for its office (as on a server without an automatic check).
  await h.server.deps.store.insert('mediaChecks', { id: 'mc-foreign-photo', townshipId: 'ts-2', url: '/uploads/foreign-photo.jpg', objectKind: 'ticket', objectId: ticket.id, ownerId: 'villager-x1', traceId: null, status: 'manual', label: null, requestedAt: h.now(), decidedAt: null })
  foreign = {
    'roster.assignHousehold': { householdId: 'hh-x1', cadreId: 'cadre-x' },
    'ticket.create': { kind: 'problem', category: 'other', description: '问题', householdId: 'hh-x1' },
    'ticket.get': { ticketId: ticket.id },
    'ticket.act': { ticketId: ticket.id, action: 'accept', version: ticket.version },
    'ticket.follow': { ticketId: ticket.id },
    'ticket.callReporter': { ticketId: ticket.id },
    'meeting.convene': { ticketIds: [ticket.id], topic: '议题', note: '说明' },
    'meeting.record': { meetingId: 'meeting-of-ts-2', version: 1, attendeeIds: ['cadre-x'], decisions: [] },
    'office.dashboard': { period: '2026-11', villageId: 'vil-x' },
    'office.results': { period: '2026-11', villageId: 'vil-x' },
    'office.updateHousehold': { householdId: 'hh-x1', address: '改地址' },
    'office.updatePerson': { personId: 'cadre-x', title: '改职务' },
    'office.reveal': { subjectId: 'villager-x1', field: 'phone' },
    'office.postNotice': { villageId: 'vil-x', title: '通知', body: '内容' },
    'supervision.planCheck': { date: '2026-11-30', villageId: 'vil-x', note: '暗访' },
    'supervision.recordCheck': { checkId: 'check-of-ts-2', outcome: 'ok', cadreId: 'cadre-x', note: '正常' },
    'supervision.verifyPresence': { cadreId: 'cadre-x', villageId: 'vil-x', method: 'phone', present: true, note: '' },
    'supervision.resolveReport': { reportId: 'report-of-ts-2', upheld: false, note: '不属实' },
    'supervision.fileReport': { cadreId: 'cadre-x', villageId: 'vil-x', text: '反映情况' },
    'supervision.findings': { cadreId: 'cadre-x' },
    'cadre.record': { cadreId: 'cadre-x' },
    'visit.create': { householdId: 'hh-x1', purpose: '走访' },
    'visit.plan': { householdId: 'hh-x1', date: '2026-11-28' },
    'visit.list': { householdId: 'hh-x1' },
    'visit.get': { visitId: visit.id },
    'visit.signCode': { visitId: visit.id },
    'visit.signOff': { visitId: visit.id, signaturePng: png },
    'visit.dispute': { visitId: visit.id, reason: '不对' },
    'visit.toTicket': { visitId: visit.id },
    'signin.photo': { signInId: 'signin-of-ts-2' },
    'leave.decide': { leaveId: leave.id, approve: true },
    'attendance.week': { cadreId: 'cadre-x' },
    'allowance.ledger': { cadreId: 'cadre-x' },
    'rating.submit': { cadreId: 'cadre-x', band: 'villagers', dimensions: dims },
    'rating.township': { cadreId: 'cadre-x' },
    'records.addNote': { cadreId: 'cadre-x', period: '2026-10', text: '备注' },
    'binding.members': { householdId: 'hh-x1' },
    'binding.invite': { personId: 'villager-x1' },
    'binding.unbind': { personId: 'villager-x1', reason: '换手机' },
    'office.addGroup': { villageId: 'vil-x', name: '新组' },
    'office.savePlace': { name: '外镇地点', villageId: 'vil-x', lat: 39, lng: 109, radiusM: 100 },
    'ticket.revealReporter': { ticketId: anonymous.id, reason: '核查是否冒名反映' },
    'ticket.publicView': { ticketId: anonymous.id },
    'moderation.decide': { moderationId: moderation?.id ?? 'none', approve: true },
    'callback.record': { callBackId: 'callback-of-ts-2', outcome: 'satisfied', note: '已回访' },
    'photo.decide': { checkId: 'mc-foreign-photo', approve: true },
  }
}, 120_000)
afterAll(() => h.stop())

describe('every action, every role, through HTTP', () => {
  it('lists every action: with another township object, scoped by the caller, or public', () => {
    const names = Object.keys(actions) as ActionName[]
    expect(names.filter((n) => !(n in foreign) && !SCOPED_BY_CALLER.includes(n) && !PUBLIC.includes(n))).toEqual([])
  })

  it("refuses every role of one township every action on another township's object, and changes nothing there", async () => {
    const before = await Promise.all([h.server.deps.store.find('tickets', { townshipId: 'ts-2' }), h.server.deps.store.find('visits', { townshipId: 'ts-2' })])
    const passed: string[] = []
    for (const who of ROLES) {
      const client = await h.as(who)
      for (const [name, input] of Object.entries(foreign) as [ActionName, InputOf<ActionName>][]) {
        const { status, body } = await client.call(name, input, requestId())
        if (status >= 500) passed.push(`${who} ${name}: ${status}`)
        // A read whose filter names another township's village or cadre answers from the caller's own
        // township only (so nothing): allowed, as long as it carries nothing of the other township.
        else if (body.ok && !/^office\.(dashboard|results)$|^visit\.list$|^rating\.township$|^supervision\.findings$/.test(name)) passed.push(`${who} ${name}`)
        else if (body.ok) expect(JSON.stringify(body.data)).not.toMatch(/villager-x1|cadre-x|hh-x1|外镇/)
      }
    }
    expect(passed).toEqual([])
    const after = await Promise.all([h.server.deps.store.find('tickets', { townshipId: 'ts-2' }), h.server.deps.store.find('visits', { townshipId: 'ts-2' })])
    expect(after).toEqual(before)
  })

  it('answers every scoped action for every role without a server error', async () => {
    const failed: string[] = []
    const scoped: Partial<Record<ActionName, unknown>> = { 'ticket.similar': { category: 'other' }, 'ticket.rates': { period: '2026-11' }, 'office.closePeriod': { period: '2026-10' }, 'office.reopenPeriod': { period: '2026-10', reason: '更正' }, 'supervision.dashboard': { month: '2026-11' }, 'posting.get': { period: '2026-10' }, 'cadre.selfReview': { period: '2026-11', text: '本月工作' }, 'signin.submit': { lat: 39, lng: 109, photo: 'AAAA' }, 'signin.check': { lat: 39, lng: 109 }, 'file.urls': { fileIds: ['cloud://env/u/x/p.jpg'] }, 'office.importFile': { fileId: 'cloud://env/u/x/r.xlsx', fileName: 'r.xlsx' }, 'office.exportFile': { kind: 'tickets', period: '2026-11' }, 'leave.request': { from: '2026-12-01', to: '2026-12-01', reason: '事假' } }
    for (const who of ROLES) {
      const client = await h.as(who)
      for (const name of SCOPED_BY_CALLER) {
        const { status } = await client.call(name, (scoped[name] ?? {}) as InputOf<ActionName>, requestId())
        if (status >= 500) failed.push(`${who} ${name}: ${status}`)
      }
    }
    expect(failed).toEqual([])
  })
})
