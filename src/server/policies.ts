/**
 * Who may do what to which object (DOMAIN.md section 4), as named pure policies over the actor and
 * the object. Every handler asks one of these before it reads or writes; the client may ask the same
 * questions to hide buttons, but only the server's answer counts.
 * One rule: a policy checks the role AND the object's scope (village, household, township), never
 * the role alone.
 */
import type { Household, Leave, Person, SignIn, Ticket, Visit, WorkTeam } from '../core/model'
import * as roles from '../core/roles'
import type { Actor } from './context'
import { reporterVisibleTo } from '../core/voice'
import { publicViewAllowed } from '../core/media'

const has = (person: Person, role: Person['roles'][number]) => person.roles.includes(role)
const inTownship = (actor: Actor, townshipId: string): boolean => actor.person.townshipId === townshipId

/** Township staff who run the township (the office hub and the leadership; never the supervision group). */
export const isTownshipStaff = (actor: Actor, townshipId: string): boolean => inTownship(actor, townshipId) && roles.isTownshipStaff(actor.person)

/** The office hub (机关合署办公) of the township: neither leadership nor supervision. */
export const isOfficeHub = (actor: Actor, townshipId: string): boolean => inTownship(actor, townshipId) && roles.isOfficeHub(actor.person)

/**
 * Township staff who handle tickets (the township session's chain). The supervision group watches
 * the handlers, so its members are outside the chain (roles.isTownshipStaff excludes them).
 */
export const isTicketHandlingStaff = (actor: Actor, townshipId: string): boolean => isTownshipStaff(actor, townshipId)

/** The supervision group (督导组) reads everything in its township. */
export const isSupervisor = (actor: Actor, townshipId: string): boolean => inTownship(actor, townshipId) && roles.isSupervision(actor.person)

export const isHouseholdMember = (actor: Actor, householdId: string): boolean => roles.isHouseholdMemberOf(actor.person, householdId)

export const isHouseholdCadre = (actor: Actor, household: Household): boolean => roles.isHouseholdCadreOf(actor.person, household)

export const isVillageSecretary = (actor: Actor, villageId: string): boolean => roles.isVillageSecretaryOf(actor.person, villageId)

export const leadsVillageTeam = (actor: Actor, villageId: string): boolean => roles.leadsVillage(actor.ledVillageIds, villageId)

export const policies = {
  /** A household's details: its members, its cadre, the township, and the village's team leader. */
  'household:read': (actor: Actor, household: Household): boolean =>
    isHouseholdMember(actor, household.id) ||
    isHouseholdCadre(actor, household) ||
    isVillageSecretary(actor, household.villageId) ||
    leadsVillageTeam(actor, household.villageId) ||
    isTownshipStaff(actor, household.townshipId) ||
    isSupervisor(actor, household.townshipId),

  /** Changing who covers a household is the township's call (office hub or leadership). */
  'household:assign': (actor: Actor, household: Household): boolean => isTownshipStaff(actor, household.townshipId),

  /** The coverage check belongs to the township office, its leaders and the supervision group. */
  'roster:coverage': (actor: Actor, townshipId: string): boolean =>
    isTownshipStaff(actor, townshipId) || isSupervisor(actor, townshipId),

  /** A villager reports for their own household; a cadre files for a household they cover. */
  'ticket:create': (actor: Actor, household: Household): boolean =>
    isHouseholdMember(actor, household.id) || isHouseholdCadre(actor, household),

  /** A ticket is seen by its household, its handling chain, the team leader and the supervisors. */
  'ticket:read': (actor: Actor, ticket: Ticket, household: Household): boolean =>
    isHouseholdMember(actor, ticket.householdId) ||
    isHouseholdCadre(actor, household) ||
    actor.person.id === ticket.assigneeId ||
    isVillageSecretary(actor, ticket.villageId) ||
    leadsVillageTeam(actor, ticket.villageId) ||
    isTownshipStaff(actor, ticket.townshipId) ||
    isSupervisor(actor, ticket.townshipId),

  /**
   * Issue 13: an anonymous reporter (name and household) is shown only to the cadre handling it
   * (core reporterVisibleTo); the secretary, team leader, office and supervision see "匿名反映".
   */
  'ticket:seeReporter': (actor: Actor, ticket: Ticket, household: Household): boolean =>
    reporterVisibleTo(ticket, household.cadreId, {
      personId: actor.person.id,
      residentCadre: actor.person.townshipId === ticket.townshipId && has(actor.person, 'cadre') && actor.person.duty === 'resident',
    }),

  // ---------------------------------------------------------------- office and supervision

  /** Close months, edit the roster, post township notices: the office hub and the leadership. */
  'office:manage': (actor: Actor, townshipId: string): boolean => isTownshipStaff(actor, townshipId),

  /** Dashboards, results, exports and the reveal log: the office, the leadership and the supervisors. */
  'office:read': (actor: Actor, townshipId: string): boolean => isTownshipStaff(actor, townshipId) || isSupervisor(actor, townshipId),

  /** Plan and record checks, verify whereabouts, decide reports: the supervision group only. */
  'supervision:act': (actor: Actor, townshipId: string): boolean => isSupervisor(actor, townshipId),

  /** File a supervision report: public supervisors (作风建设监督员) and the group. */
  'supervision:fileReport': (actor: Actor, townshipId: string): boolean =>
    actor.person.townshipId === townshipId && (has(actor.person, 'publicSupervisor') || has(actor.person, 'supervisor')),

  /** A cadre's record (档案): the cadre, the leader of a team they are on, the office and the supervisors. */
  'cadre:record': (actor: Actor, cadre: Person, teams: WorkTeam[]): boolean =>
    actor.person.id === cadre.id ||
    roles.leadsTeamOf(actor.person.id, cadre.id, teams) ||
    isTownshipStaff(actor, cadre.townshipId) ||
    isSupervisor(actor, cadre.townshipId),

  /**
   * A responsibility note (责任追究) in a cadre's record: the leader of a team the cadre is on (who
   * answers for the members) or the township office and leadership.
   */
  'cadre:addNote': (actor: Actor, cadre: Person, teams: WorkTeam[]): boolean =>
    actor.person.id !== cadre.id &&
    (roles.leadsTeamOf(actor.person.id, cadre.id, teams) || isTownshipStaff(actor, cadre.townshipId)),

  /** The township's cadres to name in a supervision report: whoever may file one. */
  'supervision:reportTargets': (actor: Actor, townshipId: string): boolean =>
    actor.person.townshipId === townshipId && (has(actor.person, 'publicSupervisor') || has(actor.person, 'supervisor')),

  /** A notice to the township: the office; to one village: also its team leader and its secretary. */
  'notice:post': (actor: Actor, townshipId: string, villageId: string | null): boolean =>
    isTownshipStaff(actor, townshipId) || (villageId !== null && (leadsVillageTeam(actor, villageId) || isVillageSecretary(actor, villageId))),

  /** The public posting (公示) is for the whole township, villagers included. */
  'posting:read': (actor: Actor, townshipId: string): boolean => actor.person.townshipId === townshipId,

  /**
   * A binding invitation for a household member: the village's secretary or the office hub, never
   * the household's own cadre (DOMAIN 3.12: the people who judge him must not owe their account to him).
   */
  'binding:invite': (actor: Actor, household: Household): boolean =>
    inTownship(actor, household.townshipId) && roles.mayInviteToBind(actor.person, household),

  /** Unbinding and rebinding a person's accounts: the office hub of the person's township. */
  'binding:manage': (actor: Actor, person: Person): boolean => isOfficeHub(actor, person.townshipId),

  /** Bindings made by invitation and refused sign-offs and ratings: the supervision group. */
  'binding:audit': (actor: Actor, townshipId: string): boolean => isSupervisor(actor, townshipId),
}

// ---------------------------------------------------------------- the verdict (issue 5)

/** The team leader (包片领导) of a cadre: leads a team the cadre is a member of. */
export const leadsCadre = (actor: Actor, cadreId: string, teams: readonly WorkTeam[]): boolean => roles.leadsTeamOf(actor.person.id, cadreId, teams)

export const verdictPolicies = {
  /** A cadre logs a visit only to a household they cover. */
  'visit:create': (actor: Actor, household: Household): boolean => isHouseholdCadre(actor, household),

  /** A visit is seen by its household, its cadre, the village's team leader and the township. */
  'visit:read': (actor: Actor, visit: Visit): boolean =>
    isHouseholdMember(actor, visit.householdId) ||
    actor.person.id === visit.cadreId ||
    leadsVillageTeam(actor, visit.villageId) ||
    isTownshipStaff(actor, visit.townshipId) ||
    isSupervisor(actor, visit.townshipId),

  /** The sign-in photo is evidence for the supervision group and the township only. */
  'signin:photo': (actor: Actor, signIn: SignIn): boolean =>
    isSupervisor(actor, signIn.townshipId) || isTownshipStaff(actor, signIn.townshipId),

  /** Leave is decided by the cadre's team leader. */
  'leave:decide': (actor: Actor, leave: Leave, teams: readonly WorkTeam[]): boolean =>
    actor.person.townshipId === leave.townshipId && leadsCadre(actor, leave.cadreId, teams),

  /** A cadre's attendance and allowance: the cadre, their team leader, the township, the supervisors. */
  'attendance:read': (actor: Actor, cadre: Person, teams: readonly WorkTeam[]): boolean =>
    actor.person.id === cadre.id ||
    (actor.person.townshipId === cadre.townshipId && leadsCadre(actor, cadre.id, teams)) ||
    isTownshipStaff(actor, cadre.townshipId) ||
    isSupervisor(actor, cadre.townshipId),

  /** Who rated whom is for the township's fraud checks only. */
  'rating:seeRaters': (actor: Actor, townshipId: string): boolean => isTownshipStaff(actor, townshipId) || isSupervisor(actor, townshipId),
}

// ---- first-screen (issue 12 item 9): planned visits ----
export const planPolicies = {
  /** Only the household's own cadre plans a visit to it: no one else can promise his visit. */
  'visit:plan': (actor: Actor, household: Household): boolean => isHouseholdCadre(actor, household),
}

// ---- guard (issue 13 item 2): the public view of a report ----
export const publicPolicies = {
  /** A follower, or while it is open any villager of its village (core publicViewAllowed): no personal data, only cleared photos. */
  'ticket:readPublic': (actor: Actor, ticket: Ticket): boolean => publicViewAllowed(actor.person, ticket),
}

// ---- images (issue 13 item 2's photos): the office's photo queue ----
export const imagePolicies = {
  /**
   * Clear or refuse a photo no automatic check decided: township staff (office hub and leadership),
   * as for the comment queue (office:manage); core mayDecidePhoto then keeps out one's own objects.
   */
  'photo:decide': (actor: Actor, townshipId: string): boolean => isTownshipStaff(actor, townshipId),
}
// ---- end images ----
