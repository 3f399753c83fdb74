/**
 * Views of the villagers' verdict (issue 5): visits and their sign-off, sign-in, leave, 543,
 * allowance and 1135. One rule: a view a cadre can receive about their own ratings carries band
 * figures and comments only, never a rater's id, name, household or the time they rated.
 */
import type { GeoPoint, LeaveStatus, RaterBand, SignInSlot, VisitStatus } from '../core/model'
import type { PersonRef } from './views'
import type { BandScore } from '../core/evaluation'

export interface VisitView {
  id: string
  householdId: string
  householdNumber: string
  headName: string
  villageName: string
  cadre: PersonRef
  at: number
  purpose: string
  notes: string
  problems: string
  overnight: boolean
  status: VisitStatus
  /** The last instant a household member may sign or dispute it. */
  deadline: number
  /** Pending and past its deadline: it will never count. */
  expired: boolean
  /** Signed: counts toward 543, village days and the allowance. */
  counts: boolean
  signedByName: string | null
  /** The household member without a phone the signer signed for (代签). */
  onBehalfOfName: string | null
  signedAt: number | null
  disputeReason: string | null
  ticketIds: string[]
  /** Where the cadre recorded it, when the phone gave a location. */
  location: GeoPoint | null
  hasPhoto: boolean
}

/** What the villager's sign-off page shows (a member of the visited household). */
export interface VisitSignView extends VisitView {
  /** Members of the household without a phone, for whom this member may sign. */
  proxyFor: PersonRef[]
}

/** How to open the sign-off page: the page path, and in WeChat a mini-program code image. */
export interface SignCodeView {
  visitId: string
  /** The page and query that open the sign-off page (H5 makes its QR code from this). */
  page: string
  query: string
  /** The mini-program code's scene (at most 32 characters). */
  scene: string
  /** PNG of the mini-program code, base64 (from the WeChat adapter); null when not asked for. */
  imageBase64: string | null
}

export interface SignInView {
  id: string
  at: number
  placeName: string | null
  slot: SignInSlot | null
  valid: boolean
  invalidReason: 'TOO_FAR' | 'OUTSIDE_WINDOW' | 'SLOT_TAKEN' | null
  distanceM: number | null
}

/** A sign-in as the supervision group and the township see it: whose, and whether a photo exists. */
export interface TownshipSignInView extends SignInView {
  cadre: PersonRef
  hasPhoto: boolean
}

export interface SlotView {
  slot: SignInSlot
  /** Minutes after local midnight. */
  minutes: number
  from: number
  to: number
  state: 'signed' | 'open' | 'upcoming' | 'missed'
}

export interface SignInTodayView {
  date: string
  slots: SlotView[]
  /** Today's attempts, valid or not, newest first. */
  attempts: SignInView[]
  places: { id: string; name: string; radiusM: number }[]
  /** The one-time consent to the live photo and its purpose has been given. */
  consentGiven: boolean
}

export interface LeaveView {
  id: string
  cadre: PersonRef
  from: string
  to: string
  days: number
  reason: string
  status: LeaveStatus
  decidedByName: string | null
  /** The viewer is the cadre's team leader and it is still waiting. */
  canDecide: boolean
}

export interface Counts543View {
  workDays: number
  nights: number
  villageDays: number
}

export interface Week543View extends Counts543View {
  cadre: PersonRef
  weekKey: string
  leaveDays: number
  required: Counts543View
  met: { workDays: boolean; nights: boolean; villageDays: boolean }
  compliant: boolean
  /** What is short, in the order work days, nights, village days (empty when compliant). */
  short: ('workDays' | 'nights' | 'villageDays')[]
  days: { work: string[]; nights: string[]; village: string[]; leave: string[] }
}

/** The team leader's view: each team they lead, its members' 543 and who is short (责任追究). */
export interface Team543View {
  weekKey: string
  teams: { id: string; name: string; rows: Week543View[]; shortCount: number }[]
}

export interface LedgerView {
  cadre: PersonRef
  month: string
  villageDays: string[]
  yuanPerDay: number
  yuan: number
}

export interface RatingTargetView {
  cadre: PersonRef
  band: RaterBand
  /** The viewer's own current rating of this cadre in this band and period, if any. */
  /** Issue 13: `moderation` says whether the comment is posted, waits, or was refused (and why). */
  mine: { dimensions: Record<string, number>; comment: string; moderation: import('./views.voice').CommentModeration | null } | null
}

export interface RatingFormView {
  period: string
  /** Periods the viewer may still rate (this month; last month until it is closed). */
  periods: string[]
  closed: boolean
  dimensions: string[]
  targets: RatingTargetView[]
}

/** A band's score as the core computes it (no rater identities in it). */
export type BandScoreView = BandScore

export interface ScoreView {
  bands: Record<RaterBand, BandScoreView>
  total: number | null
  insufficientBands: RaterBand[]
}

/**
 * What a cadre sees of their own 1135 (core/anonymity): for a closed period, the figures of bands
 * with at least `minRatersShown` raters and comments of those bands, without stars, rater or time;
 * for an open period nothing but the weights.
 */
export interface MyScoreView {
  period: string
  /** Closed by the month-end close; an open period shows no figures. */
  closed: boolean
  /** k: a band's figures are shown only from this many raters on. */
  minRatersShown: number
  cadre: PersonRef
  score: ScoreView & { hiddenBands: RaterBand[] }
  comments: { band: RaterBand; comment: string }[]
}

/** The township's full view: who rated, and ratings from households with no contact marked. */
export interface TownshipRatingView {
  id: string
  band: RaterBand
  rater: PersonRef
  householdNumber: string | null
  stars: number
  dimensions: Record<string, number>
  comment: string
  at: number
  /** Villagers band: the household had no signed visit and no ticket in the period. */
  noContact: boolean
}

export interface TownshipScoresView {
  period: string
  cadres: { cadre: PersonRef; score: ScoreView; ratings: TownshipRatingView[]; noContactCount: number }[]
}

// --- Sign-in: where the cadre stands before the camera (field-ux) ---

/** signin.check: nothing is stored; the distance to the nearest place and what a sign-in would be. */
export interface SignInCheckView {
  placeName: string | null
  distanceM: number | null
  radiusM: number | null
  inRange: boolean
  /** null: a sign-in here and now would be valid; else why it would not. */
  wouldBeInvalid: SignInView['invalidReason']
}
