/**
 * The same run of every action as the EXPLAIN test, on a real MariaDB server the test starts: the
 * joined and combined statements of the short request path (joins, UNION ALL of limited derived
 * tables, correlated MAX, grouped counts, instr) in the SQL that MySQL 8 and MariaDB accept, and
 * the hot actions' statement counts the same as on SQLite.
 */
import { startMariadb, type MariaDb } from '../support/mariadb'
import { runScenario, startScenario, type Scenario } from './scenario'

let mariadb: MariaDb
let s: Scenario
beforeAll(async () => {
  mariadb = await startMariadb()
  s = await startScenario({ databaseUrl: await mariadb.createDatabase('scenario') })
}, 240_000)
afterAll(async () => {
  await s?.stop()
  await mariadb?.stop()
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
