/**
 * Every query on an index: the scenario runs every action (and the file routes) through the real
 * HTTP server on a seeded county, the statements each one makes are collected, the planner's
 * statistics are refreshed (the server's own `analyze`), and SQLite's EXPLAIN QUERY PLAN is asked for each distinct
 * statement. A full scan of a table that grows with the township fails the test with the
 * statement, the action that made it and the plan. Only the small fixed tables below may be scanned.
 */
import path from 'node:path'
import Database from 'better-sqlite3'
import { actions, type ActionName } from '../../src/contracts'
import { analyze } from '../../src/server/storage/migrations'
import { CHILD_TABLES, TABLES } from '../../src/server/storage/schema'
import { ROUTES, runScenario, startScenario, type Scenario, type Statement } from './scenario'

/**
 * Tables that stay small however large the township grows (a few rows per village or per month),
 * so a scan of one costs no more than a lookup. Every other table, child tables included, grows
 * with the township (households, people, tickets, visits, sign-ins, ratings, notifications...).
 */
const SMALL_TABLES: readonly string[] = ['townships', 'villages', 'groups', 'places', 'teams', 'periods', 'meta', 'closeResults']

/** Actions the scenario does not run, each with the reason. */
const NOT_EXERCISED: Readonly<Partial<Record<ActionName, string>>> = {
  // office-files: cloud mode only (refused by the local server); their reads are uploads by url
  // (test/cloud/office-files.test.ts runs them through the cloud entry).
  'file.urls': 'cloud and self-hosted server only (test/cloud/office-files.test.ts, test/server/selfhost-media.test.ts): one read of uploads by url (its index), then the ticket and household by id',
  'office.importFile': 'cloud mode only: reads uploads by url, then the roster import of POST /files/roster-import',
  'locale.fontUrl': 'no query: a temporary URL of the font in cloud storage (test/cloud/font.test.ts)',
  'office.exportFile': 'cloud mode only: the export of GET /files/export/:kind, then one uploads insert',
  'upload.register':
    'cloud mode only (the local server refuses it; test/server/hardening.test.ts runs it through the cloud entry); its reads are POST /upload\'s: uploads by url, by owner and time',
}

const ALL_TABLES = [...Object.values(TABLES).map((t) => t.name), ...CHILD_TABLES.map((c) => c.child.table)]
const GROWING_TABLES = ALL_TABLES.filter((t) => !SMALL_TABLES.includes(t))

/** Statements that are not queries of the schema's tables. */
const isControl = (sql: string): boolean => /^\s*(begin|commit|rollback|savepoint|release|analyze|pragma)\b/i.test(sql) || /sqlite_master/i.test(sql)

/** `"people" as "p"` -> p: people; and every table as itself. */
const aliasesOf = (sql: string): Map<string, string> => {
  const map = new Map<string, string>(ALL_TABLES.map((t) => [t, t]))
  for (const m of sql.matchAll(/"(\w+)"\s+as\s+"(\w+)"/gi)) if (ALL_TABLES.includes(m[1] as string)) map.set(m[2] as string, m[1] as string)
  return map
}

interface PlanRow {
  detail: string
}

interface Scan {
  table: string
  detail: string
}

/**
 * The full scans in a plan, by real table name: `SCAN t` (with or without an index: walking a
 * whole index is a full scan too), and skip-scans (`SEARCH t USING INDEX i (ANY(a) AND b=?)`),
 * which probe an index once per value of a column the query does not fix (each township).
 */
const scansOf = (sql: string, plan: PlanRow[]): Scan[] => {
  const aliases = aliasesOf(sql)
  const out: Scan[] = []
  for (const { detail } of plan) {
    const m = /^SCAN (\S+)/.exec(detail) ?? /^SEARCH (\S+) .*\bANY\(/.exec(detail)
    if (!m) continue
    const table = aliases.get(m[1] as string)
    // SCAN CONSTANT ROW, SCAN (subquery-1): not a table of ours.
    if (table) out.push({ table, detail })
  }
  return out
}

const describeStatement = (labels: string[], s: Statement, plan: PlanRow[]) =>
  [`  by: ${labels.join(', ')}`, `  sql: ${s.sql}`, `  parameters: ${JSON.stringify(s.parameters).slice(0, 300)}`, ...plan.map((p) => `  plan: ${p.detail}`)].join('\n')

let s: Scenario
beforeAll(async () => {
  s = await startScenario()
  await runScenario(s)
}, 240_000)
afterAll(() => s?.stop())

describe('every query on an index (EXPLAIN QUERY PLAN on SQLite)', () => {
  it('runs every action of the contract, or names why not', () => {
    const exercised = new Set([...s.log.byLabel.keys()])
    const names = Object.keys(actions) as ActionName[]
    const missing = names.filter((n) => !exercised.has(n) && NOT_EXERCISED[n] === undefined)
    const listedButRun = names.filter((n) => exercised.has(n) && NOT_EXERCISED[n] !== undefined)
    expect({ missing, listedButRun }).toEqual({ missing: [], listedButRun: [] })
    for (const route of ROUTES) expect(exercised.has(route)).toBe(true)
  })

  it('has a checker that names a full scan, a skip-scan and an aliased scan, and passes a lookup', async () => {
    await analyze(s.h.server.deps.store.db, 'sqlite')
    const db = new Database(path.join(s.h.dataDir, 'minqing.db'), { readonly: true })
    try {
      const scans = (sql: string, ...parameters: unknown[]) => scansOf(sql, db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as PlanRow[]).map((x) => x.table)
      expect(scans('select * from "tickets" where "description" = ?', 'x')).toEqual(['tickets'])
      expect(scans('select * from "people" as "p" where "p"."title" = ?', 'x')).toEqual(['people'])
      // personRoles is indexed (townshipId, role): a role without the township is a skip-scan or a scan.
      expect(scans('select "personId" from "personRoles" where "role" = ?', 'cadre')).toEqual(['personRoles'])
      expect(scans('select * from "tickets" where "id" = ?', 'x')).toEqual([])
      expect(scans('select * from "townships"')).toEqual(['townships'])
    } finally {
      db.close()
    }
  })

  it('scans no table that grows with the township', async () => {
    // The server's own statistics refresh (as after seeding and imports), then a fresh connection
    // that loads them.
    await analyze(s.h.server.deps.store.db, 'sqlite')
    // The distinct statements (by SQL text), each with the actions that made it.
    const distinct = new Map<string, { statement: Statement; labels: Set<string> }>()
    for (const [label, list] of s.log.byLabel) {
      for (const statement of list) {
        if (isControl(statement.sql)) continue
        const entry = distinct.get(statement.sql) ?? { statement, labels: new Set<string>() }
        entry.labels.add(label)
        distinct.set(statement.sql, entry)
      }
    }
    expect(distinct.size).toBeGreaterThan(50)

    const db = new Database(path.join(s.h.dataDir, 'minqing.db'))
    try {
      const failures: string[] = []
      const allowed = new Map<string, Set<string>>()
      for (const { statement, labels } of distinct.values()) {
        const plan = db.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...(statement.parameters as unknown[])) as PlanRow[]
        for (const scan of scansOf(statement.sql, plan)) {
          if (GROWING_TABLES.includes(scan.table)) {
            failures.push(`full scan of ${scan.table} (${scan.detail})\n${describeStatement([...labels], statement, plan)}`)
          } else {
            const by = allowed.get(scan.table) ?? new Set<string>()
            for (const l of labels) by.add(l)
            allowed.set(scan.table, by)
          }
        }
      }
      if (process.env.MINQING_EXPLAIN_REPORT) {
        const counts = new Map<string, number[]>()
        for (const run of s.log.runs) counts.set(run.label, [...(counts.get(run.label) ?? []), run.statements.length])
        const kinds = new Map(Object.entries(actions).map(([n, d]) => [n, d.write ? 'write' : 'read']))
        process.stdout.write(`\nSTATEMENTS per call:\n${[...counts].map(([l, n]) => `  ${l} (${kinds.get(l) ?? 'route'}): ${n.join(' ')}`).join('\n')}\n`)
        for (const { statement, labels } of distinct.values()) {
          const m = /^select .* from "(\w+)"(?: as "\w+")? where "townshipId" = \?( and "status" = \?| and "status" in \([?, ]+\))?( order by [^)]*)?( limit \?)?$/i.exec(statement.sql)
          if (m && GROWING_TABLES.includes(m[1] as string)) process.stdout.write(`WHOLE TOWNSHIP ${m[1]} by ${[...labels].join(', ')}: ${statement.sql.slice(0, 200)}\n`)
        }
        const lines = [...allowed].map(([table, by]) => `  ${table}: ${[...by].sort().join(', ')}`)
        process.stdout.write(`\nEXPLAIN: ${distinct.size} distinct statements; scans of small tables:\n${lines.join('\n')}\n`)
      }
      expect(failures).toEqual([])
    } finally {
      db.close()
    }
  })
})
