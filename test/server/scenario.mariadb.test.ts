/**
 * The same run of every action as the EXPLAIN test, on a real MariaDB server the test starts: the
 * joined and combined statements of the short request path (joins, UNION ALL of limited derived
 * tables, correlated MAX, grouped counts, instr) in the SQL that MySQL 8 and MariaDB accept, and
 * the hot actions' statement counts the same as on SQLite.
 */
import os from 'node:os'
import { freshDatabase, type TestDatabase } from '../support/test-database'
import { runScenario, startScenario, type Scenario } from './scenario'

// A database of its own on the run's MariaDB server (the integration-mysql project's).
let database: TestDatabase
let s: Scenario
beforeAll(async () => {
  database = await freshDatabase(os.tmpdir(), { dialect: 'mysql', prefix: 'scenario' })
  s = await startScenario({ databaseUrl: database.url })
}, 240_000)
afterAll(async () => {
  await s?.stop()
  await database?.drop()
})

describe('every action on MariaDB', () => {
  it('runs the scenario: every step answers ok', async () => {
    await runScenario(s)
    expect(s.log.runs.length).toBeGreaterThan(100)
  }, 240_000)

  it('keeps the hot reads at 3 statements', async () => {
    const count = (label: string) => s.log.runs.filter((r) => r.label === label).map((r) => r.statements.length)
    for (const action of ['villager.myCadre', 'ticket.inbox']) for (const n of count(action)) expect(n).toBeLessThanOrEqual(3)
  })
})
