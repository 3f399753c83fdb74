/** Issue 13's rules: reporter anonymity, redaction of public text, call-backs (好差评 回访). */
import { DEFAULT_SETTINGS } from '../../src/core/settings'
import {
  blockedWordsIn,
  callBackCounts,
  callBackDueAt,
  callBackReasonOfStep,
  callBackState,
  hasPersonalData,
  householdVisibleTo,
  redactPublicText,
  reporterVisibleTo,
  revealReasonValid,
} from '../../src/core/voice'

const ticket = { anonymous: true, reporterId: 'v1', assigneeId: 'sec-1', householdId: 'hh-1' }
const viewer = (personId: string, residentCadre = false) => ({ personId, residentCadre })

describe('reporterVisibleTo: an anonymous reporter is shown only to the cadre handling it', () => {
  it('shows the reporter to the household cadre and to themself', () => {
    expect(reporterVisibleTo(ticket, 'cadre-1', viewer('cadre-1', true))).toBe(true)
    expect(reporterVisibleTo(ticket, 'cadre-1', viewer('v1'))).toBe(true)
  })
  it('hides the reporter from the secretary holding it, other cadres, the office and supervision', () => {
    for (const id of ['sec-1', 'cadre-2', 'office-1', 'sup-1', 'v2']) expect(reporterVisibleTo(ticket, 'cadre-1', viewer(id, id === 'cadre-2'))).toBe(false)
  })
  it('shows it to a resident cadre a joint meeting made the holder', () => {
    expect(reporterVisibleTo({ ...ticket, assigneeId: 'cadre-2' }, 'cadre-1', viewer('cadre-2', true))).toBe(true)
  })
  it('shows a named report to everyone who may read it', () => {
    expect(reporterVisibleTo({ ...ticket, anonymous: false }, 'cadre-1', viewer('office-1'))).toBe(true)
  })
})

describe('householdVisibleTo: the household number follows the reporter rule; members know their own', () => {
  it('applies', () => {
    expect(householdVisibleTo(false, 'hh-1', ticket)).toBe(true)
    expect(householdVisibleTo(false, 'hh-2', ticket)).toBe(false)
    expect(householdVisibleTo(true, null, ticket)).toBe(true)
  })
})

describe('revealReasonValid: a reveal needs a reason', () => {
  it('refuses blank and token reasons', () => {
    expect(revealReasonValid('  查 ')).toBe(false)
    expect(revealReasonValid('核查冒名反映')).toBe(true)
  })
})

describe('redactPublicText: phones, ID numbers and private names hidden', () => {
  it('redacts mobile numbers, landlines and ID numbers', () => {
    expect(redactPublicText('打13912345678或+86 139 1234 5678，座机0477-8512345', [])).toBe('打***或***，座机***')
    expect(redactPublicText('身份证15262519880101123X，旧证152625880101123', [])).toBe('身份证***，旧证***')
  })
  it('redacts private names, longest first, and leaves other text', () => {
    expect(redactPublicText('田刚和田刚强吵架了', ['田刚', '田刚强'])).toBe('***和***吵架了')
    expect(redactPublicText('路灯坏了三天', ['田刚'])).toBe('路灯坏了三天')
    expect(hasPersonalData('路灯坏了', ['田刚'])).toBe(false)
  })
  it('ignores one-character names (they would blank ordinary words)', () => {
    expect(redactPublicText('王家的路', ['王'])).toBe('王家的路')
  })
})

describe('blockedWordsIn: the local word list', () => {
  it('finds insults', () => {
    expect(blockedWordsIn('骗子王八蛋')).toEqual(['王八蛋'])
    expect(blockedWordsIn('谢谢张干部')).toEqual([])
  })
})

describe('callBackReasonOfStep: 1-2 stars and a reopen are called back', () => {
  it('applies the setting', () => {
    expect(callBackReasonOfStep('confirm', 1, DEFAULT_SETTINGS)).toBe('lowSatisfaction')
    expect(callBackReasonOfStep('confirm', 2, DEFAULT_SETTINGS)).toBe('lowSatisfaction')
    expect(callBackReasonOfStep('confirm', 3, DEFAULT_SETTINGS)).toBeNull()
    expect(callBackReasonOfStep('confirm', null, DEFAULT_SETTINGS)).toBeNull()
    expect(callBackReasonOfStep('reopen', null, DEFAULT_SETTINGS)).toBe('reopened')
    expect(callBackReasonOfStep('resolve', null, DEFAULT_SETTINGS)).toBeNull()
    expect(callBackReasonOfStep('confirm', 3, { ...DEFAULT_SETTINGS, callBacks: { lowStars: 3, deadlineHours: 24 } })).toBe('lowSatisfaction')
  })
})

describe('callBackDueAt / callBackState / callBackCounts: due within the deadline, overdue after it', () => {
  it('counts the deadline itself as due', () => {
    const due = callBackDueAt(0, DEFAULT_SETTINGS)
    expect(due).toBe(72 * 3_600_000)
    expect(callBackState({ doneAt: null, dueAt: due }, due)).toBe('due')
    expect(callBackState({ doneAt: null, dueAt: due }, due + 1)).toBe('overdue')
    expect(callBackState({ doneAt: due + 5, dueAt: due }, due + 10)).toBe('done')
    expect(callBackCounts([{ doneAt: null, dueAt: 10 }, { doneAt: null, dueAt: 5 }, { doneAt: 1, dueAt: 5 }], 7)).toEqual({ due: 1, overdue: 1, done: 1 })
  })
})
