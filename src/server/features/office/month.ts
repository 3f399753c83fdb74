/**
 * Reading a month for the close: gathers the township's day facts and the month's ratings and
 * tickets into CloseInputs, hashes their canonical form (sha256, the close's digest), and answers
 * whether a period is closed (other features ask `isPeriodClosed` before changing a month's
 * records, e.g. ratings and self-reviews).
 * One rule: the inputs are read once, the digest is over exactly what closeMonth reads.
 */
import { createHash } from 'node:crypto'
import { canonicalCloseInputs, closeMonth, closeReadDays, type CloseInputs, type CloseRating, type CloseResult, type CloseTicket } from '../../../core/close'
import type { PeriodRecord, Person, TicketEvent } from '../../../core/model'
import type { Settings } from '../../../core/settings'
import { periodRange } from '../../../core/time'
import type { Store } from '../../storage/port'
import { isResidentCadre } from '../../../core/roster'
import { readCadreFacts } from '../facts'
import { subscribeTime, type AutoCloseRecord } from '../../../core/subscribe'
import { zhCN } from '../../../i18n/zh-CN'

/** wechat-notify: who closed a month the timer closed (自动结账): no person. */
export const AUTO_CLOSER = 'system:auto-close'

export const periodId = (townshipId: string, period: string): string => `${townshipId}:${period}`

export const periodRecord = async (store: Store, townshipId: string, period: string): Promise<PeriodRecord | null> =>
  store.get('periods', periodId(townshipId, period))

/** True when the township's month (or the month of a quarter/year key's... months only) is closed. */
export const isPeriodClosed = async (store: Store, townshipId: string, period: string): Promise<boolean> =>
  (await periodRecord(store, townshipId, period))?.status === 'closed'

/** The township's people with the cadre role, by the (townshipId, role) index of personRoles. */
export const townshipCadres = async (store: Store, townshipId: string): Promise<Person[]> => {
  const ids = (await store.db.selectFrom('personRoles').select('personId').where('townshipId', '=', townshipId).where('role', '=', 'cadre').execute()) as { personId: string }[]
  return store.getMany(
    'people',
    ids.map((r) => r.personId),
  )
}

/** The month's ratings, only the columns the close reads, by the (townshipId, period) index. */
const closeRatings = async (store: Store, townshipId: string, period: string): Promise<CloseRating[]> => {
  const rows = (await store.db
    .selectFrom('ratings')
    // Issue 13: the posting's comments are the office-approved, redacted ones only.
    .select(['id', 'period', 'band', 'cadreId', 'raterId', 'householdId', 'stars', 'publicComment as comment', 'at'])
    .where('townshipId', '=', townshipId)
    .where('period', '=', period)
    .execute()) as (Omit<CloseRating, 'stars' | 'at'> & { stars: number | string; at: number | string })[]
  return rows.map((r) => ({ ...r, comment: r.comment ?? '', householdId: r.householdId ?? null, stars: Number(r.stars), at: Number(r.at) }))
}

/** The tickets created in the month, only the columns the close reads, by the (townshipId, createdAt) index. */
const closeTickets = async (store: Store, townshipId: string, range: { start: number; end: number }): Promise<CloseTicket[]> => {
  const rows = (await store.db
    .selectFrom('tickets')
    .select(['id', 'householdId', 'createdAt', 'dueAt', 'status', 'satisfaction', 'history'])
    .where('townshipId', '=', townshipId)
    .where('createdAt', '>=', range.start)
    .where('createdAt', '<', range.end)
    .execute()) as { id: string; householdId: string; createdAt: number | string; dueAt: number | string; status: CloseTicket['status']; satisfaction: number | string | null; history: string }[]
  return rows.map((t) => ({
    id: t.id,
    householdId: t.householdId,
    createdAt: Number(t.createdAt),
    dueAt: Number(t.dueAt),
    status: t.status,
    satisfaction: t.satisfaction === null ? null : Number(t.satisfaction),
    history: (JSON.parse(t.history) as TicketEvent[]).map(({ action, at }) => ({ action, at })),
  }))
}

/**
 * What a close of this month reads, each by an index range: the cadres and teams, the resident
 * cadres' day facts over the month's whole ISO weeks (only resident cadres get a row), the month's
 * ratings and self-reviews, the tickets created in the month and their households, each with only
 * the columns the close reads. Never a sign-in, a visit or a leave: their figures are in the facts.
 */
export const gatherCloseInputs = async (store: Store, townshipId: string, period: string, settings: Settings): Promise<CloseInputs> => {
  const { from, to } = closeReadDays(period, settings)
  const month = periodRange(period, settings)
  const cadres = await townshipCadres(store, townshipId)
  const [teams, days, ratings, tickets, selfReviews] = await Promise.all([
    store.find('teams', { townshipId }),
    readCadreFacts(
      store,
      cadres.filter(isResidentCadre).map((c) => c.id),
      from,
      to,
    ),
    closeRatings(store, townshipId, period),
    closeTickets(store, townshipId, month),
    store.find('selfReviews', { townshipId, period }),
  ])
  const households = await store.getMany('households', [...new Set(tickets.map((t) => t.householdId))])
  return {
    period,
    settings: { utcOffsetMinutes: settings.utcOffsetMinutes, rule543: settings.rule543, evaluation: settings.evaluation, allowance: settings.allowance, signIn: settings.signIn, calendar: settings.calendar },
    cadres: cadres.map(({ id, name, title, roles, duty }) => ({ id, name, title, roles, duty })),
    teams: teams.map(({ id, villageId, memberIds }) => ({ id, villageId, memberIds })),
    households: households.map(({ id, cadreId, villageId }) => ({ id, cadreId, villageId })),
    days,
    ratings,
    tickets,
    selfReviews: selfReviews.map(({ id, cadreId, period: p, text }) => ({ id, cadreId, period: p, text })),
  }
}

export const digestOf = (inputs: CloseInputs): string => createHash('sha256').update(canonicalCloseInputs(inputs)).digest('hex')

/** The month's result: the stored close when the month is closed, else computed now from the facts. */
export const monthResult = async (store: Store, townshipId: string, period: string, settings: Settings): Promise<{ closed: boolean; result: CloseResult }> => {
  const record = await periodRecord(store, townshipId, period)
  if (record?.status === 'closed') {
    const stored = await store.get('closeResults', record.id)
    if (stored) return { closed: true, result: stored.result }
  }
  return { closed: false, result: closeMonth(await gatherCloseInputs(store, townshipId, period, settings)) }
}

/** The office's view of a month's automatic close (the close panel shows it). */
export const autoCloseNote = (record: AutoCloseRecord | null, settings: Settings): string | null => {
  if (!record) return null
  const at = subscribeTime(record.at, settings)
  return record.outcome === 'closed' ? zhCN.wechatNotify.autoClose.closed(at) : zhCN.wechatNotify.autoClose.refused(at, record.problem ?? '')
}
