/**
 * Ticket rules of DOMAIN 3.2 beyond the status table (rules, issues 12 and 14): who holds a ticket
 * at each level, each level's own deadline (per category and level, from settings), the overdue
 * flag a scheduled job raises when a level's time runs out (提级督办), and the status sentence
 * addressed to the person reading it.
 * One rule: only the current holder works a ticket (notes and resolving), and a level's clock
 * starts when the ticket reaches that level.
 */
import type { Millis, Ticket, TicketActorRole, TicketEvent, TicketStatus } from './model'
import type { Settings } from './settings'
import { HOUR_MS } from './time'

/** The levels of the escalation ladder (DOMAIN 3.2). */
export type TicketLevel = 'cadre' | 'secretary' | 'joint_meeting' | 'township'

export const TICKET_LEVELS: readonly TicketLevel[] = ['cadre', 'secretary', 'joint_meeting', 'township']

/** The level a ticket of this status is at, or null when nobody on the township side holds it. */
export const levelOf = (status: TicketStatus): TicketLevel | null => {
  switch (status) {
    case 'submitted':
    case 'accepted':
      return 'cadre'
    case 'escalated_secretary':
      return 'secretary'
    case 'joint_meeting':
      return 'joint_meeting'
    case 'township_session':
      return 'township'
    default:
      return null
  }
}

/** The level above, or null at the top (the township's overdue tickets go to supervision). */
export const nextLevel = (level: TicketLevel): TicketLevel | null => TICKET_LEVELS[TICKET_LEVELS.indexOf(level) + 1] ?? null

/** The role relative to the ticket that holds each level (the joint meeting: its convener, the secretary). */
const HOLDER_ROLE: Record<TicketLevel, TicketActorRole> = { cadre: 'cadre', secretary: 'secretary', joint_meeting: 'secretary', township: 'township' }

/**
 * Is this person, in this role, the current holder of the ticket? The level's holder role, and for
 * a named holder (the cadre who accepted, a joint meeting's owner) that very person. A joint
 * meeting's owner (named by `decide`) works it like the household's cadre.
 */
export const isCurrentHolder = (ticket: Pick<Ticket, 'status' | 'assigneeId'>, actorId: string, role: TicketActorRole): boolean => {
  const level = levelOf(ticket.status)
  if (level === null) return false
  if (level === 'joint_meeting' && role === 'cadre') return ticket.assigneeId === actorId
  if (HOLDER_ROLE[level] !== role) return false
  if (role === 'cadre' && ticket.assigneeId !== null) return ticket.assigneeId === actorId
  return true
}

/** Actions only the current holder may take. */
export const HOLDER_ACTIONS = ['progress', 'resolve'] as const

/** Hours a level has for a ticket of this category: the category's own figure, else the default. */
export const levelHours = (category: string, level: TicketLevel, settings: Pick<Settings, 'tickets'>): number => {
  const own = settings.tickets.levelHours[category]?.[level]
  if (own !== undefined) return own
  if (level === 'cadre') return settings.tickets.categories.find((c) => c.id === category)?.deadlineHours ?? settings.tickets.defaultLevelHours.cadre
  return settings.tickets.defaultLevelHours[level]
}

/** The position in history of the event that moved the ticket into its current level (-1: its filing). */
const levelStartIndex = (ticket: Pick<Ticket, 'status' | 'history'>): number => {
  const level = levelOf(ticket.status)
  for (let i = ticket.history.length - 1; i >= 0; i--) {
    const e = ticket.history[i] as TicketEvent
    const before = e.from === null ? null : levelOf(e.from)
    if (levelOf(e.to) === level && before !== level) return i
  }
  return -1
}

/** When the ticket reached its current level: the last event that moved it into that level (or its filing). */
export const levelStartedAt = (ticket: Pick<Ticket, 'status' | 'history' | 'createdAt'>): Millis => {
  const i = levelStartIndex(ticket)
  return i < 0 ? ticket.createdAt : (ticket.history[i] as TicketEvent).at
}

export interface LevelClock {
  level: TicketLevel
  startedAt: Millis
  dueAt: Millis
}

/** The current level's clock, or null when no level holds it (resolved, closed, withdrawn). */
export const levelClock = (ticket: Pick<Ticket, 'status' | 'history' | 'createdAt' | 'category'>, settings: Pick<Settings, 'tickets'>): LevelClock | null => {
  const level = levelOf(ticket.status)
  if (level === null) return null
  const startedAt = levelStartedAt(ticket)
  return { level, startedAt, dueAt: startedAt + levelHours(ticket.category, level, settings) * HOUR_MS }
}

/** Past the current level's deadline (the level's own clock, not the filing's). */
export const isLevelOverdue = (ticket: Pick<Ticket, 'status' | 'history' | 'createdAt' | 'category'>, now: Millis, settings: Pick<Settings, 'tickets'>): boolean => {
  const clock = levelClock(ticket, settings)
  return clock !== null && now > clock.dueAt
}

/** The actor id the scheduled job writes its flags under. */
export const SYSTEM_ACTOR = 'system'

/**
 * The scheduled job's step for one ticket (提级督办): when the current level's time has run out and
 * the ticket was not flagged at this level yet, an 'overdue' event naming the level it is flagged
 * to (in the note: the next level, or 'supervision' above the township). The status and holder do
 * not change: the next level is told and supervises; only a person escalates. Null otherwise.
 */
export const overdueFlag = (ticket: Ticket, now: Millis, settings: Pick<Settings, 'tickets'>): TicketEvent | null => {
  const clock = levelClock(ticket, settings)
  if (clock === null || now <= clock.dueAt) return null
  if (ticket.history.slice(levelStartIndex(ticket) + 1).some((e) => e.action === 'overdue')) return null
  const last = ticket.history[ticket.history.length - 1]
  return {
    seq: (last?.seq ?? 0) + 1,
    action: 'overdue',
    from: ticket.status,
    to: ticket.status,
    actorId: SYSTEM_ACTOR,
    actorRole: 'township',
    at: now,
    note: nextLevel(clock.level) ?? 'supervision',
  }
}

/** The ticket with the flag appended (version + 1), or null when nothing is due. */
export const flagOverdue = (ticket: Ticket, now: Millis, settings: Pick<Settings, 'tickets'>): Ticket | null => {
  const event = overdueFlag(ticket, now, settings)
  return event ? { ...ticket, version: ticket.version + 1, history: [...ticket.history, event] } : null
}

/**
 * The status sentence for the person reading (DOMAIN 3.2, issue 12 item 4):
 * - 'confirm_yours': resolved, and the reader closes the loop ("请您确认是否办好了");
 * - 'waiting_villager': resolved, someone else confirms;
 * - 'yours': the reader holds it now;
 * - 'held_by': someone else holds it (holderId: the named holder, or null for a queue);
 * - 'ended': closed or withdrawn.
 */
export type StatusSentence =
  | { kind: 'confirm_yours' }
  | { kind: 'waiting_villager' }
  | { kind: 'yours'; level: TicketLevel }
  | { kind: 'held_by'; level: TicketLevel; holderId: string | null }
  | { kind: 'ended' }

export const statusSentence = (ticket: Pick<Ticket, 'status' | 'assigneeId'>, readerId: string, readerRoles: readonly TicketActorRole[]): StatusSentence => {
  if (ticket.status === 'closed' || ticket.status === 'withdrawn') return { kind: 'ended' }
  if (ticket.status === 'resolved') return readerRoles.includes('reporter') ? { kind: 'confirm_yours' } : { kind: 'waiting_villager' }
  const level = levelOf(ticket.status) as TicketLevel
  if (readerRoles.some((r) => r !== 'reporter' && isCurrentHolder(ticket, readerId, r))) return { kind: 'yours', level }
  return { kind: 'held_by', level, holderId: ticket.assigneeId }
}

/** The reply templates (catalogue keys) a handler is offered for a category: its own, else the '*' list. */
export const replyTemplatesOf = (category: string, settings: Pick<Settings, 'tickets'>): string[] =>
  settings.tickets.replyTemplates[category] ?? settings.tickets.replyTemplates['*'] ?? []
