/**
 * Tests of 包户 coverage and work-team helpers, with the seed's figures: 60-70 households per
 * resident cadre, at least one cadre per villager group. One rule: findings, never throws.
 */
import {
  coverageCheck,
  coverageIsAcceptable,
  householdsOfCadre,
  isOnTeam,
  isResidentCadre,
  isTeamLeader,
  membersLedBy,
  teamOfVillage,
  teamsOfMember,
} from '../../src/core/roster'
import { makeCadre, makeGroup, makeHouseholds, makeTeam, settings } from './factories'

const s = settings()

describe('coverageCheck', () => {
  it('finds nothing when each group has a cadre and each cadre covers 60-70 households', () => {
    const groups = [makeGroup({ id: 'g1' }), makeGroup({ id: 'g2' })]
    const households = [
      ...makeHouseholds(60, { groupId: 'g1', cadreId: 'c1' }, 'a'),
      ...makeHouseholds(70, { groupId: 'g2', cadreId: 'c2' }, 'b'),
    ]
    const findings = coverageCheck({ groups, households, cadres: [makeCadre({ id: 'c1' }), makeCadre({ id: 'c2' })], settings: s })
    expect(findings).toEqual([])
    expect(coverageIsAcceptable(findings)).toBe(true)
  })

  it('reports a villager group where no household is assigned to a cadre as an error', () => {
    const groups = [makeGroup({ id: 'g1' }), makeGroup({ id: 'g2', villageId: 'v2' })]
    const households = [...makeHouseholds(65, { groupId: 'g1' }, 'a'), ...makeHouseholds(3, { groupId: 'g2', cadreId: null }, 'b')]
    const findings = coverageCheck({ groups, households, cadres: [makeCadre()], settings: s })
    expect(findings[0]).toEqual({ severity: 'error', code: 'COVERAGE.GROUP_WITHOUT_CADRE', groupId: 'g2', villageId: 'v2', cadres: 0 })
    expect(coverageIsAcceptable(findings)).toBe(false)
  })

  it('reports a group with no households at all as lacking a cadre', () => {
    const findings = coverageCheck({
      groups: [makeGroup({ id: 'g1' }), makeGroup({ id: 'empty' })],
      households: makeHouseholds(65),
      cadres: [makeCadre()],
      settings: s,
    })
    expect(findings).toEqual([{ severity: 'error', code: 'COVERAGE.GROUP_WITHOUT_CADRE', groupId: 'empty', villageId: 'v1', cadres: 0 }])
  })

  it('requires minCadresPerGroup distinct cadres in a group', () => {
    const strict = settings({ coverage: { ...s.coverage, minCadresPerGroup: 2 } })
    const findings = coverageCheck({ groups: [makeGroup()], households: makeHouseholds(65), cadres: [makeCadre()], settings: strict })
    expect(findings).toContainEqual({ severity: 'error', code: 'COVERAGE.GROUP_WITHOUT_CADRE', groupId: 'g1', villageId: 'v1', cadres: 1 })
  })

  it.each([
    [0, true],
    [59, true],
    [60, false],
    [65, false],
    [70, false],
    [71, true],
  ])('warns about a resident cadre with %i households: %s', (n, warned) => {
    const findings = coverageCheck({
      groups: n === 0 ? [] : [makeGroup()],
      households: makeHouseholds(n),
      cadres: [makeCadre()],
      settings: s,
    })
    const load = { severity: 'warning', code: 'COVERAGE.CADRE_LOAD_OUT_OF_RANGE', cadreId: 'c1', households: n }
    if (warned) expect(findings).toContainEqual(load)
    else expect(findings).toEqual([])
  })

  it('does not check the load of office-hub cadres, who cover no households', () => {
    const office = makeCadre({ id: 'o1', duty: 'office' })
    const findings = coverageCheck({ groups: [makeGroup()], households: makeHouseholds(65), cadres: [makeCadre(), office], settings: s })
    expect(findings).toEqual([])
  })

  it('warns about each household without a cadre', () => {
    const households = [...makeHouseholds(65), ...makeHouseholds(2, { cadreId: null }, 'x')]
    const findings = coverageCheck({ groups: [makeGroup()], households, cadres: [makeCadre()], settings: s })
    expect(findings).toEqual([
      { severity: 'warning', code: 'COVERAGE.HOUSEHOLD_UNASSIGNED', householdId: 'x1', groupId: 'g1' },
      { severity: 'warning', code: 'COVERAGE.HOUSEHOLD_UNASSIGNED', householdId: 'x2', groupId: 'g1' },
    ])
  })

  it('does not let a household assigned to someone who is not a resident cadre cover its group', () => {
    const findings = coverageCheck({
      groups: [makeGroup()],
      households: makeHouseholds(1, { cadreId: 'gone' }),
      cadres: [makeCadre({ id: 'o1', duty: 'office' })],
      settings: s,
    })
    expect(findings).toEqual([
      { severity: 'error', code: 'COVERAGE.GROUP_WITHOUT_CADRE', groupId: 'g1', villageId: 'v1', cadres: 0 },
      { severity: 'warning', code: 'COVERAGE.HOUSEHOLD_UNKNOWN_CADRE', householdId: 'h1', cadreId: 'gone' },
    ])
  })
})

describe('roster helpers', () => {
  const teams = [makeTeam(), makeTeam({ id: 'team2', villageId: 'v2', leaderId: 'leader1', memberIds: ['c3'] })]

  it('recognises a resident cadre by role and duty', () => {
    expect(isResidentCadre(makeCadre())).toBe(true)
    expect(isResidentCadre(makeCadre({ duty: 'office' }))).toBe(false)
    expect(isResidentCadre(makeCadre({ roles: ['villager'] }))).toBe(false)
  })

  it('lists the households of a cadre', () => {
    const hs = [...makeHouseholds(2), ...makeHouseholds(1, { cadreId: 'c2' }, 'z')]
    expect(householdsOfCadre(hs, 'c2').map((h) => h.id)).toEqual(['z1'])
  })

  it('finds the work team of a village, or none', () => {
    expect(teamOfVillage(teams, 'v2')?.id).toBe('team2')
    expect(teamOfVillage(teams, 'v9')).toBeNull()
  })

  it('finds the teams a cadre belongs to', () => {
    expect(teamsOfMember(teams, 'c3').map((t) => t.id)).toEqual(['team2'])
  })

  it('makes the team leader answer for every member of every team they lead', () => {
    expect(isTeamLeader(teams[0], 'leader1')).toBe(true)
    expect(isTeamLeader(teams[0], 'c1')).toBe(false)
    expect(membersLedBy(teams, 'leader1')).toEqual(['c1', 'c2', 'c3'])
  })

  it('counts the leader, the village secretary and the members as on the team', () => {
    expect(['leader1', 'sec1', 'c1'].every((id) => isOnTeam(teams[0], id))).toBe(true)
    expect(isOnTeam(teams[0], 'c3')).toBe(false)
  })
})
