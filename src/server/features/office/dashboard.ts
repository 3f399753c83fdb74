/**
 * What the office dashboard and the public posting read, in few statements: a township's month in
 * one statement (its period record, its figures' build, its villages, teams, the month's supervision
 * checks and tickets: a UNION ALL of index ranges), then either the stored close (a closed month) or
 * the kept figures of its cadres (an open month, core/month-figures), never the close recomputed.
 * One rule: the dashboard of a month shows what the month-end close gives (or gave) each cadre.
 */
import { sql } from 'kysely'
import type { CadreMonth, CloseResult, CloseSettings, CloseTicket } from '../../../core/close'
import type { PeriodKey, Person, RaterBand, SupervisionCheck, TicketEvent } from '../../../core/model'
import { figuresOfCloseRow, monthAttendance, monthBuildId, monthScore, type MonthFigures } from '../../../core/month-figures'
import { isResidentCadre } from '../../../core/roster'
import { localDate, periodRange } from '../../../core/time'
import type { TicketRates } from '../../../core/tickets'
import type { HandlerContext } from '../../context'
import { statement } from '../../storage/statements'
import type { Store } from '../../storage/port'
import { buildMonth, settingsKeyOf } from '../month-figures'
import { periodId } from './month'


const text = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v))
const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T))

const column = (c: string | undefined) => (c === undefined ? sql`null` : sql.ref(c))

/**
 * Stored closes already read, by their period, digest and closing time: a close's result is a function
 * of its inputs, whose hash the digest is, so an entry never goes stale, and a reclose has a new key.
 * Reading a closed month is then reading its short record, not parsing tens of kilobytes.
 */
const closes = new Map<string, CloseResult>()
const CLOSES_KEPT = 256
const closeKey = (id: string, digest: unknown, closedAt: unknown) => `${id}\u0000${text(digest)}\u0000${text(closedAt)}`
const remember = (key: string, result: CloseResult): CloseResult => {
  if (closes.size >= CLOSES_KEPT) closes.clear()
  closes.set(key, result)
  return result
}

const closedResult = statement((db, id: string) =>
  db.selectFrom('closeResults as c').innerJoin('periods as p', 'p.id', 'c.id').select(['c.digest', 'p.closedAt', 'c.result']).where('c.id', '=', id),
)

/** A stored close, known by `key` (from a statement that read its digest) or read now. */
const storedClose = async (store: Store, id: string, key: string | null): Promise<CloseResult | null> => {
  const cached = key === null ? undefined : closes.get(key)
  if (cached) return cached
  const [row] = await closedResult(store, id)
  return row ? remember(closeKey(id, row.digest, row.closedAt), json<CloseResult>(row.result)) : null
}

/** The columns every branch of the township-month statement answers. */
const branch = (kind: string, cols: { id: string; name?: string; ref?: string; txt?: string; n1?: string; n2?: string; n3?: string }) => [
  sql.lit(kind).as('k'),
  column(cols.id).as('id'),
  column(cols.name).as('name'),
  column(cols.ref).as('ref'),
  column(cols.txt).as('txt'),
  column(cols.n1).as('n1'),
  column(cols.n2).as('n2'),
  column(cols.n3).as('n3'),
]

/** The steps of a ticket the rates count from (ticketRates: its first accept, last resolve and last withdrawal). */
const RATED_STEPS = ['accept', 'resolve', 'withdraw']

/** A township's month: one statement, each part by its index. */
const townshipMonthRows = statement(
  (db, periodKeyId: string, buildId: string, townshipId: string, firstDay: string, lastDay: string, start: number, end: number) =>
    db
      .selectFrom('periods')
      .select(branch('period', { id: 'id', name: 'status', n1: 'closedAt' }))
      .where('id', '=', periodKeyId)
      .unionAll(db.selectFrom('closeResults').select(branch('close', { id: 'id', name: 'digest' })).where('id', '=', periodKeyId))
      .unionAll(db.selectFrom('monthBuilds').select(branch('build', { id: 'id', name: 'settingsKey' })).where('id', '=', buildId))
      .unionAll(db.selectFrom('villages').select(branch('village', { id: 'id', name: 'name' })).where('townshipId', '=', townshipId))
      .unionAll(db.selectFrom('teams').select(branch('team', { id: 'id', name: 'name', ref: 'villageId', txt: 'memberIds' })).where('townshipId', '=', townshipId))
      .unionAll(
        db
          .selectFrom('checks')
          .select(branch('check', { id: 'id', name: 'kind', ref: 'status', txt: 'date' }))
          .where('townshipId', '=', townshipId)
          .where('date', '>=', firstDay)
          .where('date', '<=', lastDay),
      )
      .unionAll(
        // What the rates read of a ticket created in the month: its times and status...
        db
          .selectFrom('tickets')
          .select(branch('ticket', { id: 'id', name: 'status', ref: 'householdId', n1: 'createdAt', n2: 'dueAt', n3: 'satisfaction' }))
          .where('townshipId', '=', townshipId)
          .where('createdAt', '>=', start)
          .where('createdAt', '<', end),
      )
      .unionAll(
        // ...and the steps they count from (taken since the month began: no ticket of it has older ones).
        db
          .selectFrom('ticketEvents')
          .select(branch('step', { id: 'ticketId', name: 'action', n1: 'seq', n2: 'at' }))
          .where('townshipId', '=', townshipId)
          .where('at', '>=', start)
          .where('action', 'in', RATED_STEPS),
      ),
)

export interface TownshipMonth {
  status: 'open' | 'closed'
  /** The stored close's key in the cache of closes (see closes), when the month has one. */
  closeKey: string | null
  /** The month's figures are kept under the current settings. */
  built: boolean
  /** Sorted by name (then id), as the filters show them. */
  villages: { id: string; name: string }[]
  teams: { id: string; name: string; villageId: string; memberIds: string[] }[]
  checks: Pick<SupervisionCheck, 'kind' | 'status' | 'date'>[]
  /** The tickets created in the month, as the rates read them. */
  tickets: CloseTicket[]
}

const byName = <T extends { id: string; name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

export const townshipMonth = async (store: Store, townshipId: string, period: PeriodKey, settings: CloseSettings): Promise<TownshipMonth> => {
  const range = periodRange(period, settings)
  const rows = await townshipMonthRows(
    store,
    periodId(townshipId, period),
    monthBuildId(townshipId, period),
    townshipId,
    localDate(range.start, settings),
    localDate(range.end - 1, settings),
    range.start,
    range.end,
  )
  const month: TownshipMonth = { status: 'open', closeKey: null, built: false, villages: [], teams: [], checks: [], tickets: [] }
  let closedAt: unknown = null
  let digest: unknown = null
  const steps: { ticketId: string; seq: number; action: TicketEvent['action']; at: number }[] = []
  for (const r of rows) {
    switch (r.k) {
      case 'period':
        month.status = r.name === 'closed' ? 'closed' : 'open'
        closedAt = r.n1
        break
      case 'close':
        digest = r.name
        break
      case 'build':
        month.built = r.name === settingsKeyOf(settings)
        break
      case 'village':
        month.villages.push({ id: text(r.id), name: text(r.name) })
        break
      case 'team':
        month.teams.push({ id: text(r.id), name: text(r.name), villageId: text(r.ref), memberIds: json<string[]>(r.txt) })
        break
      case 'check':
        month.checks.push({ kind: text(r.name) as SupervisionCheck['kind'], status: text(r.ref) as SupervisionCheck['status'], date: text(r.txt) })
        break
      case 'ticket':
        month.tickets.push({
          id: text(r.id),
          householdId: text(r.ref),
          status: text(r.name) as CloseTicket['status'],
          createdAt: Number(r.n1),
          dueAt: Number(r.n2),
          satisfaction: r.n3 === null || r.n3 === undefined ? null : Number(r.n3),
          history: [],
        })
        break
      case 'step':
        steps.push({ ticketId: text(r.id), seq: Number(r.n1), action: text(r.name) as TicketEvent['action'], at: Number(r.n2) })
        break
    }
  }
  // Each ticket's counted steps in the order of its history.
  const byTicket = new Map(month.tickets.map((t) => [t.id, t.history as CloseTicket['history'][number][]]))
  for (const step of steps.sort((a, b) => a.seq - b.seq)) byTicket.get(step.ticketId)?.push({ action: step.action, at: step.at })
  month.villages.sort(byName)
  month.teams.sort(byName)
  if (digest !== null) month.closeKey = closeKey(periodId(townshipId, period), digest, closedAt)
  return month
}

/** A cadre's row on the dashboard: who, where, and the month's figures. */
export interface DashboardCadre {
  cadreId: string
  name: string
  villageId: string | null
  teamId: string | null
  figures: MonthFigures
}

/** A closed month's cadres and rates, as its close stored them. */
export const closedCadres = async (store: Store, id: string, key: string | null): Promise<{ rows: DashboardCadre[]; rates: TicketRates | null }> => {
  const result = await storedClose(store, id, key)
  if (!result) return { rows: [], rates: null }
  return {
    rows: result.cadres.map((c: CadreMonth) => ({ cadreId: c.cadreId, name: c.name, villageId: c.villageId, teamId: c.teamId, figures: figuresOfCloseRow(c) })),
    rates: result.rates,
  }
}

/** The township's cadres with their kept figures of the month (none where not kept). */
const cadreFigures = statement((db, townshipId: string, period: string) =>
  db
    .selectFrom('personRoles as r')
    .innerJoin('people as p', 'p.id', 'r.personId')
    .leftJoin('monthFigures as f', (join) => join.onRef('f.cadreId', '=', 'p.id').on('f.period', '=', period))
    .select(['p.id', 'p.name', 'p.roles', 'p.duty', 'f.villageDays', 'f.absences', 'f.weeks', 'f.compliantWeeks', 'f.allowanceYuan', 'f.score', 'f.shortBands', 'f.id as figuresId'])
    .where('r.townshipId', '=', townshipId)
    .where('r.role', '=', 'cadre'),
)

/**
 * An open month's resident cadres (sorted by id, as the close sorts them), each in the first of the
 * township's teams (by id) that has them as a member, with the kept figures; the month is built first
 * when it is not.
 */
export const openCadres = async (ctx: HandlerContext, townshipId: string, period: PeriodKey, month: TownshipMonth): Promise<{ rows: DashboardCadre[]; rates: null }> => {
  if (!month.built) await buildMonth(ctx.store, townshipId, period, ctx.settings, ctx.now)
  const rows = await cadreFigures(ctx.store, townshipId, period)
  const teamOf = new Map<string, TownshipMonth['teams'][number]>()
  for (const t of [...month.teams].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) for (const m of t.memberIds) if (!teamOf.has(m)) teamOf.set(m, t)
  let empty: MonthFigures | null = null
  const out: DashboardCadre[] = []
  for (const r of rows) {
    const person = { roles: json<string[]>(r.roles), duty: r.duty ?? null } as Pick<Person, 'roles' | 'duty'>
    if (!isResidentCadre(person as Person)) continue
    const id = text(r.id)
    const figures: MonthFigures =
      r.figuresId === null || r.figuresId === undefined
        ? // A cadre who joined after the build and has neither facts nor ratings yet: an empty month.
          (empty ??= { ...monthAttendance(id, period, [], ctx.settings), ...monthScore([], ctx.settings) })
        : {
            villageDays: Number(r.villageDays),
            absences: Number(r.absences),
            weeks: Number(r.weeks),
            compliantWeeks: Number(r.compliantWeeks),
            allowanceYuan: Number(r.allowanceYuan),
            score: r.score === null || r.score === undefined ? null : Number(r.score),
            shortBands: r.shortBands === null || r.shortBands === undefined ? [] : json<RaterBand[]>(r.shortBands),
          }
    const team = teamOf.get(id)
    out.push({ cadreId: id, name: text(r.name), villageId: team?.villageId ?? null, teamId: team?.id ?? null, figures })
  }
  out.sort((a, b) => (a.cadreId < b.cadreId ? -1 : a.cadreId > b.cadreId ? 1 : 0))
  return { rows: out, rates: null }
}

/** A closed month's posting head (its record, its close's digest, the township's name) and the village names. */
const postingHead = statement((db, id: string, townshipId: string) =>
  db
    .selectFrom('periods as p')
    .innerJoin('closeResults as c', 'c.id', 'p.id')
    .leftJoin('townships as t', 't.id', 'p.townshipId')
    .select([sql.lit('period').as('k'), 'p.status as id', 't.name as name', 'c.digest as ref', 'p.closedAt as n1'])
    .where('p.id', '=', id)
    .unionAll(db.selectFrom('villages').select([sql.lit('village').as('k'), 'id', 'name', sql`null`.as('ref'), sql`null`.as('n1')]).where('townshipId', '=', townshipId)),
)

/**
 * A closed month's posting: its record, township name and village names in one statement, and its
 * stored close (read only when not already known by its digest). Null when the month has no stored
 * close or is not closed.
 */
export const closedPosting = async (
  store: Store,
  townshipId: string,
  period: PeriodKey,
): Promise<{ closedAt: number; townshipName: string; villages: { id: string; name: string }[]; result: CloseResult } | null> => {
  const id = periodId(townshipId, period)
  const rows = await postingHead(store, id, townshipId)
  const head = rows.find((r) => r.k === 'period')
  if (!head || head.id !== 'closed') return null
  const result = await storedClose(store, id, closeKey(id, head.ref, head.n1))
  if (!result) return null
  return {
    closedAt: head.n1 === null || head.n1 === undefined ? 0 : Number(head.n1),
    townshipName: text(head.name),
    villages: rows.filter((r) => r.k === 'village').map((r) => ({ id: text(r.id), name: text(r.name) })),
    result,
  }
}
