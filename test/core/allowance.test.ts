/**
 * Tests of the 生活保障 allowance: 35 yuan per village day, ledgered per cadre per month from
 * villager-signed visits. One rule: an unsigned visit earns nothing.
 */
import { allowanceFor, monthlyLedger } from '../../src/core/allowance'
import { at, makeVisit, settings, signedVisit } from './factories'

const s = settings()

describe('allowanceFor', () => {
  it.each([
    [0, 0],
    [1, 35],
    [3, 105],
    [22, 770],
  ])('pays %i village days %i yuan', (days, yuan) => {
    expect(allowanceFor(days, s)).toBe(yuan)
  })

  it('reads the daily rate from settings', () => {
    expect(allowanceFor(2, settings({ allowance: { yuanPerVillageDay: 50 } }))).toBe(100)
  })
})

describe('monthlyLedger', () => {
  it('pays one cadre once per signed village day of the month, in township time', () => {
    const visits = [
      signedVisit('2026-11-01 07:00'), // 2026-10-31 in UTC, still November here
      signedVisit('2026-11-18 09:00'),
      signedVisit('2026-11-18 15:00'),
      signedVisit('2026-11-30 23:30'),
      signedVisit('2026-12-01 00:10'),
      signedVisit('2026-11-19 10:00', { cadreId: 'c2' }),
      makeVisit({ id: 'pending', at: at('2026-11-20 10:00'), status: 'pending' }),
      makeVisit({ id: 'disputed', at: at('2026-11-21 10:00'), status: 'disputed' }),
    ]
    expect(monthlyLedger('c1', '2026-11', visits, s)).toEqual({
      cadreId: 'c1',
      month: '2026-11',
      villageDays: ['2026-11-01', '2026-11-18', '2026-11-30'],
      yuan: 105,
    })
  })

  it('gives an empty ledger to a cadre with no signed visits', () => {
    expect(monthlyLedger('c9', '2026-11', [], s)).toEqual({ cadreId: 'c9', month: '2026-11', villageDays: [], yuan: 0 })
  })
})
