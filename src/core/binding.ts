/**
 * Identity and binding (DOMAIN 3.12) as rules over plain facts: how an account was bound, whether an
 * account may judge a cadre (sign a visit off, rate in the villagers' band), and the one-time phone
 * code's checks.
 * One rule: the people who judge a cadre must not owe their account to him, must not have been bound
 * a moment ago, and must not be staff; a refusal names which of these failed.
 */
import type { Settings } from './settings'
import { isStaff, type RoleHolder } from './roles'

/** How a binding was made: WeChat-verified (or code-verified) phone, an invitation, or the township's set-up. */
export type BindingMethod = 'phone' | 'invitation' | 'setup'

/** What the rules read of a binding (a row of `bindings`). */
export interface BindingFacts {
  personId: string
  openid: string
  boundAt: number
  /** Absent on bindings made before the method was recorded. */
  method?: BindingMethod
  /** Who issued the invitation, for a binding made by invitation. */
  issuerId?: string | null
}

/** Why an account may not judge a cadre. */
export type JudgeRefusal = 'boundByJudged' | 'boundRecently' | 'staffAccount' | 'sharedAccount'

export interface JudgingAccount {
  person: RoleHolder & { id: string }
  /** Judging as a villager (a visit sign-off, the villagers' band): a staff account may not. */
  asVillager: boolean
  /** The caller's account's bindings and the person's other bindings (a person's accounts count together). */
  bindings: readonly BindingFacts[]
}

/**
 * An account may judge a cadre (sign his visit off, rate him) unless: one of its bindings came from
 * an invitation the judged cadre issued; the account is also bound to someone else; it judges as
 * a villager and the person is staff; or one of its bindings is younger than the setting's hours.
 * Null: allowed.
 * An account with no binding at all is the local demo's login (no WeChat account to judge by).
 */
export const judgeRefusal = (judgedCadreId: string, account: JudgingAccount, now: number, settings: Settings): JudgeRefusal | null => {
  const mine = account.bindings
  if (mine.some((b) => b.method === 'invitation' && b.issuerId === judgedCadreId)) return 'boundByJudged'
  if (mine.some((b) => b.personId !== account.person.id)) return 'sharedAccount'
  if (account.asVillager && isStaff(account.person)) return 'staffAccount'
  const minAge = settings.binding.minHoursBeforeJudging * 3_600_000
  if (mine.some((b) => now - b.boundAt < minAge)) return 'boundRecently'
  return null
}

/**
 * May this WeChat account (or web account) be bound to the person? One account names one person;
 * a person has at most the setting's number of accounts. Null: allowed; 'same': already bound so.
 */
export const bindingConflict = (
  personId: string,
  accountBindings: readonly Pick<BindingFacts, 'personId'>[],
  personBindings: readonly Pick<BindingFacts, 'openid'>[],
  settings: Settings,
): 'accountTaken' | 'personFull' | 'same' | null => {
  if (accountBindings.some((b) => b.personId === personId)) return 'same'
  if (accountBindings.length > 0) return 'accountTaken'
  if (personBindings.length >= settings.binding.maxAccountsPerPerson) return 'personFull'
  return null
}

/** A one-time phone code's state, as stored (only its hash). */
export interface PhoneCodeFacts {
  expiresAt: number
  attempts: number
  usedAt: number | null
}

/** Whether a code may still be tried: not used, not expired, attempts left. */
export const phoneCodeOpen = (code: PhoneCodeFacts, now: number, settings: Settings): 'used' | 'expired' | 'locked' | null => {
  if (code.usedAt !== null) return 'used'
  if (now > code.expiresAt) return 'expired'
  if (code.attempts >= settings.binding.codeAttempts) return 'locked'
  return null
}

/** Whether another code may be sent to a phone: at most the setting's number per hour. */
export const mayRequestPhoneCode = (sentAt: readonly number[], now: number, settings: Settings): boolean =>
  sentAt.filter((at) => now - at < 3_600_000).length < settings.binding.codesPerHour
