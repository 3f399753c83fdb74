/**
 * Month figures as facts: what one cadre's township day counts as (cadreDayFact), the facts a set
 * of records makes (cadreDayFacts), the 543 week and the allowance counted over facts (week543,
 * ledgerOfDays), and the drift check that names every difference between kept and recomputed facts
 * (factDrift). One rule: only valid sign-ins, villager-signed visits and approved leave count.
 */
import { ledgerOfDays } from '../../src/core/allowance'
import { cadreDayFact, cadreDayFacts, emptyCadreDay, isEmptyCadreDay, villageDaysOf, week543, weekly543, type DayRecords } from '../../src/core/attendance'
import { driftedDays, factDrift } from '../../src/core/facts'
import { at, makeLeave, makeVisit, settings, signedVisit, validSignIn } from './factories'

const s = settings()
const key = { townshipId: 't1', cadreId: 'c1', date: '2026-11-18' }
const none: DayRecords = { signIns: [], visits: [], leaves: [] }

describe('cadreDayFact', () => {
  it('counts valid sign-ins by slot with the first instant of each, and the invalid ones', () => {
    const d = cadreDayFact(
      key,
      {
        ...none,
        signIns: [
          validSignIn('2026-11-18 08:10', 'morning'),
          validSignIn('2026-11-18 08:02', 'morning', { id: 'twice' }),
          validSignIn('2026-11-18 19:31', 'evening'),
          validSignIn('2026-11-18 11:00', null, { valid: false, invalidReason: 'OUTSIDE_WINDOW' }),
          validSignIn('2026-11-18 08:20', 'morning', { valid: false, invalidReason: 'TOO_FAR' }),
        ],
      },
      s,
    )
    expect(d).toMatchObject({ id: 'c1:2026-11-18', morning: 2, afternoon: 0, evening: 1, invalid: 2 })
    expect(d.morningAt).toBe(at('2026-11-18 08:02'))
    expect(d.afternoonAt).toBeNull()
    expect(d.eveningAt).toBe(at('2026-11-18 19:31'))
    expect(d).toMatchObject({ workDay: true, night: true, villageDay: false })
  })

  it('counts only villager-signed visits, and the overnight ones among them', () => {
    const d = cadreDayFact(
      key,
      {
        ...none,
        visits: [
          signedVisit('2026-11-18 09:00'),
          signedVisit('2026-11-18 20:00', { overnight: true }),
          makeVisit({ id: 'p', at: at('2026-11-18 10:00'), status: 'pending', overnight: true }),
          makeVisit({ id: 'd', at: at('2026-11-18 11:00'), status: 'disputed', overnight: true }),
        ],
      },
      s,
    )
    expect(d).toMatchObject({ signedVisits: 2, overnightVisits: 1, workDay: true, night: true, villageDay: true })
  })

  it('makes an afternoon sign-in a work day and an evening one a night only', () => {
    expect(cadreDayFact(key, { ...none, signIns: [validSignIn('2026-11-18 14:40', 'afternoon')] }, s)).toMatchObject({ workDay: true, night: false })
    expect(cadreDayFact(key, { ...none, signIns: [validSignIn('2026-11-18 19:30', 'evening')] }, s)).toMatchObject({ workDay: false, night: true })
  })

  it('marks the day on leave only under an approved leave', () => {
    expect(cadreDayFact(key, { ...none, leaves: [makeLeave({ from: '2026-11-17', to: '2026-11-18' })] }, s).onLeave).toBe(true)
    expect(cadreDayFact(key, { ...none, leaves: [makeLeave({ from: '2026-11-17', to: '2026-11-18', status: 'requested' })] }, s).onLeave).toBe(false)
    expect(cadreDayFact(key, { ...none, leaves: [makeLeave({ from: '2026-11-19', to: '2026-11-20' })] }, s).onLeave).toBe(false)
  })

  it("ignores other cadres' records and other township days", () => {
    const d = cadreDayFact(
      key,
      {
        signIns: [validSignIn('2026-11-18 08:00', 'morning', { cadreId: 'c2' }), validSignIn('2026-11-17 19:30', 'evening')],
        visits: [signedVisit('2026-11-17 23:50'), signedVisit('2026-11-19 00:10'), signedVisit('2026-11-18 10:00', { cadreId: 'c2' })],
        leaves: [makeLeave({ cadreId: 'c2', from: '2026-11-18', to: '2026-11-18' })],
      },
      s,
    )
    expect(isEmptyCadreDay(d)).toBe(true)
    expect(d).toEqual(emptyCadreDay(key))
  })
})

describe('cadreDayFacts', () => {
  const records: DayRecords = {
    signIns: [validSignIn('2026-11-16 08:00', 'morning'), validSignIn('2026-11-16 08:01', 'morning', { cadreId: 'c2' })],
    visits: [signedVisit('2026-11-17 10:00'), makeVisit({ id: 'p', at: at('2026-11-19 10:00'), status: 'pending' })],
    leaves: [makeLeave({ from: '2026-11-20', to: '2026-11-23' }), makeLeave({ id: 'l2', from: '2026-11-24', to: '2026-11-24', status: 'declined' })],
  }

  it('makes one fact per cadre-day with something in it, sorted by id, each as cadreDayFact says', () => {
    const days = cadreDayFacts('t1', records, s)
    expect(days.map((d) => d.id)).toEqual(['c1:2026-11-16', 'c1:2026-11-17', 'c1:2026-11-20', 'c1:2026-11-21', 'c1:2026-11-22', 'c1:2026-11-23', 'c2:2026-11-16'])
    for (const d of days) expect(d).toEqual(cadreDayFact(d, records, s))
  })

  it('keeps only the days of a window, leaves clipped to it', () => {
    expect(cadreDayFacts('t1', records, s, { from: '2026-11-17', to: '2026-11-21' }).map((d) => d.id)).toEqual(['c1:2026-11-17', 'c1:2026-11-20', 'c1:2026-11-21'])
  })

  it('does not depend on the order of the records', () => {
    const reversed = { signIns: [...records.signIns].reverse(), visits: [...records.visits].reverse(), leaves: [...records.leaves].reverse() }
    expect(cadreDayFacts('t1', reversed, s)).toEqual(cadreDayFacts('t1', records, s))
  })
})

describe('week543', () => {
  it('counts a week over facts exactly as weekly543 does over the records', () => {
    const records: DayRecords = {
      signIns: ['2026-11-16', '2026-11-17', '2026-11-18'].map((d) => validSignIn(`${d} 08:00`, 'morning')).concat([validSignIn('2026-11-16 19:30', 'evening')]),
      visits: [signedVisit('2026-11-19 10:00', { overnight: true }), signedVisit('2026-11-20 10:00')],
      leaves: [makeLeave({ from: '2026-11-22', to: '2026-11-22' })],
    }
    const fromFacts = week543('2026-W47', cadreDayFacts('t1', records, s), s)
    expect(fromFacts).toEqual(weekly543({ weekKey: '2026-W47', ...records, settings: s }))
    expect(fromFacts).toMatchObject({ workDays: 5, nights: 2, villageDays: 2, leaveDays: 1, required: { workDays: 4, nights: 3, villageDays: 2 }, compliant: false })
  })

  it('ignores facts of days outside the week', () => {
    const days = cadreDayFacts('t1', { ...none, visits: [signedVisit('2026-11-15 10:00'), signedVisit('2026-11-23 10:00')] }, s)
    expect(week543('2026-W47', days, s)).toMatchObject({ workDays: 0, villageDays: 0 })
  })
})

describe('villageDaysOf and ledgerOfDays', () => {
  const days = cadreDayFacts('t1', { ...none, visits: [signedVisit('2026-10-31 10:00'), signedVisit('2026-11-01 07:00'), signedVisit('2026-11-30 23:30'), signedVisit('2026-12-01 00:10')] }, s)

  it('lists the village days between two dates', () => {
    expect(villageDaysOf(days, '2026-11-01', '2026-11-30')).toEqual(['2026-11-01', '2026-11-30'])
  })

  it('pays the village days of the month at the daily rate', () => {
    expect(ledgerOfDays('c1', '2026-11', days, s)).toEqual({ cadreId: 'c1', month: '2026-11', villageDays: ['2026-11-01', '2026-11-30'], yuan: 70 })
  })
})

describe('factDrift', () => {
  const records: DayRecords = { ...none, signIns: [validSignIn('2026-11-16 08:00', 'morning')], visits: [signedVisit('2026-11-17 10:00')] }
  const fresh = cadreDayFacts('t1', records, s)

  it('finds nothing when the kept facts are the recomputed ones, and a kept empty day equals a missing one', () => {
    expect(factDrift(fresh, fresh)).toEqual([])
    expect(factDrift([...fresh, emptyCadreDay({ townshipId: 't1', cadreId: 'c1', date: '2026-11-18' })], fresh)).toEqual([])
  })

  it('names the cadre, the day, the field, the kept and the recomputed value', () => {
    const kept = fresh.map((d) => (d.date === '2026-11-17' ? { ...d, signedVisits: 2 } : d))
    expect(factDrift(kept, fresh)).toEqual([{ cadreId: 'c1', date: '2026-11-17', field: 'signedVisits', stored: 2, recomputed: 1 }])
  })

  it('names every field of a day that was never kept, or kept without its records', () => {
    const missing = factDrift(fresh.slice(1), fresh)
    expect(missing).toEqual([
      { cadreId: 'c1', date: '2026-11-16', field: 'morning', stored: 0, recomputed: 1 },
      { cadreId: 'c1', date: '2026-11-16', field: 'morningAt', stored: null, recomputed: at('2026-11-16 08:00') },
      { cadreId: 'c1', date: '2026-11-16', field: 'workDay', stored: false, recomputed: true },
    ])
    const extra = factDrift([...fresh, { ...emptyCadreDay({ townshipId: 't1', cadreId: 'c2', date: '2026-11-16' }), invalid: 1 }], fresh)
    expect(extra).toEqual([{ cadreId: 'c2', date: '2026-11-16', field: 'invalid', stored: 1, recomputed: 0 }])
    expect(driftedDays([...missing, ...extra])).toEqual([
      { cadreId: 'c1', date: '2026-11-16' },
      { cadreId: 'c2', date: '2026-11-16' },
    ])
  })
})
