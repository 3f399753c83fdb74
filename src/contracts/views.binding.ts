/** What the binding screens show (identity binding, issue 10). */
import type { BindingMethod, JudgeRefusal } from '../core/binding'
import type { PersonRef } from './views'

/** One binding made or ended, as the household and the supervision group read it. */
export interface BindingEventView {
  id: string
  person: PersonRef
  kind: 'bound' | 'unbound'
  method: BindingMethod | null
  /** The invitation's issuer, or the office member who unbound. */
  by: PersonRef | null
  /** The office's reason for an unbinding. */
  note: string
  at: number
}

export interface JudgeRefusalView {
  id: string
  person: PersonRef
  cadre: PersonRef
  action: 'visit.signOff' | 'rating.submit'
  reason: JudgeRefusal
  at: number
}

export interface BindingAuditView {
  invited: BindingEventView[]
  refusals: JudgeRefusalView[]
}
