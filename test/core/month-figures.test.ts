/**
 * A cadre's month as the dashboard keeps it: exactly the figures the month-end close gives that cadre
 * (village days, absences, 543 weeks, allowance, 1135 total), from that cadre's day facts and
 * ratings alone; and the months a changed day counts for (its own, and the neighbour whose whole
 * ISO weeks reach it).
 */
import { cadreDayFacts, type DayRecords } from '../../src/core/attendance'
import { closeMonth, closeReadDays, type CloseInputs } from '../../src/core/close'
import { cadreMonthFigures, figuresOfCloseRow, monthAttendance, monthScore, monthsOfDay } from '../../src/core/month-figures'
import { bandRatings, makeCadre, makeLeave, makeRating, settings, signedVisit, validSignIn } from './factories'

const s = settings()

const records = (cadreId: string): DayRecords => ({
  signIns: [
    validSignIn('2026-11-02 08:01', 'morning', { cadreId }),
    validSignIn('2026-11-02 19:35', 'evening', { cadreId }),
    { ...validSignIn('2026-11-03 11:00', null, { cadreId }), valid: false },
    validSignIn('2026-10-30 08:00', 'morning', { cadreId }),
    validSignIn('2026-12-03 08:00', 'morning', { cadreId }),
  ],
  visits: [signedVisit('2026-11-03 10:00', { cadreId }), signedVisit('2026-11-04 10:00', { cadreId, overnight: true }), signedVisit('2026-11-30 10:00', { cadreId })],
  leaves: [makeLeave({ cadreId, from: '2026-11-09', to: '2026-11-10' })],
})

const daysOf = (cadreId: string) => cadreDayFacts('t1', records(cadreId), s, closeReadDays('2026-11', s))

describe('the month figures of a cadre are those the close gives the cadre', () => {
  const inputs: CloseInputs = {
    period: '2026-11',
    cadres: [makeCadre({ id: 'c1' }), makeCadre({ id: 'c2' })],
    teams: [{ id: 'team1', villageId: 'v1', memberIds: ['c1', 'c2'] }],
    households: [],
    days: [...daysOf('c1'), ...daysOf('c2').filter((d) => d.date >= '2026-11-04')],
    ratings: [
      ...bandRatings('villagers', [5, 4, 4, 4, 4]),
      ...bandRatings('peers', [4, 5, 4, 5, 5]),
      ...bandRatings('committees', [3, 4, 4, 5, 5]),
      ...bandRatings('leaders', [4, 4, 5, 5, 3]),
      ...bandRatings('villagers', [2, 3], { cadreId: 'c2' }),
      makeRating({ id: 'october', period: '2026-10', stars: 1, raterId: 'x' }),
    ],
    tickets: [],
    selfReviews: [],
    settings: s,
  }
  const close = closeMonth(inputs)

  it('for every cadre: attendance from their facts, the score from their ratings of the month', () => {
    for (const row of close.cadres) {
      const days = inputs.days.filter((d) => d.cadreId === row.cadreId)
      const ratings = inputs.ratings.filter((r) => r.cadreId === row.cadreId && r.period === '2026-11')
      expect(cadreMonthFigures(row.cadreId, '2026-11', days, ratings, s)).toEqual(figuresOfCloseRow(row))
    }
    expect(close.cadres.map((c) => c.score.total)).toEqual([expect.any(Number), null])
  })

  it('attendance ignores facts of other cadres and of days outside the month weeks; the score only ratings', () => {
    const c1 = close.cadres[0]!
    const { score, shortBands, ...attendance } = figuresOfCloseRow(c1)
    expect(monthAttendance('c1', '2026-11', [...inputs.days, ...daysOf('c1').map((d) => ({ ...d, id: `x-${d.id}`, date: '2026-09-01' }))], s)).toEqual(attendance)
    expect(monthScore(inputs.ratings.filter((r) => r.cadreId === 'c1' && r.period === '2026-11'), s)).toEqual({ score, shortBands })
    expect(attendance.villageDays).toBe(3)
    expect(attendance.allowanceYuan).toBe(3 * s.allowance.yuanPerVillageDay)
  })

  it('an empty month: no village days, every working day absent, no score', () => {
    const empty = cadreMonthFigures('c9', '2026-11', [], [], s)
    expect(empty).toMatchObject({ villageDays: 0, allowanceYuan: 0, score: null, weeks: 4, compliantWeeks: 0 })
    expect(empty.absences).toBe(21)
  })
})

describe('monthsOfDay', () => {
  it("a day counts for its month, and for the neighbour whose whole ISO weeks reach it", () => {
    // November 2026 reads 2026-10-26 .. 2026-12-06; October reads 2026-09-28 .. 2026-11-01.
    expect(monthsOfDay('2026-11-15', s)).toEqual(['2026-11'])
    expect(monthsOfDay('2026-10-30', s)).toEqual(['2026-10', '2026-11'])
    expect(monthsOfDay('2026-11-01', s)).toEqual(['2026-10', '2026-11'])
    expect(monthsOfDay('2026-11-02', s)).toEqual(['2026-11'])
    expect(monthsOfDay('2026-12-03', s)).toEqual(['2026-11', '2026-12'])
    for (const day of ['2026-10-30', '2026-11-01', '2026-12-06']) {
      for (const month of monthsOfDay(day, s)) {
        const { from, to } = closeReadDays(month, s)
        expect(from <= day && day <= to).toBe(true)
      }
    }
  })
})
