/**
 * A short request path: the statements each of the five hot actions makes, counted through the
 * store's onQuery hook on a seeded county (a deterministic property, not a timing). A read action
 * makes at most 3 statements, the caller's lookup included; a write adds only its own writes to the
 * reads it needs (its idempotency record and transaction included).
 */
import type { TicketView } from '../../src/contracts'
import { startScenario, type Scenario, type Statement } from './scenario'

let s: Scenario
beforeAll(async () => {
  s = await startScenario()
  // A closed month for the dashboard and the posting (not counted).
  const office = await s.as(s.cast.office)
  await office.ok('office.closePeriod', { period: '2026-10' })
}, 240_000)
afterAll(() => s?.stop())

const kindOf = (sql: string): 'control' | 'read' | 'write' => {
  if (/^\s*(begin|commit|rollback|start transaction|set transaction)\b/i.test(sql)) return 'control'
  if (/^\s*select\b/i.test(sql)) return 'read'
  return 'write'
}

/** `insert into "tickets" ...` (or `tickets` on MySQL) -> insert tickets */
const writeOf = (sql: string): string => {
  const m = /^\s*(insert into|update|delete from)\s+["`](\w+)["`]/i.exec(sql)
  return m ? `${(m[1] as string).split(' ')[0]?.toLowerCase()} ${m[2]}` : sql
}

const report = (action: string, statements: Statement[]) => {
  if (process.env.MINQING_STATEMENTS_REPORT) {
    process.stdout.write(`\n${action}: ${statements.length} statements\n${statements.map((x) => `  ${x.sql.slice(0, 160)}`).join('\n')}\n`)
  }
}

const measure = async (label: string, work: () => Promise<unknown>) => {
  const statements = await s.log.measure(label, work)
  report(label, statements)
  return statements
}

/** The most statements a read action may make, the caller's lookup included. */
const READ_BUDGET = 3

/** The villager's home answers five screens' reads at once: one caller lookup and each part's own statement(s). */
const VILLAGER_HOME_BUDGET = 8

describe('statements per hot action', () => {
  it("villager.myCadre: 3 (the caller, the household card with its people, the cadre's village days of the month and week)", async () => {
    const villager = await s.as(s.cast.villager)
    const statements = await measure('villager.myCadre', () => villager.ok('villager.myCadre', {}))
    expect(statements.map((x) => kindOf(x.sql))).toEqual(['read', 'read', 'read'])
  })

  // first-screen (issue 12 item 11): the villager's whole first screen in one request, instead of
  // myCadre + visit.waiting + ticket.list + notices.forMe + posting.months (+ notification.list),
  // which made 3 + 2 + 3 + 2 + 2 statements with a caller lookup each.
  it('villager.home: at most 8 reads (the caller once; the card 2; waiting visits, open tickets, notices, unread count, posting months 1 each)', async () => {
    const villager = await s.as(s.cast.villager)
    const statements = await measure('villager.home', () => villager.ok('villager.home', {}))
    expect(statements.every((x) => kindOf(x.sql) === 'read')).toBe(true)
    expect(statements.length).toBeLessThanOrEqual(VILLAGER_HOME_BUDGET)
  })

  it('ticket.inbox: at most 3', async () => {
    const cadre = await s.as(s.cast.cadre)
    const statements = await measure('ticket.inbox', () => cadre.ok('ticket.inbox', {}))
    expect(statements.every((x) => kindOf(x.sql) === 'read')).toBe(true)
    expect(statements.length).toBeLessThanOrEqual(READ_BUDGET)
  })

  it('ticket.create: the reads it needs, then only its own writes', async () => {
    const villager = await s.as(s.cast.villager)
    let created: TicketView | null = null
    const statements = await measure('ticket.create', async () => {
      created = await villager.ok('ticket.create', { kind: 'problem', category: 'infrastructure', description: '路灯坏了' })
    })
    expect(created).not.toBeNull()
    const reads = statements.filter((x) => kindOf(x.sql) === 'read')
    const writes = statements.filter((x) => kindOf(x.sql) === 'write').map((x) => writeOf(x.sql))
    const control = statements.filter((x) => kindOf(x.sql) === 'control')
    // The ticket, its history rows, the notices of the people concerned, the idempotency record.
    expect(writes).toEqual(['insert tickets', 'insert ticketEvents', 'insert notifications', 'insert requests'])
    expect(control).toHaveLength(2)
    // The caller; the idempotency check; the household with its cadre and team; the reporter's
    // tickets of the last hour (the per-person quota); the recipients' WeChat bindings.
    expect(reads.length).toBeLessThanOrEqual(5)
  })

  // The month figures as facts: a closed month reads its stored close, an open one the kept figures of
  // its cadres (core/month-figures), built by the month's first read and kept by every writer since.
  it('posting.get and office.dashboard: at most 3', async () => {
    const villager = await s.as(s.cast.villager)
    const office = await s.as(s.cast.office)
    const posting = await measure('posting.get', () => villager.ok('posting.get', { period: '2026-10' }))
    // Once a server has read a close, it knows it by its digest: the record and names only.
    expect(await measure('posting.get', () => villager.ok('posting.get', { period: '2026-10' }))).toHaveLength(2)
    const closed = await measure('office.dashboard', () => office.ok('office.dashboard', { period: '2026-10' }))
    // The open month's first read builds its figures: one transaction writing only them.
    const first = await measure('office.dashboard', () => office.ok('office.dashboard', { period: '2026-11' }))
    expect([...new Set(first.filter((x) => kindOf(x.sql) === 'write').map((x) => writeOf(x.sql)))].sort()).toEqual(['delete monthFigures', 'insert monthBuilds', 'insert monthFigures'])
    const open = await measure('office.dashboard', () => office.ok('office.dashboard', { period: '2026-11' }))
    for (const list of [posting, closed, open]) {
      expect(list.every((x) => kindOf(x.sql) === 'read')).toBe(true)
      expect(list.length).toBeLessThanOrEqual(READ_BUDGET)
    }
  })
})
