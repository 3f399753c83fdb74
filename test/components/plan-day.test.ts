/** The villager card's next planned visit in plain words (issue 12 item 9). */
import { planDay } from '../../src/features/villager/planDay'

it('a planned day reads as month, day and weekday: 12月3日（周四）', () => {
  expect(planDay('2026-12-03')).toBe('12月3日（周四）')
  expect(planDay('2026-11-30')).toBe('11月30日（周一）')
  expect(planDay('2027-01-03')).toBe('1月3日（周日）')
})
