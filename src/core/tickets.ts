/**
 * The life cycle of a ticket: 办事 (service request) and 反映问题 (problem report) share one status
 * machine with the escalation ladder cadre -> village party secretary -> 村两委及驻村工作组联系会议
 * (joint meeting) -> township 联席会议 (joint session), closed by the villager. One rule: status
 * changes only through TICKET_TRANSITIONS, and every change appends a TicketEvent to history.
 */
import type {
  Millis,
  Ticket,
  TicketAction,
  TicketActorRole,
  TicketEvent,
  TicketKind,
  TicketResult,
  TicketStatus,
  TicketAnswers,
  GeoPoint,
} from './model'
import { fail, ok, type Result } from './result'
import type { Settings } from './settings'
import { HOUR_MS, inRange, type Range } from './time'
import { isValidStars } from './evaluation'
import { HOLDER_ACTIONS, isCurrentHolder, isLevelOverdue } from './ticket-rules'

export interface TicketTransition {
  from: readonly TicketStatus[]
  action: TicketAction
  /** 'same' keeps the status (a progress note). */
  to: TicketStatus | 'same'
  /** Roles relative to the ticket that may perform it. */
  who: readonly TicketActorRole[]
  /** The actor must give a non-empty note (the reason for a reopen or an escalation). */
  needsNote: boolean
}

/** Statuses in which a handler (cadre, secretary, joint meeting, township) holds the ticket. */
export const HANDLING_STATUSES: readonly TicketStatus[] = ['accepted', 'escalated_secretary', 'joint_meeting', 'township_session']

/** Statuses that end the life cycle. */
export const FINAL_STATUSES: readonly TicketStatus[] = ['closed', 'withdrawn']

/** The one table of the status machine: one row per action. */
export const TICKET_TRANSITIONS: readonly TicketTransition[] = [
  // 响应: the household's cadre takes it
  { action: 'accept', from: ['submitted'], to: 'accepted', who: ['cadre'], needsNote: false },
  // a visible, timestamped note from whoever handles it now
  { action: 'progress', from: HANDLING_STATUSES, to: 'same', who: ['cadre', 'secretary', 'township'], needsNote: true },
  // resolving says what was done (DOMAIN 3.2), and only the current holder resolves (isCurrentHolder)
  { action: 'resolve', from: HANDLING_STATUSES, to: 'resolved', who: ['cadre', 'secretary', 'township'], needsNote: true },
  // the cadre cannot solve it: up to the village party secretary
  { action: 'escalate_secretary', from: ['accepted'], to: 'escalated_secretary', who: ['cadre'], needsNote: true },
  // hard problems: the secretary convenes the village committees and the work team
  { action: 'escalate_joint_meeting', from: ['escalated_secretary'], to: 'joint_meeting', who: ['secretary'], needsNote: true },
  // cross-village or hardest: the township joint session
  {
    action: 'escalate_township',
    from: ['escalated_secretary', 'joint_meeting'],
    to: 'township_session',
    who: ['secretary'],
    needsNote: true,
  },
  // the reporter closes the loop: done, or not done (reopen, with the reason)
  { action: 'confirm', from: ['resolved'], to: 'closed', who: ['reporter'], needsNote: false },
  { action: 'reopen', from: ['resolved'], to: 'accepted', who: ['reporter'], needsNote: true },
  { action: 'withdraw', from: ['submitted', 'accepted'], to: 'withdrawn', who: ['reporter'], needsNote: false },
  // the joint meeting's decision on an agenda ticket, with the person who carries it out (owner)
  { action: 'decide', from: ['joint_meeting'], to: 'same', who: ['secretary'], needsNote: true },
]

export const TICKET_ACTIONS: readonly TicketAction[] = TICKET_TRANSITIONS.map((t) => t.action)

export const TICKET_STATUSES: readonly TicketStatus[] = [
  'submitted',
  'accepted',
  'escalated_secretary',
  'joint_meeting',
  'township_session',
  'resolved',
  'closed',
  'withdrawn',
]

export const TICKET_ACTOR_ROLES: readonly TicketActorRole[] = ['reporter', 'cadre', 'secretary', 'township']

/** The life cycle has ended (closed by the villager, or withdrawn). */
export const isFinal = (status: TicketStatus): boolean => FINAL_STATUSES.includes(status)

/** The loop is not closed yet: anything not final, including 'resolved' (awaiting the villager). */
export const isOpen = (status: TicketStatus): boolean => !isFinal(status)

/** A handler holds it (it is not waiting for the cadre to accept, nor for the villager). */
export const isWithHandler = (status: TicketStatus): boolean => HANDLING_STATUSES.includes(status)

/** Escalated beyond the household's cadre. */
export const isEscalated = (status: TicketStatus): boolean =>
  status === 'escalated_secretary' || status === 'joint_meeting' || status === 'township_session'

/** Past its deadline while still waiting on the township side (submitted or with a handler). */
export const isOverdue = (ticket: Pick<Ticket, 'status' | 'dueAt'>, now: Millis): boolean =>
  (ticket.status === 'submitted' || isWithHandler(ticket.status)) && now > ticket.dueAt

const transitionOf = (action: TicketAction): TicketTransition | undefined => TICKET_TRANSITIONS.find((t) => t.action === action)

/**
 * The actions the given role(s) may take on the ticket in its current status. With `actorId`, the
 * holder's actions (notes, resolving) only when one of the roles holds the ticket now.
 */
export const allowedActions = (
  ticket: Pick<Ticket, 'status'> & Partial<Pick<Ticket, 'assigneeId'>>,
  actorRole: TicketActorRole | readonly TicketActorRole[],
  actorId?: string,
): TicketAction[] => {
  const roles: readonly TicketActorRole[] = typeof actorRole === 'string' ? [actorRole] : actorRole
  const holds = (r: TicketActorRole) => actorId === undefined || isCurrentHolder({ status: ticket.status, assigneeId: ticket.assigneeId ?? null }, actorId, r)
  return TICKET_TRANSITIONS.filter(
    (t) => t.from.includes(ticket.status) && t.who.some((r) => roles.includes(r) && (!(HOLDER_ACTIONS as readonly string[]).includes(t.action) || holds(r))),
  ).map((t) => t.action)
}

export interface TicketRelations {
  /** The person asking. */
  personId: string
  /** Their household, if a villager. */
  personHouseholdId: string | null
  /** The cadre assigned to the ticket's household (包户干部). */
  householdCadreId: string | null
  /** The party secretary of the ticket's village. */
  villageSecretaryId: string | null
  /** The person works in the township office, leadership or supervision group. */
  townshipStaff: boolean
}

/**
 * The roles a person holds on a ticket. 'reporter' is the filer, except when a cadre filed on behalf
 * of a villager without a phone: then any member of the household (not the cadre) closes the loop.
 */
export const ticketRolesOf = (ticket: Ticket, r: TicketRelations): TicketActorRole[] => {
  const roles: TicketActorRole[] = []
  const reporter = ticket.filedOnBehalf
    ? r.personHouseholdId === ticket.householdId && r.personId !== ticket.reporterId
    : r.personId === ticket.reporterId
  if (reporter) roles.push('reporter')
  if (r.householdCadreId !== null && r.personId === r.householdCadreId) roles.push('cadre')
  if (r.villageSecretaryId !== null && r.personId === r.villageSecretaryId) roles.push('secretary')
  if (r.townshipStaff) roles.push('township')
  // The owner a joint meeting named (a work-team member) works it like the household's cadre.
  if (roles.length === 0 && ticket.assigneeId === r.personId && isWithHandler(ticket.status)) roles.push('cadre')
  return roles
}

export interface TransitionInput {
  action: TicketAction
  actorId: string
  actorRole: TicketActorRole
  at: Millis
  note?: string
  /**
   * Who holds it next. Required for escalate_secretary (the village secretary); optional for
   * escalate_joint_meeting (default: unchanged), escalate_township (default: null, the township
   * queue) and reopen (default: the cadre who first accepted it).
   */
  nextAssigneeId?: string | null
  /** confirm: the villager's 1-5 rating of the handling (满意度). */
  satisfaction?: number | null
  /** resolve: outcome figures (funds, loans, beneficiaries), merged into ticket.result. */
  result?: TicketResult
  /** Photos attached to this step (progress notes, resolutions). */
  photoUrls?: string[]
}

export type TicketTransitionCode =
  | 'TICKET.INVALID_TRANSITION'
  | 'TICKET.FORBIDDEN_ACTOR'
  | 'TICKET.REASON_REQUIRED'
  | 'TICKET.ASSIGNEE_REQUIRED'
  | 'TICKET.SATISFACTION_OUT_OF_RANGE'
  | 'TICKET.NOT_HOLDER'

const firstActorOf = (ticket: Ticket, action: TicketAction): string | null =>
  ticket.history.find((e) => e.action === action)?.actorId ?? null

const nextAssignee = (ticket: Ticket, input: TransitionInput): string | null => {
  switch (input.action) {
    case 'accept':
      return input.actorId
    case 'escalate_secretary':
      return input.nextAssigneeId ?? null
    case 'escalate_joint_meeting':
      return input.nextAssigneeId ?? ticket.assigneeId
    case 'escalate_township':
      return input.nextAssigneeId ?? null
    case 'reopen':
      return input.nextAssigneeId ?? firstActorOf(ticket, 'accept') ?? ticket.assigneeId
    case 'decide':
      return input.nextAssigneeId ?? ticket.assigneeId
    default:
      return ticket.assigneeId
  }
}

/**
 * Applies one action. Refuses: an action not allowed from the status ('TICKET.INVALID_TRANSITION');
 * a role not in the row's `who`, or a "reporter" who has handled the ticket (a cadre may not confirm
 * their own work) ('TICKET.FORBIDDEN_ACTOR'); a missing note where the row needs one
 * ('TICKET.REASON_REQUIRED'); an escalation to the secretary without nextAssigneeId
 * ('TICKET.ASSIGNEE_REQUIRED'); a satisfaction outside 1-5 ('TICKET.SATISFACTION_OUT_OF_RANGE').
 * On success the status, assignee and version change and one event is appended (seq = last + 1).
 */
export const applyTransition = (ticket: Ticket, input: TransitionInput): Result<Ticket, TicketTransitionCode> => {
  const row = transitionOf(input.action)
  if (!row || !row.from.includes(ticket.status)) {
    return fail('TICKET.INVALID_TRANSITION', { status: ticket.status, action: input.action })
  }
  if (!row.who.includes(input.actorRole)) {
    return fail('TICKET.FORBIDDEN_ACTOR', { action: input.action, actorRole: input.actorRole })
  }
  if (input.actorRole === 'reporter' && ticket.history.some((e) => e.actorId === input.actorId && e.actorRole !== 'reporter')) {
    return fail('TICKET.FORBIDDEN_ACTOR', { action: input.action, reason: 'handler_as_reporter' })
  }
  if ((HOLDER_ACTIONS as readonly string[]).includes(input.action) && !isCurrentHolder(ticket, input.actorId, input.actorRole)) {
    return fail('TICKET.NOT_HOLDER', { action: input.action, status: ticket.status })
  }
  const note = (input.note ?? '').trim()
  if (row.needsNote && note === '') return fail('TICKET.REASON_REQUIRED', { action: input.action })
  if ((input.action === 'escalate_secretary' || input.action === 'decide') && !input.nextAssigneeId) {
    return fail('TICKET.ASSIGNEE_REQUIRED', { action: input.action })
  }
  const satisfaction = input.action === 'confirm' ? (input.satisfaction ?? null) : ticket.satisfaction
  if (satisfaction !== null && input.action === 'confirm' && !isValidStars(satisfaction)) {
    return fail('TICKET.SATISFACTION_OUT_OF_RANGE', { satisfaction })
  }

  const to = row.to === 'same' ? ticket.status : row.to
  const last = ticket.history[ticket.history.length - 1]
  const event: TicketEvent = {
    seq: (last?.seq ?? 0) + 1,
    action: input.action,
    from: ticket.status,
    to,
    actorId: input.actorId,
    actorRole: input.actorRole,
    at: input.at,
    note,
    ...(input.photoUrls && input.photoUrls.length ? { photoUrls: input.photoUrls } : {}),
  }
  const result = input.action === 'resolve' && input.result ? { ...(ticket.result ?? {}), ...input.result } : ticket.result
  return ok({
    ...ticket,
    status: to,
    assigneeId: nextAssignee(ticket, input),
    version: ticket.version + 1,
    history: [...ticket.history, event],
    satisfaction,
    result,
  })
}

export interface NewTicketInput {
  id: string
  townshipId: string
  villageId: string
  householdId: string
  kind: TicketKind
  category: string
  description: string
  reporterId: string
  /** Filed by a cadre for a villager without a phone. */
  filedOnBehalf?: boolean
  anonymous?: boolean
  photoUrls?: string[]
  /** 办事: the category's answers, already checked by validateAnswers. */
  answers?: TicketAnswers
  voiceUrl?: string | null
  location?: GeoPoint | null
  /** Filed on behalf: the household member without a phone. */
  onBehalfOfId?: string | null
  /** The household's cadre, who is asked to accept it; null when the household is unassigned. */
  assigneeId: string | null
  at: Millis
}

export type NewTicketCode = 'TICKET.UNKNOWN_CATEGORY' | 'TICKET.CATEGORY_KIND_MISMATCH' | 'TICKET.DESCRIPTION_REQUIRED'

/**
 * A new ticket in 'submitted', with a 'create' event (seq 1), version 1 and dueAt = at + the
 * category's deadlineHours. The category must exist and serve the ticket's kind (or 'both').
 */
export const newTicket = (input: NewTicketInput, settings: Pick<Settings, 'tickets'>): Result<Ticket, NewTicketCode> => {
  const category = settings.tickets.categories.find((c) => c.id === input.category)
  if (!category) return fail('TICKET.UNKNOWN_CATEGORY', { category: input.category })
  if (category.kind !== 'both' && category.kind !== input.kind) {
    return fail('TICKET.CATEGORY_KIND_MISMATCH', { category: input.category, kind: input.kind })
  }
  const description = input.description.trim()
  if (description === '') return fail('TICKET.DESCRIPTION_REQUIRED')
  return ok({
    id: input.id,
    townshipId: input.townshipId,
    villageId: input.villageId,
    householdId: input.householdId,
    kind: input.kind,
    category: input.category,
    description,
    reporterId: input.reporterId,
    filedOnBehalf: input.filedOnBehalf ?? false,
    anonymous: input.anonymous ?? false,
    status: 'submitted',
    assigneeId: input.assigneeId,
    createdAt: input.at,
    dueAt: input.at + category.deadlineHours * HOUR_MS,
    version: 1,
    history: [
      { seq: 1, action: 'create', from: null, to: 'submitted', actorId: input.reporterId, actorRole: 'reporter', at: input.at, note: '' },
    ],
    satisfaction: null,
    result: null,
    photoUrls: input.photoUrls ?? [],
    ...(input.answers && Object.keys(input.answers).length ? { answers: input.answers } : {}),
    ...(input.voiceUrl ? { voiceUrl: input.voiceUrl } : {}),
    ...(input.location ? { location: input.location } : {}),
    ...(input.onBehalfOfId ? { onBehalfOfId: input.onBehalfOfId } : {}),
  })
}

// ---------------------------------------------------------------- inbox and duplicates

/**
 * A handler's inbox order: overdue at their level first (the longest overdue on top), then the
 * rest by deadline, and last those waiting for the villager (resolved), newest first.
 */
export const inboxOrder = (tickets: readonly Ticket[], now: Millis, settings: Pick<Settings, 'tickets'>): Ticket[] => {
  const rank = (t: Ticket) => (t.status === 'resolved' ? 2 : isLevelOverdue(t, now, settings) ? 0 : 1)
  return [...tickets].sort((a, b) => rank(a) - rank(b) || (rank(a) === 2 ? b.createdAt - a.createdAt : a.dueAt - b.dueAt))
}

/** Open tickets of the same category in the same village: "already reported, follow it instead". */
export const openSameCategory = (tickets: readonly Ticket[], villageId: string, category: string): Ticket[] =>
  tickets.filter((t) => t.villageId === villageId && t.category === category && isOpen(t.status))

// ---------------------------------------------------------------- rates

/** numerator / denominator; rate is null when nothing was measured (never a fake 0% or 100%). */
export interface Rate {
  numerator: number
  denominator: number
  rate: number | null
}

export interface TicketRates {
  /** 响应率 */
  response: Rate
  /** 解决率 */
  resolution: Rate
  /** 满意率 */
  satisfaction: Rate
}

const rate = (numerator: number, denominator: number): Rate => ({
  numerator,
  denominator,
  rate: denominator === 0 ? null : numerator / denominator,
})

/** What the rates read of a ticket. */
export type RatedTicket = Pick<Ticket, 'createdAt' | 'dueAt' | 'status' | 'satisfaction'> & { history: readonly Pick<TicketEvent, 'action' | 'at'>[] }

const firstAt = (t: RatedTicket, action: TicketAction): Millis | null => t.history.find((e) => e.action === action)?.at ?? null

const lastAt = (t: RatedTicket, action: TicketAction): Millis | null => {
  for (let i = t.history.length - 1; i >= 0; i--) if (t.history[i].action === action) return t.history[i].at
  return null
}

/**
 * The three public rates of the tickets created in `range` (createdAt in [start, end)).
 *
 * Population: every such ticket, except one withdrawn at or before its dueAt (the villager took it
 * back before anyone was late; nothing to judge). A ticket withdrawn after dueAt stays in: the
 * township side had already failed by then.
 *
 * - 响应率 (response): numerator = tickets with an 'accept' event at or before dueAt.
 * - 解决率 (resolution): numerator = tickets now 'resolved' or 'closed' whose latest 'resolve'
 *   event is at or before dueAt. A resolution the villager rejected (reopen) does not count until
 *   it is resolved again, and then only if that is still in time.
 * - 满意率 (satisfaction): denominator = closed tickets of the range that carry a satisfaction
 *   rating; numerator = those rated 4 or 5 stars.
 *
 * `asOf` (optional, the instant the report is made): a ticket still undecided at asOf, i.e. not yet
 * accepted (resp. resolved) while asOf < dueAt, is left out of that rate's denominator rather than
 * counted as a failure. Without asOf every ticket is judged on its history as given.
 */
export const ticketRates = (tickets: readonly RatedTicket[], range: Range, asOf?: Millis): TicketRates => {
  let responded = 0
  let responseBase = 0
  let resolved = 0
  let resolutionBase = 0
  let satisfied = 0
  let rated = 0
  const stillRunning = (t: RatedTicket) => asOf !== undefined && asOf < t.dueAt
  for (const t of tickets) {
    if (!inRange(t.createdAt, range)) continue
    if (t.status === 'withdrawn' && (lastAt(t, 'withdraw') ?? t.createdAt) <= t.dueAt) continue

    const acceptedAt = firstAt(t, 'accept')
    const acceptedInTime = acceptedAt !== null && acceptedAt <= t.dueAt
    if (acceptedInTime || !(acceptedAt === null && stillRunning(t))) {
      responseBase++
      if (acceptedInTime) responded++
    }

    const done = t.status === 'resolved' || t.status === 'closed'
    const resolvedAt = done ? lastAt(t, 'resolve') : null
    const resolvedInTime = resolvedAt !== null && resolvedAt <= t.dueAt
    if (resolvedInTime || !(!done && stillRunning(t))) {
      resolutionBase++
      if (resolvedInTime) resolved++
    }

    if (t.status === 'closed' && t.satisfaction !== null) {
      rated++
      if (t.satisfaction >= 4) satisfied++
    }
  }
  return {
    response: rate(responded, responseBase),
    resolution: rate(resolved, resolutionBase),
    satisfaction: rate(satisfied, rated),
  }
}

/**
 * The three rates per group (a cadre, a team, a village): `groupsOf` names the groups a ticket
 * counts for (a ticket may count for several teams, or none). Each group's rates follow ticketRates.
 */
export const ticketRatesBy = (
  tickets: readonly Ticket[],
  groupsOf: (t: Ticket) => readonly string[],
  range: Range,
  asOf?: Millis,
): Map<string, TicketRates> => {
  const groups = new Map<string, Ticket[]>()
  for (const t of tickets) {
    for (const key of groupsOf(t)) {
      const list = groups.get(key) ?? []
      list.push(t)
      groups.set(key, list)
    }
  }
  return new Map([...groups].map(([key, list]) => [key, ticketRates(list, range, asOf)]))
}
