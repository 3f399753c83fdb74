/**
 * Views of the office hub (统计汇总), the month-end close, the public posting (公示), supervision,
 * notices, privacy and binding. One rule: phones and addresses appear masked in every list; the
 * posting carries no rater and no score.
 */
import type { CheckKind, CheckMethod, CheckOutcome, FindingCode, PeriodStatus, RaterBand } from '../core/model'
import type { CadreMonth, PostingRow } from '../core/close'
import type { CloseOffer } from '../core/close-offer'
import type { Rate } from '../core/tickets'
import type { PersonRef } from './views'

export interface PeriodView {
  period: string
  status: PeriodStatus
  closedAt: number | null
  closedBy: string | null
  digest: string | null
  reopenings: { at: number; by: string; reason: string; digest: string }[]
  /** wechat-notify: what the automatic close (自动结账) did with this month, in words; absent when it did nothing. */
  autoClose?: string | null
  /** selfhost (issue 11 item 7): the day (YYYY-MM-DD) from which the automatic close will close this month, while nobody decided on it. */
  autoCloseOn?: string | null
  /** selfhost: that day has come (the job's next run closes it). */
  autoCloseDue?: boolean
  /** look-b (issue 12): whether the close panel offers 结账 for this month, or why not (core closeOffer). */
  offer?: CloseOffer
}

export interface CloseView extends PeriodView {
  cadres: number
  /** Township rates of the month. */
  rates: { response: Rate; resolution: Rate; satisfaction: Rate }
  /** Cadre-days whose kept figures differed from the records and were rebuilt before closing (normally 0). */
  repairedDays: number
}

export interface PostingView {
  period: string
  townshipName: string
  closedAt: number
  rows: (PostingRow & { villageName: string })[]
}

export interface DashboardCadreRow {
  cadreId: string
  name: string
  villageName: string
  teamName: string
  villageDays: number
  compliantWeeks: number
  weeks: number
  absences: number
  /** The 1135 total; null when withheld (see shortBands) or when no one rated. */
  score: number | null
  /** The 1135 bands short of raters: while any is, the total is withheld and shown "样本不足（band）". */
  shortBands: RaterBand[]
  allowanceYuan: number
}

export interface DashboardView {
  period: string
  /** Closed: figures from the stored close; open: computed now from the records. */
  status: PeriodStatus
  filters: { villages: { id: string; name: string }[]; teams: { id: string; name: string }[] }
  cadres: DashboardCadreRow[]
  rates: { response: Rate; resolution: Rate; satisfaction: Rate }
  /** Bars: signed village days per village. */
  villageDaysByVillage: { label: string; value: number }[]
  supervision: { required: number; done: number; met: boolean }
}

export interface ResultsView {
  period: string
  township: { fundsYuan: number; loanYuan: number; beneficiaries: number; tickets: number }
  villages: { villageId: string; villageName: string; fundsYuan: number; loanYuan: number; beneficiaries: number; tickets: number }[]
}

export interface RosterHouseholdRow {
  id: string
  number: string
  headName: string
  headId: string | null
  villageName: string
  groupName: string
  cadreName: string | null
  /** The assigned resident cadre (包户干部), for the assignment screen. */
  cadreId: string | null
  /** Masked (138****0000) until revealed. */
  phoneMasked: string
  /** Masked (first characters only) until revealed. */
  addressMasked: string
}

export interface RevealRow {
  id: string
  at: number
  actor: string
  subject: string
  /** Issue 13: `reporter` is an anonymous report's reporter revealed for a fraud check (subject: the ticket). */
  field: 'phone' | 'address' | 'reporter' | 'signinPhoto' | 'raters'
  /** Issue 13: the reason given for a reporter reveal. */
  reason?: string | null
}

export interface CheckView {
  id: string
  kind: CheckKind
  date: string
  villageName: string | null
  cadreName: string | null
  method: CheckMethod | null
  status: 'planned' | 'done'
  outcome: CheckOutcome | null
  note: string
}

export interface SupervisionDashboardView {
  month: string
  required: number
  done: number
  planned: number
  met: boolean
  checks: CheckView[]
  openReports: number
  villages: { id: string; name: string }[]
  /** Issue 13: the call-back queue's counts (好差评 回访). */
  callBacks: import('./views.voice').CallBackCounts
  /** Resident cadres with the village of their work team (the verify form preselects it). */
  cadres: (PersonRef & { villageId: string | null })[]
}

export interface ReportView {
  id: string
  reporter: string
  cadreName: string | null
  villageName: string | null
  text: string
  at: number
  status: 'open' | 'upheld' | 'dismissed'
}

export interface FindingView {
  id: string
  cadreId: string
  cadreName: string
  source: 'check' | 'report'
  text: string
  at: number
  /** mongolian (issue 13 item 5): the finding's code and parameters; the client words them (old rows: text only). */
  code?: FindingCode
  params?: Record<string, string>
}

export interface NoticeView {
  id: string
  title: string
  body: string
  /** null: the whole township. */
  villageName: string | null
  author: string
  at: number
}

export interface InvitationView {
  token: string
  expiresAt: number
  /** The H5 page the QR code opens (with the token). */
  path: string
  personName: string
  /** The mini-program code's scene (the token): the bind page reads it from `scene`. */
  scene: string
  /** The 小程序码 as a base64 PNG when asked for (weapp); the H5 page draws a QR of `path`. */
  imageBase64: string | null
}

export interface ImportView {
  villages: number
  groups: number
  households: number
  people: number
  teams: number
  /** Coverage warnings and errors right after the import. */
  coverage: { severity: 'error' | 'warning'; code: string; message: string }[]
}

export type { CadreMonth }
