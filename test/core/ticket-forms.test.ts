/** Category forms (Open311-like questions) and who hears about a ticket's step. */
import { expectedCompletion, validateAnswers, validateResult } from '../../src/core/ticket-forms'
import { notificationRecipients } from '../../src/core/notifications'
import { DEFAULT_SETTINGS } from '../../src/core/settings'
import { makeTicket } from './factories'

const s = DEFAULT_SETTINGS

describe('a service request answers its category questions', () => {
  it('accepts required answers of the right type and drops blank optional ones', () => {
    expect(validateAnswers('certificate', { certType: 'income', purpose: '  ', neededBy: '2026-12-01' }, s)).toEqual({ ok: true, value: { certType: 'income', neededBy: '2026-12-01' } })
  })
  it.each([
    ['a missing required answer', 'loan', { use: 'livestock' }, 'amountYuan', 'required'],
    ['a number below the minimum', 'loan', { amountYuan: 999, use: 'livestock' }, 'amountYuan', 'out_of_range'],
    ['an option not offered', 'certificate', { certType: 'lottery' }, 'certType', 'unknown_option'],
    ['the same option twice', 'subsidy', { subsidyType: ['grassland', 'grassland'] }, 'subsidyType', 'unknown_option'],
    ['a malformed date', 'certificate', { certType: 'income', neededBy: '12/01' }, 'neededBy', 'bad_date'],
    ['text where a number is asked', 'loan', { amountYuan: '五万', use: 'livestock' }, 'amountYuan', 'wrong_type'],
    ['a question the category does not ask', 'hukou', { matter: 'birth', color: 'red' }, 'color', 'unknown_question'],
  ])('refuses %s', (_label, category, answers, questionId, reason) => {
    const r = validateAnswers(category, answers as never, s)
    expect(r).toMatchObject({ ok: false, code: 'TICKET.ANSWERS_INVALID' })
    if (!r.ok) expect(r.detail?.issues).toContainEqual({ questionId, reason })
  })
  it('a category without a form asks nothing', () => {
    expect(validateAnswers('other', {}, s)).toEqual({ ok: true, value: {} })
  })
  it('promises completion by the category deadline (助农贷款: 120 h)', () => {
    expect(expectedCompletion('loan', 0, s)).toBe(120 * 3_600_000)
  })
})

describe('a resolution records only the figures its category keeps (DOMAIN 3.11)', () => {
  it('keeps loan and beneficiaries for 助农贷款', () => {
    expect(validateResult('loan', { loanYuan: 6_000_000, beneficiaries: 3 }, s)).toEqual({ ok: true, value: { loanYuan: 6_000_000, beneficiaries: 3 } })
  })
  it('refuses funds on a certificate and negative figures', () => {
    expect(validateResult('certificate', { fundsYuan: 1 }, s)).toMatchObject({ ok: false, code: 'TICKET.RESULT_NOT_ALLOWED' })
    expect(validateResult('loan', { loanYuan: -1 }, s)).toMatchObject({ ok: false, code: 'TICKET.RESULT_NOT_ALLOWED' })
  })
})

describe('who hears about a step', () => {
  const facts = { previousAssigneeId: null, householdMemberIds: ['m1', 'm2'], householdCadreId: 'c1', villageSecretaryId: 'sec1' }
  it('the reporter, the holder and the cadre, never the actor; the secretary once it is escalated', () => {
    const t = makeTicket({ reporterId: 'v1', assigneeId: 'c1', status: 'accepted' })
    expect(notificationRecipients({ ...facts, ticket: t, actorId: 'c1' })).toEqual(['v1'])
    const up = makeTicket({ reporterId: 'v1', assigneeId: 'sec1', status: 'escalated_secretary' })
    expect(notificationRecipients({ ...facts, ticket: up, previousAssigneeId: 'c1', actorId: 'c1' }).sort()).toEqual(['sec1', 'v1'])
  })
  it('a ticket filed on behalf notifies the household members, and followers hear too', () => {
    const t = makeTicket({ reporterId: 'c1', filedOnBehalf: true, assigneeId: 'c1', status: 'resolved', followerIds: ['f1'] })
    expect(notificationRecipients({ ...facts, ticket: t, actorId: 'c1' }).sort()).toEqual(['f1', 'm1', 'm2'])
  })
})
