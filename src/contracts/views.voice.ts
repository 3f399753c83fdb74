/**
 * Issue 13: what the villagers' voice shows: the public (redacted) view of a followed report, the
 * office's moderation queue, the supervision group's call-back queue.
 * One rule: the public view carries no name, household or phone of anyone but the cadres' roles, and
 * only the photos the content check cleared.
 */
import type { TicketAction, TicketActorRole, TicketStatus } from '../core/model'
import type { CallBackOutcome, CallBackReason, CallBackState, ContentVerdict, ModerationRefusal } from '../core/voice'
import type { PersonRef } from './views'

/** A report as other villagers of the village read it (followers, and the duplicate hint). */
export interface PublicTicketView {
  id: string
  category: string
  status: TicketStatus
  villageName: string
  /** The report's words with phone numbers, ID numbers and villagers' names hidden; null if held back. */
  description: string | null
  createdAt: number
  steps: { action: TicketAction | 'create' | 'overdue'; byRole: TicketActorRole; at: number }[]
  outcome: { closedAt: number | null; satisfaction: number | null; beneficiaries: number | null } | null
  /** guard: the report's and its steps' photos that passed the content check (unchecked or refused: absent). */
  photoUrls: string[]
  following: boolean
  /** The caller may follow it (an open report of their village, not their own household's). */
  canFollow: boolean
}

export interface ModerationView {
  id: string
  cadre: PersonRef
  period: string
  original: string
  redacted: string
  check: ContentVerdict
  checkLabel: string | null
  status: 'pending' | 'approved' | 'refused'
  reason: ModerationRefusal | null
  at: number
}

/** The writer's own comment's state (rating.form): why it was refused, if it was. */
export interface CommentModeration {
  status: 'pending' | 'approved' | 'refused'
  reason: ModerationRefusal | null
}

export interface CallBackView {
  id: string
  reason: CallBackReason
  state: CallBackState
  cadre: PersonRef
  householdNumber: string
  /** The villager to call and their number (the supervision group's reads of personal data). */
  personName: string
  phone: string
  ticketId: string | null
  visitId: string | null
  stars: number | null
  at: number
  dueAt: number
  outcome: CallBackOutcome | null
  note: string
  doneAt: number | null
}

export interface CallBackCounts {
  due: number
  overdue: number
  done: number
}

/** A call-back as the cadre's record (档案) shows it. */
export interface CallBackRecordRow {
  reason: CallBackReason
  at: number
  state: CallBackState
  outcome: CallBackOutcome | null
  note: string
}
