/**
 * The villagers' voice (issue 13): reporters protected, public text redacted, bad reviews called back.
 * One rule: these are the only places that decide who sees an anonymous reporter, what of a text
 * other villagers may read, and which step needs a call-back by when.
 */
import type { Millis, Ticket, TicketAction } from './model'
import type { Settings } from './settings'

// ------------------------------------------------------------------ reporter anonymity

/** The facts about a viewer that the anonymity rule needs (gathered by the server). */
export interface ReporterViewer {
  personId: string
  /** The viewer is a township resident cadre (包户干部), the only kind of cadre who handles at the door. */
  residentCadre: boolean
}

/**
 * An anonymous report shows its reporter (name and household) only to the cadre handling it: the
 * household's own cadre, or a resident cadre who holds it now (a joint meeting may name another).
 * The reporter sees themself. Secretary, team leader, office and supervision see "匿名反映".
 */
export const reporterVisibleTo = (
  ticket: Pick<Ticket, 'anonymous' | 'reporterId' | 'assigneeId'>,
  householdCadreId: string | null,
  viewer: ReporterViewer,
): boolean =>
  !ticket.anonymous ||
  viewer.personId === ticket.reporterId ||
  (householdCadreId !== null && viewer.personId === householdCadreId) ||
  (viewer.residentCadre && viewer.personId === ticket.assigneeId)

/**
 * The household number of an anonymous report follows the same rule, except that the household's
 * own members know their number anyway.
 */
export const householdVisibleTo = (reporterVisible: boolean, viewerHouseholdId: string | null, ticket: Pick<Ticket, 'householdId'>): boolean =>
  reporterVisible || viewerHouseholdId === ticket.householdId

/** Revealing an anonymous reporter is a fraud check: it needs a reason of some substance. */
export const MIN_REVEAL_REASON = 4

export const revealReasonValid = (reason: string): boolean => [...reason.trim()].length >= MIN_REVEAL_REASON

// ------------------------------------------------------------------ redaction of public text

/** What replaces personal data in text other villagers read. */
export const REDACTED = '***'

/** Mainland mobile numbers (with optional +86 and separators) and landlines with an area code. */
const PHONE = /(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}(?!\d)|0\d{2,3}-?\d{7,8}(?!\d)/g
/** Resident ID numbers: 18 digits (the last may be X) or the old 15-digit ones. */
const ID_NUMBER = /(?<!\d)(?:\d{17}[\dXx]|\d{15})(?![\dXx])/g

/**
 * Text that other villagers may read (posting comments, the public view of a ticket): phone
 * numbers, ID numbers and the names of private people (roster names other than cadres) replaced.
 * Longer names first, so that a name containing another is replaced whole.
 */
export const redactPublicText = (text: string, privateNames: readonly string[]): string => {
  let out = text.replace(ID_NUMBER, REDACTED).replace(PHONE, REDACTED)
  const names = [...new Set(privateNames.map((n) => n.trim()).filter((n) => [...n].length >= 2))].sort((a, b) => b.length - a.length)
  for (const name of names) out = out.split(name).join(REDACTED)
  return out
}

/** True when the text holds anything redactPublicText would hide. */
export const hasPersonalData = (text: string, privateNames: readonly string[]): boolean => redactPublicText(text, privateNames) !== text

/** Words the local adapter refuses (insults and threats); the cloud uses WeChat's msgSecCheck. */
export const LOCAL_BLOCKED_WORDS: readonly string[] = ['王八蛋', '混蛋', '狗东西', '畜生', '去死', '杀了你', '他妈的', '傻逼', '滚蛋', '贱人']

/** The blocked words a text contains (the local word-list check). */
export const blockedWordsIn = (text: string, words: readonly string[] = LOCAL_BLOCKED_WORDS): string[] => words.filter((w) => text.includes(w))

/** Why the office refuses a comment: the writer is told in these words. */
export const MODERATION_REFUSALS = ['insult', 'personalData', 'offTopic', 'unverified'] as const
export type ModerationRefusal = (typeof MODERATION_REFUSALS)[number]

// ------------------------------------------------------------------ call-backs (好差评 回访)

export type CallBackReason = 'lowSatisfaction' | 'reopened' | 'disputedVisit'

/** A ticket step that must be called back: a satisfaction of lowStars or less, or a reopen. */
export const callBackReasonOfStep = (action: TicketAction, satisfaction: number | null, settings: Settings): CallBackReason | null => {
  if (action === 'confirm' && satisfaction !== null && satisfaction <= settings.callBacks.lowStars) return 'lowSatisfaction'
  if (action === 'reopen') return 'reopened'
  return null
}

/** The supervision group calls back within the setting's hours of the bad review. */
export const callBackDueAt = (at: Millis, settings: Settings): Millis => at + settings.callBacks.deadlineHours * 3_600_000

export type CallBackState = 'due' | 'overdue' | 'done'

/** Done once its outcome is recorded; overdue once its deadline has passed (the deadline itself still counts as due). */
export const callBackState = (entry: { doneAt: Millis | null; dueAt: Millis }, now: Millis): CallBackState =>
  entry.doneAt !== null ? 'done' : now > entry.dueAt ? 'overdue' : 'due'

export const callBackCounts = (entries: readonly { doneAt: Millis | null; dueAt: Millis }[], now: Millis): Record<CallBackState, number> => {
  const counts = { due: 0, overdue: 0, done: 0 }
  for (const e of entries) counts[callBackState(e, now)] += 1
  return counts
}

export const CALL_BACK_OUTCOMES = ['satisfied', 'stillUnsatisfied', 'unreachable'] as const
export type CallBackOutcome = (typeof CALL_BACK_OUTCOMES)[number]

// ------------------------------------------------------------------ stored records

/** A comment waiting in (or decided by) the office's moderation queue before other villagers read it. */
export interface ModerationRecord {
  id: string
  townshipId: string
  /** What is moderated: today the comment of a rating (shown in the monthly posting). */
  kind: 'ratingComment'
  sourceId: string
  /** The rated cadre and the period (the queue shows them; the writer stays anonymous). */
  cadreId: string
  period: string
  authorId: string
  /** As written (the office reads it to judge) and as it would be posted (redacted). */
  original: string
  redacted: string
  /** The content check's verdict: WeChat msgSecCheck in the cloud, the local word list otherwise. */
  check: ContentVerdict
  checkLabel: string | null
  status: 'pending' | 'approved' | 'refused'
  reason: ModerationRefusal | null
  at: Millis
  decidedById: string | null
  decidedAt: Millis | null
}

export type ContentVerdict = 'pass' | 'review' | 'risky'

/** A bad review, reopen or disputed visit the supervision group calls the villager back about. */
export interface CallBackRecord {
  id: string
  townshipId: string
  /** The cadre whose work it judges (the household's cadre, or the visiting cadre). */
  cadreId: string
  householdId: string
  /** The villager to call back. */
  personId: string
  reason: CallBackReason
  ticketId: string | null
  visitId: string | null
  /** The stars of a bad review. */
  stars: number | null
  at: Millis
  dueAt: Millis
  doneAt: Millis | null
  doneById: string | null
  outcome: CallBackOutcome | null
  note: string
}
