/**
 * Tests of the 543 rule for one cadre in ISO week 2026-W47 (Mon 16 - Sun 22 November 2026):
 * >= 5 work days, >= 4 nights, >= 3 village days, lowered by approved leave.
 * One rule: only valid sign-ins and villager-signed visits count.
 */
import { leaveDates, validateLeaveRange, villageDaysInRange, weekly543 } from '../../src/core/attendance'
import type { SignIn, Visit } from '../../src/core/model'
import { at, makeLeave, makeVisit, settings, signedVisit, validSignIn } from './factories'

const s = settings()
const WEEK = '2026-W47'
const weekdays = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20']

/** Five mornings at the office, four evenings, three signed village visits. */
const fullWeek = (): { signIns: SignIn[]; visits: Visit[] } => ({
  signIns: [
    ...weekdays.map((d) => validSignIn(`${d} 08:05`, 'morning')),
    ...weekdays.slice(0, 4).map((d) => validSignIn(`${d} 19:35`, 'evening')),
  ],
  visits: ['2026-11-17', '2026-11-18', '2026-11-19'].map((d) => signedVisit(`${d} 10:00`)),
})

const run = (signIns: SignIn[], visits: Visit[], leaves = [] as ReturnType<typeof makeLeave>[]) =>
  weekly543({ weekKey: WEEK, signIns, visits, leaves, settings: s })

describe('weekly543', () => {
  it('finds a week of 5 work days, 4 nights and 3 village days compliant', () => {
    const { signIns, visits } = fullWeek()
    const r = run(signIns, visits)
    expect(r).toMatchObject({
      weekKey: WEEK,
      workDays: 5,
      nights: 4,
      villageDays: 3,
      leaveDays: 0,
      required: { workDays: 5, nights: 4, villageDays: 3 },
      met: { workDays: true, nights: true, villageDays: true },
      compliant: true,
    })
    expect(r.days.village).toEqual(['2026-11-17', '2026-11-18', '2026-11-19'])
  })

  it('is not compliant with only 4 work days', () => {
    const { signIns, visits } = fullWeek()
    const r = run(
      signIns.filter((x) => !x.id.includes('2026-11-20')),
      visits,
    )
    expect(r.workDays).toBe(4)
    expect(r.met.workDays).toBe(false)
    expect(r.compliant).toBe(false)
  })

  it('counts an afternoon sign-in as a work day, and two sign-ins on one day once', () => {
    const r = run([validSignIn('2026-11-16 08:00', 'morning'), validSignIn('2026-11-16 14:30', 'afternoon'), validSignIn('2026-11-17 14:40', 'afternoon')], [])
    expect(r.workDays).toBe(2)
    expect(r.days.work).toEqual(['2026-11-16', '2026-11-17'])
  })

  it('does not count an evening sign-in as a work day', () => {
    const r = run([validSignIn('2026-11-16 19:30', 'evening')], [])
    expect(r).toMatchObject({ workDays: 0, nights: 1 })
  })

  it('ignores invalid sign-ins', () => {
    const r = run([validSignIn('2026-11-16 08:00', 'morning', { valid: false, invalidReason: 'TOO_FAR' })], [])
    expect(r.workDays).toBe(0)
  })

  it('counts a signed visit as a work day and a village day', () => {
    const r = run([], [signedVisit('2026-11-18 15:00')])
    expect(r).toMatchObject({ workDays: 1, villageDays: 1, nights: 0 })
  })

  it('counts a signed overnight visit as a night', () => {
    const r = run([], [signedVisit('2026-11-18 20:00', { overnight: true })])
    expect(r.nights).toBe(1)
    expect(r.days.nights).toEqual(['2026-11-18'])
  })

  it('never counts an unsigned or disputed visit, overnight or not', () => {
    const r = run(
      [],
      [
        makeVisit({ id: 'a', at: at('2026-11-17 10:00'), status: 'pending', overnight: true }),
        makeVisit({ id: 'b', at: at('2026-11-18 10:00'), status: 'disputed', overnight: true, disputeReason: '没来' }),
      ],
    )
    expect(r).toMatchObject({ workDays: 0, nights: 0, villageDays: 0 })
  })

  it('counts two signed visits on one day as one village day', () => {
    const r = run([], [signedVisit('2026-11-18 09:00'), signedVisit('2026-11-18 16:00')])
    expect(r.villageDays).toBe(1)
  })

  it('uses township days for the week boundary', () => {
    const r = run(
      [validSignIn('2026-11-15 19:40', 'evening'), validSignIn('2026-11-23 08:00', 'morning'), validSignIn('2026-11-22 19:40', 'evening')],
      [signedVisit('2026-11-16 00:30'), signedVisit('2026-11-22 23:50'), signedVisit('2026-11-23 00:10')],
    )
    expect(r.days.nights).toEqual(['2026-11-22'])
    expect(r.days.village).toEqual(['2026-11-16', '2026-11-22'])
  })

  it('lowers each requirement by the approved leave days in the week', () => {
    const { signIns, visits } = fullWeek()
    const leave = makeLeave({ from: '2026-11-19', to: '2026-11-20' })
    const r = run(
      signIns.filter((x) => !x.id.includes('2026-11-19') && !x.id.includes('2026-11-20')),
      visits.filter((v) => !v.id.includes('2026-11-19')),
      [leave],
    )
    expect(r.leaveDays).toBe(2)
    expect(r.required).toEqual({ workDays: 3, nights: 2, villageDays: 1 })
    expect(r).toMatchObject({ workDays: 3, nights: 3, villageDays: 2, compliant: true })
  })

  it('counts only the leave days that fall inside the week', () => {
    const r = run([], [], [makeLeave({ from: '2026-11-13', to: '2026-11-17' })])
    expect(r.leaveDays).toBe(2)
    expect(r.days.leave).toEqual(['2026-11-16', '2026-11-17'])
  })

  it('never lowers a requirement below zero', () => {
    const r = run([], [], [makeLeave({ from: '2026-11-16', to: '2026-11-22' })])
    expect(r.required).toEqual({ workDays: 0, nights: 0, villageDays: 0 })
    expect(r.compliant).toBe(true)
  })

  it.each(['requested', 'declined'] as const)('ignores %s leave', (status) => {
    const r = run([], [], [makeLeave({ status })])
    expect(r.leaveDays).toBe(0)
    expect(r.required).toEqual({ workDays: 5, nights: 4, villageDays: 3 })
  })

  it('counts overlapping leaves once per day', () => {
    const r = run([], [], [makeLeave({ id: 'a', from: '2026-11-16', to: '2026-11-17' }), makeLeave({ id: 'b', from: '2026-11-17', to: '2026-11-18' })])
    expect(r.leaveDays).toBe(3)
  })

  it("ignores another cadre's records when a cadreId is given", () => {
    const r = weekly543({
      weekKey: WEEK,
      cadreId: 'c1',
      signIns: [validSignIn('2026-11-16 08:00', 'morning', { cadreId: 'c2' })],
      visits: [signedVisit('2026-11-16 10:00', { cadreId: 'c2' })],
      leaves: [makeLeave({ cadreId: 'c2' })],
      settings: s,
    })
    expect(r).toMatchObject({ workDays: 0, villageDays: 0, leaveDays: 0 })
  })

  it('reads the requirement from settings', () => {
    const lenient = settings({ rule543: { workDays: 1, nights: 0, villageDays: 1 } })
    const r = weekly543({ weekKey: WEEK, signIns: [], visits: [signedVisit('2026-11-18 10:00')], leaves: [], settings: lenient })
    expect(r.compliant).toBe(true)
  })
})

describe('leaveDates', () => {
  it('lists every date of a leave, both ends included', () => {
    expect(leaveDates({ from: '2026-11-30', to: '2026-12-02' })).toEqual(['2026-11-30', '2026-12-01', '2026-12-02'])
  })
})

describe('villageDaysInRange', () => {
  it('lists the distinct days with a signed visit, sorted, start inclusive and end exclusive', () => {
    const visits = [
      signedVisit('2026-11-18 16:00'),
      signedVisit('2026-11-01 00:00'),
      signedVisit('2026-11-18 09:00'),
      makeVisit({ at: at('2026-11-19 10:00'), status: 'pending' }),
      signedVisit('2026-12-01 00:00'),
    ]
    expect(villageDaysInRange(visits, at('2026-11-01 00:00'), at('2026-12-01 00:00'), s)).toEqual(['2026-11-01', '2026-11-18'])
  })
})

describe('leave requests (请销假)', () => {
  const s = settings()
  it('a leave of up to the setting (30 days) is accepted', () => {
    expect(validateLeaveRange('2026-11-01', '2026-11-30', s)).toEqual({ ok: true })
  })

  it('a leave longer than the setting is refused', () => {
    expect(validateLeaveRange('2026-11-01', '2026-12-01', s)).toEqual({ ok: false, code: 'LEAVE.BAD_RANGE' })
  })

  it('the leave limit is a setting', () => {
    expect(validateLeaveRange('2026-11-01', '2026-12-01', settings({ leave: { maxDays: 31 } }))).toEqual({ ok: true })
  })

  it('a leave ending before it starts, or on a date that does not exist, is refused', () => {
    expect(validateLeaveRange('2026-11-05', '2026-11-04', s).ok).toBe(false)
    expect(validateLeaveRange('2026-02-30', '2026-03-02', s).ok).toBe(false)
  })
})
