/** notInPast: a date picked for something to come is today or later, with today in the reason. */
import { notInPast } from '../../src/core/dates'

describe('dates to come', () => {
  it('a date before today is refused as DATE.IN_PAST, naming today', () => {
    expect(notInPast('2026-11-29', '2026-11-30')).toEqual({ ok: false, code: 'DATE.IN_PAST', detail: { date: '2026-11-29', today: '2026-11-30' } })
    expect(notInPast('2025-12-05', '2026-11-30')).toMatchObject({ ok: false, code: 'DATE.IN_PAST' })
  })

  it('today and later dates are accepted', () => {
    expect(notInPast('2026-11-30', '2026-11-30')).toEqual({ ok: true, value: '2026-11-30' })
    expect(notInPast('2027-01-02', '2026-11-30')).toEqual({ ok: true, value: '2027-01-02' })
  })
})
