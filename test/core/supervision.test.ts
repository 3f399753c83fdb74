/** Supervision and results rules: 2 recorded unannounced checks a month; result totals by village from resolved tickets. */
import { monthlyCheckStatus } from '../../src/core/supervision'
import { resultTotals } from '../../src/core/results'
import { periodRange } from '../../src/core/time'
import { at, makeTicket, settings } from './factories'

describe('monthlyCheckStatus', () => {
  const check = (date: string, status: 'planned' | 'done', kind: 'unannounced' | 'whereabouts' = 'unannounced') => ({ date, status, kind })

  it('meets the month with 2 recorded unannounced checks; plans and whereabouts checks do not count', () => {
    const s = settings()
    expect(monthlyCheckStatus([check('2026-11-03', 'done'), check('2026-11-20', 'planned'), check('2026-11-21', 'done', 'whereabouts')], '2026-11', s)).toEqual({
      month: '2026-11',
      required: 2,
      done: 1,
      planned: 1,
      met: false,
    })
    expect(monthlyCheckStatus([check('2026-11-03', 'done'), check('2026-11-20', 'done'), check('2026-10-31', 'done')], '2026-11', s).met).toBe(true)
  })
})

describe('resultTotals', () => {
  const s = settings()
  const ticket = (id: string, villageId: string, status: 'resolved' | 'closed' | 'accepted', events: [string, string][], result: object) =>
    makeTicket({
      id,
      villageId,
      status,
      result,
      history: events.map(([action, when], i) => ({ seq: i + 1, action: action as 'resolve', from: 'accepted', to: 'resolved', actorId: 'c1', actorRole: 'cadre', at: at(when), note: '' })),
    })
  const nov = periodRange('2026-11', s)
  const now = at('2026-11-30 12:00')

  it('results count when the villager confirms, in the month of the confirmation', () => {
    const totals = resultTotals(
      [
        ticket('a', 'v1', 'closed', [['resolve', '2026-10-30 10:00'], ['confirm', '2026-11-02 10:00']], { fundsYuan: 11_340_000, beneficiaries: 200 }),
        ticket('b', 'v1', 'closed', [['resolve', '2026-11-20 10:00'], ['confirm', '2026-11-21 10:00']], { loanYuan: 6_000_000 }),
        ticket('d', 'v2', 'closed', [['resolve', '2026-10-01 10:00'], ['confirm', '2026-10-02 10:00']], { beneficiaries: 99 }),
      ],
      nov,
      now,
      s,
    )
    expect(totals.get('')).toEqual({ fundsYuan: 11_340_000, loanYuan: 6_000_000, beneficiaries: 200, tickets: 2 })
    expect(totals.get('v1')?.tickets).toBe(2)
    expect(totals.get('v2')).toBeUndefined()
  })

  it('results of a resolved ticket do not count before the villager confirms', () => {
    const totals = resultTotals([ticket('c', 'v2', 'resolved', [['resolve', '2026-11-28 10:00']], { beneficiaries: 15_000 })], nov, now, s)
    expect(totals.get('')?.tickets).toBe(0)
  })

  it('results count once the confirmation window passes with no answer from the villager', () => {
    const t = ticket('c', 'v2', 'resolved', [['resolve', '2026-11-20 10:00']], { beneficiaries: 15_000 })
    expect(resultTotals([t], nov, now, s).get('')?.beneficiaries).toBe(15_000) // 11-27 10:00 <= now
    expect(resultTotals([t], nov, at('2026-11-27 09:59'), s).get('')?.tickets).toBe(0)
  })

  it('a reopened ticket back with the cadre counts nothing', () => {
    expect(resultTotals([ticket('e', 'v2', 'accepted', [['resolve', '2026-11-01 10:00']], { beneficiaries: 99 })], nov, now, s).get('')?.tickets).toBe(0)
  })
})
