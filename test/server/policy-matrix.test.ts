/**
 * The whole role x action matrix, as one table: every policy the handlers ask (src/server/policies.ts),
 * every role, on an object of the caller's own township (village A, household hh-a1, cadre-a) and
 * on the same object of another township. A cell lists who passes; everyone else is refused.
 * The HTTP and cloud paths of the same checks are in attack.test.ts and test/cloud/attack.test.ts.
 */
import type { Household, Leave, Person, SignIn, Ticket, Visit, WorkTeam } from '../../src/core/model'
import type { Actor } from '../../src/server/context'
import { policies, verdictPolicies } from '../../src/server/policies'
import { world } from './world'

const w = world()
const people = new Map(w.people.map((p) => [p.id, p]))
const must = <T>(v: T | undefined): T => {
  if (v === undefined) throw new Error('missing fixture')
  return v
}
const person = (id: string) => must(people.get(id))
const actor = (p: Person, ledVillageIds: string[] = []): Actor => ({ person: p, ledVillageIds, ledTeams: ledVillageIds.map((v) => ({ id: `team-${v}`, name: v, villageId: v })) })

/** Every kind of caller, by role. */
const ROLES = {
  villager: actor(person('villager-a1')),
  householdCadre: actor(person('cadre-a')),
  otherCadre: actor(person('cadre-b')),
  secretary: actor(person('secretary-a')),
  teamLeader: actor(person('leader-a'), ['vil-a', 'vil-b']),
  leadership: actor({ ...person('leader-a'), id: 'leader-2' }),
  officeHub: actor(person('office-1')),
  supervision: actor(person('supervisor-1')),
  disciplineSecretary: actor({ ...person('supervisor-1'), id: 'discipline-1', roles: ['cadre', 'leader', 'supervisor'] }),
  publicSupervisor: actor({ ...person('villager-b1'), id: 'public-1', roles: ['publicSupervisor'], householdId: null }),
  otherTownshipOffice: actor(person('office-x')),
} as const
type RoleName = keyof typeof ROLES
const ALL = Object.keys(ROLES) as RoleName[]

/** One township's objects: ts-1 (own) or ts-2 (foreign). */
const objects = (own: boolean) => {
  const household: Household = must(w.households.find((h) => h.id === (own ? 'hh-a1' : 'hh-x1')))
  const cadre = person(own ? 'cadre-a' : 'cadre-x')
  const townshipId = household.townshipId
  const villageId = household.villageId
  const teams: WorkTeam[] = own ? w.teams : [{ id: 'team-x', townshipId, villageId, name: 'x', leaderId: 'leader-x', secretaryId: 'sec-x', memberIds: ['cadre-x'] }]
  const ticket = { id: 't1', townshipId, villageId, householdId: household.id, reporterId: own ? 'villager-a1b' : 'villager-x1', assigneeId: cadre.id, anonymous: true } as Ticket
  const visit = { id: 'v1', townshipId, villageId, householdId: household.id, cadreId: cadre.id } as Visit
  const signIn = { id: 's1', townshipId, cadreId: cadre.id } as SignIn
  const leave = { id: 'l1', townshipId, cadreId: cadre.id } as Leave
  const member = person(own ? 'villager-a1' : 'villager-x1')
  return { household, cadre, townshipId, villageId, teams, ticket, visit, signIn, leave, member }
}
type Objects = ReturnType<typeof objects>

/** Every policy, asked the way its handlers ask it, and who passes on an object of the own township. */
const MATRIX: { policy: string; ask: (a: Actor, o: Objects) => boolean; own: RoleName[] }[] = [
  { policy: 'household:read', ask: (a, o) => policies['household:read'](a, o.household), own: ['villager', 'householdCadre', 'secretary', 'teamLeader', 'leadership', 'officeHub', 'supervision', 'disciplineSecretary'] },
  { policy: 'household:assign', ask: (a, o) => policies['household:assign'](a, o.household), own: ['teamLeader', 'leadership', 'officeHub'] },
  { policy: 'roster:coverage', ask: (a, o) => policies['roster:coverage'](a, o.townshipId), own: ['teamLeader', 'leadership', 'officeHub', 'supervision', 'disciplineSecretary'] },
  { policy: 'ticket:create', ask: (a, o) => policies['ticket:create'](a, o.household), own: ['villager', 'householdCadre'] },
  { policy: 'ticket:read', ask: (a, o) => policies['ticket:read'](a, o.ticket, o.household), own: ['villager', 'householdCadre', 'secretary', 'teamLeader', 'leadership', 'officeHub', 'supervision', 'disciplineSecretary'] },
  // The anonymous reporter's name: the handling chain only; other household members and supervision see 群众.
  { policy: 'ticket:seeReporter', ask: (a, o) => policies['ticket:seeReporter'](a, o.ticket, o.household), own: ['householdCadre', 'secretary', 'teamLeader', 'leadership', 'officeHub'] },
  { policy: 'office:manage', ask: (a, o) => policies['office:manage'](a, o.townshipId), own: ['teamLeader', 'leadership', 'officeHub'] },
  { policy: 'office:read', ask: (a, o) => policies['office:read'](a, o.townshipId), own: ['teamLeader', 'leadership', 'officeHub', 'supervision', 'disciplineSecretary'] },
  { policy: 'supervision:act', ask: (a, o) => policies['supervision:act'](a, o.townshipId), own: ['supervision', 'disciplineSecretary'] },
  { policy: 'supervision:fileReport', ask: (a, o) => policies['supervision:fileReport'](a, o.townshipId), own: ['supervision', 'disciplineSecretary', 'publicSupervisor'] },
  { policy: 'supervision:reportTargets', ask: (a, o) => policies['supervision:reportTargets'](a, o.townshipId), own: ['supervision', 'disciplineSecretary', 'publicSupervisor'] },
  { policy: 'cadre:record', ask: (a, o) => policies['cadre:record'](a, o.cadre, o.teams), own: ['householdCadre', 'teamLeader', 'leadership', 'officeHub', 'supervision', 'disciplineSecretary'] },
  { policy: 'cadre:addNote', ask: (a, o) => policies['cadre:addNote'](a, o.cadre, o.teams), own: ['teamLeader', 'leadership', 'officeHub'] },
  { policy: 'notice:post (township)', ask: (a, o) => policies['notice:post'](a, o.townshipId, null), own: ['teamLeader', 'leadership', 'officeHub'] },
  { policy: 'notice:post (village)', ask: (a, o) => policies['notice:post'](a, o.townshipId, o.villageId), own: ['secretary', 'teamLeader', 'leadership', 'officeHub'] },
  { policy: 'posting:read', ask: (a, o) => policies['posting:read'](a, o.townshipId), own: ALL.filter((r) => r !== 'otherTownshipOffice') },
  { policy: 'binding:invite', ask: (a, o) => policies['binding:invite'](a, o.household), own: ['secretary', 'officeHub'] },
  { policy: 'binding:manage', ask: (a, o) => policies['binding:manage'](a, o.member), own: ['officeHub'] },
  { policy: 'binding:audit', ask: (a, o) => policies['binding:audit'](a, o.townshipId), own: ['supervision', 'disciplineSecretary'] },
  { policy: 'visit:create', ask: (a, o) => verdictPolicies['visit:create'](a, o.household), own: ['householdCadre'] },
  { policy: 'visit:read', ask: (a, o) => verdictPolicies['visit:read'](a, o.visit), own: ['villager', 'householdCadre', 'teamLeader', 'leadership', 'officeHub', 'supervision', 'disciplineSecretary'] },
  { policy: 'signin:photo', ask: (a, o) => verdictPolicies['signin:photo'](a, o.signIn), own: ['teamLeader', 'leadership', 'officeHub', 'supervision', 'disciplineSecretary'] },
  { policy: 'leave:decide', ask: (a, o) => verdictPolicies['leave:decide'](a, o.leave, o.teams), own: ['teamLeader'] },
  { policy: 'attendance:read', ask: (a, o) => verdictPolicies['attendance:read'](a, o.cadre, o.teams), own: ['householdCadre', 'teamLeader', 'leadership', 'officeHub', 'supervision', 'disciplineSecretary'] },
  { policy: 'rating:seeRaters', ask: (a, o) => verdictPolicies['rating:seeRaters'](a, o.townshipId), own: ['teamLeader', 'leadership', 'officeHub', 'supervision', 'disciplineSecretary'] },
]

describe('the role x action matrix', () => {
  it('covers every policy the server has', () => {
    const asked = new Set(MATRIX.map((m) => m.policy.split(' ')[0]))
    expect([...Object.keys(policies), ...Object.keys(verdictPolicies)].filter((p) => !asked.has(p))).toEqual([])
  })

  const own = objects(true)
  const foreign = objects(false)
  for (const row of MATRIX) {
    it(`${row.policy}: on the own township's object, exactly ${row.own.join(', ')}; on another township's, nobody`, () => {
      const passes = (o: Objects) => ALL.filter((r) => row.ask(ROLES[r], o))
      expect(passes(own)).toEqual(row.own)
      // The other township's office passes its own township's checks and no other.
      expect(passes(foreign)).toEqual(row.own.includes('officeHub') ? ['otherTownshipOffice'] : [])
    })
  }
})
