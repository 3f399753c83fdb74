/**
 * What the server sends back: view shapes made for screens, never raw stored documents, so that
 * nothing a viewer may not see (a rater's name, an anonymous reporter, a full phone number in a
 * list) can leak by accident. One rule: every field here is safe for every viewer it is sent to.
 */
import type { CadreDuty, Role, TicketAction, TicketKind, TicketStatus } from '../core/model'

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
  action: TicketAction | 'create'
  from: TicketStatus | null
  to: TicketStatus
  /** The actor's name, or a neutral label (e.g. 群众) when the reporter is anonymous to this viewer. */
  actorName: string
  at: number
  note: string
}

export interface TicketView {
  id: string
  kind: TicketKind
  category: string
  description: string
  status: TicketStatus
  villageName: string
  householdNumber: string
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
