/** The 1135 evaluation: rating in one's band, the cadre's own scores, the township's full view. */
import { z } from 'zod'
import { defineAction, id, text } from '../action'
import type { MyScoreView, RatingFormView, TownshipScoresView } from '../views-verdict'

const periodKey = () => z.string().regex(/^\d{4}(-\d{2}|-Q[1-4])?$/)

export const ratingActions = {
  /** Whom the viewer may rate in a period, in which band, and their own current ratings. */
  'rating.form': defineAction<RatingFormView>()({
    input: z.object({ period: periodKey().optional() }).strict(),
    errors: ['PERIOD.BAD_KEY'],
  }),
  /** Rate a cadre (stars per dimension, optional comment); replaces the rater's (household's) earlier one. */
  'rating.submit': defineAction<RatingFormView>()({
    input: z
      .object({
        period: periodKey().optional(),
        cadreId: id(),
        band: z.enum(['leaders', 'peers', 'committees', 'villagers']),
        dimensions: z.record(z.string().max(32), z.number()),
        comment: text(300).default(''),
      })
      .strict(),
    errors: [
      'PERIOD.BAD_KEY',
      'RATING.OUT_OF_RANGE',
      'RATING.DIMENSIONS',
      'RATING.SELF',
      'RATING.WRONG_BAND',
      'RATING.NOT_YOUR_CADRE',
      'RATING.PERIOD_CLOSED',
    ],
    write: true,
  }),
  /** A cadre's own 1135: band scores and anonymous comments, never who rated. */
  'rating.myScore': defineAction<MyScoreView>()({
    input: z.object({ period: periodKey().optional() }).strict(),
    errors: ['PERIOD.BAD_KEY'],
  }),
  /** The township's view: every cadre's score, every rating with its rater, no-contact ratings marked. */
  'rating.township': defineAction<TownshipScoresView>()({
    input: z.object({ period: periodKey().optional(), cadreId: id().optional() }).strict(),
    errors: ['PERIOD.BAD_KEY'],
  }),
}
