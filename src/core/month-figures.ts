/**
 * A cadre's month as the office dashboard shows it (village days, absences, 543 weeks, allowance,
 * 1135 score), kept as a fact per cadre per month so that the dashboard of an open month reads a few
 * rows instead of recomputing the close. The attendance figures come from the cadre's day facts over
 * the month's whole ISO weeks, the score from the cadre's ratings of the month: each part is
 * recomputed whole, by the close's own rules (closeMonth on that one cadre), whenever its inputs change.
 * One rule: the figures of a cadre's month are exactly those the month-end close gives that cadre.
 */
import { closeMonth, closeReadDays, type CadreMonth, type CloseSettings } from './close'
import { score1135, type ScoredRating } from './evaluation'
import type { CadreDay, LocalDate, PeriodKey, RaterBand } from './model'
import { addDays } from './time'

/** The attendance part of a cadre's month. */
export interface MonthAttendance {
  /** Days with a villager-signed visit. */
  villageDays: number
  /** Working days of the month with neither a work day nor an approved leave. */
  absences: number
  /** ISO weeks touching the month, and how many of them met 543. */
  weeks: number
  compliantWeeks: number
  allowanceYuan: number
}

/** The 1135 part of a cadre's month: the total (null when withheld) and the bands that are short. */
export interface MonthScore {
  score: number | null
  /** Bands with fewer raters than their minimum ("样本不足"); the total is withheld while any is. */
  shortBands: RaterBand[]
}

/** A cadre's month on the dashboard: attendance and the 1135 total (null when withheld). */
export interface MonthFigures extends MonthAttendance, MonthScore {}

/** The stored figures of one cadre's month (`id`: `${cadreId}:${period}`). */
export interface MonthFiguresRecord extends MonthFigures {
  id: string
  townshipId: string
  cadreId: string
  period: PeriodKey
}

/**
 * A township's month whose figures are kept (`id`: `${townshipId}:${period}`): every cadre's figures
 * were built at `builtAt` under the settings whose key is `settingsKey`, and every change since was
 * applied to them.
 */
export interface MonthBuild {
  id: string
  townshipId: string
  period: PeriodKey
  settingsKey: string
  builtAt: number
}

export const monthFiguresId = (cadreId: string, period: PeriodKey): string => `${cadreId}:${period}`
export const monthBuildId = (townshipId: string, period: PeriodKey): string => `${townshipId}:${period}`

/** The dashboard's figures of a close's cadre row. */
export const figuresOfCloseRow = (row: CadreMonth): MonthFigures => ({
  villageDays: row.villageDays.length,
  absences: row.absences.length,
  weeks: row.weeks.length,
  compliantWeeks: row.weeks.filter((w) => w.compliant).length,
  allowanceYuan: row.allowanceYuan,
  score: row.score.total,
  shortBands: row.score.insufficientBands,
})

/** One resident cadre's close of a month from their own day facts and ratings (of any period). */
const closeOfOne = (cadreId: string, period: PeriodKey, days: readonly CadreDay[], ratings: readonly ScoredRating[], settings: CloseSettings): CadreMonth => {
  const result = closeMonth({
    period,
    settings,
    cadres: [{ id: cadreId, name: '', title: '', roles: ['cadre'], duty: 'resident' }],
    teams: [],
    households: [],
    days: days.filter((d) => d.cadreId === cadreId),
    ratings: ratings.map((r) => ({ ...r, period, cadreId, comment: '' })),
    tickets: [],
    selfReviews: [],
  })
  const row = result.cadres[0]
  if (!row) throw new Error(`no close row for ${cadreId}`)
  return row
}

/** A cadre's month attendance from their day facts (those outside the month's weeks are ignored). */
export const monthAttendance = (cadreId: string, period: PeriodKey, days: readonly CadreDay[], settings: CloseSettings): MonthAttendance => {
  const { score: _score, shortBands: _short, ...attendance } = figuresOfCloseRow(closeOfOne(cadreId, period, days, [], settings))
  return attendance
}

/** A cadre's 1135 total of a month from their ratings of that month only (null when withheld), with the short bands. */
export const monthScore = (ratings: readonly ScoredRating[], settings: Pick<CloseSettings, 'evaluation'>): MonthScore => {
  const s = score1135(ratings, settings)
  return { score: s.total, shortBands: s.insufficientBands }
}

/** Both parts (`ratings`: the cadre's of that month only): what the close would give the cadre. */
export const cadreMonthFigures = (cadreId: string, period: PeriodKey, days: readonly CadreDay[], ratings: readonly ScoredRating[], settings: CloseSettings): MonthFigures => ({
  ...monthAttendance(cadreId, period, days, settings),
  ...monthScore(ratings, settings),
})

/**
 * The months whose figures a change of a cadre's day `date` can move: the day's own month, and a
 * neighbouring month whose whole ISO weeks reach the day (543 is judged per full week).
 */
export const monthsOfDay = (date: LocalDate, settings: Pick<CloseSettings, 'utcOffsetMinutes'>): PeriodKey[] =>
  [...new Set([addDays(date, -6).slice(0, 7), date.slice(0, 7), addDays(date, 6).slice(0, 7)])].filter((month) => {
    const { from, to } = closeReadDays(month, settings)
    return from <= date && date <= to
  })
