/** Identity and binding rules (DOMAIN 3.12): who may judge a cadre from which account; one account, one person; phone codes. */
import { bindingConflict, judgeRefusal, mayRequestPhoneCode, phoneCodeOpen, type BindingFacts } from '../../src/core/binding'
import { HOUR, makePerson, settings } from './factories'

const now = Date.UTC(2026, 10, 23, 2)
const s = settings()
const villager = makePerson({ id: 'v1' })
const binding = (over: Partial<BindingFacts> = {}): BindingFacts => ({ personId: 'v1', openid: 'o1', boundAt: now - 48 * HOUR, method: 'phone', issuerId: null, ...over })
const judge = (bindings: BindingFacts[], person = villager, asVillager = true) => judgeRefusal('cadre-a', { person, asVillager, bindings }, now, s)

describe('who may judge a cadre (sign off, rate)', () => {
  it('an account bound by phone two days ago may judge', () => {
    expect(judge([binding()])).toBeNull()
  })

  it('an account bound by an invitation the judged cadre issued is refused', () => {
    expect(judge([binding({ method: 'invitation', issuerId: 'cadre-a' })])).toBe('boundByJudged')
    // An invitation from the secretary is not his.
    expect(judge([binding({ method: 'invitation', issuerId: 'secretary-a' })])).toBeNull()
  })

  it('an account bound less than the setting hours ago is refused, and at the setting hours it may judge', () => {
    expect(s.binding.minHoursBeforeJudging).toBe(12)
    expect(judge([binding({ boundAt: now - 12 * HOUR + 1 })])).toBe('boundRecently')
    expect(judge([binding({ boundAt: now - 12 * HOUR })])).toBeNull()
  })

  it('a staff account is refused as a villager, and may judge in its own band', () => {
    const cadreVillager = makePerson({ id: 'v1', roles: ['villager', 'cadre'], duty: 'resident' })
    expect(judge([binding()], cadreVillager)).toBe('staffAccount')
    expect(judge([binding()], makePerson({ id: 'v1', roles: ['villager', 'secretary'] }))).toBe('staffAccount')
    expect(judge([binding()], makePerson({ id: 'v1', roles: ['cadre', 'leader'], duty: 'office' }), false)).toBeNull()
  })

  it('an account also bound to another person is refused', () => {
    expect(judge([binding(), binding({ personId: 'someone-else' })])).toBe('sharedAccount')
  })

  it('the local demo login, with no binding, may judge', () => {
    expect(judge([])).toBeNull()
  })
})

describe('one account, one person', () => {
  it('an account bound to someone else is taken', () => {
    expect(bindingConflict('v1', [{ personId: 'v2' }], [], s)).toBe('accountTaken')
  })
  it('binding the same account to the same person again changes nothing', () => {
    expect(bindingConflict('v1', [{ personId: 'v1' }], [{ openid: 'o1' }], s)).toBe('same')
  })
  it('a person has one account unless the setting allows more', () => {
    expect(bindingConflict('v1', [], [{ openid: 'o-old' }], s)).toBe('personFull')
    expect(bindingConflict('v1', [], [{ openid: 'o-old' }], settings({ binding: { ...s.binding, maxAccountsPerPerson: 2 } }))).toBeNull()
    expect(bindingConflict('v1', [], [], s)).toBeNull()
  })
})

describe('one-time phone codes', () => {
  const code = { expiresAt: now + 10 * 60_000, attempts: 0, usedAt: null }
  it('a fresh code may be tried', () => expect(phoneCodeOpen(code, now, s)).toBeNull())
  it('a used code is dead', () => expect(phoneCodeOpen({ ...code, usedAt: now - 1 }, now, s)).toBe('used'))
  it('a code one millisecond past its expiry is dead', () => expect(phoneCodeOpen(code, code.expiresAt + 1, s)).toBe('expired'))
  it('a code tried wrongly the setting number of times is locked', () => {
    expect(phoneCodeOpen({ ...code, attempts: s.binding.codeAttempts - 1 }, now, s)).toBeNull()
    expect(phoneCodeOpen({ ...code, attempts: s.binding.codeAttempts }, now, s)).toBe('locked')
  })
  it('at most the setting number of codes go to a phone within an hour', () => {
    const sent = Array.from({ length: s.binding.codesPerHour }, (_, i) => now - i * 60_000)
    expect(mayRequestPhoneCode(sent.slice(1), now, s)).toBe(true)
    expect(mayRequestPhoneCode(sent, now, s)).toBe(false)
    expect(mayRequestPhoneCode(sent.map((t) => t - HOUR), now, s)).toBe(true)
  })
})
