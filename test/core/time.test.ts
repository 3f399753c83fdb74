/**
 * Tests of township calendar arithmetic. One rule: every expectation is written in township
 * wall-clock time (+08:00), the way a villager or an admin would read it.
 */
import {
  addDays,
  daysOfIsoWeek,
  isLocalDate,
  isoWeekday,
  isoWeekKey,
  localDate,
  minutesOfDay,
  monthKey,
  parsePeriodKey,
  parseWeekKey,
  periodOf,
  periodRange,
  previousPeriod,
  startOfLocalDay,
  weekRange,
} from '../../src/core/time'
import { at, settings } from './factories'

const s = settings()

describe('localDate', () => {
  it('reads the date in township time, not UTC', () => {
    // 2026-11-16 07:30 in China is still 2026-11-15 in UTC
    expect(localDate(at('2026-11-16 07:30'), s)).toBe('2026-11-16')
    expect(localDate(at('2026-11-16 00:00'), s)).toBe('2026-11-16')
    expect(localDate(at('2026-11-15 23:59'), s)).toBe('2026-11-15')
  })

  it('follows the configured offset', () => {
    const utc = settings({ utcOffsetMinutes: 0 })
    expect(localDate(at('2026-11-16 07:30'), utc)).toBe('2026-11-15')
  })
})

describe('minutesOfDay', () => {
  it.each([
    ['2026-11-16 00:00', 0],
    ['2026-11-16 08:00', 480],
    ['2026-11-16 14:30', 870],
    ['2026-11-16 19:30', 1170],
    ['2026-11-16 23:59', 1439],
  ])('counts %s as %i minutes after local midnight', (wall, minutes) => {
    expect(minutesOfDay(at(wall), s)).toBe(minutes)
  })
})

describe('local dates', () => {
  it('accepts only real calendar dates', () => {
    expect(isLocalDate('2026-02-28')).toBe(true)
    expect(isLocalDate('2028-02-29')).toBe(true)
    expect(isLocalDate('2026-02-29')).toBe(false)
    expect(isLocalDate('2026-13-01')).toBe(false)
    expect(isLocalDate('2026-1-1')).toBe(false)
  })

  it('adds days across month and year ends', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
  })

  it('numbers weekdays Monday 1 to Sunday 7', () => {
    expect(isoWeekday('2026-11-16')).toBe(1)
    expect(isoWeekday('2026-11-22')).toBe(7)
  })

  it('starts a local day at local midnight', () => {
    expect(startOfLocalDay('2026-11-16', s)).toBe(at('2026-11-16 00:00'))
  })
})

describe('ISO weeks', () => {
  it.each([
    ['2026-11-16', '2026-W47'],
    ['2026-11-22', '2026-W47'],
    ['2026-01-01', '2026-W01'],
    ['2027-01-01', '2026-W53'],
    ['2024-12-30', '2025-W01'],
    ['2021-01-03', '2020-W53'],
    ['2021-01-04', '2021-W01'],
  ])('puts %s in week %s', (date, week) => {
    expect(isoWeekKey(date)).toBe(week)
  })

  it('lists the seven days of a week from Monday to Sunday', () => {
    expect(daysOfIsoWeek('2026-W47')).toEqual([
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
    ])
    expect(daysOfIsoWeek('2025-W01')[0]).toBe('2024-12-30')
    expect(daysOfIsoWeek('2026-W53')[6]).toBe('2027-01-03')
  })

  it('round-trips every day of a year through its week', () => {
    for (let d = '2026-01-01'; d <= '2027-01-10'; d = addDays(d, 1)) {
      expect(daysOfIsoWeek(isoWeekKey(d))).toContain(d)
    }
  })

  it('refuses weeks a year does not have', () => {
    expect(parseWeekKey('2026-W53').ok).toBe(true)
    expect(parseWeekKey('2025-W53')).toEqual({ ok: false, code: 'PERIOD.BAD_KEY', detail: { key: '2025-W53' } })
    expect(parseWeekKey('2026-W00').ok).toBe(false)
    expect(parseWeekKey('2026-47').ok).toBe(false)
    expect(() => daysOfIsoWeek('nonsense')).toThrow(RangeError)
  })

  it('covers a week from Monday 00:00 to the next Monday 00:00, township time', () => {
    expect(weekRange('2026-W47', s)).toEqual({ start: at('2026-11-16 00:00'), end: at('2026-11-23 00:00') })
  })
})

describe('periods', () => {
  it('names the month of an instant in township time', () => {
    expect(monthKey(at('2026-12-01 07:00'), s)).toBe('2026-12')
    expect(monthKey(at('2026-11-30 23:59'), s)).toBe('2026-11')
  })

  it.each([
    ['month', '2026-11'],
    ['quarter', '2026-Q4'],
    ['year', '2026'],
  ] as const)('names the %s of 2026-11-16 as %s', (kind, key) => {
    expect(periodOf(at('2026-11-16 10:00'), kind, s)).toBe(key)
  })

  it('names each quarter from its months', () => {
    expect(periodOf(at('2026-01-01 00:00'), 'quarter', s)).toBe('2026-Q1')
    expect(periodOf(at('2026-03-31 23:59'), 'quarter', s)).toBe('2026-Q1')
    expect(periodOf(at('2026-04-01 00:00'), 'quarter', s)).toBe('2026-Q2')
    expect(periodOf(at('2026-09-30 12:00'), 'quarter', s)).toBe('2026-Q3')
  })

  it.each([
    ['2026-11', '2026-11-01 00:00', '2026-12-01 00:00'],
    ['2026-12', '2026-12-01 00:00', '2027-01-01 00:00'],
    ['2026-Q4', '2026-10-01 00:00', '2027-01-01 00:00'],
    ['2026-Q1', '2026-01-01 00:00', '2026-04-01 00:00'],
    ['2026', '2026-01-01 00:00', '2027-01-01 00:00'],
  ])('covers %s from %s (inclusive) to %s (exclusive)', (period, start, end) => {
    expect(periodRange(period, s)).toEqual({ start: at(start), end: at(end) })
  })

  it('puts every instant of a period inside its own range', () => {
    const t = at('2026-11-30 23:59')
    const r = periodRange(periodOf(t, 'month', s), s)
    expect(t >= r.start && t < r.end).toBe(true)
  })

  it('refuses malformed period keys', () => {
    for (const key of ['2026-13', '2026-00', '2026-Q5', '26-11', '2026-W47', '']) {
      expect(parsePeriodKey(key)).toMatchObject({ ok: false, code: 'PERIOD.BAD_KEY' })
    }
    expect(() => periodRange('2026-13', s)).toThrow(RangeError)
  })

  it('steps back to the previous period of the same kind', () => {
    expect(previousPeriod('2026-01', s)).toBe('2025-12')
    expect(previousPeriod('2026-Q1', s)).toBe('2025-Q4')
    expect(previousPeriod('2026', s)).toBe('2025')
  })
})

describe('calendar arithmetic against Date', () => {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0')
  const ymd = (d: Date) => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`

  it('localDate, minutesOfDay, addDays and isoWeekday agree with Date from 1960 to 2040 at several offsets', () => {
    const start = Date.UTC(1960, 0, 1)
    const end = Date.UTC(2040, 0, 1)
    const wrong: string[] = []
    let checked = 0
    // A step of 7919 minutes and 1.5 s walks every hour, minute and weekday; the half second checks truncation.
    for (let ms = start; ms < end; ms += 7919 * 60_000 + 1500.5) {
      for (const utcOffsetMinutes of [480, -300, 0, 545]) {
        const s = { utcOffsetMinutes }
        const wall = new Date(ms + utcOffsetMinutes * 60_000)
        const date = ymd(wall)
        if (localDate(ms, s) !== date) wrong.push(`localDate ${ms} ${utcOffsetMinutes}`)
        if (minutesOfDay(ms, s) !== wall.getUTCHours() * 60 + wall.getUTCMinutes()) wrong.push(`minutesOfDay ${ms} ${utcOffsetMinutes}`)
        if (isoWeekday(date) !== ((wall.getUTCDay() + 6) % 7) + 1) wrong.push(`isoWeekday ${date}`)
        if (addDays(date, -40) !== ymd(new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() - 40)))) wrong.push(`addDays ${date}`)
        checked++
      }
    }
    expect(wrong).toEqual([])
    expect(checked).toBeGreaterThan(20_000)
  })
})
