/**
 * The relational schema, declared once: for every collection of the port, its table's typed columns
 * (one per field of the document type, which the compiler checks), its indexes, and the child tables
 * that make a list inside a document queryable. Migrations, the store adapters, the seed and the
 * EXPLAIN test all read this registry; adding an entity touches this file and a migration.
 *
 * One rule: a document keeps its lists (ticket history, team members...) as JSON so that it is read
 * in one statement; a list that is filtered on also has a child table, written in the same
 * transaction as the document, and only the child table is ever queried.
 */
import type { Collections, CollectionName } from './port'

/**
 * Column kinds, each with one SQL type per dialect:
 * - key: an id, a code or a short name that is filtered, sorted or indexed (VARCHAR(191));
 * - text: free text, never indexed (TEXT); long: a long string such as base64 (LONGTEXT in MySQL);
 * - int: integers, times as epoch milliseconds (BIGINT); real: coordinates, means (DOUBLE);
 * - bool: 0/1; json: a JSON value that is never filtered or aggregated (TEXT / LONGTEXT).
 */
export type ColumnKind = 'key' | 'text' | 'long' | 'int' | 'real' | 'bool' | 'json'

export interface ColumnDef {
  kind: ColumnKind
  /** The column may hold NULL (the field's type includes null, or the field may be absent). */
  nullable: boolean
  /** The field may be absent from the document: a NULL reads back as an absent field. */
  optional: boolean
}

export interface IndexDef {
  columns: readonly string[]
  unique?: boolean
}

/** A child table: one row per element of the document's list field `field`. */
export interface ChildDef {
  table: string
  /** The document's list field the rows come from. */
  field: string
  /** The column holding the parent document's id. */
  parentKey: string
  /**
   * The element's columns: for a list of scalars, one column named `value` holds the element;
   * for a list of objects, each named column holds that property of the element.
   */
  columns: Readonly<Record<string, ColumnKind>>
  /** For a list of scalars: the name of the column holding the element. */
  valueColumn?: string
  /** Extra columns copied from the parent document (so a query needs no join), e.g. townshipId. */
  copy?: readonly string[]
  indexes: readonly IndexDef[]
}

export interface TableDef {
  name: string
  columns: Readonly<Record<string, ColumnDef>>
  indexes: readonly IndexDef[]
  children: readonly ChildDef[]
  /** Compare-and-set field for `replace(..., { ifVersion })`. */
  versionColumn?: string
}

const col = (kind: ColumnKind): ColumnDef => ({ kind, nullable: false, optional: false })
const key = col('key')
const text = col('text')
const int = col('int')
const real = col('real')
const bool = col('bool')
const json = col('json')
/** A field whose type includes null. */
const orNull = (c: ColumnDef): ColumnDef => ({ ...c, nullable: true })
/** A field that may be absent (`field?: T`). */
const opt = (c: ColumnDef): ColumnDef => ({ ...c, nullable: true, optional: true })

/** Every field of the document type, exactly: a missing or extra field is a compile error. */
type Columns<T> = { readonly [K in keyof T & string]-?: ColumnDef }

const table = <C extends CollectionName>(
  name: C,
  columns: Columns<Collections[C]>,
  indexes: readonly (readonly (keyof Collections[C] & string)[])[],
  extra: { unique?: readonly (readonly (keyof Collections[C] & string)[])[]; children?: readonly ChildDef[]; versionColumn?: keyof Collections[C] & string } = {},
): TableDef => ({
  name,
  columns,
  indexes: [...indexes.map((c) => ({ columns: c })), ...(extra.unique ?? []).map((c) => ({ columns: c, unique: true }))],
  children: extra.children ?? [],
  versionColumn: extra.versionColumn,
})

/** Every table of the store, by collection name. */
export const TABLES: { readonly [C in CollectionName]: TableDef } = {
  townships: table('townships', { id: key, name: key }, []),
  villages: table('villages', { id: key, townshipId: key, name: key }, [['townshipId', 'name']]),
  groups: table('groups', { id: key, villageId: key, name: key }, [['villageId']]),
  households: table(
    'households',
    { id: key, townshipId: key, villageId: key, groupId: key, number: key, headName: key, address: text, cadreId: orNull(key) },
    [['townshipId', 'number'], ['villageId', 'number'], ['groupId'], ['cadreId']],
  ),
  people: table(
    'people',
    {
      id: key,
      townshipId: key,
      name: key,
      phone: key,
      roles: json,
      householdId: orNull(key),
      villageId: orNull(key),
      duty: orNull(key),
      title: text,
      photoUrl: orNull(text),
      hasPhone: bool,
    },
    [['townshipId', 'name'], ['householdId'], ['villageId'], ['phone']],
    {
      children: [
        {
          table: 'personRoles',
          field: 'roles',
          parentKey: 'personId',
          valueColumn: 'role',
          columns: { role: 'key' },
          copy: ['townshipId'],
          indexes: [{ columns: ['townshipId', 'role'] }],
        },
      ],
    },
  ),
  teams: table(
    'teams',
    { id: key, townshipId: key, villageId: key, name: key, leaderId: key, secretaryId: key, memberIds: json },
    [['townshipId'], ['villageId'], ['leaderId'], ['secretaryId']],
    {
      children: [
        {
          table: 'teamMembers',
          field: 'memberIds',
          parentKey: 'teamId',
          valueColumn: 'personId',
          columns: { personId: 'key' },
          indexes: [{ columns: ['personId'] }],
        },
      ],
    },
  ),
  places: table('places', { id: key, townshipId: key, villageId: orNull(key), name: key, lat: real, lng: real, radiusM: real, datum: opt(key) }, [['townshipId']]),
  // One account names one person: openid is unique (migration 0013_identity_finish).
  bindings: table('bindings', { id: key, openid: key, personId: key, boundAt: int, method: opt(key), issuerId: opt(key) }, [['personId']], { unique: [['openid']] }),
  tickets: table(
    'tickets',
    {
      id: key,
      townshipId: key,
      villageId: key,
      householdId: key,
      kind: key,
      category: key,
      description: text,
      reporterId: key,
      filedOnBehalf: bool,
      anonymous: bool,
      status: key,
      assigneeId: orNull(key),
      createdAt: int,
      dueAt: int,
      version: int,
      history: json,
      satisfaction: orNull(real),
      result: orNull(json),
      photoUrls: json,
      answers: opt(json),
      voiceUrl: opt(text),
      location: opt(json),
      onBehalfOfId: opt(key),
      followerIds: opt(json),
    },
    [
      ['townshipId', 'status'],
      ['townshipId', 'createdAt'],
      ['householdId', 'createdAt'],
      ['villageId', 'category'],
      ['villageId', 'status'],
      ['villageId', 'createdAt'],
      ['assigneeId', 'status'],
      ['reporterId'],
    ],
    {
      versionColumn: 'version',
      children: [
        {
          table: 'ticketEvents',
          field: 'history',
          parentKey: 'ticketId',
          columns: { seq: 'int', action: 'key', from: 'key', to: 'key', actorId: 'key', actorRole: 'key', at: 'int' },
          copy: ['townshipId'],
          indexes: [{ columns: ['townshipId', 'at'] }, { columns: ['actorId', 'at'] }],
        },
        {
          table: 'ticketFollowers',
          field: 'followerIds',
          parentKey: 'ticketId',
          valueColumn: 'personId',
          columns: { personId: 'key' },
          indexes: [{ columns: ['personId'] }],
        },
      ],
    },
  ),
  visits: table(
    'visits',
    {
      id: key,
      townshipId: key,
      cadreId: key,
      householdId: key,
      villageId: key,
      at: int,
      purpose: text,
      notes: text,
      overnight: bool,
      status: key,
      signedById: orNull(key),
      signedAt: orNull(int),
      disputeReason: orNull(text),
      problems: opt(text),
      ticketIds: opt(json),
      location: orNull(json),
      onBehalfOfId: orNull(key),
      signatureId: orNull(key),
      photoId: orNull(key),
    },
    [['cadreId', 'at'], ['householdId', 'status'], ['townshipId', 'at'], ['townshipId', 'status']],
  ),
  signins: table(
    'signins',
    {
      id: key,
      townshipId: key,
      cadreId: key,
      at: int,
      lat: real,
      lng: real,
      placeId: orNull(key),
      slot: orNull(key),
      valid: bool,
      invalidReason: orNull(key),
      photoId: orNull(key),
      distanceM: orNull(real),
      // gcj (issue 11 item 4): the datum of lat/lng, GCJ-02; absent on older rows
      datum: opt(key),
    },
    [['cadreId', 'at'], ['townshipId', 'at']],
  ),
  leaves: table(
    'leaves',
    { id: key, townshipId: key, cadreId: key, from: key, to: key, reason: text, status: key, decidedById: orNull(key) },
    [['cadreId', 'from'], ['townshipId', 'status'], ['townshipId', 'to']],
  ),
  ratings: table(
    'ratings',
    {
      id: key,
      townshipId: key,
      period: key,
      band: key,
      cadreId: key,
      raterId: key,
      householdId: orNull(key),
      stars: real,
      comment: text,
      at: int,
      dimensions: opt(json),
      publicComment: opt(text),
    },
    [['cadreId', 'period'], ['householdId', 'period'], ['townshipId', 'period'], ['raterId', 'period']],
  ),
  requests: table('requests', { id: key, action: key, inputHash: key, response: json, at: int, scope: opt(text) }, [['at']]),
  meta: table('meta', { id: key, value: json }, []),
  meetings: table(
    'meetings',
    {
      id: key,
      townshipId: key,
      villageId: key,
      convenedById: key,
      convenedAt: int,
      topic: text,
      ticketIds: json,
      attendeeIds: json,
      decisions: json,
      status: key,
      version: int,
    },
    [['villageId', 'convenedAt'], ['townshipId', 'convenedAt']],
    { versionColumn: 'version' },
  ),
  notifications: table(
    'notifications',
    { id: key, townshipId: key, personId: key, ticketId: key, action: key, status: key, at: int, read: bool, note: opt(text) },
    [['personId', 'at'], ['personId', 'read'], ['ticketId']],
  ),
  uploads: table(
    'uploads',
    { id: key, townshipId: key, ownerId: key, kind: key, mime: key, bytes: int, url: key, at: int, objectKind: opt(key), objectId: opt(key) },
    [['ownerId'], ['url'], ['ownerId', 'at']],
  ),
  periods: table(
    'periods',
    { id: key, townshipId: key, period: key, status: key, closedAt: orNull(int), closedById: orNull(key), digest: orNull(key), reopenings: json },
    [['townshipId', 'status']],
  ),
  closeResults: table('closeResults', { id: key, townshipId: key, period: key, digest: key, result: json, repairs: opt(json) }, [['townshipId', 'period']]),
  selfReviews: table('selfReviews', { id: key, townshipId: key, cadreId: key, period: key, text: text, at: int }, [['cadreId', 'period'], ['townshipId', 'period']]),
  checks: table(
    'checks',
    {
      id: key,
      townshipId: key,
      kind: key,
      date: key,
      villageId: orNull(key),
      cadreId: orNull(key),
      method: orNull(key),
      status: key,
      outcome: orNull(key),
      note: text,
      createdById: key,
      createdAt: int,
      recordedAt: orNull(int),
    },
    [['townshipId', 'date'], ['cadreId']],
  ),
  reports: table(
    'reports',
    {
      id: key,
      townshipId: key,
      reporterId: key,
      cadreId: orNull(key),
      villageId: orNull(key),
      text: text,
      at: int,
      status: key,
      decidedById: orNull(key),
      decisionNote: text,
    },
    [['townshipId', 'at'], ['cadreId'], ['reporterId']],
  ),
  findings: table(
    'findings',
    // mongolian (issue 13 item 5): code and params (0023_mongolian): the finding as a code; text holds only what a person wrote.
    { id: key, townshipId: key, cadreId: key, source: key, sourceId: key, text: text, at: int, byId: key, code: opt(key), params: opt(json) },
    [['cadreId', 'at'], ['townshipId', 'at']],
  ),
  notices: table(
    'notices',
    { id: key, townshipId: key, villageId: orNull(key), title: text, body: text, authorId: key, at: int },
    [['townshipId', 'villageId', 'at']],
  ),
  reveals: table('reveals', { id: key, townshipId: key, actorId: key, subjectId: key, field: key, at: int, reason: opt(text) }, [['townshipId', 'at'], ['subjectId']]),
  invitations: table(
    'invitations',
    { id: key, townshipId: key, personId: key, householdId: key, createdById: key, createdAt: int, expiresAt: int, usedAt: orNull(int) },
    [['personId'], ['householdId']],
  ),
  images: table(
    'images',
    // office-files: fileId (cloud storage) added by 0015_office_files.
    { id: key, townshipId: key, kind: key, ownerId: key, mime: key, width: int, height: int, bytes: int, data: col('long'), at: int, fileId: opt(key) },
    [['ownerId'], ['ownerId', 'at']],
  ),
  consents: table('consents', { id: key, personId: key, kind: key, at: int }, [['personId']]),
  chainNotes: table(
    'chainNotes',
    { id: key, townshipId: key, cadreId: key, period: orNull(key), text: text, byId: key, at: int },
    [['cadreId', 'at'], ['townshipId', 'period']],
  ),
  cadreDays: table(
    'cadreDays',
    {
      id: key,
      townshipId: key,
      cadreId: key,
      date: key,
      morning: int,
      afternoon: int,
      evening: int,
      morningAt: orNull(int),
      afternoonAt: orNull(int),
      eveningAt: orNull(int),
      invalid: int,
      signedVisits: int,
      overnightVisits: int,
      onLeave: bool,
      workDay: bool,
      night: bool,
      villageDay: bool,
    },
    [['townshipId', 'date'], ['cadreId', 'date']],
  ),
  monthFigures: table(
    'monthFigures',
    {
      id: key,
      townshipId: key,
      cadreId: key,
      period: key,
      villageDays: int,
      absences: int,
      weeks: int,
      compliantWeeks: int,
      allowanceYuan: real,
      score: orNull(real),
      // ---- rules (0008_rules): the 1135 bands short of raters ("样本不足"), absent on rows built before.
      shortBands: opt(json),
    },
    [['townshipId', 'period'], ['cadreId', 'period']],
  ),
  monthBuilds: table('monthBuilds', { id: key, townshipId: key, period: key, settingsKey: key, builtAt: int }, [['townshipId', 'period']]),
  // identity set-up, sessions and tamper evidence (migration 0007_identity_setup)
  chainEntries: table(
    'chainEntries',
    { id: key, townshipId: key, seq: int, kind: key, recordId: key, recordHash: key, prevHash: key, hash: key, at: int },
    [['recordId', 'seq']],
    { unique: [['townshipId', 'seq']] },
  ),
  chainHeads: table('chainHeads', { id: key, seq: int, hash: key, at: int }, []),
  // lastSeenAt, expiresAt: pruning of idle sessions and old login requests (0013_identity_finish).
  sessions: table('sessions', { id: key, personId: key, via: key, createdAt: int, lastSeenAt: int }, [['personId'], ['lastSeenAt']]),
  loginRequests: table(
    'loginRequests',
    {
      id: key,
      pollHash: key,
      createdAt: int,
      expiresAt: int,
      confirmedById: orNull(key),
      confirmedAt: orNull(int),
      collectedAt: orNull(int),
      userAgent: opt(text),
      address: opt(key),
    },
    [['expiresAt']],
  ),
  setupCodes: table('setupCodes', { id: key, townshipId: orNull(key), createdAt: int, expiresAt: int, usedAt: orNull(int), usedById: orNull(key) }, []),
  // ---- wechat-notify (migration 0014_wechat_notify): one automatic close attempt per township month
  autoCloses: table('autoCloses', { id: key, townshipId: key, period: key, at: int, outcome: key, problem: orNull(text) }, [['townshipId', 'period']]),
  // ---- end wechat-notify
  // ---- issue 13: the villagers' voice (migration 0011_voice)
  moderations: table(
    'moderations',
    {
      id: key,
      townshipId: key,
      kind: key,
      sourceId: key,
      cadreId: key,
      period: key,
      authorId: key,
      original: text,
      redacted: text,
      check: key,
      checkLabel: orNull(key),
      status: key,
      reason: orNull(key),
      at: int,
      decidedById: orNull(key),
      decidedAt: orNull(int),
    },
    [['townshipId', 'status', 'at'], ['authorId', 'at']],
  ),
  callBacks: table(
    'callBacks',
    {
      id: key,
      townshipId: key,
      cadreId: key,
      householdId: key,
      personId: key,
      reason: key,
      ticketId: orNull(key),
      visitId: orNull(key),
      stars: orNull(int),
      at: int,
      dueAt: int,
      doneAt: orNull(int),
      doneById: orNull(key),
      outcome: orNull(key),
      note: text,
    },
    [['townshipId', 'dueAt'], ['cadreId', 'at']],
  ),
  // identity binding (migration 0005)
  bindingEvents: table(
    'bindingEvents',
    { id: key, townshipId: key, personId: key, householdId: orNull(key), kind: key, method: orNull(key), byId: orNull(key), note: text, at: int },
    [['townshipId', 'method', 'at'], ['householdId', 'at'], ['personId', 'at']],
  ),
  phoneCodes: table('phoneCodes', { id: key, phone: key, codeHash: key, at: int, expiresAt: int, attempts: int, usedAt: orNull(int) }, [['phone', 'at'], ['at']]),
  judgeRefusals: table(
    'judgeRefusals',
    { id: key, townshipId: key, personId: key, cadreId: key, action: key, reason: key, at: int },
    [['townshipId', 'at'], ['cadreId', 'at']],
  ),
  // ---- first-screen (migration 0017_first_screen): planned visits ----
  visitPlans: table(
    'visitPlans',
    // visitplan (migration 0020_visitplan): the cadre's note for the visit ("带上低保申请表").
    { id: key, townshipId: key, cadreId: key, householdId: key, date: key, at: int, note: opt(text) },
    [['householdId', 'date'], ['cadreId', 'date']],
  ),
  // ---- guard (migration 0021_guard): photos other villagers see are screened ----
  mediaChecks: table(
    'mediaChecks',
    {
      id: key,
      townshipId: key,
      url: key,
      objectKind: key,
      objectId: key,
      ownerId: key,
      traceId: orNull(key),
      status: key,
      label: orNull(key),
      requestedAt: int,
      decidedAt: orNull(int),
      // ---- images (migration 0024_images): the office's decision, by whom and why ----
      decidedById: opt(key),
      reason: opt(key),
    },
    // images: the office's queue reads the township's waiting photos by status, oldest first.
    [['url'], ['traceId'], ['objectId'], ['townshipId', 'status', 'requestedAt']],
  ),
}

/** Every child table, by name. */
export const CHILD_TABLES: readonly { parent: TableDef; child: ChildDef }[] = Object.values(TABLES).flatMap((parent) =>
  parent.children.map((child) => ({ parent, child })),
)

/** The index name: table and columns, as the EXPLAIN output and the migrations show it. */
export const indexName = (tableName: string, index: IndexDef): string =>
  `${tableName}_${index.unique ? 'u_' : ''}${index.columns.join('_')}`
