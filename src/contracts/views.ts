/**
 * What the server sends back: view shapes made for screens, never raw stored documents, so that
 * nothing a viewer may not see (a rater's name, an anonymous reporter, a full phone number in a
 * list) can leak by accident. One rule: every field here is safe for every viewer it is sent to.
 */
import type { LevelClock, StatusSentence } from '../core/ticket-rules'
import type { CadreDuty, GeoPoint, Role, TicketAction, TicketAnswers, TicketKind, TicketResult, TicketStatus } from '../core/model'
import type { CategoryQuestion, ResultField } from '../core/settings'

export interface PersonRef {
  id: string
  name: string
  title: string
}

export interface MeView {
  id: string
  name: string
  title: string
  roles: Role[]
  duty: CadreDuty | null
  township: { id: string; name: string }
  village: { id: string; name: string } | null
  household: { id: string; number: string; groupName: string } | null
  /** Work teams this person leads (包片领导). */
  leadsTeams: { id: string; name: string }[]
  /** The person's photo (a cadre's portrait), if any. */
  photoUrl: string | null
}

export interface CadreCardView {
  cadre: { id: string; name: string; title: string; phone: string; photoUrl: string | null }
  team: {
    id: string
    name: string
    leader: PersonRef
    secretary: PersonRef & { phone: string }
    members: PersonRef[]
  } | null
  /** Time of the latest visit to this household that a household member signed. */
  lastConfirmedVisitAt: number | null
  /** The cadre's villager-signed village days this month and this week, and the week's requirement (543). */
  villageDays: { month: number; week: number; weekRequired: number }
  /** The cadre's next planned visit to this household (YYYY-MM-DD), today or later; null if none. */
  nextPlannedVisit: string | null
}

export interface HouseholdRow {
  id: string
  number: string
  headName: string
  villageName: string
  groupName: string
  memberCount: number
  /** Masked in lists (138****0000). */
  phoneMasked: string
  lastConfirmedVisitAt: number | null
  /** The cadre's next planned visit (YYYY-MM-DD), today or later; null if none. */
  plannedVisit: string | null
  /** The note of that plan ('' when none; visitplan). */
  plannedNote: string
}

export interface CoverageFinding {
  severity: 'error' | 'warning'
  code: string
  message: string
  subjectId: string
  subjectName: string
}

export interface CoverageView {
  groups: number
  households: number
  residentCadres: number
  findings: CoverageFinding[]
}

export interface TicketEventView {
  seq: number
  action: TicketAction | 'create' | 'overdue'
  from: TicketStatus | null
  to: TicketStatus
  /** The actor's name, or a neutral label (e.g. 群众) when the reporter is anonymous to this viewer. */
  actorName: string
  /** mongolian (issue 13 item 5): true when actorName is the anonymous label; the client words it in its locale. */
  actorHidden?: boolean
  at: number
  note: string
  /** Photos attached to this step. */
  photoUrls: string[]
}

export interface TicketView {
  id: string
  kind: TicketKind
  category: string
  description: string
  status: TicketStatus
  villageName: string
  /** Issue 13: null for an anonymous report outside the handling cadre and the household. */
  householdNumber: string | null
  /** null when the reporter is anonymous and the viewer is outside the handling chain. */
  reporterName: string | null
  anonymous: boolean
  filedOnBehalf: boolean
  assignee: PersonRef | null
  createdAt: number
  dueAt: number
  version: number
  satisfaction: number | null
  history: TicketEventView[]
  /** What this viewer may do now (the UI shows these buttons; the server enforces anyway). */
  allowedActions: TicketAction[]
  /** 办事 answers by question id (the category's form says how to show them). */
  answers: TicketAnswers
  photoUrls: string[]
  voiceUrl: string | null
  location: GeoPoint | null
  /** Outcome figures recorded at resolution. */
  result: TicketResult | null
  /** Filed on behalf: the villager's name (hidden like the reporter's when anonymous). */
  onBehalfOfName: string | null
  /** The viewer follows it (a same-village report they chose not to file again). */
  following: boolean
  // ---- rules (issues 12 and 14)
  /** The status sentence addressed to this viewer (core statusSentence), with the holder's name. */
  statusSentence: { kind: StatusSentence['kind']; holderName: string | null }
  /** The current level's own clock (core levelClock); null when no level holds it. */
  levelClock: LevelClock | null
  /**
   * guard (issue 13 item 2): to the reporter only (ticket.get, and the answers of their own filing
   * and steps), each photo's content check: until it passes other villagers do not see the photo;
   * a refused one never, and `label` says why (WeChat's label code, worded by the catalogue).
   */
  photoChecks?: { url: string; status: import('../core/media').MediaCheckStatus; label: string | null; /** images: the office's reason when it refused the photo. */ reason?: import('../core/media').PhotoRefusal | null }[]
}

/** A category as the filing screen needs it: kind, deadline and its own questions. */
export interface CategoryView {
  id: string
  kind: 'service' | 'problem' | 'both'
  deadlineHours: number
  questions: CategoryQuestion[]
  resultFields: ResultField[]
  /** Reply templates offered for this category (catalogue keys of zhCN.rules.templates). */
  replyTemplates: string[]
}

/** An open report of the same category in the same village: no description, no names. */
export interface SimilarTicketView {
  id: string
  status: TicketStatus
  createdAt: number
  /** The viewer's own household filed it. */
  ownHousehold: boolean
  following: boolean
}

export interface MeetingView {
  id: string
  villageName: string
  topic: string
  convenedAt: number
  convenedBy: PersonRef
  status: 'convened' | 'recorded'
  version: number
  /** Who attended (chosen from the roster; names readable here). */
  attendees: PersonRef[]
  agenda: { ticketId: string; category: string; description: string; status: TicketStatus }[]
  decisions: { ticketId: string; decision: string; owner: PersonRef; at: number }[]
}

/** What a village secretary works from: escalated tickets, meetings, and who may own a decision. */
export interface SecretaryDeskView {
  villageName: string
  escalated: TicketView[]
  meetings: MeetingView[]
  owners: PersonRef[]
  /** Who may attend: the village's committee members, the secretary, the work team's leader and members. */
  attendeeCandidates: PersonRef[]
}

export interface RatesView {
  numerator: number
  denominator: number
  rate: number | null
}

export interface RatesRow {
  id: string
  name: string
  tickets: number
  response: RatesView
  resolution: RatesView
  satisfaction: RatesView
}

export interface TicketRatesReport {
  period: string
  overall: RatesRow
  byCadre: RatesRow[]
  byTeam: RatesRow[]
  byVillage: RatesRow[]
}

export interface NotificationView {
  about: 'ticket'
  id: string
  ticketId: string
  kind: TicketKind
  category: string
  action: TicketAction | 'create' | 'overdue'
  status: TicketStatus
  at: number
  read: boolean
}

/** A notice about the person's own account: the office unbound it, with its reason (identity-finish). */
export interface AccountNoticeView {
  about: 'unbound'
  id: string
  /** No ticket: null (the fields a ticket notice names, so lists filter both alike). */
  ticketId: null
  status: null
  note: string
  at: number
  read: boolean
}

export interface LoginPerson {
  id: string
  name: string
  title: string
  place: string
}

export interface LoginGroup {
  role: Role
  label: string
  people: LoginPerson[]
}
