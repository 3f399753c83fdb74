/**
 * Every error code a client can receive, with its HTTP status. Codes are stable API: programs match
 * on them, people read the Chinese message the catalogue (src/i18n) gives for each.
 * One rule: a new failure gets a new code here, never a reused one.
 */

export const ERROR_STATUS = {
  // request shape
  'REQUEST.MALFORMED_JSON': 400,
  'REQUEST.TOO_LARGE': 413,
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': 415,
  'REQUEST.ID_REQUIRED': 400,
  'ACTION.UNKNOWN': 404,
  'VALIDATION.FAILED': 400,
  // identity and permission
  'AUTH.REQUIRED': 401,
  'AUTH.INVALID_TOKEN': 401,
  'AUTH.NOT_BOUND': 403,
  'AUTH.FORBIDDEN': 403,
  'NOT_FOUND': 404,
  // retries
  'IDEMPOTENCY.KEY_REUSED': 409,
  'CONFLICT.STALE_VERSION': 409,
  // roster
  'ROSTER.NOT_RESIDENT_CADRE': 422,
  'ROSTER.HOUSEHOLD_UNASSIGNED': 422,
  // tickets
  'TICKET.INVALID_TRANSITION': 409,
  'TICKET.FORBIDDEN_ACTOR': 403,
  // rules (issue 12 item 4): only the current holder works and resolves a ticket
  'TICKET.NOT_HOLDER': 403,
  'TICKET.REASON_REQUIRED': 422,
  'TICKET.UNKNOWN_CATEGORY': 422,
  'TICKET.SATISFACTION_OUT_OF_RANGE': 422,
  'TICKET.ASSIGNEE_REQUIRED': 422,
  'TICKET.CATEGORY_KIND_MISMATCH': 422,
  'TICKET.DESCRIPTION_REQUIRED': 400,
  'TICKET.ANSWERS_INVALID': 422,
  'TICKET.RESULT_NOT_ALLOWED': 422,
  'TICKET.ATTACHMENT_NOT_YOURS': 422,
  'TICKET.NOT_HOUSEHOLD_MEMBER': 422,
  'TICKET.CANNOT_FOLLOW': 403,
  // uploads (photos, voice notes)
  'UPLOAD.BAD_TYPE': 415,
  'UPLOAD.TOO_LARGE': 413,
  'UPLOAD.MISSING_FILE': 400,
  // joint meetings (村两委及驻村工作组联系会议)
  'MEETING.TICKET_NOT_ESCALATED': 409,
  'MEETING.TICKET_NOT_ON_AGENDA': 422,
  'MEETING.OWNER_NOT_IN_TEAM': 422,
  'MEETING.ALREADY_RECORDED': 409,
  'MEETING.ATTENDEE_NOT_ELIGIBLE': 422,
  // visits (民情日记 sign-off)
  'VISIT.NOT_HOUSEHOLD_MEMBER': 403,
  'VISIT.SELF_SIGN': 403,
  'VISIT.BEFORE_VISIT': 422,
  'VISIT.WINDOW_CLOSED': 422,
  'VISIT.ALREADY_DECIDED': 409,
  'VISIT.REASON_REQUIRED': 422,
  // sign-in
  'SIGNIN.BAD_COORDINATES': 400,
  // 1135 ratings and periods
  'RATING.OUT_OF_RANGE': 400,
  'RATING.SELF': 403,
  'RATING.NOT_YOUR_CADRE': 403,
  'RATING.WRONG_BAND': 403,
  'PERIOD.BAD_KEY': 400,
  // month-end close, roster import, supervision, binding
  'PERIOD.ALREADY_CLOSED': 409,
  'PERIOD.NOT_CLOSED': 409,
  'PERIOD.NOT_ENDED': 422,
  'PERIOD.CALENDAR_MISSING': 422,
  'IMPORT.INVALID_ROWS': 422,
  'IMPORT.NOT_SPREADSHEET': 415,
  'IMPORT.TOO_LARGE': 413,
  'SUPERVISION.ALREADY_RECORDED': 409,
  'BINDING.INVALID': 404,
  'BINDING.EXPIRED': 410,
  'BINDING.USED': 409,
  'BINDING.ALREADY_BOUND': 409,
  // the verdict (issue 5)
  'RATING.DIMENSIONS': 400,
  'RATING.PERIOD_CLOSED': 409,
  'IMAGE.NOT_AN_IMAGE': 415,
  'IMAGE.TOO_LARGE': 413,
  'IMAGE.BAD_DIMENSIONS': 422,
  'VISIT.PROXY_NOT_ALLOWED': 403,
  'SIGNIN.CONSENT_REQUIRED': 428,
  'LEAVE.BAD_RANGE': 400,
  // dates picked for something to come (field-ux)
  'DATE.IN_PAST': 422,
  // ---- first-screen (issue 12 item 9): planned visits ----
  'VISIT.PLAN_TOO_FAR': 422,
  'LEAVE.ALREADY_DECIDED': 409,
  // ---- identity-hardening (issue 10 item 6): per-person quotas and the per-address limit ----
  'LIMIT.TICKETS_PER_HOUR': 429,
  'LIMIT.UPLOADS_PER_HOUR': 429,
  'LIMIT.UPLOAD_BYTES_PER_DAY': 429,
  'LIMIT.TOO_MANY_REQUESTS': 429,
  // ---- end identity-hardening ----
  // identity set-up, QR login, tamper evidence (issue 10 items 4, 5, 8)
  'SETUP.CODE_INVALID': 404,
  'SETUP.CODE_USED': 409,
  'SETUP.CODE_EXPIRED': 410,
  'LOGIN.CODE_INVALID': 404,
  'LOGIN.CODE_EXPIRED': 410,
  'LOGIN.CODE_USED': 409,
  'CHAIN.BROKEN': 409,
  'PLACE.BAD_COORDINATES': 400,
  // issue 13: the villagers' voice
  'VOICE.REASON_REQUIRED': 400,
  'VOICE.NOT_ANONYMOUS': 409,
  'MODERATION.ALREADY_DECIDED': 409,
  'CALLBACK.ALREADY_DONE': 409,
  'CALLBACK.OWN_WORK': 403,
  // ---- images (issue 13 item 2's photos): the office's photo decisions ----
  'PHOTO.ALREADY_DECIDED': 409,
  'PHOTO.NOT_WAITING': 409,
  'PHOTO.OWN_WORK': 403,
  // ---- end images ----
  // identity binding (issue 10)
  'BINDING.PERSON_BOUND': 409,
  'BINDING.PHONE_REFUSED': 422,
  'BINDING.PHONE_UNKNOWN': 404,
  'BINDING.PHONE_AMBIGUOUS': 409,
  'BINDING.CODE_WRONG': 422,
  'BINDING.CODE_EXPIRED': 410,
  'BINDING.CODE_LIMIT': 429,
  'VERDICT.BOUND_BY_JUDGED': 403,
  'VERDICT.BOUND_RECENTLY': 403,
  'VERDICT.STAFF_ACCOUNT': 403,
  'VERDICT.SHARED_ACCOUNT': 403,
  // self-hosted weapp login (wx.login code exchanged through code2Session)
  'AUTH.WECHAT_LOGIN_FAILED': 401,
  // ---- gcj (issue 11 item 4): a reading in a datum other than GCJ-02 that cannot be converted ----
  'GEO.DATUM_NOT_GCJ02': 400,
  // ---- end gcj ----
  // server
  'SERVER.INTERNAL': 500,
  'SERVER.UNAVAILABLE': 503,
} as const

export type ErrorCode = keyof typeof ERROR_STATUS

export const isErrorCode = (code: string): code is ErrorCode => Object.prototype.hasOwnProperty.call(ERROR_STATUS, code)

// ---- mongolian (issue 13 item 5): issues carry a code with parameters, the client renders them ----
/**
 * Why a field failed, as a code the client renders through its catalogue (src/i18n issueMessage) in
 * the villager's language; `message` stays the Chinese sentence for older clients and staff tools.
 */
export const ISSUE_CODES = [
  'validation.required',
  'validation.invalid',
  'validation.tooLong',
  'validation.tooShort',
  'validation.outOfRange',
  'validation.unknownField',
  'issues.maxPhotos',
  'answer.required',
  'answer.unknown_question',
  'answer.wrong_type',
  'answer.too_long',
  'answer.out_of_range',
  'answer.unknown_option',
  'answer.bad_date',
] as const
export type IssueCode = (typeof ISSUE_CODES)[number]
/** Numbers only (a length, a count): names and sentences never travel as parameters of an issue. */
export type IssueParams = Record<string, number>
// ---- end mongolian ----

/** One field that failed validation: its path in the input and a Chinese reason (and, when known, its code). */
export interface FieldIssue {
  path: string
  message: string
  code?: IssueCode
  params?: IssueParams
}

/** What the server answers when an action fails. */
export interface ApiError {
  code: ErrorCode
  /** Chinese, one sentence: what happened and what to do next. */
  message: string
  issues?: FieldIssue[]
}

export type ApiResponse<T> = { ok: true; data: T } | { ok: false; error: ApiError }
