import { closeOffer, nextMonthToClose, type MonthState } from '../../src/core/close-offer'

const open = (period: string, reopened = false): MonthState => ({ period, status: 'open', reopened })
const closed = (period: string): MonthState => ({ period, status: 'closed', reopened: false })

describe('rule: only the closable month offers 结账', () => {
  it('with no month ever closed, only the month that just ended is offered; older ones are left as they are', () => {
    const months: MonthState[] = []
    expect(closeOffer('2026-10', months, '2026-10')).toEqual({ kind: 'close' })
    for (const p of ['2026-09', '2026-08', '2026-05']) expect(closeOffer(p, months, '2026-10')).toEqual({ kind: 'older' })
  })

  it('months close in order: the month after the last closed one is offered, later ones wait for it', () => {
    const months = [closed('2026-08')]
    expect(nextMonthToClose(months, '2026-10')).toBe('2026-09')
    expect(closeOffer('2026-09', months, '2026-10')).toEqual({ kind: 'close' })
    expect(closeOffer('2026-10', months, '2026-10')).toEqual({ kind: 'after', first: '2026-09' })
    expect(closeOffer('2026-08', months, '2026-10')).toEqual({ kind: 'closed' })
    expect(closeOffer('2026-07', months, '2026-10')).toEqual({ kind: 'older' })
  })

  it('once last month is closed nothing is offered but its state', () => {
    const months = [closed('2026-09'), closed('2026-10')]
    expect(nextMonthToClose(months, '2026-10')).toBeNull()
    expect(closeOffer('2026-10', months, '2026-10')).toEqual({ kind: 'closed' })
    expect(closeOffer('2026-08', months, '2026-10')).toEqual({ kind: 'older' })
  })

  it('a reopened month is offered again, whatever its place', () => {
    const months = [open('2026-09', true), closed('2026-10')]
    expect(closeOffer('2026-09', months, '2026-10')).toEqual({ kind: 'close' })
    expect(closeOffer('2026-08', months, '2026-10')).toEqual({ kind: 'older' })
  })

  it('a month the holiday calendar does not cover says so instead of offering 结账', () => {
    expect(closeOffer('2026-12', [closed('2026-11')], '2026-12', [2027])).toEqual({ kind: 'calendar', years: [2027] })
  })

  it('the month after December is January of the next year', () => {
    expect(nextMonthToClose([closed('2025-12')], '2026-02')).toBe('2026-01')
  })
})
