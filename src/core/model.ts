/**
 * The domain's nouns (DOMAIN.md section 2): places, people and the records the reforms keep.
 * One rule: these are plain data shapes; ids are strings and times are epoch milliseconds, both
 * passed in by the caller, so the core never reads a clock or makes an id.
 */

/** Epoch milliseconds. */
export type Millis = number
/** A calendar date in the township's time zone, `YYYY-MM-DD`. */
export type LocalDate = string

// ---------------------------------------------------------------- places

/** 乡/镇/苏木 */
export interface Township {
  id: string
  name: string
}

/** 村/嘎查 */
export interface Village {
  id: string
  townshipId: string
  name: string
}

/** 村民小组 */
export interface VillagerGroup {
  id: string
  villageId: string
  name: string
}

/** 户: the unit that is assigned to a cadre (包户) and that rates its cadre once per period. */
export interface Household {
  id: string
  townshipId: string
  villageId: string
  groupId: string
  /** 户号 within the village, as the township writes it. */
  number: string
  headName: string
  address: string
  /** The resident cadre assigned to this household (包户干部), or null when unassigned. */
  cadreId: string | null
}

// ---------------------------------------------------------------- people

/**
 * What a person may act as. One person can hold several (a township leader is a cadre and a leader;
 * a village party secretary is usually also a villager of a household).
 */
export type Role =
  | 'villager' // 村民: a member of a household
  | 'cadre' // 镇干部: township staff, with a duty
  | 'leader' // 镇领导班子: township leadership (team leaders, 包片领导, come from here)
  | 'secretary' // 村支部书记: village party secretary, deputy of the village's work team
  | 'committee' // 村两委 member
  | 'representative' // 村民代表
  | 'supervisor' // 督导组 member (headed by the discipline secretary)
  | 'publicSupervisor' // 作风建设监督员

export const ROLES: readonly Role[] = [
  'villager',
  'cadre',
  'leader',
  'secretary',
  'committee',
  'representative',
  'supervisor',
  'publicSupervisor',
]

/** 机关合署办公 (the office hub, ~20%) or 包户 resident cadre (~80%). */
export type CadreDuty = 'office' | 'resident'

export interface Person {
  id: string
  townshipId: string
  name: string
  /** Full number; masked in every list, revealed only by a logged action. */
  phone: string
  roles: Role[]
  /** Set for villagers (and village cadres who live in the village). */
  householdId: string | null
  /** Set for anyone tied to a village: villagers, secretaries, committee members, representatives. */
  villageId: string | null
  /** Set for township cadres. */
  duty: CadreDuty | null
  /** Job title as the township writes it, e.g. 党委书记, 纪委书记, 民政助理. */
  title: string
  photoUrl: string | null
  /** True when the villager has no phone of their own (signs through another household member). */
  hasPhone: boolean
}

/** 驻村工作组: leader = 包片领导, deputy = the village party secretary, members = resident cadres. */
export interface WorkTeam {
  id: string
  townshipId: string
  villageId: string
  name: string
  leaderId: string
  secretaryId: string
  memberIds: string[]
}

/** A registered place where a cadre may sign in (township office or a village sign-in point). */
export interface SignInPlace {
  id: string
  townshipId: string
  villageId: string | null
  name: string
  lat: number
  lng: number
  /** Geofence radius in metres. */
  radiusM: number
  /** The coordinates' datum: GCJ-02, what WeChat's and China's maps give (absent: the seed's, GCJ-02 too). */
  datum?: 'gcj02'
}

/** A WeChat account bound to a person (openid from the WeChat runtime). */
export interface Binding {
  id: string
  /** The WeChat OPENID; `web:<id>` for an account of the H5 app bound by a phone code or invitation. */
  openid: string
  personId: string
  boundAt: Millis
  /** How it was made (absent on bindings made before migration 0005 that no invitation explains). */
  method?: import('./binding').BindingMethod
  /** The person who issued the invitation, for a binding made by invitation. */
  issuerId?: string | null
}

// ---------------------------------------------------------------- records

/** 办事 (service request) or 反映问题 (problem report): one life cycle, see core/tickets. */
export type TicketKind = 'service' | 'problem'

export type TicketStatus =
  | 'submitted' // waiting for the household's cadre to accept (响应)
  | 'accepted' // the cadre has it
  | 'escalated_secretary' // passed to the village party secretary
  | 'joint_meeting' // on the agenda of a 村两委及驻村工作组联系会议
  | 'township_session' // passed to the township 联席会议
  | 'resolved' // the handler says it is done; waiting for the villager
  | 'closed' // the villager confirmed it (end)
  | 'withdrawn' // the villager withdrew it (end)

export type TicketAction =
  | 'accept'
  | 'progress'
  | 'resolve'
  | 'escalate_secretary'
  | 'escalate_joint_meeting'
  | 'escalate_township'
  | 'confirm'
  | 'reopen'
  | 'withdraw'
  | 'decide' // a joint meeting's decision on the ticket, naming who carries it out

/** Who performs a transition, relative to the ticket (not a global role). */
export type TicketActorRole = 'reporter' | 'cadre' | 'secretary' | 'township'

export interface TicketEvent {
  seq: number
  /** 'overdue': the scheduled job's flag that a level's time ran out (提级督办); the note names the level told. */
  action: TicketAction | 'create' | 'overdue'
  from: TicketStatus | null
  to: TicketStatus
  actorId: string
  actorRole: TicketActorRole
  at: Millis
  note: string
  /** Photos attached to this step (a progress note with pictures of the work). */
  photoUrls?: string[]
}

/** Outcome figures a resolved ticket may carry (DOMAIN 3.11: funds, loans, beneficiaries). */
export interface TicketResult {
  fundsYuan?: number
  loanYuan?: number
  beneficiaries?: number
}

export interface Ticket {
  id: string
  townshipId: string
  villageId: string
  householdId: string
  kind: TicketKind
  category: string
  description: string
  /** Person who filed it: the villager, or the cadre filing on their behalf. */
  reporterId: string
  /** True when a cadre filed it for a villager without a phone. */
  filedOnBehalf: boolean
  /** The reporter's name is hidden from everyone outside the handling chain. */
  anonymous: boolean
  status: TicketStatus
  /** Who has it now (cadre, secretary or township office person). */
  assigneeId: string | null
  createdAt: Millis
  dueAt: Millis
  /** Optimistic concurrency: bumped by every transition. */
  version: number
  history: TicketEvent[]
  /** Villager's rating of the handling, 1-5, once closed. */
  satisfaction: number | null
  result: TicketResult | null
  photoUrls: string[]
  /** 办事: answers to the category's own questions (settings.tickets.forms), by question id. */
  answers?: TicketAnswers
  /** 反映问题: an optional voice note (upload url). */
  voiceUrl?: string | null
  /** Where the problem is, when the villager chose to share it. */
  location?: GeoPoint | null
  /** Filed on behalf: the villager without a phone the cadre filed for. */
  onBehalfOfId?: string | null
  /** Villagers of the same village who chose to follow it instead of filing the same problem again. */
  followerIds?: string[]
}

/** An answer to a category question: text or a date (YYYY-MM-DD), a number, or chosen option ids. */
export type AnswerValue = string | number | string[]
export type TicketAnswers = Record<string, AnswerValue>

export interface GeoPoint {
  lat: number
  lng: number
  /** GCJ-02 (core/geo) on every reading stored since the datum is kept; absent on older ones (datum unknown). */
  datum?: 'gcj02'
}

/** 民情日记 entry: counts only once a member of the visited household signs it. */
export type VisitStatus = 'pending' | 'signed' | 'disputed'

export interface Visit {
  id: string
  townshipId: string
  cadreId: string
  householdId: string
  villageId: string
  at: Millis
  purpose: string
  notes: string
  /** The cadre stayed the night in the village (counts as a 543 night once signed). */
  overnight: boolean
  status: VisitStatus
  signedById: string | null
  signedAt: Millis | null
  disputeReason: string | null
  /** Problems found at the door (民情), each of which may become a ticket in one tap. */
  problems?: string
  /** Tickets made from this visit's problems. */
  ticketIds?: string[]
  /** Where the cadre recorded it, when the phone gave a location (GCJ-02 with its datum; see GeoPoint). */
  location?: GeoPoint | null
  /** The household member without a phone on whose behalf signedById signed (代签). */
  onBehalfOfId?: string | null
  /** The stored handwritten signature (images collection), once signed. */
  signatureId?: string | null
  /** An optional photo the cadre took at the door (images collection). */
  photoId?: string | null
}

export type SignInSlot = 'morning' | 'afternoon' | 'evening'

export interface SignIn {
  id: string
  townshipId: string
  cadreId: string
  at: Millis
  lat: number
  lng: number
  placeId: string | null
  slot: SignInSlot | null
  valid: boolean
  /** Why it is invalid (a stable code), null when valid. */
  invalidReason: 'TOO_FAR' | 'OUTSIDE_WINDOW' | 'SLOT_TAKEN' | null
  /** The live photo (photos collection): evidence for supervisors only. */
  photoId?: string | null
  /** Metres to the matched place (or the nearest one when too far). */
  distanceM?: number | null
  /** The datum of lat/lng: GCJ-02 (core/geo); absent on sign-ins stored before it was kept (the phone's WGS-84 then). */
  datum?: 'gcj02'
}

export type LeaveStatus = 'requested' | 'approved' | 'declined'

/** 请销假: approved leave lowers that week's 543 requirement. */
export interface Leave {
  id: string
  townshipId: string
  cadreId: string
  from: LocalDate
  to: LocalDate
  reason: string
  status: LeaveStatus
  decidedById: string | null
}

/** The four 1135 rater bands. */
export type RaterBand = 'leaders' | 'peers' | 'committees' | 'villagers'

/** A period key: `2026-11` (month), `2026-Q4` (quarter) or `2026` (year). */
export type PeriodKey = string

export interface Rating {
  id: string
  townshipId: string
  period: PeriodKey
  band: RaterBand
  cadreId: string
  raterId: string
  /** Set in the villagers band: one rating per household per period. */
  householdId: string | null
  /** 1-5 */
  stars: number
  comment: string
  at: Millis
  /** Stars per named dimension (Settings.evaluation.dimensions); `stars` is their mean. */
  dimensions?: Record<string, number>
  /** Issue 13: the comment as the office approved it for the posting (redacted); absent until then. */
  publicComment?: string | null
}

/** A stored image: a visit's handwritten signature or a sign-in's live photo. */
export interface StoredImage {
  id: string
  townshipId: string
  kind: 'signature' | 'signinPhoto' | 'visitPhoto'
  ownerId: string
  mime: 'image/png' | 'image/jpeg'
  width: number
  height: number
  bytes: number
  /** Base64 of the image file ('' when it lives in WeChat cloud storage: fileId). */
  data: string
  at: Millis
  /** office-files: in the cloud the checked, cleaned bytes live in cloud storage under this file id. */
  fileId?: string
}

/** A person's one-time consent (e.g. to the sign-in photo and its stated purpose). */
export interface Consent {
  /** `${kind}:${personId}` */
  id: string
  personId: string
  kind: 'signinPhoto'
  at: Millis
}

// ---------------------------------------------------------------- ticket escalation and notifications

/** One agenda item's outcome at a joint meeting: what was decided and who carries it out. */
export interface MeetingDecision {
  ticketId: string
  decision: string
  ownerId: string
  at: Millis
}

/** 村两委及驻村工作组联系会议: convened by the village secretary with escalated tickets as agenda. */
export interface JointMeeting {
  id: string
  townshipId: string
  villageId: string
  convenedById: string
  convenedAt: Millis
  topic: string
  ticketIds: string[]
  /**
   * Who attended, as person ids chosen from the roster: the village's committee members (村两委),
   * its party secretary, and the work team's leader and members (views turn them into names).
   */
  attendeeIds: string[]
  decisions: MeetingDecision[]
  /** 'recorded' once the secretary has written the minutes (attendees and decisions). */
  status: 'convened' | 'recorded'
  version: number
}

/** An in-app notification to one person that a ticket they are concerned with changed. */
export interface Notification {
  id: string
  townshipId: string
  personId: string
  /** '' for a notice about the person's own account (action 'unbound'). */
  ticketId: string
  /** The step that caused it ('create' for a new ticket; 'unbound': the office unbound the person's account). */
  action: TicketAction | 'create' | 'overdue' | 'unbound'
  /** The ticket's status ('' for a notice about the account). */
  status: TicketStatus | ''
  at: Millis
  read: boolean
  /** The office's reason, for an 'unbound' notice. */
  note?: string
}

/** A file a person uploaded (photo or voice note), so a ticket can only carry its own uploads. */
export interface Upload {
  id: string
  townshipId: string
  ownerId: string
  /** office-files: 'sheet' is a roster file sent to the import or an export the function wrote. */
  kind: 'photo' | 'voice' | 'sheet'
  mime: string
  bytes: number
  url: string
  at: Millis
  /**
   * The object the file is attached to (a ticket), set when an action first references it;
   * office-files: 'export' for a file the function wrote for its township's office; 'person' for
   * a cadre's own photo (shown to his township).
   */
  objectKind?: 'ticket' | 'export' | 'person'
  objectId?: string
}
// ---------------------------------------------------------------- office and supervision

/** A month's state for the month-end close (月末结账): other features check `status` before writing. */
export type PeriodStatus = 'open' | 'closed'

export interface PeriodReopening {
  at: Millis
  byId: string
  reason: string
  /** The digest of the close this reopening undid. */
  digest: string
}

/** `id` = `${townshipId}:${period}`. A period with no record is open. */
export interface PeriodRecord {
  id: string
  townshipId: string
  period: PeriodKey
  status: PeriodStatus
  closedAt: Millis | null
  closedById: string | null
  /** sha256 of the canonical inputs of the last close. */
  digest: string | null
  reopenings: PeriodReopening[]
}

/** 自我点评: a cadre's own review of a month, one per cadre per month (`id` = `${cadreId}:${period}`). */
export interface SelfReview {
  id: string
  townshipId: string
  cadreId: string
  period: PeriodKey
  text: string
  at: Millis
}

/** 督导组 check: an unannounced check of a village, or a verification of where a cadre is. */
export type CheckKind = 'unannounced' | 'whereabouts'
export type CheckMethod = 'phone' | 'inPerson'
export type CheckOutcome = 'ok' | 'problem'

export interface SupervisionCheck {
  id: string
  townshipId: string
  kind: CheckKind
  /** The planned date (unannounced) or the date of the verification. */
  date: LocalDate
  villageId: string | null
  /** The cadre verified (whereabouts) or found at fault. */
  cadreId: string | null
  method: CheckMethod | null
  status: 'planned' | 'done'
  outcome: CheckOutcome | null
  note: string
  createdById: string
  createdAt: Millis
  recordedAt: Millis | null
}

/** A report filed by a public supervisor (作风建设监督员) or the supervision group. */
export interface SupervisionReport {
  id: string
  townshipId: string
  reporterId: string
  cadreId: string | null
  villageId: string | null
  text: string
  at: Millis
  status: 'open' | 'upheld' | 'dismissed'
  decidedById: string | null
  decisionNote: string
}

/** A finding in a cadre's record (档案), from a check or an upheld report. */
export interface Finding {
  id: string
  townshipId: string
  cadreId: string
  source: 'check' | 'report'
  sourceId: string
  /** What a person wrote (the supervisor's note, the report's text); old rows: the whole sentence. */
  text: string
  at: Millis
  byId: string
  /** mongolian (issue 13 item 5): what happened, as a code the client words; absent on old rows. */
  code?: FindingCode
  params?: Record<string, string>
}

/** check.problem: {} (the note says it); check.absent: {method: phone|inPerson, cadre, village}; report.upheld: {note}. */
export type FindingCode = 'check.problem' | 'check.absent' | 'report.upheld'

/** 村务公开: a notice to one village or (villageId null) the whole township. */
export interface Notice {
  id: string
  townshipId: string
  villageId: string | null
  title: string
  body: string
  authorId: string
  at: Millis
}

/** Every reveal of a masked phone or address: who saw whose, when. */
export interface RevealRecord {
  id: string
  townshipId: string
  actorId: string
  subjectId: string
  /**
   * What was read: a phone or an address (office.reveal), a cadre's sign-in photo (signin.photo;
   * subject: the cadre), or who rated a cadre (rating.township; subject: the cadre, or the township
   * when all its cadres were read).
   */
  field: 'phone' | 'address' | 'reporter' | 'signinPhoto' | 'raters'
  at: Millis
  /** Issue 13: why an anonymous reporter was revealed (a fraud check). */
  reason?: string | null
}

/** A one-time, expiring invitation to bind a WeChat account to a household member. */
export interface Invitation {
  /** The token itself (unguessable). */
  id: string
  townshipId: string
  personId: string
  householdId: string
  createdById: string
  createdAt: Millis
  expiresAt: Millis
  usedAt: Millis | null
}

/**
 * 责任追究 note in a cadre's record (档案): the team leader (who answers for the members' absences,
 * DOMAIN 3.8) or the township writes what was done about a member's failure in a month.
 */
export interface ResponsibilityNote {
  id: string
  townshipId: string
  cadreId: string
  /** The month the note is about (`2026-11`), or null for a note not tied to a month. */
  period: PeriodKey | null
  text: string
  byId: string
  at: Millis
}

// ---------------------------------------------------------------- month figures kept as facts

/**
 * 考勤日: one cadre's figures for one township-local day, derived from that day's sign-ins, visits
 * and leaves by core/facts `cadreDayFact` and kept up to date in the same transaction as every
 * write of those records (`id` = `${cadreId}:${date}`). The close, the dashboard and the 543 views
 * read these instead of the records.
 */
export interface CadreDay {
  id: string
  townshipId: string
  cadreId: string
  date: LocalDate
  /** Valid sign-ins of each slot (at most one each: a second is SLOT_TAKEN). */
  morning: number
  afternoon: number
  evening: number
  /** When the first valid sign-in of each slot was made, null without one. */
  morningAt: Millis | null
  afternoonAt: Millis | null
  eveningAt: Millis | null
  /** Invalid sign-ins (too far, outside the window, slot taken). */
  invalid: number
  /** Villager-signed visits made that day, and how many of them were overnight stays. */
  signedVisits: number
  overnightVisits: number
  /** An approved leave covers the day. */
  onLeave: boolean
  /** What the day counts as for 543, the posting and the allowance (see cadreDayFact). */
  workDay: boolean
  night: boolean
  villageDay: boolean
}

// ---------------------------------------------------------------- identity binding (migration 0005)

/** One binding made or ended: told to the household, listed for supervision when by invitation. */
export interface BindingEvent {
  id: string
  townshipId: string
  personId: string
  /** The person's household, so its members see every new binding ("新绑定：…"). */
  householdId: string | null
  kind: 'bound' | 'unbound'
  method: import('./binding').BindingMethod | null
  /** The invitation's issuer (bound by invitation) or the office member who unbound. */
  byId: string | null
  /** The office's reason for an unbinding ('' for a binding). */
  note: string
  at: Millis
}

/** A one-time phone code (H5 and local mode): only its hash is kept. */
export interface PhoneCode {
  id: string
  phone: string
  codeHash: string
  at: Millis
  expiresAt: Millis
  attempts: number
  usedAt: Millis | null
}

/** A sign-off or rating refused because of the account it came from (DOMAIN 3.12), for supervision. */
export interface JudgeRefusalRecord {
  id: string
  townshipId: string
  /** The person the account is bound to. */
  personId: string
  /** The judged cadre. */
  cadreId: string
  action: 'visit.signOff' | 'rating.submit'
  reason: import('./binding').JudgeRefusal
  at: Millis
}
