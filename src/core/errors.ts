/**
 * Every code the pure core can hand back: failure codes of `fail(...)` and the codes of roster
 * findings and invalid sign-ins. One rule: a code listed here is stable API (the contracts and the
 * Chinese catalogue map it); a new failure gets a new code, never a reused one.
 */

/** Codes of `fail(code)` values returned by core functions. */
export const CORE_ERROR_CODES = [
  // time (malformed keys from outside; parse functions return these)
  'PERIOD.BAD_KEY',
  // tickets
  'TICKET.INVALID_TRANSITION',
  'TICKET.FORBIDDEN_ACTOR',
  'TICKET.NOT_HOLDER',
  'TICKET.REASON_REQUIRED',
  'TICKET.ASSIGNEE_REQUIRED',
  'TICKET.UNKNOWN_CATEGORY',
  'TICKET.CATEGORY_KIND_MISMATCH',
  'TICKET.DESCRIPTION_REQUIRED',
  'TICKET.SATISFACTION_OUT_OF_RANGE',
  'TICKET.ANSWERS_INVALID',
  'TICKET.RESULT_NOT_ALLOWED',
  // visits (民情日记 sign-off)
  'VISIT.NOT_HOUSEHOLD_MEMBER',
  'VISIT.SELF_SIGN',
  'VISIT.BEFORE_VISIT',
  'VISIT.WINDOW_CLOSED',
  'VISIT.ALREADY_DECIDED',
  'VISIT.REASON_REQUIRED',
  'VISIT.PROXY_NOT_ALLOWED',
  // sign-in
  'SIGNIN.BAD_COORDINATES',
  // 1135 ratings
  'RATING.OUT_OF_RANGE',
  'RATING.SELF',
  'RATING.NOT_YOUR_CADRE',
  'RATING.WRONG_BAND',
  // roster import (the detail carries every row problem)
  'IMPORT.INVALID_ROWS',
  'RATING.DIMENSIONS',
  // uploaded images (signatures, sign-in photos)
  'IMAGE.NOT_AN_IMAGE',
  'IMAGE.TOO_LARGE',
  'IMAGE.BAD_DIMENSIONS',
  // ---- identity-hardening: per-person quotas (core/quotas) ----
  'LIMIT.TICKETS_PER_HOUR',
  'LIMIT.UPLOADS_PER_HOUR',
  'LIMIT.UPLOAD_BYTES_PER_DAY',
  // ---- end identity-hardening ----
  // dates picked for something to come (field-ux)
  'DATE.IN_PAST',
  // ---- first-screen: planned visits (core/visit-plans) ----
  'VISIT.PLAN_TOO_FAR',
] as const

export type CoreErrorCode = (typeof CORE_ERROR_CODES)[number]

/** Codes of roster coverage findings (not failures: a list the admin sees). */
export const COVERAGE_FINDING_CODES = [
  'COVERAGE.GROUP_WITHOUT_CADRE',
  'COVERAGE.CADRE_LOAD_OUT_OF_RANGE',
  'COVERAGE.HOUSEHOLD_UNASSIGNED',
  'COVERAGE.HOUSEHOLD_UNKNOWN_CADRE',
] as const

export type CoverageFindingCode = (typeof COVERAGE_FINDING_CODES)[number]

/** Why a stored sign-in is invalid (SignIn.invalidReason). */
export const SIGNIN_INVALID_REASONS = ['TOO_FAR', 'OUTSIDE_WINDOW', 'SLOT_TAKEN'] as const

export type SignInInvalidReason = (typeof SIGNIN_INVALID_REASONS)[number]

export const isCoreErrorCode = (code: string): code is CoreErrorCode =>
  (CORE_ERROR_CODES as readonly string[]).includes(code)
