/**
 * Who a person is, once (DOMAIN 2 and 4): the township's office hub, its leadership, the supervision
 * group, a team leader, a village secretary, a household member, a household's cadre. The server's
 * policies and the client's show/hide decisions both ask these questions; neither writes the role
 * test out again.
 * One rule: the three township powers are separate. The office hub runs the township's business
 * (close a month, notices, roster, invitations, record notes), the leadership directs it and the
 * supervision group watches both: a member of the supervision group holds none of the office's
 * powers, even when he is also an office cadre or a member of the leadership (纪委书记).
 */
import type { CadreDuty, Household, Person, Role, WorkTeam } from './model'

/** What every role question reads of a person (a Person, the client's MeView, a test's sketch). */
export interface RoleHolder {
  roles: readonly Role[]
  duty: CadreDuty | null
}

const has = (p: RoleHolder, role: Role): boolean => p.roles.includes(role)

/** 督导组: a member of the supervision group. */
export const isSupervision = (p: RoleHolder): boolean => has(p, 'supervisor')

/** 镇领导班子: a member of the leadership who is not on the supervision group. */
export const isLeadership = (p: RoleHolder): boolean => has(p, 'leader') && !isSupervision(p)

/** 机关合署办公: an office-duty cadre who is neither leadership nor supervision. */
export const isOfficeHub = (p: RoleHolder): boolean =>
  has(p, 'cadre') && p.duty === 'office' && !has(p, 'leader') && !isSupervision(p)

/** The township's staff who run it (office hub or leadership): manage, and read the whole township. */
export const isTownshipStaff = (p: RoleHolder): boolean => isOfficeHub(p) || isLeadership(p)

/** Who reads the whole township: those who run it and the supervision group that watches them. */
export const seesWholeTownship = (p: RoleHolder): boolean => isTownshipStaff(p) || isSupervision(p)

/**
 * Staff, for the verdict: anyone whose work is judged or who judges as staff (township cadres,
 * leaders, supervisors) and the village secretary (deputy of the work team). Their accounts never
 * sign a visit off or rate in the villagers' band (DOMAIN 3.12).
 */
export const isStaff = (p: RoleHolder): boolean =>
  has(p, 'cadre') || has(p, 'leader') || has(p, 'supervisor') || has(p, 'secretary')

/** 村支部书记 of the village. */
export const isVillageSecretaryOf = (p: RoleHolder & Pick<Person, 'villageId'>, villageId: string): boolean =>
  has(p, 'secretary') && p.villageId === villageId

/** A member of the household (a villager of it). */
export const isHouseholdMemberOf = (p: RoleHolder & Pick<Person, 'householdId'>, householdId: string): boolean =>
  has(p, 'villager') && p.householdId === householdId

/** The resident cadre who covers the household (包户干部 of it). */
export const isHouseholdCadreOf = (p: RoleHolder & Pick<Person, 'id'>, household: Pick<Household, 'cadreId'>): boolean =>
  has(p, 'cadre') && household.cadreId === p.id

/** 包片领导: leads the work team of the village (the villages whose team the person leads). */
export const leadsVillage = (ledVillageIds: readonly string[], villageId: string): boolean => ledVillageIds.includes(villageId)

/** 包片领导 of at least one work team. */
export const leadsAnyTeam = (ledTeams: readonly unknown[]): boolean => ledTeams.length > 0

/** Who may issue a binding invitation to a household member: the village secretary or the office, never the household's cadre. */
export const mayInviteToBind = (p: RoleHolder & Pick<Person, 'id' | 'villageId'>, household: Pick<Household, 'cadreId' | 'villageId'>): boolean =>
  !isHouseholdCadreOf(p, household) && (isOfficeHub(p) || isVillageSecretaryOf(p, household.villageId))

/** 包片领导 of a cadre: leads a work team the cadre is a member of. */
export const leadsTeamOf = (personId: string, cadreId: string, teams: readonly Pick<WorkTeam, 'leaderId' | 'memberIds'>[]): boolean =>
  teams.some((t) => t.leaderId === personId && t.memberIds.includes(cadreId))
