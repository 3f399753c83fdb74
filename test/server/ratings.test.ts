/**
 * 1135 end to end through the API: the worked example (bands 80 / 90 / 70 and 4.2 stars -> 80), a
 * band below its minimum shown as insufficient, one rating per household per period (changeable
 * until the period closes), the township's no-contact marks, and anonymity: every response a cadre
 * can receive is checked for any rater's identity.
 */
import { actions, type ActionName, type InputOf } from '../../src/contracts'
import type { Person } from '../../src/core/model'
import { DEFAULT_SETTINGS } from '../../src/core/settings'
import { realPng } from './fixtures/images'
import { requestId, startHarness, type Harness } from './harness'

let h: Harness
const person = (id: string, over: Partial<Person>): Person => ({
  id, townshipId: 'ts-1', name: id, phone: '13800000000', roles: ['villager'], householdId: null, villageId: null,
  duty: null, title: '', photoUrl: null, hasPhone: true, ...over,
})
// Raters whose names and ids appear nowhere but in their ratings.
const HOUSEHOLDS = ['hh-r1', 'hh-r2', 'hh-r3', 'hh-r4', 'hh-r5']
const VILLAGE_RATERS = HOUSEHOLDS.map((hh, i) => person(`rater-v${i + 1}`, { name: `评分村民${i + 1}`, householdId: hh, villageId: 'vil-a' }))
const PEERS = ['rater-p1', 'rater-p2', 'rater-p3', 'rater-p4'].map((id, i) => person(id, { name: `同事干部${i + 1}`, roles: ['cadre'], duty: 'resident' }))
const COMMITTEE = ['rater-c1', 'rater-c2', 'rater-c3', 'rater-c4'].map((id, i) => person(id, { name: `村两委${i + 1}`, roles: ['committee'], villageId: 'vil-a' }))
const RATERS = [...VILLAGE_RATERS, ...PEERS, ...COMMITTEE]

beforeAll(async () => {
  // The worked example's small bands: minimums 1/3/3/5 and the renormalize rule (the defaults,
  // 5 in every band and withhold, are tested through the API in rules-score.test.ts).
  h = await startHarness({
    settings: { ...DEFAULT_SETTINGS, evaluation: { ...DEFAULT_SETTINGS.evaluation, minRaters: { leaders: 1, peers: 3, committees: 3, villagers: 5 }, insufficientRule: 'renormalize' } },
  })
  const store = h.server.deps.store
  await store.insertMany('households', HOUSEHOLDS.map((id, i) => ({
    id, townshipId: 'ts-1', villageId: 'vil-a', groupId: 'grp-a1', number: String(101 + i), headName: `户主${i + 1}`, address: '', cadreId: 'cadre-a',
  })))
  await store.insertMany('people', RATERS)
})
afterAll(() => h.stop())

const dims = (n: number) => ({ attitude: n, effectiveness: n, presence: n })
const rate = async (raterId: string, band: 'leaders' | 'peers' | 'committees' | 'villagers', stars: number, extra: Record<string, unknown> = {}) =>
  (await h.as(raterId)).call('rating.submit', { cadreId: 'cadre-a', band, dimensions: dims(stars), comment: `来自${band}的意见${stars}`, ...extra }, requestId())

describe('the worked example', () => {
  it('bands 80 (leaders), 90 (peers), 70 (committees), 4.2 stars (villagers = 84) give 80', async () => {
    // The office's dashboard of the month, read before the ratings: its kept figures follow them.
    const dashboardScore = async () => (await (await h.as('office-1')).ok('office.dashboard', { period: '2026-11' })).cadres.find((c) => c.cadreId === 'cadre-a')?.score
    expect(await dashboardScore()).toBeNull()
    expect((await rate('leader-a', 'leaders', 4)).body.ok).toBe(true)
    for (const [i, s] of [5, 5, 4, 4].entries()) expect((await rate(PEERS[i]!.id, 'peers', s)).body.ok).toBe(true)
    for (const [i, s] of [4, 4, 3, 3].entries()) expect((await rate(COMMITTEE[i]!.id, 'committees', s)).body.ok).toBe(true)
    for (const [i, s] of [5, 4, 4, 4, 4].entries()) expect((await rate(VILLAGE_RATERS[i]!.id, 'villagers', s)).body.ok).toBe(true)
    // The township's view has the figures; the rated cadre sees none while the month is open.
    const [row] = (await (await h.as('office-1')).ok('rating.township', { cadreId: 'cadre-a' })).cadres
    expect(row?.score.bands.leaders.points).toBe(80)
    expect(row?.score.bands.peers.points).toBe(90)
    expect(row?.score.bands.committees.points).toBe(70)
    expect(row?.score.bands.villagers).toMatchObject({ meanStars: 4.2, points: 84, raters: 5, sufficient: true })
    expect(row?.score.total).toBe(80)
    expect(row?.score.insufficientBands).toEqual([])
    expect(row?.ratings.filter((r) => r.comment !== '')).toHaveLength(14)
    const mine = await (await h.as('cadre-a')).ok('rating.myScore', {})
    expect(mine).toMatchObject({ period: '2026-11', closed: false, score: { total: null }, comments: [] })
    expect(mine.score.hiddenBands).toEqual(['leaders', 'peers', 'committees', 'villagers'])
    expect(await dashboardScore()).toBe(80)
  })

  it('a household changes its rating by replacing it (one per household per period, any member)', async () => {
    const r = await (await h.as('rater-v1')).ok('rating.form', {})
    expect(r.targets).toEqual([{ cadre: { id: 'cadre-a', name: '张伟', title: '包户干部' }, band: 'villagers', mine: { dimensions: dims(5), comment: '来自villagers的意见5', moderation: { status: 'pending', reason: null } } }])
    expect((await rate('rater-v1', 'villagers', 5, { dimensions: { attitude: 5, effectiveness: 4, presence: 3 } })).body.ok).toBe(true)
    const stored = await h.server.deps.store.find('ratings', { householdId: 'hh-r1', period: '2026-11' })
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({ stars: 4, dimensions: { attitude: 5, effectiveness: 4, presence: 3 } })
    // back to the example
    await rate('rater-v1', 'villagers', 5)
  })

  it('a band below its minimum raters is insufficient, and the total renormalizes over the others', async () => {
    const period = '2026-10'
    await rate('leader-a', 'leaders', 4, { period })
    for (const [i, s] of [5, 5, 4, 4].entries()) await rate(PEERS[i]!.id, 'peers', s, { period })
    for (const [i, s] of [4, 4, 3, 3].entries()) await rate(COMMITTEE[i]!.id, 'committees', s, { period })
    for (const [i, s] of [5, 4, 4, 4].entries()) await rate(VILLAGE_RATERS[i]!.id, 'villagers', s, { period })
    const [row] = (await (await h.as('office-1')).ok('rating.township', { cadreId: 'cadre-a', period })).cadres
    expect(row?.score.bands.villagers).toMatchObject({ raters: 4, sufficient: false, appliedWeight: 0 })
    expect(row?.score.insufficientBands).toEqual(['villagers'])
    expect(row?.score.total).toBe(76) // (10x80 + 10x90 + 30x70) / 50
  })
})

describe('refused ratings leave nothing written', () => {
  const count = async () => (await h.server.deps.store.find('ratings', {})).length
  it.each([
    ['six stars', 'rater-v2', 'villagers', { dimensions: dims(6) }, 'RATING.OUT_OF_RANGE'],
    ['zero stars', 'rater-v2', 'villagers', { dimensions: dims(0) }, 'RATING.OUT_OF_RANGE'],
    ['half stars', 'rater-v2', 'villagers', { dimensions: { attitude: 3.5, effectiveness: 4, presence: 4 } }, 'RATING.OUT_OF_RANGE'],
    ['a missing dimension', 'rater-v2', 'villagers', { dimensions: { attitude: 4 } }, 'RATING.DIMENSIONS'],
    ["another household's cadre", 'villager-b1', 'villagers', {}, 'RATING.NOT_YOUR_CADRE'],
    ['a villager in the leaders band', 'rater-v2', 'leaders', {}, 'RATING.WRONG_BAND'],
    ['a committee member of another village', 'secretary-b', 'committees', {}, 'RATING.WRONG_BAND'],
    ['a future period', 'rater-v2', 'villagers', { period: '2026-12' }, 'PERIOD.BAD_KEY'],
  ] as const)('%s', async (_name, who, band, extra, code) => {
    const before = await count()
    const r = await rate(who, band, 4, extra)
    expect(r.body).toMatchObject({ ok: false, error: { code } })
    expect(await count()).toBe(before)
  })

  it('a cadre never rates themselves', async () => {
    const r = await (await h.as('cadre-a')).call('rating.submit', { cadreId: 'cadre-a', band: 'peers', dimensions: dims(5) }, requestId())
    expect(r.body).toMatchObject({ ok: false, error: { code: 'RATING.SELF' } })
  })

  it('after the period closes, a second rating (a change) is refused and the first stays', async () => {
    await h.server.deps.store.insert('periods', { id: 'ts-1:2026-10', townshipId: 'ts-1', period: '2026-10', status: 'closed', closedAt: h.now(), closedById: 'office-1', digest: 'x', reopenings: [] })
    const before = await h.server.deps.store.find('ratings', { householdId: 'hh-r2', period: '2026-10' })
    const r = await rate('rater-v2', 'villagers', 1, { period: '2026-10' })
    expect(r.body).toMatchObject({ ok: false, error: { code: 'RATING.PERIOD_CLOSED', message: '这个月的评价已经结束，不能再评价或修改了。' } })
    expect(await h.server.deps.store.find('ratings', { householdId: 'hh-r2', period: '2026-10' })).toEqual(before)
    expect((await (await h.as('rater-v2')).ok('rating.form', {})).periods).toEqual(['2026-11'])
  })
})

describe('the township sees everything', () => {
  it('sees who rated, and marks ratings from households with no signed visit and no ticket in the period', async () => {
    const signature = await realPng()
    const v = await (await h.as('cadre-a')).ok('visit.create', { householdId: 'hh-r1', purpose: '走访' })
    await (await h.as('rater-v1')).ok('visit.signOff', { visitId: v.id, signaturePng: signature })
    await (await h.as('rater-v2')).ok('ticket.create', { kind: 'service', category: 'certificate', description: '开证明', answers: { certType: 'residence' } })
    const view = await (await h.as('office-1')).ok('rating.township', { cadreId: 'cadre-a' })
    const row = view.cadres[0]
    expect(row?.score.total).toBe(80)
    const villagers = row?.ratings.filter((r) => r.band === 'villagers') ?? []
    expect(villagers.map((r) => [r.rater.name, r.householdNumber, r.noContact])).toEqual([
      ['评分村民1', '101', false],
      ['评分村民2', '102', false],
      ['评分村民3', '103', true],
      ['评分村民4', '104', true],
      ['评分村民5', '105', true],
    ])
    expect(row?.noContactCount).toBe(3)
    for (const who of ['cadre-a', 'cadre-b', 'villager-a1', 'secretary-a']) {
      expect((await (await h.as(who)).call('rating.township', {})).body).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
    }
  })
})

describe('anonymity: no response a cadre can receive names a rater', () => {
  /** An input for every action in the contract, as cadre-a would send it. */
  const inputs = async (): Promise<{ [N in ActionName]?: InputOf<N> }> => {
    const [visit] = await h.server.deps.store.find('visits', { cadreId: 'cadre-a' })
    const [ticket] = await h.server.deps.store.find('tickets', { householdId: 'hh-r2' })
    const [rating] = await h.server.deps.store.find('ratings', { cadreId: 'cadre-a' })
    const [signIn] = await h.server.deps.store.find('signins', {})
    return {
      'me.get': {},
      'villager.myCadre': {},
      'cadre.setPhoto': { photoUrl: '/uploads/none-such-file.jpg' },
      'cadre.households': {},
      'roster.coverage': {},
      'roster.assignHousehold': { householdId: 'hh-r1', cadreId: 'cadre-a' },
      'ticket.create': { kind: 'problem', category: 'other', description: '问题', householdId: 'hh-r3' },
      'ticket.get': { ticketId: ticket?.id ?? 'none' },
      'ticket.list': {},
      'ticket.act': { ticketId: ticket?.id ?? 'none', action: 'accept', version: ticket?.version ?? 0 },
      'visit.create': { householdId: 'hh-r4', purpose: '走访' },
      'visit.list': {},
      'visit.get': { visitId: visit?.id ?? 'none' },
      'visit.waiting': {},
      'visit.signCode': { visitId: visit?.id ?? 'none' },
      'visit.signOff': { visitId: visit?.id ?? 'none', signaturePng: 'AAAA' },
      'visit.dispute': { visitId: visit?.id ?? 'none', reason: '不对' },
      'visit.toTicket': { visitId: visit?.id ?? 'none' },
      'signin.today': {},
      'signin.consent': {},
      'signin.submit': { lat: 39, lng: 109, datum: 'gcj02', photo: 'AAAA' },
      'signin.check': { lat: 39, lng: 109, datum: 'gcj02' },
      // first-screen
      'villager.home': {},
      'visit.plan': { householdId: 'hh-r1', date: '2026-12-03' },
      'signin.township': {},
      'signin.photo': { signInId: signIn?.id ?? rating?.id ?? 'none' },
      'leave.request': { from: '2026-11-30', to: '2026-11-30', reason: '事假' },
      'leave.decide': { leaveId: 'none', approve: true },
      'leave.list': {},
      'attendance.week': {},
      'attendance.team': {},
      'allowance.ledger': {},
      'rating.form': {},
      'rating.submit': { cadreId: 'cadre-b', band: 'peers', dimensions: dims(4) },
      'rating.myScore': {},
      'rating.township': {},
      // the ticket loop (issue 4)
      'ticket.categories': {},
      'ticket.similar': { category: 'other' },
      'ticket.follow': { ticketId: ticket?.id ?? 'none' },
      'ticket.callReporter': { ticketId: ticket?.id ?? 'none' },
      'ticket.inbox': {},
      'ticket.rates': { period: '2026-11' },
      'meeting.desk': {},
      'meeting.convene': { ticketIds: [ticket?.id ?? 'none'], topic: '议题', note: '说明' },
      'meeting.record': { meetingId: 'none', version: 1, attendeeIds: [], decisions: [] },
      'notification.list': {},
      'notification.readAll': {},
      'notification.subscribeTemplates': {},
      // the office and supervision group (issue 6): a cadre is refused, and the refusal names no one
      'office.closePeriod': { period: '2026-10' },
      'office.reopenPeriod': { period: '2026-10', reason: '更正' },
      'office.periods': {},
      'office.dashboard': { period: '2026-11' },
      'office.postingPreview': { period: '2026-10' },
      'office.results': { period: '2026-11' },
      'office.households': {},
      'office.updateHousehold': { householdId: 'hh-r1', address: '一社' },
      'office.updatePerson': { personId: 'cadre-a', title: '干部' },
      'office.reveal': { subjectId: 'hh-r1', field: 'phone' },
      'office.revealLog': {},
      'office.postNotice': { villageId: null, title: '通知', body: '内容' },
      'office.notices': {},
      'supervision.dashboard': { month: '2026-11' },
      'supervision.planCheck': { date: '2026-11-30', villageId: null, note: '暗访' },
      'supervision.recordCheck': { checkId: 'none', outcome: 'ok', cadreId: null, note: '正常' },
      'supervision.verifyPresence': { cadreId: 'cadre-a', villageId: 'vil-a', method: 'phone', present: true, note: '电话核实' },
      'supervision.reports': {},
      'supervision.resolveReport': { reportId: 'none', upheld: false, note: '不属实' },
      'supervision.fileReport': { cadreId: null, villageId: null, text: '反映情况' },
      'supervision.findings': { cadreId: 'cadre-a' },
      'posting.months': {},
      'posting.get': { period: '2026-10' },
      'cadre.selfReview': { period: '2026-11', text: '本月工作' },
      'cadre.record': { cadreId: 'cadre-a' },
      'team.findings': {},
      'notices.forMe': {},
      'binding.members': { householdId: 'hh-r1' },
      'binding.invite': { personId: 'rater-v1' },
      'binding.accept': { token: 'none-token-0000' },
      'binding.byPhone': { code: 'none' },
      'binding.unbind': { personId: 'rater-v1', reason: '换手机' },
      'binding.household': {},
      'binding.audit': {},
      // the cadre's record (档案)
      'records.cadres': {},
      'records.addNote': { cadreId: 'cadre-a', period: '2026-10', text: '备注' },
      'supervision.reportTargets': {},
      // identity-hardening: cloud uploads (refused locally)
      'upload.register': { fileId: 'cloud://env/tickets/photos/x.jpg', kind: 'photo', bytes: 1000 },
      // office-files: cloud files (refused locally)
      'file.urls': { fileIds: ['cloud://env/u/x/p.jpg'] },
      'office.importFile': { fileId: 'cloud://env/u/x/r.xlsx', fileName: 'r.xlsx' },
      'office.exportFile': { kind: 'tickets', period: '2026-11' },
      // the Mongolian font's URL (cloud only; null here)
      'locale.fontUrl': {},
      // identity off the demo (issue 10 items 4, 5)
      'auth.mode': {},
      'auth.logout': {},
      'login.qrConfirm': { code: 'none-code-0000' },
      'login.qrDetails': { code: 'none-code-0000' },
      'setup.claim': { code: 'NONE-CODE-0000', name: '某人', phone: '13900000000' },
      'office.places': {},
      'office.addVillage': { name: '新村' },
      'office.addGroup': { villageId: 'vil-a', name: '新组' },
      'office.savePlace': { name: '地点', villageId: null, lat: 39, lng: 109, radiusM: 100 },
      // the villagers' voice (issue 13)
      'ticket.revealReporter': { ticketId: ticket?.id ?? 'none', reason: '核查冒名反映' },
      'ticket.publicView': { ticketId: ticket?.id ?? 'none' },
      'moderation.queue': {},
      'moderation.decide': { moderationId: 'none', approve: true },
      'callback.list': {},
      'callback.record': { callBackId: 'none', outcome: 'satisfied', note: '' },
      // images: the office's photo queue
      'photo.queue': {},
      'photo.decide': { checkId: 'none', approve: true },
    }
  }

  it('covers every action, for both periods: no rating id, and no rater id, name or household beyond what the same call shows with no ratings at all', async () => {
    const all = await inputs()
    const all_ = Object.keys(actions).filter((n) => !actions[n as ActionName].localOnly) as ActionName[]
    // A new action must be added here, so this check keeps covering everything a cadre can call.
    expect(all_.filter((n) => !(n in all))).toEqual([])
    // Logout answers null, and would end the session the sweep calls with.
    const names = all_.filter((n) => n !== 'auth.logout')
    const store = h.server.deps.store
    const ratings = await store.find('ratings', {})
    const identities = [...RATERS.flatMap((p) => [p.id, p.name]), ...HOUSEHOLDS, 'leader-a', '赵海']
    const cadre = await h.as('cadre-a')
    /** Every response cadre-a gets, per action and period, as the identities it contains. */
    const sweep = async () => {
      const seen = new Map<string, { body: string; found: Set<string> }>()
      for (const name of names) {
        for (const period of ['2026-11', '2026-10']) {
          const input = { ...(all[name] as object), ...(name.startsWith('rating.') && name !== 'rating.submit' ? { period } : {}) }
          const r = await cadre.call(name, input as InputOf<typeof name>, requestId())
          const body = JSON.stringify(r.body)
          seen.set(`${name} ${period}`, { body, found: new Set(identities.filter((s) => body.includes(s))) })
        }
      }
      return seen
    }
    // Baseline: the same calls in a township where no one has rated yet (peers a cadre may rate,
    // households they cover and people who signed their visits are theirs to see).
    for (const r of ratings) await store.remove('ratings', r.id)
    const baseline = await sweep()
    await store.insertMany('ratings', ratings)
    const rated = await sweep()
    const leaks: string[] = []
    for (const [key, { body, found }] of rated) {
      for (const id of found) if (!baseline.get(key)?.found.has(id)) leaks.push(`${key}: ${id}`)
      for (const r of ratings) if (body.includes(r.id)) leaks.push(`${key}: rating ${r.id}`)
      if (body.includes('raterId')) leaks.push(`${key}: rater field`)
    }
    expect(leaks).toEqual([])
    // The sweep read the cadre's own scores: the open month shows nothing, the closed one only counts
    // (every band of 2026-10 has fewer than k = 5 raters).
    expect(rated.get('rating.myScore 2026-11')?.body).toContain('"closed":false')
    expect(rated.get('rating.myScore 2026-11')?.body).not.toContain('来自')
    expect(rated.get('rating.myScore 2026-10')?.body).toContain('"closed":true')
    expect(rated.get('rating.myScore 2026-10')?.body).not.toContain('来自')
  })

  // Issue 10 item 7: polling one's own figures around one household's rating gave its exact stars.
  it("one household's rating changes no answer the rated cadre can get (every read of the contract, both periods)", async () => {
    const all = await inputs()
    const store = h.server.deps.store
    await store.insert('households', { id: 'hh-r6', townshipId: 'ts-1', villageId: 'vil-a', groupId: 'grp-a1', number: '106', headName: '户主6', address: '', cadreId: 'cadre-a' })
    await store.insert('people', person('rater-v6', { name: '评分村民6', householdId: 'hh-r6', villageId: 'vil-a' }))
    const reads = (Object.keys(actions) as ActionName[]).filter((n) => !actions[n].localOnly && !actions[n].write)
    const cadre = await h.as('cadre-a')
    const answers = async () => {
      const out: Record<string, unknown> = {}
      for (const name of reads) {
        for (const period of ['2026-11', '2026-10']) {
          const input = { ...(all[name] as object), ...(name.startsWith('rating.') || name === 'office.dashboard' ? { period } : {}) }
          out[`${name} ${period}`] = (await cadre.call(name, input as InputOf<typeof name>)).body
        }
      }
      return out
    }
    const before = await answers()
    expect((await (await h.as('rater-v6')).call('rating.submit', { cadreId: 'cadre-a', band: 'villagers', dimensions: dims(1), comment: '很不满意' }, requestId())).body.ok).toBe(true)
    expect(await store.count('ratings', { householdId: 'hh-r6' })).toBe(1)
    const after = await answers()
    expect(after).toEqual(before)
    expect(JSON.stringify(after)).not.toContain('很不满意')
  })

  it('a closed month shows a band only from k raters on, never the stars of a comment; the record the same', async () => {
    // 2026-10 is closed (above) with 4 villager raters: below k = 5, so hidden, and so is the total.
    const mine = await (await h.as('cadre-a')).ok('rating.myScore', { period: '2026-10' })
    expect(mine).toMatchObject({ closed: true, minRatersShown: 5, score: { total: null } })
    expect(mine.score.bands.villagers).toMatchObject({ raters: 4, points: null, meanStars: null })
    expect(mine.score.hiddenBands).toEqual(['leaders', 'peers', 'committees', 'villagers'])
    // With k = 4 (a setting), the 4-rater bands are shown, their comments without stars.
    const k4 = await startHarness({ settings: { ...DEFAULT_SETTINGS, anonymity: { minRatersShown: 4 } } })
    try {
      const s = k4.server.deps.store
      await s.insertMany('households', HOUSEHOLDS.map((id, i) => ({ id, townshipId: 'ts-1', villageId: 'vil-a', groupId: 'grp-a1', number: String(101 + i), headName: `户主${i + 1}`, address: '', cadreId: 'cadre-a' })))
      await s.insertMany('people', RATERS)
      for (const [i, st] of [5, 4, 4, 4].entries()) {
        await (await k4.as(VILLAGE_RATERS[i]!.id)).ok('rating.submit', { cadreId: 'cadre-a', band: 'villagers', dimensions: dims(st), comment: `意见${i}`, period: '2026-10' })
      }
      await s.insert('periods', { id: 'ts-1:2026-10', townshipId: 'ts-1', period: '2026-10', status: 'closed', closedAt: k4.now(), closedById: 'office-1', digest: 'x', reopenings: [] })
      const shown = await (await k4.as('cadre-a')).ok('rating.myScore', {})
      expect(shown.period).toBe('2026-10')
      expect(shown.score.hiddenBands).toEqual(['leaders', 'peers', 'committees'])
      expect(shown.score.bands.villagers).toMatchObject({ raters: 4, meanStars: 4.25, points: 85 })
      expect(shown.comments).toEqual([0, 1, 2, 3].map((i) => ({ band: 'villagers', comment: `意见${i}` })))
      expect(JSON.stringify(shown.comments)).not.toContain('stars')
    } finally {
      await k4.stop()
    }
  })
})
