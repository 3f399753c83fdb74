/**
 * 1135 actions: whom a person may rate and in which band, rating (one per rater — per household in
 * the villagers band — per cadre and period, replaced until the period closes), the cadre's own
 * scores, and the township's full view with no-contact ratings marked.
 * One rule: what a cadre receives about their own ratings passes through core anonymize and carries
 * no rater id, name, household or time.
 */
import { RATER_BANDS, anonymize, raterBands, score1135, starsFromDimensions, validateRating, withoutContact, type Score1135 } from '../../../core/evaluation'
import type { Person, PeriodKey, RaterBand, Rating } from '../../../core/model'
import { commentsSeenByRatedCadre, scoreSeenByRatedCadre } from '../../../core/anonymity'
import { isPeriodClosed, ratablePeriods } from '../../../core/periods'
import { isResidentCadre } from '../../../core/roster'
import { parsePeriodKey, periodOf, periodRange } from '../../../core/time'
import type { RatingFormView, RatingTargetView, ScoreView } from '../../../contracts/views-verdict'
import { actorOf, type Actor, type HandlerContext } from '../../context'
import { refuse } from '../../errors'
import { verdictPolicies } from '../../policies'
import { columnsAs, docAs } from '../../storage/joins'
import type { Handlers } from '../types'
import { commentModerations, moderateRatingComment } from '../voice/moderation'
import { assertMayJudge } from '../binding/judging'
import { personRef } from '../views'
import { refreshMonthScore } from '../month-figures'
import { chainRecord } from '../chain'

/** Months of the caller's township that the month-end close (月末结账, office) has closed. */
export const closedPeriods = async (ctx: HandlerContext): Promise<PeriodKey[]> => {
  const townshipId = ctx.actor?.person.townshipId
  if (!townshipId) return []
  const closed = await ctx.store.find('periods', { townshipId, status: 'closed' })
  return closed.map((record) => record.period)
}

const periodOrNow = (ctx: HandlerContext, period: string | undefined): PeriodKey => {
  const key = period ?? periodOf(ctx.now, 'month', ctx.settings)
  if (!parsePeriodKey(key).ok) return refuse('PERIOD.BAD_KEY')
  return key
}


/** The cadres this person rates, and in which band (a leader rates as a leader, never also as a peer). */
export const ratingTargetsOf = async (ctx: HandlerContext, actor: Actor): Promise<{ cadre: Person; band: RaterBand; householdId: string | null }[]> => {
  const me = actor.person
  const out: { cadre: Person; band: RaterBand; householdId: string | null }[] = []
  const bands = raterBands(me)
  const ratesAll = bands.includes('leaders') || bands.includes('peers')
  const ratesCovering = bands.includes('committees')
  const isTarget = (p: Person) => isResidentCadre(p) && p.id !== me.id && p.townshipId === me.townshipId
  // The township's resident cadres (by role: the personRoles index), only for the bands that
  // choose among them; a villager's one cadre comes with their household.
  const residents = ratesAll || ratesCovering ? (await ctx.store.find('people', { townshipId: me.townshipId, roles: 'cadre' })).filter(isTarget) : []
  if (bands.includes('villagers') && me.householdId) {
    const row: Record<string, unknown> | undefined = await ctx.store.db
      .selectFrom('households as h')
      .leftJoin('people as c', 'c.id', 'h.cadreId')
      .select(columnsAs('people', 'c', 'c_'))
      .where('h.id', '=', me.householdId)
      .executeTakeFirst()
    const cadre = row ? docAs('people', row, 'c_') : null
    if (cadre && isTarget(cadre)) out.push({ cadre: residents.find((c) => c.id === cadre.id) ?? cadre, band: 'villagers', householdId: me.householdId })
  }
  for (const band of bands.filter((b) => b === 'leaders' || b === 'peers')) for (const c of residents) out.push({ cadre: c, band, householdId: null })
  if (ratesCovering && me.villageId) {
    const households = await ctx.store.find('households', { villageId: me.villageId })
    const covering = new Set(households.map((h) => h.cadreId))
    for (const c of residents) if (covering.has(c.id)) out.push({ cadre: c, band: 'committees', householdId: null })
  }
  return out
}

/** The viewer's own current rating of a cadre in a band (the household's, in the villagers band). */
const ownRating = (ratings: Rating[], me: Person, cadreId: string, band: RaterBand, householdId: string | null): Rating | undefined =>
  ratings
    .filter((r) => r.cadreId === cadreId && r.band === band && (band === 'villagers' ? r.householdId === householdId : r.raterId === me.id))
    .sort((a, b) => b.at - a.at)[0]

type Target = Awaited<ReturnType<typeof ratingTargetsOf>>[number]

/** The form; `known` are the closed months and targets the caller has read already (rating.submit). */
const formFor = async (ctx: HandlerContext, actor: Actor, period: PeriodKey, known?: { closed: PeriodKey[]; targets: Target[] }): Promise<RatingFormView> => {
  const [closed, targets] = known ? [known.closed, known.targets] : await Promise.all([closedPeriods(ctx), ratingTargetsOf(ctx, actor)])
  const cadreIds = [...new Set(targets.map((t) => t.cadre.id))]
  const ratings = cadreIds.length ? await ctx.store.find('ratings', { cadreId: cadreIds, period }) : []
  const mineOf = (cadreId: string, band: RaterBand, householdId: string | null) => ownRating(ratings, actor.person, cadreId, band, householdId)
  const moderation = await commentModerations(ctx, targets.flatMap((t) => mineOf(t.cadre.id, t.band, t.householdId) ?? []))
  return {
    period,
    periods: ratablePeriods(ctx.now, closed, ctx.settings),
    closed: isPeriodClosed(period, closed),
    dimensions: [...ctx.settings.evaluation.dimensions],
    targets: targets.map(({ cadre, band, householdId }): RatingTargetView => {
      const mine = mineOf(cadre.id, band, householdId)
      return {
        cadre: personRef(cadre),
        band,
        mine: mine ? { dimensions: mine.dimensions ?? {}, comment: mine.comment, moderation: moderation.get(mine.id) ?? null } : null,
      }
    }),
  }
}

const scoreView = (s: Score1135): ScoreView => ({ bands: s.bands, total: s.total, insufficientBands: s.insufficientBands })

const BAND_ORDER = new Map(RATER_BANDS.map((b, i) => [b, i]))

export const ratingHandlers: Handlers<'rating.form' | 'rating.submit' | 'rating.myScore' | 'rating.township'> = {
  'rating.form': async ({ period }, ctx) => formFor(ctx, actorOf(ctx), periodOrNow(ctx, period)),

  'rating.submit': async (input, ctx) => {
    const actor = actorOf(ctx)
    const period = periodOrNow(ctx, input.period)
    const closed = await closedPeriods(ctx)
    if (isPeriodClosed(period, closed)) return refuse('RATING.PERIOD_CLOSED')
    if (!ratablePeriods(ctx.now, closed, ctx.settings).includes(period)) return refuse('PERIOD.BAD_KEY')
    const stars = starsFromDimensions(input.dimensions, ctx.settings.evaluation.dimensions)
    if (!stars.ok) return refuse(stars.code)
    const cadre = await ctx.store.get('people', input.cadreId)
    if (!cadre || cadre.townshipId !== actor.person.townshipId || !isResidentCadre(cadre)) {
      if (cadre?.id === actor.person.id) return refuse('RATING.SELF')
      return refuse('NOT_FOUND')
    }
    const householdId = input.band === 'villagers' ? actor.person.householdId : null
    const raterHousehold = householdId ? await ctx.store.get('households', householdId) : null
    // Each dimension was checked above; the core checks self-rating, band roles and "your cadre".
    const allowed = validateRating({ band: input.band, cadreId: cadre.id, raterId: actor.person.id, householdId, stars: Math.round(stars.value) }, actor.person, raterHousehold)
    if (!allowed.ok) return refuse(allowed.code)
    // Scope beyond roles: the band must be one this person rates this cadre in (ratingTargetsOf).
    const targets = await ratingTargetsOf(ctx, actor)
    if (!targets.some((t) => t.cadre.id === cadre.id && t.band === input.band)) return refuse('RATING.WRONG_BAND')
    // The account the rating comes from must not be one the cadre made, a fresh one, or (villagers' band) staff's.
    await assertMayJudge(ctx, actor, cadre.id, 'rating.submit', input.band === 'villagers')
    const existing = await ctx.store.find('ratings', { cadreId: cadre.id, period })
    const previous = ownRating(existing, actor.person, cadre.id, input.band, householdId)
    const rating: Rating = {
      id: previous?.id ?? ctx.newId('rt'),
      townshipId: cadre.townshipId,
      period,
      band: input.band,
      cadreId: cadre.id,
      raterId: actor.person.id,
      householdId,
      stars: stars.value,
      comment: input.comment,
      at: ctx.now,
      dimensions: Object.fromEntries(ctx.settings.evaluation.dimensions.map((d) => [d, input.dimensions[d] as number])),
    }
    // Issue 13: a comment waits in the office's moderation queue; the posting shows only an approved one.
    rating.publicComment = await moderateRatingComment(ctx, actor, rating, previous ?? null)
    // Replace, not add: the household (or rater) has one rating per cadre and period.
    if (previous) await ctx.store.replace('ratings', rating)
    else await ctx.store.insert('ratings', rating)
    await chainRecord(ctx.store, 'rating', rating.townshipId, rating.id, ctx.now)
    // The kept score of the cadre's month (where the township's month is built), in the same transaction.
    await refreshMonthScore(ctx.store, { townshipId: cadre.townshipId, cadreId: cadre.id }, period, ctx.settings)
    return formFor(ctx, actor, period, { closed, targets })
  },

  'rating.myScore': async ({ period }, ctx) => {
    const actor = actorOf(ctx)
    if (!actor.person.roles.includes('cadre')) return refuse('AUTH.FORBIDDEN')
    const closed = await closedPeriods(ctx)
    // Without a period: the latest closed month (an open month shows no figures to the cadre).
    const latestClosed = [...closed].sort().pop()
    const key = period === undefined && latestClosed ? latestClosed : periodOrNow(ctx, period)
    const isClosed = isPeriodClosed(key, closed)
    // An open period's ratings are not even read: nothing of them may reach the rated cadre.
    const ratings = isClosed ? await ctx.store.find('ratings', { cadreId: actor.person.id, period: key }) : []
    const seen = scoreSeenByRatedCadre(score1135(ratings, ctx.settings), isClosed, ctx.settings)
    return {
      period: key,
      closed: isClosed,
      minRatersShown: ctx.settings.anonymity.minRatersShown,
      cadre: personRef(actor.person),
      score: { ...scoreView(seen), hiddenBands: seen.hiddenBands },
      comments: commentsSeenByRatedCadre(ratings.map(anonymize), seen),
    }
  },

  'rating.township': async ({ period, cadreId }, ctx) => {
    const actor = actorOf(ctx)
    const townshipId = actor.person.townshipId
    if (!verdictPolicies['rating:seeRaters'](actor, townshipId)) return refuse('AUTH.FORBIDDEN')
    const key = periodOrNow(ctx, period)
    // Who rated whom is personal data: the read is logged for the township's read log.
    await ctx.store.insert('reveals', { id: ctx.newId('reveal'), townshipId, actorId: actor.person.id, subjectId: cadreId ?? townshipId, field: 'raters', at: ctx.now })
    const range = periodRange(key, ctx.settings)
    const people = await ctx.store.find('people', { townshipId })
    const byId = new Map(people.map((p) => [p.id, p]))
    const cadres = people.filter((p) => isResidentCadre(p) && (cadreId === undefined || p.id === cadreId))
    const [ratings, signed, tickets] = await Promise.all([
      ctx.store.find('ratings', { townshipId, period: key }),
      ctx.store.find('visits', { townshipId, at: { gte: range.start, lt: range.end }, status: 'signed' }),
      ctx.store.find('tickets', { townshipId, createdAt: { gte: range.start, lt: range.end } }),
    ])
    const inPeriod = (at: number) => at >= range.start && at < range.end
    const contact = {
      signedVisitHouseholds: new Set(signed.filter((v) => inPeriod(v.at)).map((v) => v.householdId)),
      ticketHouseholds: new Set(tickets.filter((t) => inPeriod(t.createdAt)).map((t) => t.householdId)),
    }
    // The raters' household numbers through the ratings (a primary-key lookup per rating), not a
    // list of hundreds of ids, for which the planner would rather read the whole households table.
    const numbers: Record<string, unknown>[] = await ctx.store.db
      .selectFrom('ratings as r')
      .innerJoin('households as h', 'h.id', 'r.householdId')
      .select(['h.id as id', 'h.number as number'])
      .where('r.townshipId', '=', townshipId)
      .where('r.period', '=', key)
      .execute()
    const households = new Map(numbers.map((h) => [String(h.id), { number: String(h.number) }]))
    return {
      period: key,
      cadres: cadres
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((cadre) => {
          const mine = ratings.filter((r) => r.cadreId === cadre.id)
          const numberOf = (r: (typeof mine)[number]) => (r.householdId ? (households.get(r.householdId)?.number ?? '') : '')
          // By band, then time; ratings given at the same moment by household number, then id (the
          // store's order is not an order: SQLite happens to answer in insertion order, MySQL not).
          const views = mine
            .sort(
              (a, b) =>
                (BAND_ORDER.get(a.band) ?? 0) - (BAND_ORDER.get(b.band) ?? 0) ||
                a.at - b.at ||
                numberOf(a).localeCompare(numberOf(b), 'en', { numeric: true }) ||
                (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
            )
            .map((r) => {
              const rater = byId.get(r.raterId)
              return {
                id: r.id,
                band: r.band,
                rater: rater ? personRef(rater) : { id: r.raterId, name: '', title: '' },
                householdNumber: r.householdId ? (households.get(r.householdId)?.number ?? null) : null,
                stars: r.stars,
                dimensions: r.dimensions ?? {},
                comment: r.comment,
                at: r.at,
                noContact: withoutContact(r, contact),
              }
            })
          return { cadre: personRef(cadre), score: scoreView(score1135(mine, ctx.settings)), ratings: views, noContactCount: views.filter((v) => v.noContact).length }
        }),
    }
  },
}
