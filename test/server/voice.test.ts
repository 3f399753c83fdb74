/**
 * Issue 13, the villagers' voice, through the real HTTP server: an anonymous reporter reaches only
 * the handling cadre (every role's every read scanned); the township reveals for a fraud check,
 * logged with a reason; a comment with a phone number and an insult is held and redacted, never
 * posted as written; a follower reads a report with no personal data; a 1-star confirm, a reopen
 * and a disputed visit enter the call-back queue with a deadline, overdue ones counted.
 */
import { actions, type ActionName, type InputOf, type TicketView } from '../../src/contracts'
import { requestId, startHarness, type Harness } from './harness'

let h: Harness
const REPORTER = { id: 'anon-1', name: '乌云其木格', phone: '13877770001' }
const HOUSEHOLD = { id: 'hh-a9', number: '7731' }

beforeAll(async () => {
  h = await startHarness()
  const store = h.server.deps.store
  await store.insert('households', { id: HOUSEHOLD.id, townshipId: 'ts-1', villageId: 'vil-a', groupId: 'grp-a1', number: HOUSEHOLD.number, headName: REPORTER.name, address: '乌兰木伦嘎查一社', cadreId: 'cadre-a' })
  const villager = { townshipId: 'ts-1', roles: ['villager' as const], villageId: 'vil-a', duty: null, title: '', photoUrl: null, hasPhone: true }
  await store.insert('people', { ...villager, id: REPORTER.id, name: REPORTER.name, phone: REPORTER.phone, householdId: HOUSEHOLD.id })
  await store.insert('people', { ...villager, id: 'tian-gang', name: '田刚', phone: '13912345678', householdId: 'hh-a2' })
})
afterAll(() => h.stop())

const act = async (personId: string, t: TicketView, action: InputOf<'ticket.act'>['action'], extra: Partial<InputOf<'ticket.act'>> = {}) =>
  (await h.as(personId)).ok('ticket.act', { ticketId: t.id, action, version: t.version, note: action === 'reopen' ? '路灯还是不亮' : action === 'resolve' ? '已处理好' : '', ...extra })

/**
 * A read action's input for the scan (an action whose input does not fit answers an error, which is
 * scanned too). Roster reads are left out: they say who lives where, never who reported what.
 */
const ROSTER_READS: readonly ActionName[] = ['office.households', 'binding.members', 'rating.township', 'cadre.households']
const readInput = (action: ActionName, ticketId: string): unknown =>
  ({
    'ticket.get': { ticketId },
    'ticket.publicView': { ticketId },
    'ticket.similar': { category: 'infrastructure' },
    'ticket.rates': { period: '2026-11' },
    'office.dashboard': { period: '2026-11' },
    'office.results': { period: '2026-11' },
    'supervision.dashboard': { month: '2026-11' },
    'supervision.findings': { cadreId: null },
    'posting.get': { period: '2026-10' },
    'cadre.record': { cadreId: 'cadre-a' },
  })[action as string] ?? {}

describe('an anonymous report', () => {
  let t: TicketView
  beforeAll(async () => {
    t = await (await h.as(REPORTER.id)).ok('ticket.create', { kind: 'problem', category: 'infrastructure', description: `我是${REPORTER.name}，电话${REPORTER.phone}，村口的路灯坏了`, anonymous: true })
    t = await act('cadre-a', t, 'accept')
    // On the secretary's desk too, so the secretary's inbox and desk hold it.
    t = await act('cadre-a', t, 'escalate_secretary', { note: '需要村里协调' })
  })

  it("shows the reporter (name, household, id) only to the handling cadre: every role's every read scanned", async () => {
    const reads = (Object.keys(actions) as ActionName[]).filter((a) => {
      const def = actions[a]
      return !def.write && !def.public && !def.localOnly && !ROSTER_READS.includes(a)
    })
    const seen = new Map<string, string>()
    const roles = ['cadre-a', 'villager-a2', 'villager-a1', 'secretary-a', 'leader-a', 'office-1', 'supervisor-1', 'cadre-b']
    for (const personId of roles) {
      const client = await h.as(personId)
      const answers: unknown[] = []
      for (const action of reads) answers.push((await client.call(action, readInput(action, t.id) as never)).body)
      seen.set(personId, JSON.stringify(answers))
    }
    const leaks = (text: string) => [REPORTER.name, REPORTER.phone, `"${REPORTER.id}"`, `"${HOUSEHOLD.number}"`, `${HOUSEHOLD.number}号`].filter((x) => text.includes(x))
    expect(leaks(seen.get('cadre-a') ?? '')).toEqual(expect.arrayContaining([REPORTER.name, `"${HOUSEHOLD.number}"`]))
    for (const personId of roles.slice(1)) expect({ personId, leaks: leaks(seen.get(personId) ?? '') }).toEqual({ personId, leaks: [] })
    // What they see instead.
    const office = await (await h.as('office-1')).ok('ticket.get', { ticketId: t.id })
    expect(office).toMatchObject({ reporterName: null, householdNumber: null, anonymous: true })
    expect(office.history[0]?.actorName).toBe('匿名反映')
    expect(office.description).toBe('我是***，电话***，村口的路灯坏了')
  })

  it('the township reveals the reporter for a fraud check: a logged action with a reason', async () => {
    const office = await h.as('office-1')
    expect((await office.call('ticket.revealReporter', { ticketId: t.id, reason: '查' }, requestId())).body).toMatchObject({ error: { code: 'VOICE.REASON_REQUIRED' } })
    expect((await (await h.as('secretary-a')).call('ticket.revealReporter', { ticketId: t.id, reason: '核查是否冒名' }, requestId())).body).toMatchObject({ error: { code: 'AUTH.FORBIDDEN' } })
    expect((await (await h.as('cadre-a')).call('ticket.revealReporter', { ticketId: t.id, reason: '核查是否冒名' }, requestId())).body).toMatchObject({ error: { code: 'AUTH.FORBIDDEN' } })
    expect(await h.server.deps.store.count('reveals', { townshipId: 'ts-1' })).toBe(0)
    expect(await office.ok('ticket.revealReporter', { ticketId: t.id, reason: '核查是否有人冒名反映' })).toEqual({ name: REPORTER.name, householdNumber: HOUSEHOLD.number })
    const log = await (await h.as('supervisor-1')).ok('office.revealLog', {})
    expect(log[0]).toMatchObject({ actor: '赵敏', field: 'reporter', subject: t.id, reason: '核查是否有人冒名反映' })
    const named = await (await h.as('villager-a1')).ok('ticket.create', { kind: 'problem', category: 'other', description: '不是匿名的' })
    expect((await office.call('ticket.revealReporter', { ticketId: named.id, reason: '核查是否冒名' }, requestId())).body).toMatchObject({ error: { code: 'VOICE.NOT_ANONYMOUS' } })
  })
})

describe('comments other villagers read', () => {
  const INSULT = '骗子王八蛋，有事打13912345678（田刚）'
  it('a comment with a phone number and an insult is held and redacted, never published as written', async () => {
    const writer = await h.as('villager-a1')
    const dims = { attitude: 1, effectiveness: 1, presence: 1 }
    const form = await writer.ok('rating.submit', { cadreId: 'cadre-a', band: 'villagers', dimensions: dims, comment: INSULT })
    expect(form.targets.find((x) => x.cadre.id === 'cadre-a')?.mine?.moderation).toEqual({ status: 'pending', reason: null })
    const other = await h.as('villager-a2')
    await other.ok('rating.submit', { cadreId: 'cadre-a', band: 'villagers', dimensions: { attitude: 5, effectiveness: 5, presence: 5 }, comment: '张伟常来，身份证110101199003071234的事办好了' })

    const office = await h.as('office-1')
    const queue = await office.ok('moderation.queue', {})
    const insult = queue.find((m) => m.original === INSULT)
    expect(insult).toMatchObject({ redacted: '骗子王八蛋，有事打***（***）', check: 'risky', status: 'pending', cadre: { name: '张伟' } })
    expect(insult?.checkLabel).toContain('王八蛋')
    const praise = queue.find((m) => m.original.startsWith('张伟常来'))
    // A cadre's name is public; an ID number is not.
    expect(praise).toMatchObject({ redacted: '张伟常来，身份证***的事办好了', check: 'pass' })

    // The rated cadre cannot moderate; nobody but the office can; a refusal needs a reason.
    expect((await (await h.as('cadre-a')).call('moderation.queue', {})).body).toMatchObject({ error: { code: 'AUTH.FORBIDDEN' } })
    expect((await (await h.as('secretary-a')).call('moderation.decide', { moderationId: praise!.id, approve: true }, requestId())).body).toMatchObject({ error: { code: 'AUTH.FORBIDDEN' } })
    expect((await office.call('moderation.decide', { moderationId: insult!.id, approve: false }, requestId())).body).toMatchObject({ error: { code: 'VALIDATION.FAILED' } })
    await office.ok('moderation.decide', { moderationId: insult!.id, approve: false, reason: 'insult' })
    await office.ok('moderation.decide', { moderationId: praise!.id, approve: true })
    expect((await office.call('moderation.decide', { moderationId: praise!.id, approve: false, reason: 'offTopic' }, requestId())).body).toMatchObject({ error: { code: 'MODERATION.ALREADY_DECIDED' } })
    expect(await office.ok('moderation.queue', {})).toEqual([])

    // The writer is told why.
    const told = (await writer.ok('rating.form', { period: '2026-11' })).targets.find((x) => x.cadre.id === 'cadre-a')?.mine?.moderation
    expect(told).toEqual({ status: 'refused', reason: 'insult' })

    // The month's posting: the approved comment redacted, the refused one nowhere.
    h.advance(10 * 24 * 3_600_000)
    // Ten idle days end a web session (settings.sessions.idleMinutes): the office signs in again.
    await (await h.as('office-1')).ok('office.closePeriod', { period: '2026-11' })
    const posting = await (await h.as('villager-b1')).ok('posting.get', { period: '2026-11' })
    const text = JSON.stringify(posting)
    expect(posting.rows.find((r) => r.cadreId === 'cadre-a')?.reviews.mass).toEqual(['张伟常来，身份证***的事办好了'])
    for (const leak of ['13912345678', '田刚', '王八蛋', '110101199003071234']) expect(text).not.toContain(leak)
    h.advance(-10 * 24 * 3_600_000)
  })
})

describe('a follower', () => {
  it('reads the followed report with no personal data; the duplicate hint shows it before 关注', async () => {
    const reporter = await h.as(REPORTER.id)
    const t = await reporter.ok('ticket.create', { kind: 'problem', category: 'dispute', description: `我是${REPORTER.name}，电话${REPORTER.phone}，邻居田刚占了我家草场` })
    const neighbour = await h.as('villager-a2')
    const hint = await neighbour.ok('ticket.similar', { category: 'dispute' })
    expect(hint.map((x) => x.id)).toContain(t.id)
    const before = await neighbour.ok('ticket.publicView', { ticketId: t.id })
    expect(before).toMatchObject({ following: false, canFollow: true, status: 'submitted', villageName: '乌兰木伦嘎查', description: '我是***，电话***，邻居***占了我家草场' })
    await neighbour.ok('ticket.follow', { ticketId: t.id })
    const accepted = await act('cadre-a', t, 'accept')
    await act('cadre-a', accepted, 'resolve', { note: '已调解，双方签了协议' })
    const after = await neighbour.ok('ticket.publicView', { ticketId: t.id })
    expect(after).toMatchObject({ following: true, canFollow: false, status: 'resolved' })
    expect(after.steps.map((s) => [s.action, s.byRole])).toEqual([['create', 'reporter'], ['accept', 'cadre'], ['resolve', 'cadre']])
    const text = JSON.stringify([before, after])
    for (const leak of [REPORTER.name, REPORTER.phone, REPORTER.id, HOUSEHOLD.id, HOUSEHOLD.number, '田刚', '/uploads/', '张伟']) expect(text).not.toContain(leak)
    // guard: photos appear only once their content check cleared them (media-screening.test.ts); this report has none.
    expect([before.photoUrls, after.photoUrls]).toEqual([[], []])
    // Another village's villager may not read it.
    expect((await (await h.as('villager-b1')).call('ticket.publicView', { ticketId: t.id })).body).toMatchObject({ error: { code: 'AUTH.FORBIDDEN' } })
  })
})

describe('call-backs (好差评 回访)', () => {
  it('a 1-star confirm creates one entry with a deadline; a reopen and a disputed visit too; overdue ones counted', async () => {
    const sup = await h.as('supervisor-1')
    const start = (await sup.ok('callback.list', {})).counts
    const villager = await h.as('villager-a1')
    let t = await villager.ok('ticket.create', { kind: 'problem', category: 'infrastructure', description: '水井坏了' })
    t = await act('cadre-a', t, 'accept')
    t = await act('cadre-a', t, 'resolve', { note: '修好了' })
    const confirmedAt = h.now()
    const id = requestId()
    const confirm = { ticketId: t.id, action: 'confirm' as const, version: t.version, note: '', satisfaction: 1 }
    await villager.ok('ticket.act', confirm, id)
    await villager.ok('ticket.act', confirm, id) // a retry adds nothing
    let list = await sup.ok('callback.list', {})
    const entries = list.entries.filter((e) => e.ticketId === t.id)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ reason: 'lowSatisfaction', stars: 1, state: 'due', cadre: { id: 'cadre-a' }, personName: '巴特尔', householdNumber: '001' })
    expect(entries[0]!.dueAt).toBe(confirmedAt + 72 * 3_600_000)
    expect(list.counts).toEqual({ ...start, due: start.due + 1 })

    // A 4-star confirm is not a bad review; a reopen is.
    let good = await villager.ok('ticket.create', { kind: 'problem', category: 'infrastructure', description: '路面坑洼' })
    good = await act('cadre-a', good, 'accept')
    good = await act('cadre-a', good, 'resolve')
    await act('villager-a1', good, 'confirm', { satisfaction: 4 })
    let reopened = await villager.ok('ticket.create', { kind: 'problem', category: 'infrastructure', description: '路灯不亮' })
    reopened = await act('cadre-a', reopened, 'accept')
    reopened = await act('cadre-a', reopened, 'resolve')
    await act('villager-a1', reopened, 'reopen')
    const visit = await (await h.as('cadre-a')).ok('visit.create', { householdId: 'hh-a1', purpose: '走访' })
    await villager.ok('visit.dispute', { visitId: visit.id, reason: '干部没有来过' })
    list = await sup.ok('callback.list', {})
    expect(list.entries.filter((e) => e.ticketId === good.id)).toHaveLength(0)
    expect(list.entries.find((e) => e.ticketId === reopened.id)).toMatchObject({ reason: 'reopened', stars: null })
    expect(list.entries.find((e) => e.visitId === visit.id)).toMatchObject({ reason: 'disputedVisit', cadre: { id: 'cadre-a' } })
    expect(list.counts).toEqual({ ...start, due: start.due + 3 })

    // Past the deadline: overdue, on the queue and on the supervision dashboard.
    h.advance(72 * 3_600_000 + 1000)
    list = await sup.ok('callback.list', {})
    expect(list.counts).toEqual({ due: start.due, overdue: start.overdue + 3, done: start.done })
    expect(list.entries[0]?.state).toBe('overdue')
    expect((await sup.ok('supervision.dashboard', { month: '2026-11' })).callBacks).toEqual(list.counts)

    // Only the supervision group records; the outcome goes into the cadre's record.
    expect((await (await h.as('cadre-a')).call('callback.list', {})).body).toMatchObject({ error: { code: 'AUTH.FORBIDDEN' } })
    expect((await (await h.as('office-1')).call('callback.record', { callBackId: entries[0]!.id, outcome: 'satisfied', note: '' }, requestId())).body).toMatchObject({ error: { code: 'AUTH.FORBIDDEN' } })
    const done = await sup.ok('callback.record', { callBackId: entries[0]!.id, outcome: 'stillUnsatisfied', note: '村民说水井只修了一半' })
    expect(done).toMatchObject({ state: 'done', outcome: 'stillUnsatisfied' })
    expect((await sup.call('callback.record', { callBackId: entries[0]!.id, outcome: 'satisfied', note: '' }, requestId())).body).toMatchObject({ error: { code: 'CALLBACK.ALREADY_DONE' } })
    expect((await sup.ok('callback.list', {})).counts).toEqual({ due: start.due, overdue: start.overdue + 2, done: start.done + 1 })
    const record = await (await h.as('cadre-a')).ok('cadre.record', { cadreId: 'cadre-a' })
    expect(record.callBacks.find((c) => c.note === '村民说水井只修了一半')).toMatchObject({ reason: 'lowSatisfaction', state: 'done', outcome: 'stillUnsatisfied' })
    h.advance(-(72 * 3_600_000 + 1000))
  })
})
