/**
 * Who a person is (src/core/roles.ts): the office hub, the leadership and the supervision group are
 * separate powers; the household's cadre never invites anyone of his households to bind.
 */
import {
  isHouseholdCadreOf,
  isHouseholdMemberOf,
  isLeadership,
  isOfficeHub,
  isStaff,
  isSupervision,
  isTownshipStaff,
  isVillageSecretaryOf,
  leadsAnyTeam,
  leadsTeamOf,
  leadsVillage,
  mayInviteToBind,
  seesWholeTownship,
} from '../../src/core/roles'
import { makePerson } from './factories'

const villager = makePerson()
const resident = makePerson({ id: 'c1', roles: ['cadre'], duty: 'resident', householdId: null })
const office = makePerson({ id: 'o1', roles: ['cadre'], duty: 'office', householdId: null, villageId: null })
const leader = makePerson({ id: 'l1', roles: ['cadre', 'leader'], duty: 'office', householdId: null, villageId: null })
const supervisorCadre = makePerson({ id: 's1', roles: ['cadre', 'supervisor'], duty: 'office', householdId: null, villageId: null })
const disciplineSecretary = makePerson({ id: 's2', roles: ['cadre', 'leader', 'supervisor'], duty: 'office', householdId: null, villageId: null })
const secretary = makePerson({ id: 'sec', roles: ['villager', 'secretary'], householdId: 'h9', villageId: 'v1' })
const household = { cadreId: 'c1', villageId: 'v1' }

describe('roles', () => {
  it('an office-duty cadre is the office hub', () => {
    expect(isOfficeHub(office)).toBe(true)
    expect(isTownshipStaff(office)).toBe(true)
    expect(isOfficeHub(resident)).toBe(false)
  })

  it('a supervision group member is never the office hub, even as an office-duty cadre', () => {
    expect(isSupervision(supervisorCadre)).toBe(true)
    expect(isOfficeHub(supervisorCadre)).toBe(false)
    expect(isTownshipStaff(supervisorCadre)).toBe(false)
  })

  it('the discipline secretary (leader and supervisor) is supervision, not leadership', () => {
    expect(isLeadership(disciplineSecretary)).toBe(false)
    expect(isTownshipStaff(disciplineSecretary)).toBe(false)
    expect(isSupervision(disciplineSecretary)).toBe(true)
  })

  it('the leadership is separate from the office hub and runs the township with it', () => {
    expect(isLeadership(leader)).toBe(true)
    expect(isOfficeHub(leader)).toBe(false)
    expect(isTownshipStaff(leader)).toBe(true)
  })

  it('the supervision group sees the whole township without running it', () => {
    expect(seesWholeTownship(supervisorCadre)).toBe(true)
    expect(seesWholeTownship(office)).toBe(true)
    expect(seesWholeTownship(resident)).toBe(false)
    expect(seesWholeTownship(villager)).toBe(false)
  })

  it('cadres, leaders, supervisors and village secretaries are staff; villagers are not', () => {
    expect([resident, office, leader, supervisorCadre, secretary].every(isStaff)).toBe(true)
    expect(isStaff(villager)).toBe(false)
    expect(isStaff(makePerson({ roles: ['villager', 'committee', 'representative'] }))).toBe(false)
  })

  it('a household member belongs to that household as a villager', () => {
    expect(isHouseholdMemberOf(villager, 'h1')).toBe(true)
    expect(isHouseholdMemberOf(villager, 'h2')).toBe(false)
    expect(isHouseholdMemberOf(makePerson({ roles: ['committee'] }), 'h1')).toBe(false)
  })

  it("the household's cadre is the cadre the household names", () => {
    expect(isHouseholdCadreOf(resident, household)).toBe(true)
    expect(isHouseholdCadreOf(resident, { cadreId: 'c2' })).toBe(false)
  })

  it("the village secretary is the secretary of that village only", () => {
    expect(isVillageSecretaryOf(secretary, 'v1')).toBe(true)
    expect(isVillageSecretaryOf(secretary, 'v2')).toBe(false)
  })

  it('the team leader leads the villages and members of his teams', () => {
    expect(leadsVillage(['v1'], 'v1')).toBe(true)
    expect(leadsVillage(['v1'], 'v2')).toBe(false)
    expect(leadsAnyTeam([{ id: 't' }])).toBe(true)
    expect(leadsAnyTeam([])).toBe(false)
    const teams = [{ leaderId: 'l1', memberIds: ['c1'] }]
    expect(leadsTeamOf('l1', 'c1', teams)).toBe(true)
    expect(leadsTeamOf('l1', 'c2', teams)).toBe(false)
    expect(leadsTeamOf('c1', 'c1', teams)).toBe(false)
  })

  it("only the village secretary or the office invites to bind, never the household's own cadre", () => {
    expect(mayInviteToBind(secretary, household)).toBe(true)
    expect(mayInviteToBind(office, household)).toBe(true)
    expect(mayInviteToBind(resident, household)).toBe(false)
    expect(mayInviteToBind(secretary, { cadreId: 'c1', villageId: 'v2' })).toBe(false)
    expect(mayInviteToBind(supervisorCadre, household)).toBe(false)
    expect(mayInviteToBind(leader, household)).toBe(false)
    // An office cadre who covers the household himself is its cadre first.
    expect(mayInviteToBind({ ...office, roles: ['cadre'] }, { cadreId: 'o1', villageId: 'v1' })).toBe(false)
  })
})
