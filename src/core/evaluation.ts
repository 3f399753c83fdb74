/**
 * The "1135" evaluation (一评): each resident cadre's score out of 100 per period, from four rater
 * bands weighted 10/10/30/50 (township leadership, peer cadres, village committees + villager
 * representatives, villagers). One rule: a band with too few raters is reported "insufficient",
 * never silently scored; Settings.evaluation.insufficientRule says how bands then combine.
 */
import type { Household, Person, RaterBand, Rating, Role } from './model'
import { fail, ok, type Result } from './result'
import type { Settings } from './settings'

export const RATER_BANDS: readonly RaterBand[] = ['leaders', 'peers', 'committees', 'villagers']

/** Roles that may rate in each band (raterBands adds: a leader never rates as a peer; a village is needed for committees, a household for villagers). */
export const BAND_ROLES: Record<RaterBand, readonly Role[]> = {
  leaders: ['leader'],
  peers: ['cadre'],
  committees: ['committee', 'representative', 'secretary'],
  villagers: ['villager'],
}

/**
 * The bands a person rates in (one rule for the rating form and for validateRating): a villager of
 * a household in the villagers band; a leader in the leaders band, never also as a peer; any other
 * cadre in the peers band; a village committee member, representative or party secretary of a
 * village in the committees band.
 */
export const raterBands = (rater: Pick<Person, 'roles' | 'householdId' | 'villageId'>): RaterBand[] => {
  const has = (role: Role) => rater.roles.includes(role)
  const bands: RaterBand[] = []
  if (has('villager') && rater.householdId !== null) bands.push('villagers')
  if (has('leader')) bands.push('leaders')
  else if (has('cadre')) bands.push('peers')
  if ((has('committee') || has('representative') || has('secretary')) && rater.villageId !== null) bands.push('committees')
  return bands
}

/** A whole number of stars from 1 to 5. */
export const isValidStars = (stars: number): boolean => Number.isInteger(stars) && stars >= 1 && stars <= 5

export interface BandScore {
  /** Distinct raters counted (villagers band: distinct households). */
  raters: number
  meanStars: number | null
  /** meanStars x starPoints (0-100), null when no one rated. */
  points: number | null
  /** raters >= the band's minRaters (and at least 1). */
  sufficient: boolean
  /** The configured weight (percent). */
  weight: number
  /** The weight actually used in the total (0 for a band left out). */
  appliedWeight: number
}

export interface Score1135 {
  bands: Record<RaterBand, BandScore>
  /** Out of 100; null when withheld or when no band is sufficient. */
  total: number | null
  insufficientBands: RaterBand[]
}

const round2 = (n: number): number => Math.round(n * 100) / 100

/** The key under which duplicates collapse: a household in the villagers band, else the rater. */
const raterKey = (r: Pick<Rating, 'band' | 'raterId' | 'householdId'>): string =>
  r.band === 'villagers' && r.householdId !== null ? `household:${r.householdId}` : `rater:${r.raterId}`

/** One rating per rater per band (per household in the villagers band): the latest, by `at` then id. */
export const latestRatings = <R extends Pick<Rating, 'id' | 'band' | 'raterId' | 'householdId' | 'at'>>(ratings: readonly R[]): R[] => {
  const latest = new Map<string, R>()
  for (const r of ratings) {
    const key = `${r.band}|${raterKey(r)}`
    const seen = latest.get(key)
    if (!seen || r.at > seen.at || (r.at === seen.at && r.id > seen.id)) latest.set(key, r)
  }
  return [...latest.values()]
}

/**
 * Scores one cadre for one period from that cadre's ratings of that period. Per band: duplicates
 * collapse to the latest (see latestRatings); points = mean stars x starPoints; insufficient when
 * raters < minRaters. Total = sum(weight x points) / sum(weights) over the bands used:
 * 'renormalize' uses the sufficient bands only (weights rescaled to 100%), 'withhold' gives null as
 * soon as one band is insufficient. With the default weights and all bands sufficient this is
 * sum(weight x points) / 100.
 */
/** What the score reads of a rating. */
export type ScoredRating = Pick<Rating, 'id' | 'band' | 'raterId' | 'householdId' | 'stars' | 'at'>

export const score1135 = (ratings: readonly ScoredRating[], settings: Pick<Settings, 'evaluation'>): Score1135 => {
  const { weights, minRaters, starPoints, insufficientRule } = settings.evaluation
  const counted = latestRatings(ratings)
  const bands = {} as Record<RaterBand, BandScore>
  for (const band of RATER_BANDS) {
    const stars = counted.filter((r) => r.band === band).map((r) => r.stars)
    const mean = stars.length === 0 ? null : stars.reduce((a, b) => a + b, 0) / stars.length
    bands[band] = {
      raters: stars.length,
      meanStars: mean === null ? null : round2(mean),
      points: mean === null ? null : mean * starPoints,
      sufficient: stars.length >= Math.max(1, minRaters[band]),
      weight: weights[band],
      appliedWeight: 0,
    }
  }
  const insufficientBands = RATER_BANDS.filter((b) => !bands[b].sufficient)
  const used = insufficientRule === 'withhold' && insufficientBands.length > 0 ? [] : RATER_BANDS.filter((b) => bands[b].sufficient)
  const weightSum = used.reduce((sum, b) => sum + weights[b], 0)
  let total: number | null = null
  if (weightSum > 0) {
    total = round2(used.reduce((sum, b) => sum + weights[b] * (bands[b].points ?? 0), 0) / weightSum)
    for (const b of used) bands[b].appliedWeight = round2((weights[b] * 100) / weightSum)
  }
  for (const b of RATER_BANDS) {
    const p = bands[b].points
    if (p !== null) bands[b].points = round2(p)
  }
  return { bands, total, insufficientBands }
}

export interface RatingInput {
  band: RaterBand
  cadreId: string
  raterId: string
  /** Villagers band: the household the rating speaks for. */
  householdId: string | null
  stars: number
}

export type RatingCode = 'RATING.OUT_OF_RANGE' | 'RATING.SELF' | 'RATING.WRONG_BAND' | 'RATING.NOT_YOUR_CADRE'

/**
 * May this person give this rating? Checked in order: stars a whole number 1-5
 * ('RATING.OUT_OF_RANGE'); not rating oneself ('RATING.SELF'); the rater rates in the band
 * (raterBands; 'RATING.WRONG_BAND'); in the villagers band, the rater speaks for their own
 * household and rates that household's assigned cadre ('RATING.NOT_YOUR_CADRE').
 * `raterHousehold` is the rater's household as stored (needed for the villagers band).
 */
export const validateRating = (input: RatingInput, rater: Person, raterHousehold: Household | null): Result<true, RatingCode> => {
  if (!isValidStars(input.stars)) return fail('RATING.OUT_OF_RANGE', { stars: input.stars })
  if (input.raterId === input.cadreId || rater.id === input.cadreId) return fail('RATING.SELF')
  if (!raterBands(rater).includes(input.band)) return fail('RATING.WRONG_BAND', { band: input.band })
  if (input.band === 'villagers') {
    const own =
      rater.householdId !== null &&
      input.householdId === rater.householdId &&
      raterHousehold !== null &&
      raterHousehold.id === rater.householdId &&
      raterHousehold.cadreId === input.cadreId
    if (!own) return fail('RATING.NOT_YOUR_CADRE')
  }
  return ok(true)
}

/** What the rated cadre may see of a rating: never who rated (raters are anonymous to the cadre). */
export type AnonymousRating = Omit<Rating, 'raterId' | 'householdId' | 'id'>

export const anonymize = (rating: Rating): AnonymousRating => {
  const { raterId: _rater, householdId: _household, id: _id, ...rest } = rating
  return rest
}

/**
 * A multi-dimension rating's stars: every named dimension present, each a whole number 1-5
 * ('RATING.OUT_OF_RANGE' otherwise, or 'RATING.DIMENSIONS' for missing or unknown names); the
 * rating's stars are their mean (rounded to 2 decimals) so score1135 reads one number per rater.
 */
export const starsFromDimensions = (
  given: Record<string, number>,
  dimensions: readonly string[],
): Result<number, 'RATING.OUT_OF_RANGE' | 'RATING.DIMENSIONS'> => {
  const names = Object.keys(given)
  if (names.length !== dimensions.length || !dimensions.every((d) => names.includes(d))) return fail('RATING.DIMENSIONS', { expected: [...dimensions] })
  const values = dimensions.map((d) => given[d] as number)
  if (!values.every(isValidStars)) return fail('RATING.OUT_OF_RANGE')
  return ok(round2(values.reduce((a, b) => a + b, 0) / values.length))
}

/**
 * Fraud check for the township: a villagers-band rating is marked when its household had, in the
 * period, neither a signed visit from anyone nor a ticket (no contact to judge the cadre by).
 */
export const withoutContact = (
  rating: Pick<Rating, 'band' | 'householdId'>,
  contact: { signedVisitHouseholds: ReadonlySet<string>; ticketHouseholds: ReadonlySet<string> },
): boolean =>
  rating.band === 'villagers' &&
  rating.householdId !== null &&
  !contact.signedVisitHouseholds.has(rating.householdId) &&
  !contact.ticketHouseholds.has(rating.householdId)
