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
  const resolved = (id: string, villageId: string, when: string, result: object, status: 'resolved' | 'closed' | 'accepted' = 'resolved') =>
    makeTicket({
      id,
      villageId,
      status,
      result,
      history: [{ seq: 1, action: 'resolve', from: 'accepted', to: 'resolved', actorId: 'c1', actorRole: 'cadre', at: at(when), note: '' }],
    })

  it('sums funds, loans and beneficiaries of tickets resolved in the month, per village and for the township', () => {
    const totals = resultTotals(
      [
        resolved('a', 'v1', '2026-11-03 10:00', { fundsYuan: 11_340_000, beneficiaries: 200 }),
        resolved('b', 'v1', '2026-11-20 10:00', { loanYuan: 6_000_000 }, 'closed'),
        resolved('c', 'v2', '2026-11-21 10:00', { beneficiaries: 15_000 }),
        resolved('d', 'v2', '2026-10-21 10:00', { beneficiaries: 99 }),
        resolved('e', 'v2', '2026-11-21 10:00', { beneficiaries: 99 }, 'accepted'),
      ],
      periodRange('2026-11', settings()),
    )
    expect(totals.get('')).toEqual({ fundsYuan: 11_340_000, loanYuan: 6_000_000, beneficiaries: 15_200, tickets: 3 })
    expect(totals.get('v1')).toEqual({ fundsYuan: 11_340_000, loanYuan: 6_000_000, beneficiaries: 200, tickets: 2 })
    expect(totals.get('v2')?.beneficiaries).toBe(15_000)
  })
})
