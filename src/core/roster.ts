/**
 * The roster rules of 包户 (household assignment) and 驻村工作组 (village work teams): who covers
 * which households, and whether coverage meets the reform (every villager group has a cadre, each
 * resident cadre covers 60-70 households). One rule: findings are data for the admin, never throws.
 */
import type { Household, Person, VillagerGroup, WorkTeam } from './model'
import type { Settings } from './settings'

export type CoverageFinding =
  | { severity: 'error'; code: 'COVERAGE.GROUP_WITHOUT_CADRE'; groupId: string; villageId: string; cadres: number }
  | { severity: 'warning'; code: 'COVERAGE.CADRE_LOAD_OUT_OF_RANGE'; cadreId: string; households: number }
  | { severity: 'warning'; code: 'COVERAGE.HOUSEHOLD_UNASSIGNED'; householdId: string; groupId: string }
  | { severity: 'warning'; code: 'COVERAGE.HOUSEHOLD_UNKNOWN_CADRE'; householdId: string; cadreId: string }

export interface CoverageInput {
  groups: VillagerGroup[]
  /** The township's households: only who covers them and their group count here. */
  households: Pick<Household, 'id' | 'groupId' | 'cadreId'>[]
  /** Township cadres; only those with duty 'resident' (包户干部) count as covering households. */
  cadres: Person[]
  settings: Pick<Settings, 'coverage'>
}

/** A township cadre living in a village work team and covering households (包户干部). */
export const isResidentCadre = (person: Person): boolean => person.roles.includes('cadre') && person.duty === 'resident'

/** The households assigned to a cadre. */
export const householdsOfCadre = (households: Household[], cadreId: string): Household[] =>
  households.filter((h) => h.cadreId === cadreId)

/**
 * Checks coverage: errors for villager groups covered by fewer than minCadresPerGroup distinct
 * resident cadres; warnings for resident cadres whose load is outside [min, max] households, for
 * households with no cadre, and for households assigned to someone who is not a resident cadre.
 * Findings come errors first, then in input order.
 */
export const coverageCheck = ({ groups, households, cadres, settings }: CoverageInput): CoverageFinding[] => {
  const { minHouseholdsPerCadre, maxHouseholdsPerCadre, minCadresPerGroup } = settings.coverage
  const residents = cadres.filter(isResidentCadre)
  const residentIds = new Set(residents.map((c) => c.id))

  const cadresByGroup = new Map<string, Set<string>>()
  const loadByCadre = new Map<string, number>()
  const warnings: CoverageFinding[] = []
  for (const h of households) {
    if (h.cadreId === null) {
      warnings.push({ severity: 'warning', code: 'COVERAGE.HOUSEHOLD_UNASSIGNED', householdId: h.id, groupId: h.groupId })
      continue
    }
    if (!residentIds.has(h.cadreId)) {
      warnings.push({ severity: 'warning', code: 'COVERAGE.HOUSEHOLD_UNKNOWN_CADRE', householdId: h.id, cadreId: h.cadreId })
      continue
    }
    const set = cadresByGroup.get(h.groupId) ?? new Set<string>()
    set.add(h.cadreId)
    cadresByGroup.set(h.groupId, set)
    loadByCadre.set(h.cadreId, (loadByCadre.get(h.cadreId) ?? 0) + 1)
  }

  const errors: CoverageFinding[] = []
  for (const g of groups) {
    const n = cadresByGroup.get(g.id)?.size ?? 0
    if (n < minCadresPerGroup) {
      errors.push({ severity: 'error', code: 'COVERAGE.GROUP_WITHOUT_CADRE', groupId: g.id, villageId: g.villageId, cadres: n })
    }
  }

  const loadWarnings: CoverageFinding[] = []
  for (const c of residents) {
    const n = loadByCadre.get(c.id) ?? 0
    if (n < minHouseholdsPerCadre || n > maxHouseholdsPerCadre) {
      loadWarnings.push({ severity: 'warning', code: 'COVERAGE.CADRE_LOAD_OUT_OF_RANGE', cadreId: c.id, households: n })
    }
  }
  return [...errors, ...loadWarnings, ...warnings]
}

/** True when no finding is an error (warnings do not block). */
export const coverageIsAcceptable = (findings: CoverageFinding[]): boolean => findings.every((f) => f.severity !== 'error')

/** The work team of a village, or null. */
export const teamOfVillage = (teams: WorkTeam[], villageId: string): WorkTeam | null =>
  teams.find((t) => t.villageId === villageId) ?? null

/** The work teams a resident cadre is a member of (normally one). */
export const teamsOfMember = (teams: WorkTeam[], cadreId: string): WorkTeam[] =>
  teams.filter((t) => t.memberIds.includes(cadreId))

/** True when the person leads the team (包片领导); a leader answers for members' absences. */
export const isTeamLeader = (team: WorkTeam, personId: string): boolean => team.leaderId === personId

/** The team members a leader answers for, across every team they lead (责任追究). */
export const membersLedBy = (teams: WorkTeam[], leaderId: string): string[] => [
  ...new Set(teams.filter((t) => t.leaderId === leaderId).flatMap((t) => t.memberIds)),
]

/** True when the person belongs to the team in any capacity: leader, deputy (secretary) or member. */
export const isOnTeam = (team: WorkTeam, personId: string): boolean =>
  team.leaderId === personId || team.secretaryId === personId || team.memberIds.includes(personId)
