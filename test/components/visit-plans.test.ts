/**
 * The cadre's planned visits as his screens show them (visitplan, issue 12 item 9): 这周要去的 runs
 * from today to Sunday, later plans after it, each by day; the picked day is checked by the core's
 * rule (not in the past, within two months) with a message for the field.
 */
import type { HouseholdRow } from '../../src/contracts'
import { endOfWeek, lastPlanDay, planDateIssue, plannedVisits } from '../../src/features/cadre/plans'

const row = (id: string, number: string, plannedVisit: string | null, plannedNote = ''): HouseholdRow => ({
  id,
  number,
  headName: `户主${id}`,
  villageName: '红庆河嘎查',
  groupName: '一组',
  memberCount: 3,
  phoneMasked: '138****0000',
  lastConfirmedVisitAt: null,
  plannedVisit,
  plannedNote,
})

// 2026-12-02 is a Wednesday: its week runs to Sunday 2026-12-06.
const today = '2026-12-02'

it('the week of a day ends on its Sunday (a Sunday is its own week’s end)', () => {
  expect(endOfWeek('2026-12-02')).toBe('2026-12-06')
  expect(endOfWeek('2026-11-30')).toBe('2026-12-06')
  expect(endOfWeek('2026-12-06')).toBe('2026-12-06')
})

it('这周要去的: today to Sunday, by day then household number; later plans after; none without a plan or from a past day', () => {
  const rows = [
    row('a', '012', '2026-12-05', '带上医保缴费单'),
    row('b', '003', '2026-12-02'),
    row('c', '001', '2026-12-05'),
    row('d', '004', '2026-12-07'),
    row('e', '005', null),
    row('f', '006', '2026-12-01'),
    row('g', '007', '2026-12-20'),
  ]
  const { week, later } = plannedVisits(rows, today)
  expect(week.map((r) => r.id)).toEqual(['b', 'c', 'a'])
  expect(later.map((r) => r.id)).toEqual(['d', 'g'])
  expect(week[2]?.plannedNote).toBe('带上医保缴费单')
})

it('a picked day: none, in the past or beyond two months says why; today and the last day are fine', () => {
  expect(planDateIssue('', today)).toBe('请先选一个日期')
  expect(planDateIssue('2026-12-01', today)).toBe('不能早于今天（2026-12-02）')
  expect(lastPlanDay(today)).toBe('2027-01-31')
  expect(planDateIssue('2027-02-01', today)).toBe('只能约两个月以内的日子（最晚 2027-01-31）')
  expect(planDateIssue(today, today)).toBeNull()
  expect(planDateIssue('2027-01-31', today)).toBeNull()
})
