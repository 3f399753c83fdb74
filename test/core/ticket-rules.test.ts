/**
 * Tests of the ticket rules (DOMAIN 3.2, issues 12 item 4 and 14 items 5-7): resolving says what was
 * done, only the current holder works a ticket, each level has its own clock, the sweep's 提级督办
 * flag, the status sentence addressed to the reader, and reply templates per category.
 */
import { applyTransition, allowedActions } from '../../src/core/tickets'
import { flagOverdue, isCurrentHolder, isLevelOverdue, levelClock, levelHours, replyTemplatesOf, statusSentence } from '../../src/core/ticket-rules'
import type { Ticket } from '../../src/core/model'
import { at, HOUR, makeTicket, settings } from './factories'

const s = settings()
const filed = at('2026-11-16 09:00')
const accepted = () =>
  makeTicket({
    status: 'accepted',
    assigneeId: 'c1',
    history: [
      { seq: 1, action: 'create', from: null, to: 'submitted', actorId: 'p-villager', actorRole: 'reporter', at: filed, note: '' },
      { seq: 2, action: 'accept', from: 'submitted', to: 'accepted', actorId: 'c1', actorRole: 'cadre', at: filed + HOUR, note: '' },
    ],
  })
const escalated = (): Ticket => {
  const r = applyTransition(accepted(), { action: 'escalate_secretary', actorId: 'c1', actorRole: 'cadre', at: filed + 30 * HOUR, note: '需要村里协调', nextAssigneeId: 'sec1' })
  if (!r.ok) throw new Error(r.code)
  return r.value
}

describe('resolving', () => {
  it('resolving without a note of what was done is refused', () => {
    expect(applyTransition(accepted(), { action: 'resolve', actorId: 'c1', actorRole: 'cadre', at: filed + 2 * HOUR, note: '  ' })).toMatchObject({ ok: false, code: 'TICKET.REASON_REQUIRED' })
  })

  it('the holder resolves with a note of what was done', () => {
    const r = applyTransition(accepted(), { action: 'resolve', actorId: 'c1', actorRole: 'cadre', at: filed + 2 * HOUR, note: '证明已开好送到家' })
    expect(r.ok && r.value.history.at(-1)?.note).toBe('证明已开好送到家')
  })

  it('a cadre cannot resolve a ticket he escalated while the secretary holds it', () => {
    expect(applyTransition(escalated(), { action: 'resolve', actorId: 'c1', actorRole: 'cadre', at: filed + 40 * HOUR, note: '办好了' })).toMatchObject({ ok: false, code: 'TICKET.NOT_HOLDER' })
    expect(allowedActions(escalated(), ['cadre'], 'c1')).not.toContain('resolve')
    expect(allowedActions(escalated(), ['secretary'], 'sec1')).toContain('resolve')
  })

  it('another cadre than the one who accepted is not the holder', () => {
    expect(isCurrentHolder(accepted(), 'c2', 'cadre')).toBe(false)
    expect(isCurrentHolder(accepted(), 'c1', 'cadre')).toBe(true)
  })

  it('township staff do not resolve a ticket the cadre holds', () => {
    expect(applyTransition(accepted(), { action: 'resolve', actorId: 'office1', actorRole: 'township', at: filed + 2 * HOUR, note: 'x' })).toMatchObject({ code: 'TICKET.NOT_HOLDER' })
  })
})

describe('each level has its own deadline', () => {
  it('the cadre level uses the category deadline from filing (certificate: 48 h)', () => {
    expect(levelClock(accepted(), s)).toEqual({ level: 'cadre', startedAt: filed, dueAt: filed + 48 * HOUR })
  })

  it('an escalated ticket starts the secretary level clock at the escalation (72 h by default)', () => {
    expect(levelClock(escalated(), s)).toEqual({ level: 'secretary', startedAt: filed + 30 * HOUR, dueAt: filed + 102 * HOUR })
  })

  it('the secretary does not inherit the cadre level overdue hours', () => {
    expect(isLevelOverdue(escalated(), filed + 60 * HOUR, s)).toBe(false)
    expect(isLevelOverdue(escalated(), filed + 103 * HOUR, s)).toBe(true)
  })

  it('a category may set its own hours per level (loan: the secretary has 120 h)', () => {
    expect(levelHours('loan', 'secretary', s)).toBe(120)
    expect(levelHours('certificate', 'secretary', s)).toBe(72)
  })

  it('a resolved ticket has no level clock', () => {
    expect(levelClock(makeTicket({ status: 'resolved' }), s)).toBeNull()
  })
})

describe('提级督办: a level whose time runs out is flagged to the next level, once', () => {
  it('a cadre level past its deadline is flagged to the secretary', () => {
    const t = flagOverdue(accepted(), filed + 49 * HOUR, s)
    expect(t?.history.at(-1)).toMatchObject({ action: 'overdue', from: 'accepted', to: 'accepted', note: 'secretary', actorId: 'system' })
    expect(t?.status).toBe('accepted')
    expect(t?.version).toBe(accepted().version + 1)
  })

  it('a ticket within its level deadline is not flagged', () => {
    expect(flagOverdue(accepted(), filed + 47 * HOUR, s)).toBeNull()
  })

  it('a level is flagged once', () => {
    const once = flagOverdue(accepted(), filed + 49 * HOUR, s) as Ticket
    expect(flagOverdue(once, filed + 80 * HOUR, s)).toBeNull()
  })

  it('the township level past its deadline is flagged to supervision', () => {
    const t = makeTicket({
      status: 'township_session',
      assigneeId: null,
      history: [{ seq: 1, action: 'escalate_township', from: 'escalated_secretary', to: 'township_session', actorId: 'sec1', actorRole: 'secretary', at: filed, note: 'x' }],
    })
    expect(flagOverdue(t, filed + 337 * HOUR, s)?.history.at(-1)?.note).toBe('supervision')
  })
})

describe('the status sentence is addressed to the reader', () => {
  it('a resolved ticket asks its villager to confirm', () => {
    expect(statusSentence(makeTicket({ status: 'resolved' }), 'p-villager', ['reporter'])).toEqual({ kind: 'confirm_yours' })
  })

  it('a resolved ticket tells the cadre it waits for the villager', () => {
    expect(statusSentence(makeTicket({ status: 'resolved' }), 'c1', ['cadre'])).toEqual({ kind: 'waiting_villager' })
  })

  it('the holder reads that it is his, others read who holds it', () => {
    expect(statusSentence(escalated(), 'sec1', ['secretary'])).toEqual({ kind: 'yours', level: 'secretary' })
    expect(statusSentence(escalated(), 'c1', ['cadre'])).toEqual({ kind: 'held_by', level: 'secretary', holderId: 'sec1' })
    expect(statusSentence(escalated(), 'p-villager', ['reporter'])).toEqual({ kind: 'held_by', level: 'secretary', holderId: 'sec1' })
  })
})

describe('reply templates per category', () => {
  it('a category offers its own templates', () => {
    expect(replyTemplatesOf('loan', s)).toEqual(['received', 'loanBank', 'loanApproved'])
  })

  it('a category without its own list offers the general ones', () => {
    expect(replyTemplatesOf('other', s)).toEqual(s.tickets.replyTemplates['*'])
  })
})
