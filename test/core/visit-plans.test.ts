import { checkPlanDate, nextPlannedDate, VISIT_PLAN_HORIZON_DAYS, visitPlanId } from '../../src/core/visit-plans'
import { addDays } from '../../src/core/time'

describe('planned visits (issue 12 item 9)', () => {
  it('a planned date is today or later, never in the past', () => {
    expect(checkPlanDate('2026-11-30', '2026-11-30')).toEqual({ ok: true, value: '2026-11-30' })
    expect(checkPlanDate('2026-12-03', '2026-11-30')).toEqual({ ok: true, value: '2026-12-03' })
    expect(checkPlanDate('2026-11-29', '2026-11-30')).toMatchObject({ ok: false, code: 'DATE.IN_PAST' })
  })

  it('a planned date is at most the horizon ahead (both ends included)', () => {
    const last = addDays('2026-11-30', VISIT_PLAN_HORIZON_DAYS)
    expect(checkPlanDate(last, '2026-11-30').ok).toBe(true)
    expect(checkPlanDate(addDays(last, 1), '2026-11-30')).toMatchObject({ ok: false, code: 'VISIT.PLAN_TOO_FAR' })
  })

  it('the next planned visit is the earliest date from today on', () => {
    expect(nextPlannedDate(['2026-12-10', '2026-11-29', '2026-12-03'], '2026-11-30')).toBe('2026-12-03')
    expect(nextPlannedDate(['2026-11-30'], '2026-11-30')).toBe('2026-11-30')
    expect(nextPlannedDate(['2026-11-01'], '2026-11-30')).toBeNull()
    expect(nextPlannedDate([], '2026-11-30')).toBeNull()
  })

  it('one plan per household and cadre', () => {
    expect(visitPlanId('h1', 'c1')).toBe('h1:c1')
  })
})
