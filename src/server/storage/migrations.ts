/**
 * The schema's history as code, run by Kysely's migrator on SQLite and on MySQL. Tables and indexes
 * come from the registry (schema.ts); each migration names what it adds.
 * One rule: every step is idempotent ("create if missing", "add if missing"), because MySQL DDL is
 * not transactional: a migration that failed halfway is simply run again after the cause is fixed.
 * A migration, once released, is never edited; a change is a new migration appended at the end.
 */
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely'
import { CHILD_TABLES, TABLES, indexName, type ChildDef, type ColumnKind, type IndexDef, type TableDef } from './schema'
import type { CollectionName } from './port'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>
export type Dialect = 'sqlite' | 'mysql'

const SQL_TYPE: Record<Dialect, Record<ColumnKind, string>> = {
  sqlite: { key: 'text', text: 'text', long: 'text', int: 'integer', real: 'real', bool: 'integer', json: 'text' },
  mysql: { key: 'varchar(191)', text: 'text', long: 'longtext', int: 'bigint', real: 'double', bool: 'tinyint', json: 'longtext' },
}

interface PlainColumn {
  name: string
  kind: ColumnKind
  nullable: boolean
  primary?: boolean
}

const tableColumns = (def: TableDef): PlainColumn[] =>
  Object.entries(def.columns).map(([name, c]) => ({ name, kind: c.kind, nullable: c.nullable, primary: name === 'id' }))

const childColumns = (child: ChildDef): PlainColumn[] => [
  { name: child.parentKey, kind: 'key', nullable: false },
  ...(child.copy ?? []).map((name) => ({ name, kind: 'key' as const, nullable: false })),
  ...Object.entries(child.columns).map(([name, kind]) => ({ name, kind, nullable: name !== child.valueColumn })),
]

const childIndexes = (child: ChildDef): IndexDef[] => [{ columns: [child.parentKey] }, ...child.indexes]

const existingTables = async (db: AnyDb): Promise<Set<string>> =>
  new Set((await db.introspection.getTables()).map((t) => t.name))

const existingIndexes = async (db: AnyDb, dialect: Dialect, table: string): Promise<Set<string>> => {
  const rows =
    dialect === 'sqlite'
      ? (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ${table}`.execute(db)).rows
      : (
          await sql<{ name: string }>`SELECT DISTINCT index_name AS name FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = ${table}`.execute(
            db,
          )
        ).rows
  return new Set(rows.map((r) => r.name))
}

/** Creates the table when missing, then any of its indexes that are missing. */
export const ensureTable = async (
  db: AnyDb,
  dialect: Dialect,
  name: string,
  columns: readonly PlainColumn[],
  indexes: readonly IndexDef[],
): Promise<void> => {
  let create = db.schema.createTable(name).ifNotExists()
  for (const c of columns) {
    create = create.addColumn(c.name, sql.raw(SQL_TYPE[dialect][c.kind]), (b) => {
      let col = c.nullable ? b : b.notNull()
      if (c.primary) col = col.primaryKey()
      return col
    })
  }
  if (dialect === 'mysql') create = create.modifyEnd(sql`ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`)
  await create.execute()
  const have = await existingIndexes(db, dialect, name)
  for (const index of indexes) {
    const iname = indexName(name, index)
    if (have.has(iname)) continue
    let ci = db.schema.createIndex(iname).on(name).columns([...index.columns])
    if (index.unique) ci = ci.unique()
    await ci.execute()
  }
}

export const ensureRegistryTable = async (db: AnyDb, dialect: Dialect, collection: CollectionName): Promise<void> => {
  const def = TABLES[collection]
  await ensureTable(db, dialect, def.name, tableColumns(def), def.indexes)
  for (const child of def.children) await ensureTable(db, dialect, child.table, childColumns(child), childIndexes(child))
}

/** Adds a registry column to an existing table when it is missing (for later migrations). */
export const ensureColumn = async (db: AnyDb, dialect: Dialect, collection: CollectionName, column: string): Promise<void> => {
  const def = TABLES[collection]
  const c = def.columns[column]
  const table = (await db.introspection.getTables()).find((t) => t.name === def.name)
  if (!table || table.columns.some((x) => x.name === column)) return
  await db.schema
    .alterTable(def.name)
    .addColumn(column, sql.raw(SQL_TYPE[dialect][c.kind]))
    .execute()
}

// ------------------------------------------------------------------ the first version's documents

/**
 * Databases written by the first version kept each collection as a table of JSON documents
 * (`id`, `doc`) with its own migration table. Their documents are moved into the typed tables.
 */
const convertDocumentTables = async (db: AnyDb, dialect: Dialect): Promise<void> => {
  if (dialect !== 'sqlite') return
  const tables = await db.introspection.getTables()
  // In the registry's order, so that people are converted before the meetings that name them.
  const order = Object.keys(TABLES)
  const legacy = tables
    .filter((t) => t.name in TABLES && t.columns.length === 2 && t.columns.some((c) => c.name === 'doc'))
    .sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name))
  if (legacy.length === 0) return
  for (const t of legacy) await sql`ALTER TABLE ${sql.id(t.name)} RENAME TO ${sql.id(`legacy_${t.name}`)}`.execute(db)
  // The old expression indexes moved with their tables; the typed tables get their own names.
  const { toRow, childRows } = await import('./relational')
  for (const t of legacy) {
    const collection = t.name as CollectionName
    await ensureRegistryTable(db, dialect, collection)
    const rows = (await sql<{ doc: string }>`SELECT doc FROM ${sql.id(`legacy_${t.name}`)}`.execute(db)).rows
    const def = TABLES[collection]
    for (let i = 0; i < rows.length; i += 200) {
      const docs: Record<string, unknown>[] = []
      for (const r of rows.slice(i, i + 200)) {
        const doc = JSON.parse(r.doc) as Record<string, unknown>
        // Meetings written before attendees were person ids carry names: keep each name that
        // names exactly one person of the township (people are converted before meetings).
        if (collection === 'meetings' && !Array.isArray(doc.attendeeIds)) {
          const names = Array.isArray(doc.attendees) ? (doc.attendees as string[]) : []
          const ids: string[] = []
          for (const name of names) {
            const found = await db.selectFrom('people').select('id').where('townshipId', '=', String(doc.townshipId)).where('name', '=', name).execute()
            if (found.length === 1) ids.push(found[0].id as string)
          }
          delete doc.attendees
          doc.attendeeIds = ids
        }
        docs.push(doc)
      }
      await db.insertInto(def.name).values(docs.map((d) => toRow(collection, d))).execute()
      for (const child of def.children) {
        const childRowsAll = docs.flatMap((d) => childRows(child, d))
        if (childRowsAll.length > 0) await db.insertInto(child.table).values(childRowsAll).execute()
      }
    }
    await sql`DROP TABLE ${sql.id(`legacy_${t.name}`)}`.execute(db)
  }
  await sql`DROP TABLE IF EXISTS schema_migrations`.execute(db)
}

// ------------------------------------------------------------------ day facts from the records

/**
 * Builds every township's day facts (cadreDays) from its sign-ins, signed visits and approved
 * leaves, with the default settings' time zone (a township on another offset gets its facts
 * rebuilt by the check before its next close). Rerunnable: a township's facts are replaced whole.
 */
const backfillCadreDays = async (db: AnyDb): Promise<void> => {
  const [{ cadreDayFacts }, { DEFAULT_SETTINGS }, { toRow }] = await Promise.all([
    import('../../core/attendance'),
    import('../../core/settings'),
    import('./relational'),
  ])
  const townships = (await db.selectFrom('townships').select('id').execute()) as { id: string }[]
  for (const { id: townshipId } of townships) {
    const [signIns, visits, leaves] = await Promise.all([
      db.selectFrom('signins').select(['cadreId', 'at', 'slot', 'valid']).where('townshipId', '=', townshipId).execute(),
      db.selectFrom('visits').select(['cadreId', 'at', 'status', 'overnight']).where('townshipId', '=', townshipId).where('status', '=', 'signed').execute(),
      db.selectFrom('leaves').select(['cadreId', 'from', 'to', 'status']).where('townshipId', '=', townshipId).where('status', '=', 'approved').execute(),
    ])
    const days = cadreDayFacts(
      townshipId,
      {
        signIns: signIns.map((s) => ({ cadreId: s.cadreId, at: Number(s.at), slot: s.slot, valid: Number(s.valid) === 1 })),
        visits: visits.map((v) => ({ cadreId: v.cadreId, at: Number(v.at), status: v.status, overnight: Number(v.overnight) === 1 })),
        leaves,
      },
      DEFAULT_SETTINGS,
    )
    await db.deleteFrom('cadreDays').where('townshipId', '=', townshipId).execute()
    for (let i = 0; i < days.length; i += 400) await db.insertInto('cadreDays').values(days.slice(i, i + 400).map((d) => toRow('cadreDays', d))).execute()
  }
}

// ------------------------------------------------------------------ the migrations

const migration = (up: (db: AnyDb, dialect: Dialect) => Promise<void>) => (dialect: Dialect): Migration => ({
  // SQLite's DDL is transactional (Kysely's migrator does not use that there): a migration on
  // SQLite happens completely or not at all, so a failed conversion of the first version's tables
  // cannot leave them half renamed. MySQL's DDL is not: there every step is idempotent instead.
  up: (db) => (dialect === 'sqlite' ? db.transaction().execute((trx) => up(trx, dialect)) : up(db, dialect)),
})

/** In order; the key is the migration's name as recorded in the database. */
export const MIGRATIONS: Readonly<Record<string, (dialect: Dialect) => Migration>> = {
  '0001_typed_tables': migration(async (db, dialect) => {
    await convertDocumentTables(db, dialect)
    for (const c of Object.keys(TABLES) as CollectionName[]) await ensureRegistryTable(db, dialect, c)
  }),
  /** Month figures as facts: one row per cadre per day, leaves found by their last day, repairs kept with a close. */
  '0002_cadre_day_facts': migration(async (db, dialect) => {
    await ensureRegistryTable(db, dialect, 'cadreDays')
    await ensureRegistryTable(db, dialect, 'leaves')
    await ensureColumn(db, dialect, 'closeResults', 'repairs')
    await backfillCadreDays(db)
  }),
  // Indexes added for the EXPLAIN test (every query on an index): tickets (villageId, createdAt)
  // for a team leader's and a secretary's lists and rates.
  '0003_indexes': migration(async (db, dialect) => {
    await ensureRegistryTable(db, dialect, 'tickets')
  }),
  // A cadre's month as the dashboard shows it, kept per cadre (built on the first read of a month).
  '0004_month_figures': migration(async (db, dialect) => {
    await ensureRegistryTable(db, dialect, 'monthFigures')
    await ensureRegistryTable(db, dialect, 'monthBuilds')
  }),
  // Identity binding (issue 10): how each binding was made (bindings.method, bindings.issuerId), the
  // bindings made and ended, one-time phone codes, and the refused sign-offs and ratings.
  '0005_identity_binding': migration(async (db, dialect) => {
    await ensureColumn(db, dialect, 'bindings', 'method')
    await ensureColumn(db, dialect, 'bindings', 'issuerId')
    await ensureRegistryTable(db, dialect, 'bindingEvents')
    await ensureRegistryTable(db, dialect, 'phoneCodes')
    await ensureRegistryTable(db, dialect, 'judgeRefusals')
    // A binding made before the method was recorded by accepting an invitation: the invitation of
    // its person used at the moment of binding names its issuer (who may be the judged cadre).
    const used = (await db.selectFrom('invitations').select(['personId', 'usedAt', 'createdById']).where('usedAt', 'is not', null).execute()) as {
      personId: string
      usedAt: number | string
      createdById: string
    }[]
    for (const i of used) {
      await db
        .updateTable('bindings')
        .set({ method: 'invitation', issuerId: i.createdById })
        .where('personId', '=', i.personId)
        .where('boundAt', '=', Number(i.usedAt))
        .where('method', 'is', null)
        .execute()
    }
  }),
  // ---- identity-hardening (issue 10 items 6, 7) ----
  // The scope a stored write's answer rests on (replays re-check it); uploads with their object and
  // an (ownerId, at) index for the per-person quotas.
  '0006_identity_hardening': migration(async (db, dialect) => {
    await ensureColumn(db, dialect, 'requests', 'scope')
    await ensureColumn(db, dialect, 'uploads', 'objectKind')
    await ensureColumn(db, dialect, 'uploads', 'objectId')
    await ensureRegistryTable(db, dialect, 'images')
    await ensureRegistryTable(db, dialect, 'uploads')
  }),
  // ---- end identity-hardening ----
  // Identity (issue 10 items 4, 5, 8): set-up codes, stored sessions and QR logins, the places'
  // datum, and the hash chain of verdict records, built for the records already there.
  '0007_identity_setup': migration(async (db, dialect) => {
    for (const c of ['chainEntries', 'chainHeads', 'sessions', 'loginRequests', 'setupCodes'] as const) await ensureRegistryTable(db, dialect, c)
    await ensureColumn(db, dialect, 'places', 'datum')
    const { chainUnchainedRecords } = await import('../features/chain')
    await chainUnchainedRecords(db, dialect)
  }),
  // ---- rules (issue 14): the 1135 bands short of raters kept with a cadre's month. Months built
  // before are rebuilt on their next read (the settings key changed with the sign-in settings).
  '0008_rules': migration(async (db, dialect) => {
    await ensureColumn(db, dialect, 'monthFigures', 'shortBands')
  }),
  // ---- issue 13: the villagers' voice: the moderation queue, the call-back queue, a rating's
  // approved public comment and the reason of a reveal.
  '0011_voice': migration(async (db, dialect) => {
    await ensureRegistryTable(db, dialect, 'moderations')
    await ensureRegistryTable(db, dialect, 'callBacks')
    await ensureColumn(db, dialect, 'ratings', 'publicComment')
    await ensureColumn(db, dialect, 'reveals', 'reason')
  }),
  // ---- gcj (issue 11 item 4): a sign-in keeps its datum (GCJ-02). Older rows are left as they are
  // (their datum absent): rewriting their coordinates would break the hash chain that holds them.
  '0012_gcj': migration(async (db, dialect) => {
    await ensureColumn(db, dialect, 'signins', 'datum')
  }),
  // ---- end gcj ----
  // ---- identity-finish (issue 10 leftovers): one account names one person by a unique index on
  // bindings.openid (older duplicates resolved first: the oldest binding stays, every later one is
  // removed and logged as an unbinding with a note); the asking browser kept with a QR login; the
  // indexes that prune idle sessions, old login requests and old phone codes.
  '0013_identity_finish': migration(async (db, dialect) => {
    await dedupeBindings(db)
    const have = await existingIndexes(db, dialect, 'bindings')
    if (have.has('bindings_openid')) {
      if (dialect === 'mysql') await sql`DROP INDEX bindings_openid ON bindings`.execute(db)
      else await sql`DROP INDEX bindings_openid`.execute(db)
    }
    await ensureRegistryTable(db, dialect, 'bindings')
    await ensureColumn(db, dialect, 'loginRequests', 'userAgent')
    await ensureColumn(db, dialect, 'loginRequests', 'address')
    for (const c of ['loginRequests', 'sessions', 'phoneCodes'] as const) await ensureRegistryTable(db, dialect, c)
    await ensureColumn(db, dialect, 'notifications', 'note')
  }),
  // ---- end identity-finish
  // ---- wechat-notify (issue 11 item 7): the automatic month close's attempts.
  '0014_wechat_notify': migration(async (db, dialect) => {
    await ensureRegistryTable(db, dialect, 'autoCloses')
  }),
  // ---- office-files (issue 11 item 2): in the cloud, signatures and sign-in and visit photos are
  // kept in cloud storage; the image row keeps its checks' results and the file id.
  '0015_office_files': migration(async (db, dialect) => {
    await ensureColumn(db, dialect, 'images', 'fileId')
  }),
  // ---- end office-files ----
  // ---- first-screen (issue 12 item 9): a cadre's planned visits ----
  '0017_first_screen': migration(async (db, dialect) => {
    await ensureRegistryTable(db, dialect, 'visitPlans')
  }),
  // ---- visitplan (issue 12 item 9): a planned visit keeps the cadre's note ----
  '0020_visitplan': migration(async (db, dialect) => {
    await ensureColumn(db, dialect, 'visitPlans', 'note')
  }),
  // ---- end visitplan ----
  // ---- guard (issue 13 item 2): each photo's content-security check ----
  '0021_guard': migration(async (db, dialect) => {
    await ensureRegistryTable(db, dialect, 'mediaChecks')
  }),
  // ---- mongolian (issue 13 item 5): findings stored as a code with parameters ----
  '0023_mongolian': migration(async (db, dialect) => {
    await ensureColumn(db, dialect, 'findings', 'code')
    await ensureColumn(db, dialect, 'findings', 'params')
  }),
  // ---- end mongolian ----
  // ---- images (issue 13 item 2's photos): the office clears or refuses the photos no automatic
  // check decided: who decided and why, and the queue's index (township, status, time).
  '0024_images': migration(async (db, dialect) => {
    await ensureColumn(db, dialect, 'mediaChecks', 'decidedById')
    await ensureColumn(db, dialect, 'mediaChecks', 'reason')
    await ensureRegistryTable(db, dialect, 'mediaChecks')
  }),
  // ---- end images ----
}

/** The note of a binding removed by 0013_identity_finish (the account was bound to someone earlier). */
export const DUPLICATE_BINDING_NOTE = 'duplicate account: bound to another person earlier (migration 0013_identity_finish)'

/**
 * Every account bound more than once keeps its oldest binding (by boundAt, then id); each later one
 * is removed and logged as an 'unbound' bindingEvent of its person, with a note, at the migration's time.
 */
const dedupeBindings = async (db: AnyDb): Promise<void> => {
  const dup = (await db.selectFrom('bindings').select('openid').groupBy('openid').having(sql`count(*)`, '>', 1).execute()) as { openid: string }[]
  const now = Date.now()
  let n = 0
  for (const { openid } of dup) {
    const rows = (await db
      .selectFrom('bindings as b')
      .leftJoin('people as p', 'p.id', 'b.personId')
      .select(['b.id as id', 'b.personId as personId', 'b.boundAt as boundAt', 'p.townshipId as townshipId', 'p.householdId as householdId'])
      .where('b.openid', '=', openid)
      .orderBy('b.boundAt')
      .orderBy('b.id')
      .execute()) as { id: string; personId: string; boundAt: number | string; townshipId: string | null; householdId: string | null }[]
    for (const r of rows.slice(1)) {
      await db.deleteFrom('bindings').where('id', '=', r.id).execute()
      await db
        .insertInto('bindingEvents')
        .values({
          id: `bindingEvent-dedupe-${r.id}-${(n++).toString(36)}`,
          townshipId: r.townshipId ?? '',
          personId: r.personId,
          householdId: r.householdId,
          kind: 'unbound',
          method: null,
          byId: null,
          note: DUPLICATE_BINDING_NOTE,
          at: now,
        })
        .execute()
    }
  }
}

const provider = (dialect: Dialect): MigrationProvider => ({
  getMigrations: async () => Object.fromEntries(Object.entries(MIGRATIONS).map(([name, m]) => [name, m(dialect)])),
})

/** The names of the migrations the database has run (none when it has no migration table yet). */
const executedMigrations = async (db: AnyDb): Promise<string[]> => {
  try {
    return (await db.selectFrom('kysely_migration').select('name').execute()).map((r) => String(r.name))
  } catch (e) {
    // A new database: SQLite's "no such table", MySQL's ER_NO_SUCH_TABLE.
    if (/no such table/i.test(String((e as Error).message)) || (e as { errno?: number }).errno === 1146) return []
    throw e
  }
}

/**
 * Brings the database to the last migration. Refuses a database written by newer code, and names
 * the migration that failed (it can be run again once the cause is fixed).
 */
export const migrateToLatest = async (db: AnyDb, dialect: Dialect): Promise<string[]> => {
  const unknown = (await executedMigrations(db)).filter((name) => !(name in MIGRATIONS))
  if (unknown.length > 0) {
    throw new Error(
      `the database was written by a newer version of minqing: it has migration ${unknown.join(', ')}, which this version does not know. Run that version (or a later one) against it, never an older one.`,
    )
  }
  // Steps are numbered by the task that adds them and merged in any order (0006 may land after
  // 0007): a database that ran a later step still runs an earlier one it lacks (every step is
  // idempotent and independent of the later ones).
  const migrator = new Migrator({ db, provider: provider(dialect), allowUnorderedMigrations: true })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')
    const cause = error instanceof Error ? error.message : String(error)
    throw new Error(
      failed
        ? `database migration ${failed.migrationName} failed: ${cause}. Fix the cause and start again: the migration is safe to run again.`
        : `database migrations could not run: ${cause}`,
    )
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

/**
 * Below this many rows, SQLite's statistics of a table describe its infancy, not its later size:
 * a table analyzed with 3 rows would be scanned at 300,000. Such tables keep no statistics, so the
 * planner takes them for large (its default) and uses their indexes.
 */
export const STATS_MIN_ROWS = 1000

/** Refreshes the planner's statistics (after seeding and imports) so it picks the right index. */
export const analyze = async (db: AnyDb, dialect: Dialect): Promise<void> => {
  if (dialect === 'sqlite') {
    await sql`ANALYZE`.execute(db)
    // A stat row starts with the table's row count.
    await sql`DELETE FROM sqlite_stat1 WHERE CAST(stat AS INTEGER) < ${STATS_MIN_ROWS}`.execute(db)
    // No value samples (sqlite_stat4): with them, every run of a statement whose parameters touch a
    // sampled index is planned again (4x the cost of a one-row read); the row counts above suffice.
    if ((await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_schema WHERE name = 'sqlite_stat4'`.execute(db)).rows[0]?.n) {
      await sql`DELETE FROM sqlite_stat4`.execute(db)
    }
    // Reloads the statistics on this connection.
    await sql`ANALYZE sqlite_schema`.execute(db)
    return
  }
  const names = [...Object.values(TABLES).map((t) => t.name), ...CHILD_TABLES.map((c) => c.child.table)]
  const have = await existingTables(db)
  for (const n of names) if (have.has(n)) await sql`ANALYZE TABLE ${sql.id(n)}`.execute(db)
}
