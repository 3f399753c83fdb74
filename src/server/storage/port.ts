/**
 * The storage port: what handlers may ask of a database. Each collection is a typed table (declared
 * once in schema.ts); handlers read and write whole records by id, find them by equality, lists and
 * ranges on indexed columns, and, for figures, query the tables through Kysely (`store.db`).
 * Two adapters implement it with the same code: embedded SQLite and MySQL (relational.ts).
 * One rule: handlers talk to this interface only, never to an adapter or a driver.
 */
import type { Kysely } from 'kysely'
import type {
  Finding,
  Invitation,
  Notice,
  Notification,
  PeriodRecord,
  RevealRecord,
  SelfReview,
  SupervisionCheck,
  SupervisionReport,
  Binding,
  Consent,
  StoredImage,
  Household,
  JointMeeting,
  Leave,
  Person,
  Rating,
  SignIn,
  SignInPlace,
  Ticket,
  Township,
  Upload,
  Village,
  VillagerGroup,
  Visit,
  WorkTeam,
} from '../../core/model'
import type { CadreDay, ResponsibilityNote } from '../../core/model'
import type { FactDrift } from '../../core/facts'

/** A stored answer to a write, keyed by actor + client request id (idempotency). */
export interface RequestRecord {
  /** `${actorId}:${requestId}` */
  id: string
  action: string
  /** sha256 of the canonical input: the same id with different input is refused. */
  inputHash: string
  /** The JSON answer given the first time (null for an action whose answer is personal data). */
  response: unknown
  at: number
  /**
   * What the caller's rights rested on when the write was done (scopeOf in dispatch): a replay by
   * an actor whose roles or places changed since is refused (identity-hardening, migration 0006).
   */
  scope?: string
}

/** A session issued by the local development login (local mode only). */
export interface SessionRecord {
  id: string
  personId: string
  createdAt: number
}

/** Every collection and the type of its documents. */
export interface Collections {
  townships: Township
  villages: Village
  groups: VillagerGroup
  households: Household
  people: Person
  teams: WorkTeam
  places: SignInPlace
  bindings: Binding
  tickets: Ticket
  visits: Visit
  signins: SignIn
  leaves: Leave
  ratings: Rating
  requests: RequestRecord
  meta: { id: string; value: unknown }
  /** 村两委及驻村工作组联系会议 (joint meetings) and their decisions. */
  meetings: JointMeeting
  /** In-app notifications of ticket changes. */
  notifications: Notification
  /** Photos and voice notes uploaded to the local server. */
  uploads: Upload
  // office and supervision (migration 4)
  periods: PeriodRecord
  closeResults: CloseResultRecord
  selfReviews: SelfReview
  checks: SupervisionCheck
  reports: SupervisionReport
  findings: Finding
  notices: Notice
  reveals: RevealRecord
  invitations: Invitation
  // the verdict (migration 3): signatures and sign-in photos, one-time consents
  images: StoredImage
  consents: Consent
  // cadre's record (migration 5)
  /** 责任追究 notes in a cadre's record (档案). */
  chainNotes: ResponsibilityNote
  // month figures as facts (migration 0002)
  /** One cadre's day (考勤日): kept with every write of its sign-ins, visits and leaves. */
  cadreDays: CadreDay
  // identity set-up, sessions and tamper evidence (migration 0007_identity_setup)
  /** One link of a township's hash chain of verdict records. */
  chainEntries: import('../../core/chain').ChainEntry
  /** The last link of a township's chain (id = townshipId). */
  chainHeads: import('../../core/chain').ChainHead
  /** A signed-in browser or app session: id = sha256 of its token (the token is never stored). */
  sessions: import('../features/sessions/store').SessionRecord
  /** A web console login waiting for a staff member to confirm it on the phone (QR login). */
  loginRequests: import('../features/sessions/store').LoginRequest
  /** A township's one-time set-up code for its first administrator (id = sha256 of the code). */
  setupCodes: import('../features/setup/handlers').SetupCode
  // month figures kept per cadre (migration 0004)
  /** One cadre's month as the dashboard shows it, kept with every change of its facts and ratings. */
  monthFigures: import('../../core/month-figures').MonthFiguresRecord
  /** A township's month whose figures are kept. */
  monthBuilds: import('../../core/month-figures').MonthBuild
  // wechat-notify (migration 0014_wechat_notify)
  /** The timer's close of a township month (自动结账), done or refused: attempted once (id = periodId). */
  autoCloses: import('../../core/subscribe').AutoCloseRecord
  // the villagers' voice (migration 0011_voice)
  /** Comments waiting for the office before other villagers read them. */
  moderations: import('../../core/voice').ModerationRecord
  /** The supervision group's call-back queue (好差评 回访). */
  callBacks: import('../../core/voice').CallBackRecord
  // identity binding (migration 0005)
  /** Bindings made and ended: the household's notice, the supervision group's list. */
  bindingEvents: import('../../core/model').BindingEvent
  /** One-time phone codes of the H5 binding (hashes only). */
  phoneCodes: import('../../core/model').PhoneCode
  /** Sign-offs and ratings refused because of the account they came from. */
  judgeRefusals: import('../../core/model').JudgeRefusalRecord
  // ---- first-screen (migration 0017_first_screen) ----
  /** A cadre's next planned visit to a household (issue 12 item 9): a promise, never a visit. */
  visitPlans: import('../../core/visit-plans').VisitPlan
  // ---- guard (migration 0021_guard) ----
  /** A photo's content-security check: until it passes, only the reporter and the handlers see it. */
  mediaChecks: import('../../core/media').MediaCheckRecord
}

/** The stored result of a month-end close (`id` as its PeriodRecord's). */
export interface CloseResultRecord {
  id: string
  townshipId: string
  period: string
  digest: string
  result: import('../../core/close').CloseResult
  /** Day facts the close found out of step with the records and rebuilt from them first. */
  repairs?: FactDrift[]
}

export type CollectionName = keyof Collections
export type Doc<C extends CollectionName> = Collections[C]

/** A range on an ordered column (times, dates, periods): every bound given must hold. */
export interface Range<V> {
  gte?: V
  gt?: V
  lte?: V
  lt?: V
}

/**
 * The condition on one field: a value (equality, null = IS NULL), a list ("one of these"), or a
 * range. On a list field that has a child table (team members, followers, roles), a value or list
 * means "the list contains one of these".
 */
export type Condition<V> = [V] extends [readonly (infer E)[] | undefined]
  ? E | readonly E[]
  : V | readonly V[] | Range<NonNullable<V>>

/** A filter on top-level fields, all of which must hold. */
export type Where<T> = { [K in keyof T]?: Condition<Exclude<T[K], undefined>> }

export interface FindOptions<T> {
  orderBy?: { field: keyof T & string; direction?: 'asc' | 'desc' }
  limit?: number
  skip?: number
}

/** Thrown by insert when the id exists (the cloud database's DATABASE_DUPLICATE_WRITE). */
export class DuplicateKeyError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`duplicate id ${id} in ${collection}`)
    this.name = 'DuplicateKeyError'
  }
}

/** The database cannot be reached or went away: the request may be retried with the same id. */
export class StoreUnavailableError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause })
    this.name = 'StoreUnavailableError'
  }
}

/** Thrown by update when `ifVersion` no longer matches (someone else changed the document). */
export class VersionConflictError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`version conflict on ${collection}/${id}`)
    this.name = 'VersionConflictError'
  }
}

export interface Store {
  get<C extends CollectionName>(collection: C, id: string): Promise<Doc<C> | null>
  getMany<C extends CollectionName>(collection: C, ids: readonly string[]): Promise<Doc<C>[]>
  find<C extends CollectionName>(
    collection: C,
    where: Where<Doc<C>>,
    options?: FindOptions<Doc<C>>,
  ): Promise<Doc<C>[]>
  count<C extends CollectionName>(collection: C, where: Where<Doc<C>>): Promise<number>
  /** Fails with DuplicateKeyError when the id exists. */
  insert<C extends CollectionName>(collection: C, doc: Doc<C>): Promise<void>
  insertMany<C extends CollectionName>(collection: C, docs: readonly Doc<C>[]): Promise<void>
  /**
   * Replaces the document. With `ifVersion`, fails with VersionConflictError unless the stored
   * document's `version` field equals it (compare-and-set).
   */
  replace<C extends CollectionName>(collection: C, doc: Doc<C>, options?: { ifVersion?: number }): Promise<void>
  remove<C extends CollectionName>(collection: C, id: string): Promise<void>
  /**
   * Runs `work` so that all its writes happen or none do. Transactions do not nest. On MySQL a
   * transaction that lost a deadlock is run again from the start, so `work` must only touch the
   * store it is given (and collect side effects to run after the commit).
   */
  transaction<T>(work: (tx: Store) => Promise<T>): Promise<T>
  /**
   * The query builder over the same connection (inside a transaction: the transaction's), for
   * figures and lookups the record methods cannot express. Keep its SQL within what SQLite,
   * MySQL 8.0 and MariaDB 10.11 all accept.
   */
  readonly db: Kysely<any> // eslint-disable-line @typescript-eslint/no-explicit-any
  readonly dialect: 'sqlite' | 'mysql'
  close(): Promise<void>
}
