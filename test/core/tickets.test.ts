/**
 * Tests of the ticket life cycle. The allowed moves are written out below by hand (the spec), and
 * every status x action x role combination is checked against them, so the transition table
 * cannot drift silently. One rule: a refused move returns a stable code and changes nothing.
 */
import { HOLDER_ACTIONS, isCurrentHolder } from '../../src/core/ticket-rules'
import type { Ticket, TicketAction, TicketActorRole, TicketStatus } from '../../src/core/model'
import {
  TICKET_ACTIONS,
  TICKET_ACTOR_ROLES,
  TICKET_STATUSES,
  TICKET_TRANSITIONS,
  allowedActions,
  applyTransition,
  isEscalated,
  isFinal,
  isOpen,
  isOverdue,
  isWithHandler,
  newTicket,
  ticketRates,
  ticketRolesOf,
  type TransitionInput,
} from '../../src/core/tickets'
import { HOUR, at, makeTicket, settings } from './factories'

const s = settings()
const T0 = at('2026-11-16 09:00')

/** [from, action, to, who] — every allowed move, written from DOMAIN.md 3.1-3.2. */
const ALLOWED: [TicketStatus, TicketAction, TicketStatus, TicketActorRole][] = [
  ['submitted', 'accept', 'accepted', 'cadre'],
  ['submitted', 'withdraw', 'withdrawn', 'reporter'],
  ['accepted', 'withdraw', 'withdrawn', 'reporter'],
  ['accepted', 'escalate_secretary', 'escalated_secretary', 'cadre'],
  ['escalated_secretary', 'escalate_joint_meeting', 'joint_meeting', 'secretary'],
  ['escalated_secretary', 'escalate_township', 'township_session', 'secretary'],
  ['joint_meeting', 'escalate_township', 'township_session', 'secretary'],
  ['resolved', 'confirm', 'closed', 'reporter'],
  ['resolved', 'reopen', 'accepted', 'reporter'],
  ['joint_meeting', 'decide', 'joint_meeting', 'secretary'],
  ...(['accepted', 'escalated_secretary', 'joint_meeting', 'township_session'] as const).flatMap((from) =>
    (['cadre', 'secretary', 'township'] as const).flatMap(
      (who): [TicketStatus, TicketAction, TicketStatus, TicketActorRole][] => [
        [from, 'progress', from, who],
        [from, 'resolve', 'resolved', who],
      ],
    ),
  ),
]

const actorIdOf: Record<TicketActorRole, string> = { reporter: 'p-villager', cadre: 'c1', secretary: 'sec1', township: 'office1' }

const move = (action: TicketAction, actorRole: TicketActorRole, extra: Partial<TransitionInput> = {}): TransitionInput => ({
  action,
  actorRole,
  actorId: actorIdOf[actorRole],
  at: T0 + HOUR,
  note: '情况说明',
  ...(action === 'escalate_secretary' || action === 'decide' ? { nextAssigneeId: 'sec1' } : {}),
  ...extra,
})

const inStatus = (status: TicketStatus, overrides: Partial<Ticket> = {}) => makeTicket({ status, ...overrides })

describe('the transition table', () => {
  it('has exactly one row per action, and covers every action', () => {
    expect([...TICKET_ACTIONS].sort()).toEqual(
      ['accept', 'progress', 'resolve', 'escalate_secretary', 'escalate_joint_meeting', 'escalate_township', 'confirm', 'reopen', 'withdraw', 'decide'].sort(),
    )
    expect(new Set(TICKET_ACTIONS).size).toBe(TICKET_TRANSITIONS.length)
  })

  const combos = TICKET_STATUSES.flatMap((from) =>
    TICKET_ACTIONS.flatMap((action) => TICKET_ACTOR_ROLES.map((role) => [from, action, role] as const)),
  )

  it.each(combos)('from %s, %s by %s is allowed exactly when the spec lists it', (from, action, role) => {
    const spec = ALLOWED.find(([f, a, , w]) => f === from && a === action && w === role)
    const result = applyTransition(inStatus(from), move(action, role))
    const holderOnly = (HOLDER_ACTIONS as readonly string[]).includes(action) && !isCurrentHolder(inStatus(from), actorIdOf[role], role)
    if (spec && holderOnly) {
      // The table lets the role take the step, but only the current holder of the level may (ticket-rules).
      expect(result).toMatchObject({ ok: false, code: 'TICKET.NOT_HOLDER' })
    } else if (spec) {
      expect(result.ok).toBe(true)
      if (result.ok) expect(result.value.status).toBe(spec[2])
    } else {
      const actionFitsStatus = ALLOWED.some(([f, a]) => f === from && a === action)
      expect(result).toMatchObject({ ok: false, code: actionFitsStatus ? 'TICKET.FORBIDDEN_ACTOR' : 'TICKET.INVALID_TRANSITION' })
    }
  })

  it.each(TICKET_STATUSES.flatMap((st) => TICKET_ACTOR_ROLES.map((r) => [st, r] as const)))(
    'in %s, %s is offered exactly the allowed actions',
    (status, role) => {
      const expected = ALLOWED.filter(([f, , , w]) => f === status && w === role).map(([, a]) => a)
      expect(allowedActions({ status }, role).sort()).toEqual([...new Set(expected)].sort())
    },
  )

  it('offers the union of actions to a person holding several roles', () => {
    expect(allowedActions({ status: 'accepted' }, ['reporter', 'cadre']).sort()).toEqual(
      ['escalate_secretary', 'progress', 'resolve', 'withdraw'].sort(),
    )
  })

  it('offers nothing on a final ticket', () => {
    expect(allowedActions({ status: 'closed' }, TICKET_ACTOR_ROLES)).toEqual([])
    expect(allowedActions({ status: 'withdrawn' }, TICKET_ACTOR_ROLES)).toEqual([])
  })
})

describe('status questions', () => {
  it.each([
    ['submitted', true, false, false, false],
    ['accepted', true, false, true, false],
    ['escalated_secretary', true, false, true, true],
    ['joint_meeting', true, false, true, true],
    ['township_session', true, false, true, true],
    ['resolved', true, false, false, false],
    ['closed', false, true, false, false],
    ['withdrawn', false, true, false, false],
  ] as const)('%s: open %s, final %s, with a handler %s, escalated %s', (status, open, final, handler, escalated) => {
    expect(isOpen(status)).toBe(open)
    expect(isFinal(status)).toBe(final)
    expect(isWithHandler(status)).toBe(handler)
    expect(isEscalated(status)).toBe(escalated)
  })

  it('calls a ticket overdue only while the township side still owes work past dueAt', () => {
    const t = makeTicket()
    expect(isOverdue(t, t.dueAt)).toBe(false)
    expect(isOverdue(t, t.dueAt + 1)).toBe(true)
    expect(isOverdue({ ...t, status: 'resolved' }, t.dueAt + 1)).toBe(false)
  })
})

describe('applyTransition', () => {
  it('appends one event with the next seq, bumps the version and keeps the rest of the history', () => {
    const t = makeTicket()
    const r = applyTransition(t, move('accept', 'cadre', { note: '  已收到  ' }))
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.version).toBe(2)
    expect(r.value.history).toHaveLength(2)
    expect(r.value.history[0]).toEqual(t.history[0])
    expect(r.value.history[1]).toEqual({
      seq: 2,
      action: 'accept',
      from: 'submitted',
      to: 'accepted',
      actorId: 'c1',
      actorRole: 'cadre',
      at: T0 + HOUR,
      note: '已收到',
    })
    expect(t.status).toBe('submitted') // the input is not mutated
  })

  it('keeps the status on a progress note', () => {
    const r = applyTransition(inStatus('joint_meeting', { assigneeId: 'sec1' }), move('progress', 'secretary', { note: '已召开会议' }))
    expect(r.ok && r.value.status).toBe('joint_meeting')
    expect(r.ok && r.value.history.at(-1)?.note).toBe('已召开会议')
  })

  it.each(['progress', 'escalate_secretary', 'reopen'] as const)('needs a non-empty note to %s', (action) => {
    const from: TicketStatus = action === 'reopen' ? 'resolved' : 'accepted'
    const role: TicketActorRole = action === 'reopen' ? 'reporter' : 'cadre'
    expect(applyTransition(inStatus(from), move(action, role, { note: '   ' }))).toEqual({
      ok: false,
      code: 'TICKET.REASON_REQUIRED',
      detail: { action },
    })
  })

  it.each([
    ['escalate_joint_meeting', 'escalated_secretary'],
    ['escalate_township', 'joint_meeting'],
  ] as const)('needs a reason to %s', (action, from) => {
    expect(applyTransition(inStatus(from), move(action, 'secretary', { note: undefined }))).toMatchObject({
      ok: false,
      code: 'TICKET.REASON_REQUIRED',
    })
  })

  it('makes the accepting cadre the assignee', () => {
    const r = applyTransition(inStatus('submitted', { assigneeId: null }), move('accept', 'cadre'))
    expect(r.ok && r.value.assigneeId).toBe('c1')
  })

  it('hands an escalation to the village secretary named in nextAssigneeId, and refuses one without', () => {
    const r = applyTransition(inStatus('accepted'), move('escalate_secretary', 'cadre', { nextAssigneeId: 'sec1' }))
    expect(r.ok && r.value.assigneeId).toBe('sec1')
    expect(applyTransition(inStatus('accepted'), move('escalate_secretary', 'cadre', { nextAssigneeId: undefined }))).toMatchObject({
      ok: false,
      code: 'TICKET.ASSIGNEE_REQUIRED',
    })
  })

  it('leaves the secretary holding a ticket taken to the joint meeting', () => {
    const r = applyTransition(
      inStatus('escalated_secretary', { assigneeId: 'sec1' }),
      move('escalate_joint_meeting', 'secretary', { nextAssigneeId: undefined }),
    )
    expect(r.ok && r.value.assigneeId).toBe('sec1')
  })

  it('puts a ticket sent to the township session in the township queue unless a person is named', () => {
    const queued = applyTransition(inStatus('joint_meeting'), move('escalate_township', 'secretary', { nextAssigneeId: undefined }))
    expect(queued.ok && queued.value.assigneeId).toBeNull()
    const named = applyTransition(inStatus('joint_meeting'), move('escalate_township', 'secretary', { nextAssigneeId: 'office1' }))
    expect(named.ok && named.value.assigneeId).toBe('office1')
  })

  it('returns a reopened ticket to the cadre who first accepted it', () => {
    let t = makeTicket()
    const steps: TransitionInput[] = [
      move('accept', 'cadre'),
      move('escalate_secretary', 'cadre', { nextAssigneeId: 'sec1' }),
      move('resolve', 'secretary'),
      move('reopen', 'reporter', { note: '路灯还是不亮' }),
    ]
    for (const step of steps) {
      const r = applyTransition(t, step)
      if (!r.ok) throw new Error(r.code)
      t = r.value
    }
    expect(t.status).toBe('accepted')
    expect(t.assigneeId).toBe('c1')
    expect(t.history.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5])
    expect(t.version).toBe(5)
  })

  it('records the villager satisfaction on confirm', () => {
    const r = applyTransition(inStatus('resolved'), move('confirm', 'reporter', { satisfaction: 5 }))
    expect(r.ok && r.value).toMatchObject({ status: 'closed', satisfaction: 5 })
  })

  it.each([0, 6, 4.5, Number.NaN])('refuses a satisfaction of %s', (satisfaction) => {
    expect(applyTransition(inStatus('resolved'), move('confirm', 'reporter', { satisfaction }))).toMatchObject({
      ok: false,
      code: 'TICKET.SATISFACTION_OUT_OF_RANGE',
    })
  })

  it('merges outcome figures given on resolve', () => {
    const r = applyTransition(
      inStatus('accepted', { result: { beneficiaries: 3 } }),
      move('resolve', 'cadre', { result: { loanYuan: 50_000 } }),
    )
    expect(r.ok && r.value.result).toEqual({ beneficiaries: 3, loanYuan: 50_000 })
  })

  it('does not let a handler confirm the work as reporter, even on a ticket filed on behalf', () => {
    const t = inStatus('resolved', {
      reporterId: 'c1',
      filedOnBehalf: true,
      history: [
        { seq: 1, action: 'create', from: null, to: 'submitted', actorId: 'c1', actorRole: 'reporter', at: T0, note: '' },
        { seq: 2, action: 'accept', from: 'submitted', to: 'accepted', actorId: 'c1', actorRole: 'cadre', at: T0, note: '' },
        { seq: 3, action: 'resolve', from: 'accepted', to: 'resolved', actorId: 'c1', actorRole: 'cadre', at: T0, note: '' },
      ],
    })
    expect(applyTransition(t, move('confirm', 'reporter', { actorId: 'c1' }))).toMatchObject({
      ok: false,
      code: 'TICKET.FORBIDDEN_ACTOR',
    })
    expect(applyTransition(t, move('confirm', 'reporter', { actorId: 'p-villager' })).ok).toBe(true)
  })
})

describe('ticketRolesOf', () => {
  const rel = { personId: 'x', personHouseholdId: null, householdCadreId: 'c1', villageSecretaryId: 'sec1', townshipStaff: false }

  it('makes the filer the reporter', () => {
    expect(ticketRolesOf(makeTicket(), { ...rel, personId: 'p-villager', personHouseholdId: 'h1' })).toEqual(['reporter'])
  })

  it('makes any other household member, not the filing cadre, the reporter of a ticket filed on behalf', () => {
    const t = makeTicket({ reporterId: 'c1', filedOnBehalf: true })
    expect(ticketRolesOf(t, { ...rel, personId: 'grandson', personHouseholdId: 'h1' })).toEqual(['reporter'])
    expect(ticketRolesOf(t, { ...rel, personId: 'c1' })).toEqual(['cadre'])
    expect(ticketRolesOf(t, { ...rel, personId: 'neighbour', personHouseholdId: 'h2' })).toEqual([])
  })

  it('gives the household cadre, the village secretary and township staff their roles', () => {
    expect(ticketRolesOf(makeTicket(), { ...rel, personId: 'c1' })).toEqual(['cadre'])
    expect(ticketRolesOf(makeTicket(), { ...rel, personId: 'sec1' })).toEqual(['secretary'])
    expect(ticketRolesOf(makeTicket(), { ...rel, personId: 'office1', townshipStaff: true })).toEqual(['township'])
  })
})

describe('newTicket', () => {
  const input = {
    id: 'tk9',
    townshipId: 't1',
    villageId: 'v1',
    householdId: 'h1',
    kind: 'service' as const,
    category: 'certificate',
    description: ' 开具收入证明 ',
    reporterId: 'p-villager',
    assigneeId: 'c1',
    at: T0,
  }

  it('opens a submitted ticket with a create event and dueAt from the category deadline (48 h)', () => {
    const r = newTicket(input, s)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value).toMatchObject({
      status: 'submitted',
      version: 1,
      createdAt: T0,
      dueAt: T0 + 48 * HOUR,
      description: '开具收入证明',
      filedOnBehalf: false,
      anonymous: false,
      satisfaction: null,
      photoUrls: [],
    })
    expect(r.value.history).toEqual([
      { seq: 1, action: 'create', from: null, to: 'submitted', actorId: 'p-villager', actorRole: 'reporter', at: T0, note: '' },
    ])
  })

  it('accepts a category of kind both for either kind', () => {
    const r = newTicket({ ...input, kind: 'problem', category: 'land' }, s)
    expect(r.ok && r.value.dueAt).toBe(T0 + 168 * HOUR)
  })

  it('refuses an unknown category', () => {
    expect(newTicket({ ...input, category: 'nope' }, s)).toMatchObject({ ok: false, code: 'TICKET.UNKNOWN_CATEGORY' })
  })

  it('refuses a category of the other kind', () => {
    expect(newTicket({ ...input, kind: 'problem' }, s)).toMatchObject({ ok: false, code: 'TICKET.CATEGORY_KIND_MISMATCH' })
  })

  it('refuses an empty description', () => {
    expect(newTicket({ ...input, description: '  ' }, s)).toMatchObject({ ok: false, code: 'TICKET.DESCRIPTION_REQUIRED' })
  })
})

describe('ticketRates', () => {
  const range = { start: at('2026-11-01 00:00'), end: at('2026-12-01 00:00') }
  const due = T0 + 48 * HOUR

  /** A ticket whose history holds the given [action, at] events, ending in `status`. */
  const withHistory = (id: string, status: TicketStatus, events: [TicketAction, number][], extra: Partial<Ticket> = {}) =>
    makeTicket({
      id,
      status,
      history: [
        makeTicket().history[0],
        ...events.map(([action, when], i) => ({
          seq: i + 2,
          action,
          from: 'submitted' as const,
          to: status,
          actorId: 'c1',
          actorRole: 'cadre' as const,
          at: when,
          note: '',
        })),
      ],
      ...extra,
    })

  it('counts a ticket as responded when it was accepted at or before dueAt', () => {
    const tickets = [
      withHistory('a', 'accepted', [['accept', due]]),
      withHistory('b', 'accepted', [['accept', due + 1]]),
      withHistory('c', 'submitted', []),
    ]
    expect(ticketRates(tickets, range).response).toEqual({ numerator: 1, denominator: 3, rate: 1 / 3 })
  })

  it('counts a ticket as resolved when it is resolved or closed and its latest resolve was by dueAt', () => {
    const tickets = [
      withHistory('a', 'closed', [['accept', T0], ['resolve', due], ['confirm', due + HOUR]]),
      withHistory('b', 'resolved', [['accept', T0], ['resolve', due + 1]]),
      // resolved in time, but the villager reopened it: not resolved
      withHistory('c', 'accepted', [['accept', T0], ['resolve', T0 + HOUR], ['reopen', T0 + 2 * HOUR]]),
      // resolved again after the deadline: the latest resolve counts
      withHistory('d', 'resolved', [['accept', T0], ['resolve', T0 + HOUR], ['reopen', T0 + 2 * HOUR], ['resolve', due + HOUR]]),
    ]
    expect(ticketRates(tickets, range).resolution).toEqual({ numerator: 1, denominator: 4, rate: 0.25 })
  })

  it('counts satisfaction over rated closed tickets only: 4 or 5 stars satisfied', () => {
    const tickets = [
      makeTicket({ id: 'a', status: 'closed', satisfaction: 5 }),
      makeTicket({ id: 'b', status: 'closed', satisfaction: 4 }),
      makeTicket({ id: 'c', status: 'closed', satisfaction: 3 }),
      makeTicket({ id: 'd', status: 'closed', satisfaction: null }),
      makeTicket({ id: 'e', status: 'resolved', satisfaction: null }),
    ]
    expect(ticketRates(tickets, range).satisfaction).toEqual({ numerator: 2, denominator: 3, rate: 2 / 3 })
  })

  it('ignores tickets created outside the range', () => {
    const outside = withHistory('x', 'accepted', [['accept', T0]], { createdAt: at('2026-12-01 00:00') })
    expect(ticketRates([outside], range).response).toEqual({ numerator: 0, denominator: 0, rate: null })
  })

  it('leaves out a ticket withdrawn before it was due, but keeps one withdrawn after', () => {
    const early = withHistory('a', 'withdrawn', [['withdraw', T0 + HOUR]])
    const late = withHistory('b', 'withdrawn', [['withdraw', due + HOUR]])
    const rates = ticketRates([early, late], range)
    expect(rates.response).toEqual({ numerator: 0, denominator: 1, rate: 0 })
    expect(rates.resolution).toEqual({ numerator: 0, denominator: 1, rate: 0 })
  })

  it('with asOf, does not judge a ticket whose deadline has not come yet', () => {
    const running = withHistory('a', 'submitted', [])
    expect(ticketRates([running], range, T0 + HOUR).response.denominator).toBe(0)
    expect(ticketRates([running], range, due + 1).response.denominator).toBe(1)
    const acceptedEarly = withHistory('b', 'accepted', [['accept', T0 + HOUR]])
    const rates = ticketRates([acceptedEarly], range, T0 + 2 * HOUR)
    expect(rates.response).toEqual({ numerator: 1, denominator: 1, rate: 1 })
    expect(rates.resolution.denominator).toBe(0)
  })

  it('gives a null rate, not 0 or 100%, when nothing was measured', () => {
    expect(ticketRates([], range)).toEqual({
      response: { numerator: 0, denominator: 0, rate: null },
      resolution: { numerator: 0, denominator: 0, rate: null },
      satisfaction: { numerator: 0, denominator: 0, rate: null },
    })
  })
})
