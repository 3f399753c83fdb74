/**
 * The month-end close: per cadre weekly 543 over the month's full ISO weeks, signed village days
 * and the 35-yuan allowance, absences, the 1135 score, and anonymous 三点评 comments, all counted
 * over the cadres' day facts (made here from records by cadreDayFacts, as the server keeps them);
 * the result and the canonical inputs do not depend on the order facts arrive in.
 */
import { cadreDayFacts, type DayRecords } from '../../src/core/attendance'
import { canonicalCloseInputs, canonicalJson, closeMonth, closeReadDays, closeReadRange, postingRows, weeksOfRange, type CloseInputs } from '../../src/core/close'
import { periodRange } from '../../src/core/time'
import { at, bandRatings, makeCadre, makeLeave, makeRating, settings, signedVisit, validSignIn } from './factories'

const s = settings()

const records = (): DayRecords => ({
  signIns: [
    validSignIn('2026-11-02 08:01', 'morning'),
    validSignIn('2026-11-02 19:35', 'evening'),
    { ...validSignIn('2026-11-03 11:00', null), valid: false },
    validSignIn('2026-10-30 08:00', 'morning'), // October: outside the month, inside week 2026-W44
  ],
  visits: [signedVisit('2026-11-03 10:00'), signedVisit('2026-11-04 10:00'), { ...signedVisit('2026-11-05 10:00'), status: 'pending' }],
  leaves: [makeLeave({ from: '2026-11-09', to: '2026-11-10' })],
})

const daysOf = (r: DayRecords) => cadreDayFacts('t1', r, s, closeReadDays('2026-11', s))

const inputs = (over: Partial<CloseInputs> = {}): CloseInputs => ({
  period: '2026-11',
  cadres: [makeCadre({ id: 'c1', name: '李干部' }), makeCadre({ id: 'c2', name: '王干部' }), makeCadre({ id: 'o1', name: '办公室', duty: 'office' })],
  teams: [{ id: 'team1', villageId: 'v1', memberIds: ['c2', 'c1'] }],
  households: [{ id: 'h1', cadreId: 'c1', villageId: 'v1' }],
  days: daysOf(records()),
  ratings: [
    ...bandRatings('villagers', [5, 4, 4, 4, 4], { comment: '常来' }),
    ...bandRatings('peers', [4, 5, 4], { comment: '踏实' }),
    makeRating({ id: 'old', period: '2026-10', band: 'peers', raterId: 'x', householdId: null, comment: '上个月' }),
  ],
  tickets: [],
  selfReviews: [{ id: 'c1:2026-11', cadreId: 'c1', period: '2026-11', text: '本月下村不够' }],
  settings: s,
  ...over,
})

describe('closeMonth', () => {
  const result = closeMonth(inputs())
  const c1 = result.cadres.find((c) => c.cadreId === 'c1')!

  it('gives one row per resident cadre, sorted by id, office cadres left out', () => {
    expect(result.cadres.map((c) => c.cadreId)).toEqual(['c1', 'c2'])
  })

  it('reads the ISO weeks touching November 2026 (W44 starts in October, W49 ends in December) and posts those whose Thursday is in November', () => {
    expect(weeksOfRange(periodRange('2026-11', s), s)).toEqual(['2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48', '2026-W49'])
    expect(c1.weeks.map((w) => w.weekKey)).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48'])
    const range = closeReadRange('2026-11', s)
    expect(range.start).toBe(at('2026-10-26 00:00'))
    expect(range.end).toBe(at('2026-12-07 00:00'))
    expect(closeReadDays('2026-11', s)).toEqual({ from: '2026-10-26', to: '2026-12-06' })
  })

  it('counts only signed visits as village days: 2 days, 70 yuan at 35 yuan a day', () => {
    expect(c1.villageDays).toEqual(['2026-11-03', '2026-11-04'])
    expect(c1.allowanceYuan).toBe(70)
  })

  it('lists valid sign-ins of the month with their times and counts the invalid one', () => {
    expect(c1.signIns.valid).toBe(2)
    expect(c1.signIns.invalid).toBe(1)
    expect(c1.signIns.times).toEqual([
      { date: '2026-11-02', slot: 'morning', time: '08:01' },
      { date: '2026-11-02', slot: 'evening', time: '19:35' },
    ])
  })

  it('marks Mon-Fri without a work day and without leave as absences (21 weekdays - 3 worked - 2 leave = 16)', () => {
    expect(c1.leaveDays).toEqual(['2026-11-09', '2026-11-10'])
    expect(c1.absences).toHaveLength(16)
    expect(c1.absences).not.toContain('2026-11-02')
    expect(c1.absences).not.toContain('2026-11-09')
  })

  it('lowers the week with 2 leave days to 3 / 2 / 1', () => {
    expect(c1.weeks.find((w) => w.weekKey === '2026-W46')?.required).toEqual({ workDays: 3, nights: 2, villageDays: 1 })
  })

  it("scores the month's ratings only and attaches comments without raters, sorted", () => {
    expect(c1.score.bands.villagers.meanStars).toBe(4.2)
    expect(c1.score.bands.peers.raters).toBe(3)
    expect(c1.reviews).toEqual({ self: '本月下村不够', peers: ['踏实', '踏实', '踏实'], mass: ['常来', '常来', '常来', '常来', '常来'] })
    expect(JSON.stringify(postingRows(result))).not.toMatch(/rater|householdId|score/)
  })

  it('gives the same result and the same canonical inputs whatever the order of records', () => {
    const a = inputs()
    const b = inputs({ days: [...a.days].reverse(), ratings: [...a.ratings].reverse(), cadres: [...a.cadres].reverse() })
    expect(closeMonth(b)).toEqual(closeMonth(a))
    expect(canonicalCloseInputs(b)).toBe(canonicalCloseInputs(a))
  })

  it('writes day facts and ratings as rows of their declared columns', () => {
    const text = JSON.parse(canonicalCloseInputs(inputs())) as { days: { columns: string[]; rows: unknown[][] }; ratings: { columns: string[]; rows: unknown[][] } }
    expect(text.days.columns.slice(0, 3)).toEqual(['cadreId', 'date', 'morning'])
    expect(text.days.rows[0].slice(0, 3)).toEqual(['c1', '2026-10-30', 1])
    expect(text.ratings.rows).toHaveLength(inputs().ratings.length)
    // The text is canonical JSON of itself: keys sorted at every level.
    expect(canonicalJson(text)).toBe(canonicalCloseInputs(inputs()))
  })

  it('changes the canonical inputs when one record changes', () => {
    const a = inputs()
    const r = records()
    const b = inputs({ days: daysOf({ ...r, visits: [...r.visits, signedVisit('2026-11-20 10:00')] }) })
    expect(canonicalCloseInputs(b)).not.toBe(canonicalCloseInputs(a))
    const c = inputs({ ratings: a.ratings.map((r, i) => (i === 0 ? { ...r, comment: '改过' } : r)) })
    expect(canonicalCloseInputs(c)).not.toBe(canonicalCloseInputs(a))
  })
})

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined fields', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: undefined }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"z":1}]},"b":1}')
  })

  it('sorts integer-like keys as text too (engines write them first, in numeric order)', () => {
    expect(canonicalJson({ a: 3, '10': 1, '9': { y: 2, '+': 4 } })).toBe('{"10":1,"9":{"+":4,"y":2},"a":3}')
    expect(canonicalJson([undefined, Number.NaN, 'x'])).toBe('[null,null,"x"]')
    expect(canonicalJson(undefined)).toBe('null')
  })
})
