/**
 * Month figures kept per cadre (monthFigures): what the office dashboard shows of each cadre's month,
 * so that the dashboard of an open month reads one row per cadre instead of recomputing the close.
 * A township's month is built on its first read (every cadre's figures from the day facts and the
 * ratings, in one transaction, with a monthBuilds record); from then on every writer of its inputs
 * recomputes the part it changed, whole, in its own transaction: the facts module after a cadre's day
 * facts changed (attendance), the rating handler after a rating (the 1135 score). A month built under
 * other settings counts as not built.
 *
 * Concurrency. SQLite: transactions are serial. MySQL (READ COMMITTED): the build reads the facts and
 * ratings with locking reads, so it waits for a writer that changed them and has not committed; a
 * writer reads the build record with a locking read (get in a transaction), so it waits for a build
 * under way and then updates what the build wrote.
 * One rule: a cadre's kept figures are exactly what the close would give that cadre (core/month-figures).
 */
import { createHash } from 'node:crypto'
import { canonicalJson } from '../../core/canonical'
import { closeReadDays, type CloseSettings } from '../../core/close'
import type { ScoredRating } from '../../core/evaluation'
import type { CadreDay, LocalDate, PeriodKey, RaterBand } from '../../core/model'
import {
  cadreMonthFigures,
  monthAttendance,
  monthBuildId,
  monthFiguresId,
  monthScore,
  monthsOfDay,
  type MonthAttendance,
  type MonthScore,
  type MonthFiguresRecord,
} from '../../core/month-figures'
import { docAs } from '../storage/joins'
import type { Store } from '../storage/port'

type Row = Record<string, unknown>

const keys = new WeakMap<object, string>()

/** A short fingerprint of the settings the figures depend on. */
export const settingsKeyOf = (settings: CloseSettings): string => {
  let key = keys.get(settings)
  if (!key) {
    const { utcOffsetMinutes, rule543, evaluation, allowance, signIn, calendar } = settings
    key = createHash('sha256').update(canonicalJson({ utcOffsetMinutes, rule543, evaluation, allowance, signIn, calendar })).digest('hex').slice(0, 16)
    keys.set(settings, key)
  }
  return key
}

/** True when the township's month is built under these settings (read in the writer's transaction). */
const isBuilt = async (tx: Store, townshipId: string, period: PeriodKey, settings: CloseSettings): Promise<boolean> =>
  (await tx.get('monthBuilds', monthBuildId(townshipId, period)))?.settingsKey === settingsKeyOf(settings)

const ratingsOf = (tx: Store, cadreId: string, period: PeriodKey) => tx.find('ratings', { cadreId, period })

const daysOf = (tx: Store, cadreId: string, period: PeriodKey, settings: CloseSettings) => {
  const { from, to } = closeReadDays(period, settings)
  return tx.find('cadreDays', { cadreId, date: { gte: from, lte: to } })
}

/** Writes one part of a cadre's month; a cadre without kept figures gets them whole. */
const keep = async (
  tx: Store,
  key: { townshipId: string; cadreId: string },
  period: PeriodKey,
  part: Partial<MonthAttendance> & Partial<MonthScore>,
  settings: CloseSettings,
): Promise<void> => {
  const id = monthFiguresId(key.cadreId, period)
  const kept = await tx.get('monthFigures', id)
  if (kept) {
    await tx.replace('monthFigures', { ...kept, ...part })
    return
  }
  const [days, ratings] = await Promise.all([daysOf(tx, key.cadreId, period, settings), ratingsOf(tx, key.cadreId, period)])
  await tx.insert('monthFigures', { id, townshipId: key.townshipId, cadreId: key.cadreId, period, ...cadreMonthFigures(key.cadreId, period, days, ratings, settings) })
}

/**
 * After a cadre's day facts of `dates` changed, in the same transaction: the attendance of every
 * month those days count for, where the township's month is built.
 */
export const refreshMonthAttendance = async (
  tx: Store,
  key: { townshipId: string; cadreId: string },
  dates: readonly LocalDate[],
  settings: CloseSettings,
): Promise<void> => {
  const months = new Set(dates.flatMap((d) => monthsOfDay(d, settings)))
  for (const period of [...months].sort()) {
    if (!(await isBuilt(tx, key.townshipId, period, settings))) continue
    const days = await daysOf(tx, key.cadreId, period, settings)
    await keep(tx, key, period, monthAttendance(key.cadreId, period, days, settings), settings)
  }
}

/** After a rating of a cadre's month changed, in the same transaction: that month's score. */
export const refreshMonthScore = async (tx: Store, key: { townshipId: string; cadreId: string }, period: PeriodKey, settings: CloseSettings): Promise<void> => {
  if (!(await isBuilt(tx, key.townshipId, period, settings))) return
  await keep(tx, key, period, monthScore(await ratingsOf(tx, key.cadreId, period), settings), settings)
}

/** Reads inside a MySQL transaction wait for the writers of what they read. */
const locking = <Q extends { forUpdate: () => Q }>(store: Store, query: Q): Q => (store.dialect === 'mysql' ? query.forUpdate() : query)

/**
 * Builds a township's month: every cadre's figures from the township's day facts over the month's
 * whole weeks and the month's ratings (each by an index range), and the build record. Answers the
 * figures by cadre.
 */
export const buildMonth = (store: Store, townshipId: string, period: PeriodKey, settings: CloseSettings, now: number): Promise<Map<string, MonthFiguresRecord>> =>
  store.transaction(async (tx) => {
    const { from, to } = closeReadDays(period, settings)
    const [cadres, dayRows, ratings] = await Promise.all([
      // The township's people with the cadre role, by the (townshipId, role) index of personRoles.
      tx.db.selectFrom('personRoles').select('personId').where('townshipId', '=', townshipId).where('role', '=', 'cadre').execute() as Promise<{ personId: string }[]>,
      locking(tx, tx.db.selectFrom('cadreDays').selectAll().where('townshipId', '=', townshipId).where('date', '>=', from).where('date', '<=', to)).execute(),
      locking(
        tx,
        tx.db.selectFrom('ratings').select(['id', 'cadreId', 'band', 'raterId', 'householdId', 'stars', 'at']).where('townshipId', '=', townshipId).where('period', '=', period),
      ).execute(),
    ])
    const days = new Map<string, CadreDay[]>()
    for (const row of dayRows as Row[]) {
      const day = docAs('cadreDays', row, '')
      if (day) days.set(day.cadreId, [...(days.get(day.cadreId) ?? []), day])
    }
    const scored = new Map<string, ScoredRating[]>()
    for (const r of ratings as Row[]) {
      const cadreId = String(r.cadreId)
      const rating: ScoredRating = { id: String(r.id), band: r.band as RaterBand, raterId: String(r.raterId), householdId: (r.householdId as string | null) ?? null, stars: Number(r.stars), at: Number(r.at) }
      scored.set(cadreId, [...(scored.get(cadreId) ?? []), rating])
    }
    const figures = new Map<string, MonthFiguresRecord>()
    for (const { personId } of cadres) {
      figures.set(personId, {
        id: monthFiguresId(personId, period),
        townshipId,
        cadreId: personId,
        period,
        ...cadreMonthFigures(personId, period, days.get(personId) ?? [], scored.get(personId) ?? [], settings),
      })
    }
    await tx.db.deleteFrom('monthFigures').where('townshipId', '=', townshipId).where('period', '=', period).execute()
    await tx.insertMany('monthFigures', [...figures.values()])
    await tx.replace('monthBuilds', { id: monthBuildId(townshipId, period), townshipId, period, settingsKey: settingsKeyOf(settings), builtAt: now })
    return figures
  })
