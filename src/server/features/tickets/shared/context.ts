/**
 * What a ticket's view, policy checks and notices need besides the ticket: its household, its
 * village's name and party secretary (the village work team's deputy), and the names of the people
 * on it. Read in one joined statement with the tickets themselves (or with the household, before a
 * ticket exists), so that a ticket screen costs the caller's lookup, this, and one read of names.
 * One rule: the joins follow the ticket's own village (tickets.villageId), as the views always did.
 */
import type { Kysely, SelectQueryBuilder } from 'kysely'
import type { Household, Person, Ticket } from '../../../../core/model'
import { columnsAs, docAs } from '../../../storage/joins'
import type { Store } from '../../../storage/port'
import { statement } from '../../../storage/statements'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TicketQuery = SelectQueryBuilder<any, any, any>
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

export interface TicketContext {
  households: Map<string, Household>
  villageNames: Map<string, string>
  /** village id -> the village party secretary's person id */
  secretaries: Map<string, string>
  /** People already read (the caller, the household's cadre...): the view reads only the others. */
  people: Map<string, Person>
}

export const emptyContext = (): TicketContext => ({ households: new Map(), villageNames: new Map(), secretaries: new Map(), people: new Map() })

/** Adds what `more` knows to `into` (the first answer for a key stays). */
export const mergeContext = (into: TicketContext, more: TicketContext): TicketContext => {
  for (const key of ['households', 'villageNames', 'secretaries', 'people'] as const) {
    const target = into[key] as Map<string, unknown>
    for (const [k, v] of more[key] as Map<string, unknown>) if (!target.has(k)) target.set(k, v)
  }
  return into
}

/** Tickets (as `t`) with their household (`h`, left joined: a missing one reads as none), village and team. */
const ticketsJoined = (db: AnyDb): TicketQuery =>
  db
    .selectFrom('tickets as t')
    .leftJoin('households as h', 'h.id', 't.householdId')
    .leftJoin('villages as v', 'v.id', 't.villageId')
    .leftJoin('teams as tm', 'tm.villageId', 't.villageId')
    .select([...columnsAs('tickets', 't', 't_'), ...columnsAs('households', 'h', 'h_'), 'v.name as villageName', 'tm.secretaryId as secretaryId'])

type Row = Record<string, unknown>

/** The tickets and their context from the rows of a ticketsJoined statement (any order). */
export const readRows = (rows: Row[]): { tickets: Ticket[]; context: TicketContext } => {
  const context = emptyContext()
  const tickets = new Map<string, Ticket>()
  for (const row of rows) {
    const ticket = docAs('tickets', row, 't_')
    if (!ticket) continue
    // A village with two teams joins twice: one ticket, the first team's secretary (as before).
    if (!tickets.has(ticket.id)) tickets.set(ticket.id, ticket)
    const household = docAs('households', row, 'h_')
    if (household && !context.households.has(household.id)) context.households.set(household.id, household)
    if (typeof row.villageName === 'string' && !context.villageNames.has(ticket.villageId)) context.villageNames.set(ticket.villageId, row.villageName)
    if (typeof row.secretaryId === 'string' && !context.secretaries.has(ticket.villageId)) context.secretaries.set(ticket.villageId, row.secretaryId)
  }
  return { tickets: [...tickets.values()], context }
}

export interface TicketSource {
  /** Narrows `tickets as t` (only the ticket's own columns, `t.*`, may be named). */
  where: (q: TicketQuery) => TicketQuery
  /** Newest first, at most this many (each source on its own, as separate lookups would). */
  newest?: number
}

const ordered = (q: TicketQuery, source: TicketSource): TicketQuery =>
  source.newest === undefined ? q : q.orderBy('t.createdAt', 'desc').orderBy('t.id', 'desc').limit(source.newest)

/**
 * The statement of tickets several filters find, with their context: the filters select ticket ids
 * only (each kept to its own limit: a derived table, in SQLite and MySQL alike), and only the
 * tickets found are read whole and joined. A ticket found by two filters comes once.
 */
export const ticketsQuery = (db: AnyDb, sources: readonly TicketSource[]): TicketQuery => {
  const only = sources[0]
  if (sources.length === 1 && only && only.newest === undefined) return only.where(ticketsJoined(db))
  const ids = sources
    .map((source, i) => db.selectFrom(ordered(source.where(db.selectFrom('tickets as t').select('t.id')), source).as(`s${i}`)).select(`s${i}.id`))
    .reduce((all, next) => all.unionAll(next))
  return ticketsJoined(db).where('t.id', 'in', ids)
}

/** The tickets several filters find, each with its context, in one statement (see ticketsQuery). */
export const ticketsWithContext = async (store: Store, sources: readonly TicketSource[]): Promise<{ tickets: Ticket[]; context: TicketContext }> => {
  if (sources.length === 0) return { tickets: [], context: emptyContext() }
  return readRows(await ticketsQuery(store.db, sources).execute())
}

/** The context of tickets already read (e.g. a ticket read for update). One statement. */
export const contextOfTickets = async (store: Store, tickets: readonly Ticket[]): Promise<TicketContext> => {
  if (tickets.length === 0) return emptyContext()
  const ids = [...new Set(tickets.map((t) => t.id))]
  return (await ticketsWithContext(store, [{ where: (q) => q.where('t.id', 'in', ids) }])).context
}

const householdWithContext = statement((db, householdId: string) =>
  db
    .selectFrom('households as h')
    .leftJoin('villages as v', 'v.id', 'h.villageId')
    .leftJoin('teams as tm', 'tm.villageId', 'h.villageId')
    .leftJoin('people as c', 'c.id', 'h.cadreId')
    .select([...columnsAs('households', 'h', 'h_'), ...columnsAs('people', 'c', 'c_'), 'v.name as villageName', 'tm.secretaryId as secretaryId'])
    .where('h.id', '=', householdId),
)

/**
 * A household before a ticket of it exists (filing): the household, its village's name and
 * secretary, and its cadre. One statement; null when the household does not exist.
 */
export const householdContext = async (store: Store, householdId: string): Promise<{ household: Household; context: TicketContext } | null> => {
  const rows = await householdWithContext(store, householdId)
  const first = rows[0]
  const household = first ? docAs('households', first, 'h_') : null
  if (!first || !household) return null
  const context = emptyContext()
  context.households.set(household.id, household)
  if (typeof first.villageName === 'string') context.villageNames.set(household.villageId, first.villageName)
  if (typeof first.secretaryId === 'string') context.secretaries.set(household.villageId, first.secretaryId)
  const cadre = docAs('people', first, 'c_')
  if (cadre) context.people.set(cadre.id, cadre)
  return { household, context }
}
