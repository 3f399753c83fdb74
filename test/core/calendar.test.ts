/**
 * Tests of the holiday calendar (DOMAIN 3.5) with the settings' 2025 and 2026 data: statutory
 * holidays lower the 543 requirement and are not absences, make-up working days are working days,
 * and a week belongs to the month holding its Thursday, so each week is posted once.
 */
import { cadreDayFacts, week543 } from '../../src/core/attendance'
import { calendarYearsMissing, holidayReduction, isMakeUpWorkday, isStatutoryHoliday, isWorkingDay, monthOfWeek, weeksOfMonth } from '../../src/core/calendar'
import { closeMonth, closeReadDays } from '../../src/core/close'
import { settings } from './factories'

const s = settings()

describe('the holiday calendar', () => {
  it('National Day 2025 (10-01..10-08) is a statutory holiday and not a working day', () => {
    for (const d of ['2025-10-01', '2025-10-03', '2025-10-08']) {
      expect(isStatutoryHoliday(d, s)).toBe(true)
      expect(isWorkingDay(d, s)).toBe(false)
    }
  })

  it('a make-up working day (Sunday 2025-09-28, Saturday 2025-10-11) is a working day', () => {
    expect(isMakeUpWorkday('2025-09-28', s)).toBe(true)
    expect(isWorkingDay('2025-09-28', s)).toBe(true)
    expect(isWorkingDay('2025-10-11', s)).toBe(true)
  })

  it('an ordinary weekday is a working day and an ordinary weekend day is not', () => {
    expect(isWorkingDay('2026-11-24', s)).toBe(true)
    expect(isWorkingDay('2026-11-28', s)).toBe(false)
  })

  it('a year missing from the calendar has weekends only', () => {
    expect(isWorkingDay('2030-10-01', s)).toBe(true)
  })

  it('the Spring Festival 2026 week lowers the 543 requirement by its weekday holidays (02-16..02-20: 5 days)', () => {
    expect(holidayReduction('2026-W08', s)).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'])
  })

  it('a make-up working day in the week offsets a weekday holiday (2026-W02: 01-02 off, 01-04 worked)', () => {
    // 2026-W01 is 12-29..01-04: 01-01 and 01-02 are weekday holidays, Sunday 01-04 is worked.
    expect(holidayReduction('2026-W01', s)).toHaveLength(1)
  })
})

describe('543 with holidays', () => {
  it('a week with three weekday holidays requires 2 work days, 1 night, 0 village days (2025-W40)', () => {
    const w = week543('2025-W40', [], s)
    expect(w.holidayDays).toBe(3)
    expect(w.required).toEqual({ workDays: 2, nights: 1, villageDays: 0 })
  })

  it('a leave day on a holiday lowers the requirement once', () => {
    const leave = cadreDayFacts('t', { signIns: [], visits: [], leaves: [{ cadreId: 'c1', from: '2025-10-01', to: '2025-10-01', status: 'approved' }] }, s)
    const w = week543('2025-W40', leave, s)
    expect(w.leaveDays).toBe(1)
    expect(w.required.workDays).toBe(2)
  })
})

describe('a week belongs to the month holding its Thursday (ISO rule)', () => {
  it('the week 2026-09-28..10-04 belongs to October (Thursday 10-01)', () => {
    expect(monthOfWeek('2026-W40')).toBe('2026-10')
  })

  it('November 2026 has the 4 weeks whose Thursday is in November', () => {
    expect(weeksOfMonth('2026-11')).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48'])
  })

  it('every week of 2026 is in exactly one month', () => {
    const all = Array.from({ length: 12 }, (_, i) => weeksOfMonth(`2026-${String(i + 1).padStart(2, '0')}`)).flat()
    expect(new Set(all).size).toBe(all.length)
    expect(all).toHaveLength(53)
  })
})

describe('absences count working days only', () => {
  const close = (period: string) =>
    closeMonth({
      period,
      settings: s,
      cadres: [{ id: 'c1', name: '', title: '', roles: ['cadre'], duty: 'resident' }],
      teams: [],
      households: [],
      days: [],
      ratings: [],
      tickets: [],
      selfReviews: [],
    }).cadres[0]!

  it('National Day is not an absence; the make-up Saturday 10-11 is', () => {
    const absences = close('2025-10').absences
    expect(absences).not.toContain('2025-10-01')
    expect(absences).not.toContain('2025-10-08')
    expect(absences).toContain('2025-10-11')
    // 23 weekdays in October 2025, 6 of them holidays (10-01..10-03, 10-06..10-08), plus Saturday 10-11.
    expect(absences).toHaveLength(23 - 6 + 1)
  })

  it('a month posts only its own weeks: September 2026 does not post the National Day week', () => {
    expect(close('2026-09').weeks.map((w) => w.weekKey)).not.toContain('2026-W40')
    expect(close('2026-10').weeks.map((w) => w.weekKey)[0]).toBe('2026-W40')
  })
})

describe('a month is closed only when the calendar holds every year its weeks touch', () => {
  it('December 2026 reads into January 2027 (its last week has its Thursday on 12-31), so it needs 2027', () => {
    const days = closeReadDays('2026-12', s)
    expect(days.to > '2027-01-01').toBe(true)
    expect(calendarYearsMissing(days.from, days.to, s)).toEqual([2027])
  })
  it('November 2026 needs only 2026, which the calendar holds', () => {
    const days = closeReadDays('2026-11', s)
    expect(calendarYearsMissing(days.from, days.to, s)).toEqual([])
  })
  it('once 2027 is added, December 2026 may close', () => {
    const withNext = { ...s, calendar: { years: { ...s.calendar.years, '2027': { holidays: ['2027-01-01'], workdays: [] } } } }
    const days = closeReadDays('2026-12', withNext)
    expect(calendarYearsMissing(days.from, days.to, withNext)).toEqual([])
  })
})
