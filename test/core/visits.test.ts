/**
 * Tests of 民情日记 sign-off: only a member of the visited household, within 24 h of the visit, on a
 * pending entry. One rule: only a signed visit counts.
 */
import { canSignFor, canSignOff, countsAsVisit, dispute, isExpired, proxyCandidates, signOff, signOffDeadline } from '../../src/core/visits'
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

describe('proxy signing (代签): a member may sign for a member of the same household without a phone', () => {
  const noPhone = makePerson({ id: 'p-grandma', householdId: 'h1', hasPhone: false })
  const withPhone = makePerson({ id: 'p-son', householdId: 'h1', hasPhone: true })
  const refused = { ok: false, code: 'VISIT.PROXY_NOT_ALLOWED' }

  it('a household member may sign for a member of the same household who has no phone', () => {
    expect(canSignFor(visit, member, noPhone)).toEqual({ ok: true, value: true })
  })

  it('nobody signs for a member who has a phone: that member signs on their own phone', () => {
    expect(canSignFor(visit, member, withPhone)).toEqual(refused)
  })

  it('nobody signs for a person of another household, even one without a phone', () => {
    expect(canSignFor(visit, member, makePerson({ id: 'p-far', householdId: 'h2', hasPhone: false }))).toEqual(refused)
  })

  it('a signer outside the visited household may not sign for its member without a phone', () => {
    expect(canSignFor(visit, neighbour, noPhone)).toEqual(refused)
  })

  it('a signer does not sign for themselves by proxy', () => {
    const phoneless = makePerson({ id: 'p-self', householdId: 'h1', hasPhone: false })
    expect(canSignFor(visit, phoneless, phoneless)).toEqual(refused)
  })

  it('nobody signs for the visiting cadre, even when he lives in the household and has no phone', () => {
    expect(canSignFor(visit, member, makeCadre({ id: 'c1', householdId: 'h1', hasPhone: false }))).toEqual(refused)
  })

  it('an unknown person cannot be signed for', () => {
    expect(canSignFor(visit, member, null)).toEqual(refused)
  })

  it('the sign-off page offers exactly the members the signer may sign for', () => {
    const household = [member, noPhone, withPhone, makeCadre({ id: 'c1', householdId: 'h1', hasPhone: false })]
    expect(proxyCandidates(visit, member, household).map((p) => p.id)).toEqual(['p-grandma'])
    expect(proxyCandidates(visit, neighbour, household)).toEqual([])
  })
})
