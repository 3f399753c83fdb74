/**
 * Views of a cadre's record (档案, DOMAIN 3.8): the closed months' attendance and 1135 scores from
 * the stored closes, supervision findings, self-reviews and responsibility (责任追究) notes.
 * One rule: scores carry band figures and counts only, never who rated; phones appear masked.
 */
import type { CadreDuty, RaterBand } from '../core/model'
import type { FindingView } from './views.office'
import type { PersonRef } from './views'

export interface RecordWeek {
  weekKey: string
  workDays: number
  nights: number
  villageDays: number
  leaveDays: number
  required: { workDays: number; nights: number; villageDays: number }
  compliant: boolean
}

export interface RecordBand {
  /** Distinct raters counted (households in the villagers band): a count, never who. */
  raters: number
  points: number | null
  sufficient: boolean
  weight: number
}

/** One closed month of the cadre, as the close stored it. */
export interface RecordMonth {
  period: string
  signIns: { valid: number; invalid: number }
  leaveDays: string[]
  absences: string[]
  villageDays: string[]
  allowanceYuan: number
  weeks: RecordWeek[]
  score: { total: number | null; bands: Record<RaterBand, RecordBand>; insufficientBands: RaterBand[] }
}

export interface ChainNoteView {
  id: string
  period: string | null
  text: string
  by: string
  at: number
}

export interface CadreRecordView {
  cadre: PersonRef & { duty: CadreDuty | null }
  villageName: string | null
  teamName: string | null
  /** The team leader who answers for this cadre (责任追究: whoever leads is responsible). */
  responsible: PersonRef | null
  /** Closed months, newest first. */
  months: RecordMonth[]
  findings: FindingView[]
  selfReviews: { period: string; text: string; at: number }[]
  chainNotes: ChainNoteView[]
  /** Whether this viewer may add a responsibility note (the team leader or the township). */
  canAddNote: boolean
  /** Issue 13: the supervision group's call-backs about this cadre's work, newest first. */
  callBacks: import('./views.voice').CallBackRecordRow[]
}

/** A row of the cadres list (office: the township; team leader: members; cadre: self). */
export interface CadreListRow {
  id: string
  name: string
  title: string
  duty: CadreDuty | null
  villageName: string | null
  teamName: string | null
  /** Households covered (包户). */
  households: number
  findings: number
  phoneMasked: string
}
