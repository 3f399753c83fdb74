/**
 * 民情日记 villager sign-off (群众签字): a cadre's visit counts only when a member of the visited
 * household confirms it, on their own phone, within the window after the visit; they may instead
 * dispute it. One rule: only a 'signed' visit ever counts (543, village days, allowance).
 */
import type { Millis, Person, Visit } from './model'
import { fail, ok, type Result } from './result'
import type { Settings } from './settings'
import { HOUR_MS } from './time'

export type SignOffCode =
  | 'VISIT.ALREADY_DECIDED'
  | 'VISIT.NOT_HOUSEHOLD_MEMBER'
  | 'VISIT.SELF_SIGN'
  | 'VISIT.BEFORE_VISIT'
  | 'VISIT.WINDOW_CLOSED'

export type DisputeCode = SignOffCode | 'VISIT.REASON_REQUIRED'

export type ProxyCode = 'VISIT.PROXY_NOT_ALLOWED'

/** The last instant a sign-off (or dispute) of the visit is accepted: at + signOffWindowHours. */
export const signOffDeadline = (visit: Pick<Visit, 'at'>, settings: Pick<Settings, 'visits'>): Millis =>
  visit.at + settings.visits.signOffWindowHours * HOUR_MS

/**
 * May this person confirm (or dispute) the visit now? Checked in order: the entry is still
 * 'pending' ('VISIT.ALREADY_DECIDED'); the signer belongs to the visited household
 * ('VISIT.NOT_HOUSEHOLD_MEMBER'); the signer is not the visiting cadre ('VISIT.SELF_SIGN');
 * now is not before the visit ('VISIT.BEFORE_VISIT') and not after at + signOffWindowHours
 * ('VISIT.WINDOW_CLOSED'; the deadline itself is still open).
 */
export const canSignOff = (
  visit: Visit,
  signer: Person,
  now: Millis,
  settings: Pick<Settings, 'visits'>,
): Result<true, SignOffCode> => {
  if (visit.status !== 'pending') return fail('VISIT.ALREADY_DECIDED', { status: visit.status })
  if (signer.householdId === null || signer.householdId !== visit.householdId) return fail('VISIT.NOT_HOUSEHOLD_MEMBER')
  if (signer.id === visit.cadreId) return fail('VISIT.SELF_SIGN')
  if (now < visit.at) return fail('VISIT.BEFORE_VISIT')
  if (now > signOffDeadline(visit, settings)) return fail('VISIT.WINDOW_CLOSED', { deadline: signOffDeadline(visit, settings) })
  return ok(true)
}

/** The household member confirms the visit: status 'signed', with who and when. */
export const signOff = (
  visit: Visit,
  signer: Person,
  now: Millis,
  settings: Pick<Settings, 'visits'>,
): Result<Visit, SignOffCode> => {
  const allowed = canSignOff(visit, signer, now, settings)
  if (!allowed.ok) return allowed
  return ok({ ...visit, status: 'signed', signedById: signer.id, signedAt: now, disputeReason: null })
}

/** The household member says the entry is wrong: status 'disputed', with a required reason. */
export const dispute = (
  visit: Visit,
  signer: Person,
  reason: string,
  now: Millis,
  settings: Pick<Settings, 'visits'>,
): Result<Visit, DisputeCode> => {
  const allowed = canSignOff(visit, signer, now, settings)
  if (!allowed.ok) return allowed
  const text = reason.trim()
  if (text === '') return fail('VISIT.REASON_REQUIRED')
  return ok({ ...visit, status: 'disputed', signedById: signer.id, signedAt: now, disputeReason: text })
}

/**
 * Signing for a household member without a phone (代签): a member of the visited household may sign
 * (or dispute) for another member of that same household who has no phone, never for themselves,
 * for a member with a phone (who signs on their own phone), for someone of another household, or
 * for the visiting cadre. Anything else is 'VISIT.PROXY_NOT_ALLOWED'.
 */
export const canSignFor = (
  visit: Pick<Visit, 'householdId' | 'cadreId'>,
  signer: Pick<Person, 'id' | 'householdId'>,
  target: Pick<Person, 'id' | 'householdId' | 'hasPhone'> | null,
): Result<true, ProxyCode> => {
  const allowed =
    target !== null &&
    target.id !== signer.id &&
    target.id !== visit.cadreId &&
    !target.hasPhone &&
    target.householdId === visit.householdId &&
    signer.householdId === visit.householdId
  return allowed ? ok(true) : fail('VISIT.PROXY_NOT_ALLOWED')
}

/** The members of the household this signer may sign for (the choices on the sign-off page). */
export const proxyCandidates = <P extends Pick<Person, 'id' | 'householdId' | 'hasPhone'>>(
  visit: Pick<Visit, 'householdId' | 'cadreId'>,
  signer: Pick<Person, 'id' | 'householdId'>,
  members: readonly P[],
): P[] => members.filter((m) => canSignFor(visit, signer, m).ok)

/** A visit counts (543, village days, allowance) only once the household signed it. */
export const countsAsVisit = (visit: Pick<Visit, 'status'>): boolean => visit.status === 'signed'

/** A pending visit whose window has passed: it will never count (shown as 未签字 / invalid). */
export const isExpired = (visit: Visit, now: Millis, settings: Pick<Settings, 'visits'>): boolean =>
  visit.status === 'pending' && now > signOffDeadline(visit, settings)
