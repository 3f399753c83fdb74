/**
 * The SQLite schema as an ordered list of versioned migrations, recorded in `schema_migrations`.
 * One rule: a migration, once released, is never edited; a change to the schema is a new version
 * appended at the end (each runs once, in its own transaction, in version order).
 */
import type Database from 'better-sqlite3'
import type { CollectionName } from './port'

export interface Migration {
  version: number
  name: string
  up(db: Database.Database): void
}

/** Every collection of the port, one table each. */
export const COLLECTIONS: readonly CollectionName[] = [
  'townships',
  'villages',
  'groups',
  'households',
  'people',
  'teams',
  'places',
  'bindings',
  'tickets',
  'visits',
  'signins',
  'leaves',
  'ratings',
  'requests',
  'meta',
]

/** Collections added by migration 4 (office, close, supervision, notices, privacy, binding). */
export const COLLECTIONS_V4: readonly CollectionName[] = [
  'periods',
  'closeResults',
  'selfReviews',
  'checks',
  'reports',
  'findings',
  'notices',
  'reveals',
  'invitations',
]

export const INDEXES_V4: { readonly [C in CollectionName]?: readonly (readonly string[])[] } = {
  periods: [['townshipId']],
  closeResults: [['townshipId']],
  selfReviews: [['cadreId'], ['townshipId', 'period']],
  checks: [['townshipId']],
  reports: [['townshipId'], ['cadreId']],
  findings: [['cadreId'], ['townshipId']],
  notices: [['townshipId', 'villageId']],
  reveals: [['townshipId']],
  invitations: [['personId']],
  signins: [['townshipId']],
  visits: [['townshipId']],
  leaves: [['townshipId']],
  ratings: [['townshipId', 'period']],
  tickets: [['townshipId']],
}

/**
 * The fields handlers filter on, one expression index per entry (several fields = a composite
 * index). A query must use the very same `json_extract(doc, '$.field')` text for SQLite to pick
 * the index, which is why sqlite.ts builds that text with `jsonField` below.
 */
export const INDEXES_V1: { readonly [C in CollectionName]?: readonly (readonly string[])[] } = {
  villages: [['townshipId']],
  groups: [['villageId']],
  households: [['villageId'], ['groupId'], ['cadreId']],
  people: [['householdId'], ['villageId'], ['townshipId']],
  teams: [['villageId']],
  places: [['townshipId']],
  bindings: [['openid'], ['personId']],
  tickets: [['householdId'], ['villageId'], ['assigneeId'], ['status'], ['reporterId']],
  visits: [['cadreId'], ['householdId']],
  signins: [['cadreId']],
  leaves: [['cadreId']],
  ratings: [
    ['cadreId', 'period'],
    ['householdId', 'period'],
  ],
}

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9]*$/

/** The SQL expression for a top-level document field; the name is checked because it is inlined. */
export const jsonField = (field: string): string => {
  if (!FIELD_NAME.test(field)) throw new Error(`bad field name: ${JSON.stringify(field)}`)
  return `json_extract(doc, '$.${field}')`
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'collections and indexes',
    up(db) {
      for (const c of COLLECTIONS) {
        db.exec(`CREATE TABLE IF NOT EXISTS "${c}" (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`)
        for (const fields of INDEXES_V1[c] ?? []) {
          const name = `${c}_${fields.join('_')}`
          db.exec(`CREATE INDEX IF NOT EXISTS "${name}" ON "${c}" (${fields.map(jsonField).join(', ')})`)
        }
      }
    },
  },
  {
    version: 2,
    name: 'ticket loop: meetings, notifications, uploads',
    up(db) {
      for (const c of ['meetings', 'notifications', 'uploads'] as const) {
        db.exec(`CREATE TABLE IF NOT EXISTS "${c}" (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`)
      }
      for (const [c, list] of Object.entries(INDEXES_V2)) {
        for (const fields of list ?? []) {
          db.exec(`CREATE INDEX IF NOT EXISTS "${c}_${fields.join('_')}" ON "${c}" (${fields.map(jsonField).join(', ')})`)
        }
      }
    },
  },
  {
    // Issue 5 (the verdict): stored images (signatures, sign-in photos), one-time consents, and the
    // indexes the verdict's queries use (visits by status and time, sign-ins by time, ratings by
    // rater, leaves by status).
    version: 3,
    name: 'images, consents and verdict indexes',
    up(db) {
      for (const c of ['images', 'consents'] as const) db.exec(`CREATE TABLE IF NOT EXISTS "${c}" (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`)
      const indexes: [CollectionName, string[]][] = [
        ['images', ['ownerId']],
        ['consents', ['personId']],
        ['visits', ['cadreId', 'at']],
        ['visits', ['householdId', 'status']],
        ['visits', ['townshipId', 'at']],
        ['signins', ['cadreId', 'at']],
        ['ratings', ['townshipId', 'period']],
        ['ratings', ['raterId', 'period']],
        ['leaves', ['status']],
        ['tickets', ['townshipId']],
      ]
      for (const [c, fields] of indexes) {
        db.exec(`CREATE INDEX IF NOT EXISTS "${c}_${fields.join('_')}" ON "${c}" (${fields.map(jsonField).join(', ')})`)
      }
    },
  },
  {
    version: 4,
    name: 'office, close, supervision, notices, reveals, invitations',
    up(db) {
      for (const c of COLLECTIONS_V4) db.exec(`CREATE TABLE IF NOT EXISTS "${c}" (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`)
      for (const [c, list] of Object.entries(INDEXES_V4)) {
        for (const fields of list ?? []) {
          const name = `${c}_${fields.join('_')}`
          db.exec(`CREATE INDEX IF NOT EXISTS "${name}" ON "${c}" (${fields.map(jsonField).join(', ')})`)
        }
      }
    },
  },
  {
    version: 5,
    name: "cadre's record: responsibility notes; joint meeting attendees as person ids",
    up(db) {
      db.exec('CREATE TABLE IF NOT EXISTS "chainNotes" (id TEXT PRIMARY KEY, doc TEXT NOT NULL)')
      db.exec(`CREATE INDEX IF NOT EXISTS "chainNotes_cadreId" ON "chainNotes" (${jsonField('cadreId')})`)
      // Attendees were written as names; keep those that name exactly one person of the township.
      const meetings = db.prepare('SELECT id, doc FROM meetings').all() as { id: string; doc: string }[]
      const byName = db.prepare(`SELECT id FROM people WHERE ${jsonField('townshipId')} = ? AND ${jsonField('name')} = ?`)
      const update = db.prepare('UPDATE meetings SET doc = ? WHERE id = ?')
      for (const row of meetings) {
        const doc = JSON.parse(row.doc) as { townshipId: string; attendees?: string[]; attendeeIds?: string[] }
        if (doc.attendeeIds) continue
        const ids = (doc.attendees ?? []).flatMap((name) => {
          const found = byName.all(doc.townshipId, name) as { id: string }[]
          return found.length === 1 ? [found[0].id] : []
        })
        delete doc.attendees
        update.run(JSON.stringify({ ...doc, attendeeIds: ids }), row.id)
      }
    },
  },
]

/** Migration 2 (ticket loop): joint meetings, notifications, uploads; tickets by village and category. */
export const INDEXES_V2: { readonly [C in CollectionName]?: readonly (readonly string[])[] } = {
  meetings: [['villageId'], ['townshipId']],
  notifications: [['personId', 'at'], ['ticketId']],
  uploads: [['ownerId']],
  tickets: [['villageId', 'category'], ['townshipId', 'status']],
}

/**
 * Brings the database up to the last migration and returns the versions it applied (none when
 * already current). Refuses a database written by newer code rather than guess at its schema.
 */
export const applyMigrations = (db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] => {
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i].version <= migrations[i - 1].version) {
      throw new Error(`migrations out of order at version ${migrations[i].version}`)
    }
  }
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
  )
  const done = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version),
  )
  const known = new Set(migrations.map((m) => m.version))
  const unknown = [...done].filter((v) => !known.has(v))
  if (unknown.length > 0) {
    throw new Error(`database has migrations this code does not know: ${unknown.join(', ')}`)
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
  const applied: number[] = []
  for (const m of migrations) {
    if (done.has(m.version)) continue
    // IMMEDIATE takes the write lock first, so two processes opening the same new file cannot
    // both decide a migration is missing and both run it.
    db.transaction(() => {
      const again = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(m.version)
      if (again !== undefined) return
      m.up(db)
      record.run(m.version, m.name, Date.now())
      applied.push(m.version)
    }).immediate()
  }
  return applied
}
