/**
 * Tests of 民情日记 sign-off: only a member of the visited household, within 24 h of the visit, on a
 * pending entry. One rule: only a signed visit counts.
 */
import { canSignOff, countsAsVisit, dispute, isExpired, signOff, signOffDeadline } from '../../src/core/visits'
import { HOUR, at, makeCadre, makePerson, makeVisit, settings } from './factories'

const s = settings()
const visit = makeVisit({ at: at('2026-11-16 10:00'), householdId: 'h1', cadreId: 'c1' })
const member = makePerson({ id: 'p-villager', householdId: 'h1' })
const neighbour = makePerson({ id: 'p-neighbour', householdId: 'h2' })

describe('canSignOff', () => {
  it('lets a member of the visited household sign within the window', () => {
    expect(canSignOff(visit, member, visit.at + HOUR, s)).toEqual({ ok: true, value: true })
  })

  it('accepts a signature exactly 24 h after the visit, and refuses one a millisecond later', () => {
    expect(signOffDeadline(visit, s)).toBe(visit.at + 24 * HOUR)
    expect(canSignOff(visit, member, visit.at + 24 * HOUR, s).ok).toBe(true)
    expect(canSignOff(visit, member, visit.at + 24 * HOUR + 1, s)).toMatchObject({ ok: false, code: 'VISIT.WINDOW_CLOSED' })
  })

  it('follows the configured window', () => {
    const short = settings({ visits: { signOffWindowHours: 2 } })
    expect(canSignOff(visit, member, visit.at + 3 * HOUR, short)).toMatchObject({ ok: false, code: 'VISIT.WINDOW_CLOSED' })
  })

  it('refuses a signature from anyone outside the household', () => {
    expect(canSignOff(visit, neighbour, visit.at + HOUR, s)).toEqual({ ok: false, code: 'VISIT.NOT_HOUSEHOLD_MEMBER' })
    expect(canSignOff(visit, makeCadre({ id: 'c2' }), visit.at + HOUR, s)).toEqual({ ok: false, code: 'VISIT.NOT_HOUSEHOLD_MEMBER' })
  })

  it('refuses the visiting cadre signing their own visit, even if they live in the household', () => {
    const cadreAtHome = makeCadre({ id: 'c1', householdId: 'h1' })
    expect(canSignOff(visit, cadreAtHome, visit.at + HOUR, s)).toEqual({ ok: false, code: 'VISIT.SELF_SIGN' })
  })

  it('refuses a signature dated before the visit', () => {
    expect(canSignOff(visit, member, visit.at - 1, s)).toEqual({ ok: false, code: 'VISIT.BEFORE_VISIT' })
  })

  it.each(['signed', 'disputed'] as const)('refuses to decide a %s entry again', (status) => {
    expect(canSignOff({ ...visit, status }, member, visit.at + HOUR, s)).toMatchObject({ ok: false, code: 'VISIT.ALREADY_DECIDED' })
  })
})

describe('signOff', () => {
  it('marks the visit signed, with the signer and the time', () => {
    const r = signOff(visit, member, visit.at + HOUR, s)
    expect(r).toEqual({ ok: true, value: { ...visit, status: 'signed', signedById: 'p-villager', signedAt: visit.at + HOUR, disputeReason: null } })
  })

  it('changes nothing when refused', () => {
    expect(signOff(visit, neighbour, visit.at + HOUR, s).ok).toBe(false)
    expect(visit.status).toBe('pending')
  })
})

describe('dispute', () => {
  it('marks the visit disputed with the reason', () => {
    const r = dispute(visit, member, ' 干部没有来过 ', visit.at + HOUR, s)
    expect(r.ok && r.value).toMatchObject({ status: 'disputed', signedById: 'p-villager', disputeReason: '干部没有来过' })
  })

  it('requires a reason', () => {
    expect(dispute(visit, member, '  ', visit.at + HOUR, s)).toEqual({ ok: false, code: 'VISIT.REASON_REQUIRED' })
  })

  it('obeys the same membership and window rules as a signature', () => {
    expect(dispute(visit, neighbour, '假的', visit.at + HOUR, s)).toMatchObject({ code: 'VISIT.NOT_HOUSEHOLD_MEMBER' })
    expect(dispute(visit, member, '假的', visit.at + 25 * HOUR, s)).toMatchObject({ code: 'VISIT.WINDOW_CLOSED' })
  })
})

describe('countsAsVisit', () => {
  it.each([
    ['signed', true],
    ['pending', false],
    ['disputed', false],
  ] as const)('a %s visit counts: %s', (status, counts) => {
    expect(countsAsVisit({ status })).toBe(counts)
  })

  it('treats a pending visit past its window as expired', () => {
    expect(isExpired(visit, visit.at + 24 * HOUR, s)).toBe(false)
    expect(isExpired(visit, visit.at + 24 * HOUR + 1, s)).toBe(true)
    expect(isExpired({ ...visit, status: 'signed' }, visit.at + 48 * HOUR, s)).toBe(false)
  })
})
