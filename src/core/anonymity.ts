/**
 * Raters stay anonymous to the cadre they rate (issue 10, item 7). Polling one's own score around a
 * household's rating must tell nothing: a cadre sees a band's figures only once the period is closed
 * (no rating can change it any more) and only when the band has at least k raters
 * (settings.anonymity.minRatersShown); a total that a hidden band counts in is withheld too (it
 * would give the hidden band's mean back); comments come without stars, and only from shown bands.
 * One rule: whatever reaches the rated cadre (or any viewer outside the township office and the
 * supervision group) about their ratings passes through these functions.
 */
import { RATER_BANDS, type BandScore, type Score1135 } from './evaluation'
import type { RaterBand, Rating } from './model'
import type { Settings } from './settings'

export interface ScoreSeenByCadre extends Score1135 {
  /** Bands whose figures are not shown (period open, or fewer raters than k). */
  hiddenBands: RaterBand[]
}

const hiddenBand = (band: BandScore, keepCount: boolean): BandScore => ({
  raters: keepCount ? band.raters : 0,
  meanStars: null,
  points: null,
  sufficient: keepCount ? band.sufficient : false,
  weight: band.weight,
  appliedWeight: 0,
})

/**
 * The score as the rated cadre may see it. Open period: nothing but the weights (not even how many
 * rated). Closed period: bands with fewer than k raters hidden (their count kept: it can no longer
 * change), and the total withheld when a hidden band counted in it.
 */
export const scoreSeenByRatedCadre = (score: Score1135, periodClosed: boolean, settings: Pick<Settings, 'anonymity'>): ScoreSeenByCadre => {
  const k = Math.max(1, settings.anonymity.minRatersShown)
  const hiddenBands = RATER_BANDS.filter((b) => !periodClosed || score.bands[b].raters < k)
  const bands = Object.fromEntries(
    RATER_BANDS.map((b) => [b, hiddenBands.includes(b) ? hiddenBand(score.bands[b], periodClosed) : score.bands[b]]),
  ) as Record<RaterBand, BandScore>
  const totalUsesHidden = hiddenBands.some((b) => score.bands[b].appliedWeight > 0)
  return {
    bands,
    total: !periodClosed || totalUsesHidden ? null : score.total,
    insufficientBands: periodClosed ? score.insufficientBands : [],
    hiddenBands,
  }
}

/** The comments the rated cadre may read: from shown bands only, without stars, rater or time. */
export const commentsSeenByRatedCadre = (
  ratings: readonly Pick<Rating, 'band' | 'comment'>[],
  seen: Pick<ScoreSeenByCadre, 'hiddenBands'>,
): { band: RaterBand; comment: string }[] =>
  ratings
    .filter((r) => !seen.hiddenBands.includes(r.band) && r.comment.trim() !== '')
    .map((r) => ({ band: r.band, comment: r.comment }))
    .sort((a, b) => RATER_BANDS.indexOf(a.band) - RATER_BANDS.indexOf(b.band) || a.comment.localeCompare(b.comment))
