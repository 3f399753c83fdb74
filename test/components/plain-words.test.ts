/**
 * Issue 12 items 8 and 12: villagers read plain words. Weeks are named by their dates, never the
 * ISO code; each comment is shown once with how many said it; hours over a day are days.
 */
import { distinctComments, formatMonth, formatPeriod, formatWeek } from '../../src/components/format'
import { zhCN } from '../../src/i18n/zh-CN'

describe('plain words for villagers', () => {
  it('names a week by its Monday and Sunday, never by its code', () => {
    expect(formatWeek('2026-W40')).toBe('9月28日至10月4日')
    // A week across the new year is named by its own dates.
    expect(formatWeek('2026-W53')).toBe('12月28日至1月3日')
    expect(formatWeek('2026-W40')).not.toMatch(/W\d/)
  })

  it('shows each comment once, with how many said it, in the order first said', () => {
    const twelve = Array.from({ length: 12 }, () => '常来我家')
    expect(distinctComments([...twelve, '办事快', ' 办事快 ', ''])).toEqual(['常来我家（12 人这样说）', '办事快（2 人这样说）'])
    expect(distinctComments([])).toEqual([])
  })

  it('says hours over a day as days (508 hours overdue is 21 days)', () => {
    expect(zhCN.ticketLoop.overdueBy(508)).toBe('已超时 21 天')
    expect(zhCN.ticketLoop.overdueBy(5)).toBe('已超时 5 小时')
    expect(zhCN.ticketLoop.dueIn(30)).toBe('还剩 1 天')
    // Each level's timer too (it said "还剩 30 小时" up to two days).
    expect(zhCN.rules.levelLeft(30)).toBe('还剩 1 天')
    expect(zhCN.rules.levelLeft(23)).toBe('还剩 23 小时')
    expect(zhCN.rules.levelOver(47)).toBe('已超过 1 天')
    expect(zhCN.rules.levelOver(3)).toBe('已超过 3 小时')
  })

  it('names a month and a posting month in words, never 2026-10', () => {
    expect(formatMonth('2026-10')).toBe('2026年10月')
    expect(formatPeriod('2026-10')).toBe('2026年10月')
    expect(formatPeriod('2026-Q4')).toBe('2026年第4季度')
    expect(formatPeriod('2026')).toBe('2026年')
    expect(zhCN.office.ui.posting.open(formatMonth('2026-10'))).toBe('查看2026年10月公示')
  })

  it('names the rating month in words, not 考核周期 or 1135', () => {
    expect(zhCN.verdict.rating.period('2026-11')).toBe('评价的是2026年11月的工作')
    expect(zhCN.verdict.rating.title).not.toMatch(/1135|考核/)
  })
})
