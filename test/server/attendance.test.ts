/**
 * Sign-in, leave, 543 and allowance through the real HTTP server: every sign-in stored with its
 * verdict, the photo consent and who may see the photo, leave approved by the team leader, and 543
 * across a week boundary with leave and with unsigned and disputed visits (which never count).
 */
import { jpegHeader, notAnImage, realPng } from './fixtures/images'
import { requestId, startHarness, type Harness } from './harness'

let h: Harness
const office = { lat: 39.6, lng: 109.8, datum: 'gcj02' as const }
beforeAll(async () => {
  h = await startHarness()
  await h.server.deps.store.insertMany('places', [
    { id: 'place-office', townshipId: 'ts-1', villageId: null, name: '镇政府', ...office, radiusM: 200 },
    { id: 'place-a', townshipId: 'ts-1', villageId: 'vil-a', name: '乌兰木伦嘎查签到点', lat: 39.7, lng: 109.9, radiusM: 300 },
  ])
})
afterAll(() => h.stop())

const photo = jpegHeader(1280, 960)
/** Moves the test clock to a local (UTC+8) wall-clock time. */
const setLocal = (date: string, hh: number, mm = 0) => {
  const target = Date.parse(`${date}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+08:00`)
  h.advance(target - h.now())
}

describe('sign-in (签到)', () => {
  it('asks for the one-time photo consent first', async () => {
    setLocal('2026-11-24', 8, 5)
    const r = await (await h.as('cadre-a')).call('signin.submit', { ...office, photo }, requestId())
    expect(r.body).toMatchObject({ ok: false, error: { code: 'SIGNIN.CONSENT_REQUIRED' } })
    expect(await h.server.deps.store.find('signins', { cadreId: 'cadre-a' })).toHaveLength(0)
    expect((await (await h.as('cadre-a')).ok('signin.today', {})).consentGiven).toBe(false)
    await (await h.as('cadre-a')).ok('signin.consent', {})
    expect((await (await h.as('cadre-a')).ok('signin.today', {})).consentGiven).toBe(true)
  })

  it('stores every attempt: valid inside geofence and window; too far, outside the window and slot taken keep their reason', async () => {
    const cadre = await h.as('cadre-a')
    setLocal('2026-11-24', 8, 5)
    const far = await cadre.ok('signin.submit', { lat: office.lat + 0.01, lng: office.lng, datum: 'gcj02', photo })
    expect(far).toMatchObject({ valid: false, invalidReason: 'TOO_FAR', placeName: null })
    expect(far.distanceM).toBeGreaterThan(1000)
    const ok = await cadre.ok('signin.submit', { ...office, photo })
    expect(ok).toMatchObject({ valid: true, invalidReason: null, slot: 'morning', placeName: '镇政府' })
    const twice = await cadre.ok('signin.submit', { ...office, photo })
    expect(twice).toMatchObject({ valid: false, invalidReason: 'SLOT_TAKEN' })
    setLocal('2026-11-24', 11, 0)
    expect(await cadre.ok('signin.submit', { ...office, photo })).toMatchObject({ valid: false, invalidReason: 'OUTSIDE_WINDOW' })
    const stored = await h.server.deps.store.find('signins', { cadreId: 'cadre-a' })
    expect(stored.map((s) => s.invalidReason).sort()).toEqual([null, 'OUTSIDE_WINDOW', 'SLOT_TAKEN', 'TOO_FAR'].sort())
    const today = await cadre.ok('signin.today', {})
    expect(today.slots.map((s) => [s.slot, s.state])).toEqual([['morning', 'signed'], ['afternoon', 'upcoming'], ['evening', 'upcoming']])
    expect(today.attempts).toHaveLength(4)
  })

  it('refuses coordinates out of range and photos that are not images, nothing stored', async () => {
    const cadre = await h.as('cadre-a')
    const before = (await h.server.deps.store.find('signins', {})).length
    for (const point of [{ lat: 95, lng: 100 }, { lat: 30, lng: -181 }]) {
      const r = await cadre.call('signin.submit', { ...point, datum: 'gcj02', photo }, requestId())
      expect(r.body).toMatchObject({ ok: false, error: { code: 'SIGNIN.BAD_COORDINATES', message: '定位信息有误，请打开定位后重新签到。' } })
    }
    const fake = await cadre.call('signin.submit', { ...office, photo: notAnImage }, requestId())
    expect(fake.body).toMatchObject({ ok: false, error: { code: 'IMAGE.NOT_AN_IMAGE' } })
    expect((await h.server.deps.store.find('signins', {})).length).toBe(before)
  })

  it('shows the photo to the supervision group and the township office only', async () => {
    const [s] = await h.server.deps.store.find('signins', { cadreId: 'cadre-a', valid: true })
    const id = s?.id ?? ''
    expect((await (await h.as('supervisor-1')).ok('signin.photo', { signInId: id })).mime).toBe('image/jpeg')
    expect((await (await h.as('office-1')).ok('signin.photo', { signInId: id })).imageBase64).toBe(photo)
    for (const who of ['cadre-a', 'cadre-b', 'villager-a1', 'secretary-a', 'office-x']) {
      expect((await (await h.as(who)).call('signin.photo', { signInId: id })).body).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
    }
  })

  it("lists the day's sign-ins of the township, with reasons, for the supervision group only", async () => {
    const list = await (await h.as('supervisor-1')).ok('signin.township', { date: '2026-11-24' })
    expect(list.map((s) => s.invalidReason).sort()).toEqual([null, 'OUTSIDE_WINDOW', 'SLOT_TAKEN', 'TOO_FAR'].sort())
    expect(list.every((s) => s.cadre.name === '张伟' && s.hasPhoto)).toBe(true)
    expect(await (await h.as('supervisor-1')).ok('signin.township', { date: '2026-11-25' })).toEqual([])
    for (const who of ['cadre-a', 'villager-a1', 'secretary-a']) {
      expect((await (await h.as(who)).call('signin.township', {})).body).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
    }
    expect((await (await h.as('office-x')).ok('signin.township', { date: '2026-11-24' }))).toEqual([])
  })

  it('a villager may not sign in', async () => {
    expect((await (await h.as('villager-a1')).call('signin.submit', { ...office, photo }, requestId())).body).toMatchObject({ error: { code: 'AUTH.FORBIDDEN' } })
  })
})

describe('543 across a week boundary, with leave and unsigned visits', () => {
  let signature: string
  beforeAll(async () => {
    signature = await realPng()
  })
  const visitAt = async (date: string, hour: number, fate: 'signed' | 'pending' | 'disputed') => {
    setLocal(date, hour)
    const v = await (await h.as('cadre-b')).ok('visit.create', { householdId: 'hh-b1', purpose: '走访' })
    h.advance(5 * 60_000)
    if (fate === 'signed') await (await h.as('villager-b1')).ok('visit.signOff', { visitId: v.id, signaturePng: signature })
    if (fate === 'disputed') await (await h.as('villager-b1')).ok('visit.dispute', { visitId: v.id, reason: '没来过' })
    return v
  }

  it('counts signed visits only, in the ISO week of their local date, requirement lowered by approved leave', async () => {
    // Leave Sat 28 Nov - Tue 1 Dec: two days in W48, two in W49.
    setLocal('2026-11-25', 9)
    const leave = await (await h.as('cadre-b')).ok('leave.request', { from: '2026-11-28', to: '2026-12-01', reason: '家中有事' })
    expect(leave).toMatchObject({ status: 'requested', days: 4 })
    // Only the team leader decides: not the cadre, not another team's cadre.
    for (const who of ['cadre-b', 'cadre-a']) {
      expect((await (await h.as(who)).call('leave.decide', { leaveId: leave.id, approve: true }, requestId())).body).toMatchObject({ error: { code: 'AUTH.FORBIDDEN' } })
    }
    const listed = await (await h.as('leader-a')).ok('leave.list', {})
    expect(listed.find((l) => l.id === leave.id)?.canDecide).toBe(true)
    expect(await (await h.as('leader-a')).ok('leave.decide', { leaveId: leave.id, approve: true })).toMatchObject({ status: 'approved', decidedByName: '赵海' })
    expect((await (await h.as('leader-a')).call('leave.decide', { leaveId: leave.id, approve: false }, requestId())).body).toMatchObject({ error: { code: 'LEAVE.ALREADY_DECIDED' } })

    await visitAt('2026-11-26', 10, 'signed') // Thu, W48
    await visitAt('2026-11-29', 22, 'signed') // Sun 22:00 local (14:00 UTC), still W48
    await visitAt('2026-11-30', 10, 'signed') // Mon, W49
    await visitAt('2026-11-30', 15, 'pending') // never signed: does not count
    await visitAt('2026-12-02', 10, 'disputed') // disputed: does not count
    setLocal('2026-12-03', 12)

    const cadre = await h.as('cadre-b')
    const w48 = await cadre.ok('attendance.week', { weekKey: '2026-W48' })
    expect(w48).toMatchObject({ villageDays: 2, workDays: 2, leaveDays: 2, required: { workDays: 3, nights: 2, villageDays: 1 } })
    expect(w48.days.village).toEqual(['2026-11-26', '2026-11-29'])
    expect(w48.met.villageDays).toBe(true)
    expect(w48.short).toEqual(['workDays', 'nights'])
    const w49 = await cadre.ok('attendance.week', {})
    expect(w49).toMatchObject({ weekKey: '2026-W49', villageDays: 1, leaveDays: 2, required: { villageDays: 1 } })
    expect(w49.days.village).toEqual(['2026-11-30'])

    // Allowance: 35 yuan per signed village day, by month.
    expect(await cadre.ok('allowance.ledger', { month: '2026-11' })).toMatchObject({ villageDays: ['2026-11-26', '2026-11-29', '2026-11-30'], yuan: 105, yuanPerDay: 35 })
    expect(await cadre.ok('allowance.ledger', {})).toMatchObject({ month: '2026-12', villageDays: [], yuan: 0 })
  })

  it("the team leader sees the team and who is short; others may not read a cadre's week", async () => {
    const team = await (await h.as('leader-a')).ok('attendance.team', { weekKey: '2026-W49' })
    const names = team.teams.map((t) => t.name)
    expect(names).toEqual(['巴音敖包嘎查驻村工作组', '乌兰木伦嘎查驻村工作组'].sort((a, b) => a.localeCompare(b)))
    const b = team.teams.find((t) => t.id === 'team-b')
    expect(b?.rows[0]).toMatchObject({ cadre: { id: 'cadre-b' }, compliant: false })
    expect(b?.shortCount).toBe(1)
    expect((await (await h.as('leader-a')).ok('attendance.week', { cadreId: 'cadre-b', weekKey: '2026-W49' })).villageDays).toBe(1)
    for (const who of ['cadre-a', 'villager-b1', 'office-x']) {
      expect((await (await h.as(who)).call('attendance.week', { cadreId: 'cadre-b' })).body).toMatchObject({ ok: false })
      expect((await (await h.as(who)).call('allowance.ledger', { cadreId: 'cadre-b' })).body).toMatchObject({ ok: false })
    }
    expect((await (await h.as('cadre-a')).call('attendance.team', {})).body).toMatchObject({ error: { code: 'AUTH.FORBIDDEN' } })
    expect((await (await h.as('cadre-b')).call('attendance.week', { weekKey: '2026-W60' })).body).toMatchObject({ error: { code: 'PERIOD.BAD_KEY' } })
  })

  it('refuses a leave ending before it starts', async () => {
    const r = await (await h.as('cadre-b')).call('leave.request', { from: '2026-12-05', to: '2026-12-04', reason: '事假' }, requestId())
    expect(r.body).toMatchObject({ ok: false, error: { code: 'LEAVE.BAD_RANGE' } })
  })
})
