/**
 * A cadre's record (档案) and the gaps around it, through the real HTTP server: the closed months'
 * attendance and 1135 band scores (never a rater), findings, self-reviews and responsibility notes
 * (责任追究) seen by the cadre, their team leader, the office and the supervisors only; the cadres
 * list; findings per cadre; a public supervisor's report about a named cadre; household
 * assignment updating the coverage check; joint meeting attendees from the roster.
 */
import type { Person, Rating } from '../../src/core/model'
import { requestId, startHarness, type Harness } from './harness'

let h: Harness
const person = (id: string, over: Partial<Person>): Person => ({
  id, townshipId: 'ts-1', name: id, phone: '13300000000', roles: ['villager'], householdId: null, villageId: null,
  duty: null, title: '', photoUrl: null, hasPhone: true, ...over,
})
const rating = (n: number, band: Rating['band'], raterId: string, householdId: string | null, stars: number): Rating => ({
  id: `rt-${n}`, townshipId: 'ts-1', period: '2026-10', band, cadreId: 'cadre-a', raterId, householdId, stars, comment: '', at: Date.UTC(2026, 9, 20),
})
const count = (c: 'chainNotes' | 'reports' | 'households' | 'meetings') => h.server.deps.store.count(c, {})

beforeAll(async () => {
  h = await startHarness()
  const store = h.server.deps.store
  await store.insertMany('people', [
    person('public-sup', { name: '人大代表老王', roles: ['publicSupervisor'], title: '作风建设监督员' }),
    person('committee-a', { name: '萨仁', roles: ['villager', 'committee'], villageId: 'vil-a', title: '嘎查委员会委员' }),
    // A resident cadre who is also a team leader (not township staff): sees their member only.
    person('cadre-c', { name: '王强', roles: ['cadre'], duty: 'resident', title: '包户干部' }),
  ])
  await store.insert('teams', { id: 'team-c', townshipId: 'ts-1', villageId: 'vil-b', name: '巴音敖包嘎查第二工作组', leaderId: 'cadre-b', secretaryId: 'secretary-b', memberIds: ['cadre-c'] })
  await store.insertMany('ratings', [
    rating(1, 'villagers', 'villager-a1', 'hh-a1', 5),
    rating(2, 'villagers', 'villager-a2', 'hh-a2', 4),
    rating(3, 'leaders', 'leader-a', null, 4),
    rating(4, 'peers', 'cadre-b', null, 5),
  ])
  await (await h.as('cadre-a')).ok('cadre.selfReview', { period: '2026-10', text: '十月入户走访偏少，下月补上。' })
  await (await h.as('supervisor-1')).ok('supervision.verifyPresence', { cadreId: 'cadre-a', villageId: 'vil-a', method: 'phone', present: false, note: '电话无人接听' })
  await (await h.as('office-1')).ok('office.closePeriod', { period: '2026-10' })
})
afterAll(() => h.stop())

describe("a cadre's record (档案)", () => {
  it('holds the closed month from the stored close: 543 weeks, sign-ins, absences, village days and 1135 bands', async () => {
    const record = await (await h.as('cadre-a')).ok('cadre.record', { cadreId: 'cadre-a' })
    expect(record).toMatchObject({ cadre: { id: 'cadre-a', name: '张伟', duty: 'resident' }, teamName: '乌兰木伦嘎查驻村工作组', responsible: { id: 'leader-a', name: '赵海' } })
    expect(record.months.map((m) => m.period)).toEqual(['2026-10'])
    const [october] = record.months
    const stored = await h.server.deps.store.get('closeResults', 'ts-1:2026-10')
    const row = stored?.result.cadres.find((c) => c.cadreId === 'cadre-a')
    // What the record says is what the close stored: no sign-ins, so every working day of October is an absence.
    expect(october.absences).toEqual(row?.absences)
    // 22 weekdays, less National Day's weekday holidays (10-01, 10-02, 10-05..10-07), plus the
    // make-up working Saturday 10-10 (DOMAIN 3.5's holiday calendar).
    expect(october.absences).toHaveLength(18)
    expect(october.absences).not.toContain('2026-10-01')
    expect(october.absences).toContain('2026-10-10')
    expect(october.weeks.map((w) => w.weekKey)).toEqual(row?.weeks.map((w) => w.weekKey))
    // Each week in the month holding its Thursday (ISO rule): 09-28..10-04 (Thursday 10-01) is
    // October's, 10-26..11-01 (Thursday 10-29) too; none of September's or November's.
    expect(october.weeks.map((w) => w.weekKey)).toEqual(['2026-W40', '2026-W41', '2026-W42', '2026-W43', '2026-W44'])
    // National Day week: its weekday holidays (10-01, 10-02) lower the requirement to 3 work days.
    expect(october.weeks[0]?.required.workDays).toBe(3)
    expect(october.weeks.every((w) => !w.compliant)).toBe(true)
    expect(october).toMatchObject({ signIns: { valid: 0, invalid: 0 }, villageDays: [], allowanceYuan: 0 })
    expect(october.score.bands.villagers).toMatchObject({ raters: 2, sufficient: false, weight: 50 })
    // The cadre sees a band's figures only from k = 5 raters on (raters stay anonymous); the office sees them.
    expect(october.score.bands.leaders).toMatchObject({ raters: 1, points: null })
    expect(october.score.total).toBeNull()
    const [officeOctober] = (await (await h.as('office-1')).ok('cadre.record', { cadreId: 'cadre-a' })).months
    expect(officeOctober?.score.bands.leaders).toMatchObject({ raters: 1, points: row?.score.bands.leaders.points })
    expect(officeOctober?.score.total).toBe(row?.score.total)
    expect(record.findings).toHaveLength(1)
    expect(record.findings[0]).toMatchObject({ code: 'check.absent', params: { method: 'phone' } })
    expect(record.selfReviews).toEqual([expect.objectContaining({ period: '2026-10', text: '十月入户走访偏少，下月补上。' })])
  })

  it('never names a rater, not even to the office', async () => {
    for (const viewer of ['cadre-a', 'office-1', 'supervisor-1']) {
      const text = JSON.stringify(await (await h.as(viewer)).ok('cadre.record', { cadreId: 'cadre-a' }))
      for (const rater of ['villager-a1', 'villager-a2', 'hh-a1', 'hh-a2', 'cadre-b', 'raterId', 'householdId']) expect(text).not.toContain(rater)
    }
  })

  it('is read by the cadre, their team leader, the office, the leaders and the supervisors, and no one else', async () => {
    for (const viewer of ['cadre-a', 'leader-a', 'office-1', 'supervisor-1']) {
      expect((await (await h.as(viewer)).call('cadre.record', { cadreId: 'cadre-a' })).status).toBe(200)
    }
    // cadre-b leads team-c: sees its member cadre-c, not a fellow member of another team.
    expect((await (await h.as('cadre-b')).call('cadre.record', { cadreId: 'cadre-c' })).status).toBe(200)
    for (const [viewer, cadreId] of [['cadre-b', 'cadre-a'], ['cadre-c', 'cadre-b'], ['villager-a1', 'cadre-a'], ['secretary-a', 'cadre-a'], ['public-sup', 'cadre-a'], ['office-x', 'cadre-a'], ['office-1', 'cadre-x']]) {
      expect((await (await h.as(viewer)).call('cadre.record', { cadreId })).body).toMatchObject({ error: { code: 'AUTH.FORBIDDEN' } })
    }
    expect((await (await h.as('office-1')).call('cadre.record', { cadreId: 'villager-a1' })).body).toMatchObject({ error: { code: 'NOT_FOUND' } })
    expect((await (await h.as('office-1')).call('cadre.record', { cadreId: '../x' })).body).toMatchObject({ error: { code: 'VALIDATION.FAILED' } })
  })
})

describe('responsibility notes (责任追究)', () => {
  it("the team leader writes one into a member's record; a replay writes nothing more", async () => {
    const before = await count('chainNotes')
    const id = requestId()
    const leader = await h.as('leader-a')
    const note = await leader.ok('records.addNote', { cadreId: 'cadre-a', period: '2026-10', text: '十月缺勤较多，已约谈提醒。' }, id)
    expect(note).toMatchObject({ period: '2026-10', by: '赵海', text: '十月缺勤较多，已约谈提醒。' })
    expect(await leader.ok('records.addNote', { cadreId: 'cadre-a', period: '2026-10', text: '十月缺勤较多，已约谈提醒。' }, id)).toEqual(note)
    expect(await count('chainNotes')).toBe(before + 1)
    const record = await (await h.as('cadre-a')).ok('cadre.record', { cadreId: 'cadre-a' })
    expect(record.chainNotes.map((n) => n.text)).toEqual(['十月缺勤较多，已约谈提醒。'])
    expect(record.canAddNote).toBe(false)
    expect((await leader.ok('cadre.record', { cadreId: 'cadre-a' })).canAddNote).toBe(true)
    // A team leader who is not township staff notes their own member.
    expect(await (await h.as('cadre-b')).ok('records.addNote', { cadreId: 'cadre-c', period: null, text: '提醒按时签到。' })).toMatchObject({ by: '刘芳', period: null })
  })

  it('is refused to the cadre themselves, other cadres, villagers and another township; nothing written', async () => {
    const before = await count('chainNotes')
    for (const [who, cadreId] of [['cadre-a', 'cadre-a'], ['cadre-b', 'cadre-a'], ['villager-a1', 'cadre-a'], ['public-sup', 'cadre-a'], ['office-1', 'cadre-x']]) {
      const r = await (await h.as(who)).call('records.addNote', { cadreId, period: null, text: '记录' }, requestId())
      expect(r.body).toMatchObject({ error: { code: 'AUTH.FORBIDDEN' } })
    }
    expect((await (await h.as('office-1')).call('records.addNote', { cadreId: 'nobody', period: null, text: '记录' }, requestId())).body).toMatchObject({ error: { code: 'NOT_FOUND' } })
    expect(await count('chainNotes')).toBe(before)
  })

  it.each([
    ['empty text', { cadreId: 'cadre-a', period: null, text: '  ' }],
    ['oversized text', { cadreId: 'cadre-a', period: null, text: '长'.repeat(501) }],
    ['a bad month', { cadreId: 'cadre-a', period: '2026-13', text: '记录' }],
    ['an unknown field', { cadreId: 'cadre-a', period: null, text: '记录', score: 1 }],
    ['a wrong type', { cadreId: 5, period: null, text: '记录' }],
  ])('refuses %s with a validation error', async (_label, input) => {
    const before = await count('chainNotes')
    const r = await (await h.as('office-1')).call('records.addNote', input as never, requestId())
    expect(r.status).toBe(400)
    expect(r.body).toMatchObject({ error: { code: 'VALIDATION.FAILED' } })
    expect(await count('chainNotes')).toBe(before)
  })
})

describe('the cadres list', () => {
  it('gives the office every cadre of the township with load, findings and masked phone', async () => {
    const rows = await (await h.as('office-1')).ok('records.cadres', {})
    expect(rows.map((r) => r.id).sort()).toEqual(['cadre-a', 'cadre-b', 'cadre-c', 'leader-a', 'office-1', 'supervisor-1'])
    expect(rows.find((r) => r.id === 'cadre-a')).toMatchObject({ households: 2, findings: 1, phoneMasked: '137****1111', villageName: '乌兰木伦嘎查' })
    expect(JSON.stringify(rows)).not.toContain('13700001111')
  })

  it('gives a team leader their members and themselves, a cadre only themselves, a villager nothing', async () => {
    expect((await (await h.as('cadre-b')).ok('records.cadres', {})).map((r) => r.id).sort()).toEqual(['cadre-b', 'cadre-c'])
    expect((await (await h.as('cadre-a')).ok('records.cadres', {})).map((r) => r.id)).toEqual(['cadre-a'])
    expect((await (await h.as('villager-a1')).call('records.cadres', {})).body).toMatchObject({ error: { code: 'AUTH.FORBIDDEN' } })
  })
})

describe('supervision: findings per cadre, reports about a named cadre', () => {
  it("lists one cadre's findings when asked for that cadre", async () => {
    const sup = await h.as('supervisor-1')
    await sup.ok('supervision.verifyPresence', { cadreId: 'cadre-b', villageId: 'vil-b', method: 'inPerson', present: false, note: '实地未见到人' })
    expect((await sup.ok('supervision.findings', { cadreId: 'cadre-b' })).map((f) => f.cadreId)).toEqual(['cadre-b'])
    expect(new Set((await sup.ok('supervision.findings', { cadreId: null })).map((f) => f.cadreId))).toEqual(new Set(['cadre-a', 'cadre-b']))
  })

  it("gives a public supervisor the township's cadres to choose from, and files the report about the chosen one", async () => {
    const pub = await h.as('public-sup')
    const targets = await pub.ok('supervision.reportTargets', {})
    expect(targets.cadres.map((c) => c.id)).toContain('cadre-a')
    expect(targets.cadres.map((c) => c.id)).not.toContain('cadre-x')
    expect(targets.villages.map((v) => v.id).sort()).toEqual(['vil-a', 'vil-b'])
    const report = await pub.ok('supervision.fileReport', { cadreId: 'cadre-a', villageId: 'vil-a', text: '张伟周三上午不在村' })
    expect(report).toMatchObject({ cadreName: '张伟', villageName: '乌兰木伦嘎查' })
    const before = await count('reports')
    expect((await pub.call('supervision.fileReport', { cadreId: 'cadre-x', villageId: null, text: '外镇' }, requestId())).body).toMatchObject({ error: { code: 'NOT_FOUND' } })
    expect(await count('reports')).toBe(before)
    expect((await (await h.as('villager-a1')).call('supervision.reportTargets', {})).body).toMatchObject({ error: { code: 'AUTH.FORBIDDEN' } })
  })
})

describe('household assignment (包户)', () => {
  it('moves a household to another resident cadre; the coverage check and the roster follow', async () => {
    const office = await h.as('office-1')
    const load = async (name: string) => (await office.ok('roster.coverage', {})).findings.find((f) => f.code === 'COVERAGE.CADRE_LOAD_OUT_OF_RANGE' && f.subjectName === name)?.message ?? ''
    expect(await load('张伟')).toContain('2')
    const id = requestId()
    const out = await office.ok('roster.assignHousehold', { householdId: 'hh-a2', cadreId: 'cadre-b' }, id)
    expect(await office.ok('roster.assignHousehold', { householdId: 'hh-a2', cadreId: 'cadre-b' }, id)).toEqual(out)
    expect(await load('张伟')).toContain('1')
    expect(await load('刘芳')).toContain('2')
    const row = (await office.ok('office.households', { query: '002' })).find((r) => r.id === 'hh-a2')
    expect(row).toMatchObject({ cadreId: 'cadre-b', cadreName: '刘芳' })
    // Unassigned: the coverage check names the household.
    await office.ok('roster.assignHousehold', { householdId: 'hh-a2', cadreId: null })
    expect((await office.ok('roster.coverage', {})).findings.map((f) => f.code)).toContain('COVERAGE.HOUSEHOLD_UNASSIGNED')
    await office.ok('roster.assignHousehold', { householdId: 'hh-a2', cadreId: 'cadre-a' })
  })

  it("is refused to cadres, to another township's office, and to a non-resident cadre", async () => {
    expect((await (await h.as('cadre-a')).call('roster.assignHousehold', { householdId: 'hh-a1', cadreId: 'cadre-b' }, requestId())).body).toMatchObject({ error: { code: 'AUTH.FORBIDDEN' } })
    expect((await (await h.as('office-x')).call('roster.assignHousehold', { householdId: 'hh-a1', cadreId: 'cadre-x' }, requestId())).body).toMatchObject({ error: { code: 'AUTH.FORBIDDEN' } })
    expect((await (await h.as('office-1')).call('roster.assignHousehold', { householdId: 'hh-a1', cadreId: 'office-1' }, requestId())).body).toMatchObject({ error: { code: 'ROSTER.NOT_RESIDENT_CADRE' } })
    expect((await h.server.deps.store.get('households', 'hh-a1'))?.cadreId).toBe('cadre-a')
  })
})

describe('joint meeting attendees from the roster', () => {
  it("offers the village's committee members with the secretary and the work team, and stores the chosen ids", async () => {
    let t = await (await h.as('villager-a1')).ok('ticket.create', { kind: 'problem', category: 'other', description: '村口路灯不亮' })
    const cadre = await h.as('cadre-a')
    t = await cadre.ok('ticket.act', { ticketId: t.id, action: 'accept', version: t.version })
    t = await cadre.ok('ticket.act', { ticketId: t.id, action: 'escalate_secretary', version: t.version, note: '需村里出资' })
    const secretary = await h.as('secretary-a')
    const desk = await secretary.ok('meeting.desk', {})
    expect(desk.attendeeCandidates.map((p) => p.id)).toEqual(['secretary-a', 'committee-a', 'leader-a', 'cadre-a'])
    const meeting = await secretary.ok('meeting.convene', { ticketIds: [t.id], topic: '路灯维修', note: '上会' })
    const recorded = await secretary.ok('meeting.record', { meetingId: meeting.id, version: meeting.version, attendeeIds: ['secretary-a', 'committee-a', 'cadre-a'], decisions: [{ ticketId: t.id, decision: '村集体出资维修', ownerId: 'cadre-a' }] })
    expect(recorded.attendees.map((p) => `${p.name}（${p.title}）`)).toEqual(['乌力吉（村党支部书记）', '萨仁（嘎查委员会委员）', '张伟（包户干部）'])
    expect((await h.server.deps.store.get('meetings', meeting.id))?.attendeeIds).toEqual(['secretary-a', 'committee-a', 'cadre-a'])
  })
})
