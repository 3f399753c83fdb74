/**
 * Tests of the 1135 score with the seed's weights 10/10/30/50, 20 points a star, and bands with too
 * few raters (villagers: fewer than 5 households) shown as insufficient. One rule: the worked
 * example of the brief must come out at exactly 80.
 */
import { anonymize, latestRatings, raterBands, score1135, validateRating } from '../../src/core/evaluation'
import type { Settings } from '../../src/core/settings'
import { bandRatings, makeCadre, makeHousehold, makePerson, makeRating, settings } from './factories'

const defaults = settings()
/** The worked examples below use small bands: minimums 1/3/3/5 (the defaults are 5 for every band). */
const s = settings({ evaluation: { ...defaults.evaluation, minRaters: { leaders: 1, peers: 3, committees: 3, villagers: 5 } } })
const withRule = (insufficientRule: Settings['evaluation']['insufficientRule']) => settings({ evaluation: { ...s.evaluation, insufficientRule } })

/** leaders 4.0 (80), peers 4.5 (90), committees 3.5 (70), villagers 4.2 (84). */
const workedExample = () => [
  ...bandRatings('leaders', [4, 4]),
  ...bandRatings('peers', [5, 4, 5, 4]),
  ...bandRatings('committees', [3, 4, 3, 4]),
  ...bandRatings('villagers', [4, 4, 4, 5, 4]),
]

describe('score1135', () => {
  it('scores the worked example 0.1x80 + 0.1x90 + 0.3x70 + 0.5x84 = 80', () => {
    const r = score1135(workedExample(), withRule('renormalize'))
    expect(r.bands.leaders).toMatchObject({ raters: 2, meanStars: 4, points: 80, sufficient: true, weight: 10, appliedWeight: 10 })
    expect(r.bands.peers).toMatchObject({ raters: 4, meanStars: 4.5, points: 90, sufficient: true, appliedWeight: 10 })
    expect(r.bands.committees).toMatchObject({ raters: 4, meanStars: 3.5, points: 70, sufficient: true, appliedWeight: 30 })
    expect(r.bands.villagers).toMatchObject({ raters: 5, meanStars: 4.2, points: 84, sufficient: true, appliedWeight: 50 })
    expect(r.total).toBe(80)
    expect(r.insufficientBands).toEqual([])
  })

  it('gives 100 when everyone gives 5 stars and 20 when everyone gives 1', () => {
    const all = (stars: number) => [
      ...bandRatings('leaders', [stars]),
      ...bandRatings('peers', [stars, stars, stars]),
      ...bandRatings('committees', [stars, stars, stars]),
      ...bandRatings('villagers', [stars, stars, stars, stars, stars]),
    ]
    expect(score1135(all(5), withRule('renormalize')).total).toBe(100)
    expect(score1135(all(1), withRule('renormalize')).total).toBe(20)
  })

  it('counts one rating per household in the villagers band: the latest', () => {
    const ratings = [
      ...bandRatings('villagers', [4, 4, 4, 4]),
      makeRating({ id: 'old', band: 'villagers', householdId: 'hx', raterId: 'grandma', stars: 1, at: 1000 }),
      makeRating({ id: 'new', band: 'villagers', householdId: 'hx', raterId: 'grandson', stars: 4, at: 2000 }),
    ]
    const r = score1135(ratings, s)
    expect(r.bands.villagers).toMatchObject({ raters: 5, meanStars: 4, points: 80, sufficient: true })
  })

  it('counts one rating per rater in the other bands: the latest', () => {
    const r = score1135(
      [makeRating({ id: 'a', band: 'peers', householdId: null, raterId: 'c2', stars: 1, at: 1 }), makeRating({ id: 'b', band: 'peers', householdId: null, raterId: 'c2', stars: 5, at: 2 })],
      s,
    )
    expect(r.bands.peers).toMatchObject({ raters: 1, meanStars: 5 })
  })

  it('marks a villagers band with fewer than 5 households insufficient', () => {
    const ratings = [...workedExample().filter((x) => x.band !== 'villagers'), ...bandRatings('villagers', [5, 5, 5, 5])]
    const r = score1135(ratings, withRule('renormalize'))
    expect(r.bands.villagers).toMatchObject({ raters: 4, meanStars: 5, points: 100, sufficient: false, appliedWeight: 0 })
    expect(r.insufficientBands).toEqual(['villagers'])
  })

  it('renormalizes over the sufficient bands: (10x80 + 10x90 + 30x70) / 50 = 76', () => {
    const ratings = [...workedExample().filter((x) => x.band !== 'villagers'), ...bandRatings('villagers', [5, 5, 5, 5])]
    const r = score1135(ratings, withRule('renormalize'))
    expect(r.total).toBe(76)
    expect(r.bands.leaders.appliedWeight).toBe(20)
    expect(r.bands.committees.appliedWeight).toBe(60)
  })

  it('withholds the total when any band is insufficient under the withhold rule', () => {
    const ratings = [...workedExample().filter((x) => x.band !== 'leaders')]
    const r = score1135(ratings, withRule('withhold'))
    expect(r.total).toBeNull()
    expect(r.insufficientBands).toEqual(['leaders'])
    expect(r.bands.villagers.points).toBe(84)
  })

  it('still totals under the withhold rule when every band is sufficient', () => {
    expect(score1135(workedExample(), withRule('withhold')).total).toBe(80)
  })

  it('has no total and no points when nobody rated', () => {
    const r = score1135([], s)
    expect(r.total).toBeNull()
    expect(r.bands.villagers).toMatchObject({ raters: 0, meanStars: null, points: null, sufficient: false })
    expect(r.insufficientBands).toEqual(['leaders', 'peers', 'committees', 'villagers'])
  })
})

describe('1135 with the default settings (DOMAIN 3.7: fewer than 5 raters in any band withholds the total)', () => {
  const full = (stars: number) => [
    ...bandRatings('leaders', [stars, stars, stars, stars, stars]),
    ...bandRatings('peers', [stars, stars, stars, stars, stars]),
    ...bandRatings('committees', [stars, stars, stars, stars, stars]),
    ...bandRatings('villagers', [stars, stars, stars, stars, stars]),
  ]

  it('the default insufficient rule is withhold', () => {
    expect(defaults.evaluation.insufficientRule).toBe('withhold')
  })

  it('every band needs 5 raters by default', () => {
    expect(defaults.evaluation.minRaters).toEqual({ leaders: 5, peers: 5, committees: 5, villagers: 5 })
  })

  it('a cadre with 4 villager households has no total, and the villagers band is named as short', () => {
    const r = score1135([...full(4).filter((x) => x.band !== 'villagers'), ...bandRatings('villagers', [5, 5, 5, 5])], defaults)
    expect(r.total).toBeNull()
    expect(r.insufficientBands).toEqual(['villagers'])
  })

  it('a single leader rating is a short band: no total that would let the cadre tell who rated him', () => {
    const r = score1135([...full(4).filter((x) => x.band !== 'leaders'), ...bandRatings('leaders', [2])], defaults)
    expect(r.total).toBeNull()
    expect(r.insufficientBands).toEqual(['leaders'])
  })

  it('a cadre with 5 raters in every band gets the total', () => {
    expect(score1135(full(4), defaults).total).toBe(80)
  })

  it('each band minimum is its own setting', () => {
    const custom = settings({ evaluation: { ...defaults.evaluation, minRaters: { leaders: 1, peers: 5, committees: 5, villagers: 5 } } })
    const ratings = [...full(4).filter((x) => x.band !== 'leaders'), ...bandRatings('leaders', [2])]
    expect(score1135(ratings, custom).insufficientBands).toEqual([])
  })
})

describe('latestRatings', () => {
  it('breaks a tie in time by the larger id, so the answer does not depend on input order', () => {
    const a = makeRating({ id: 'a', stars: 1, at: 5 })
    const b = makeRating({ id: 'b', stars: 5, at: 5 })
    expect(latestRatings([a, b])).toEqual([b])
    expect(latestRatings([b, a])).toEqual([b])
  })
})

describe('validateRating', () => {
  const villager = makePerson({ id: 'p1', householdId: 'h1', roles: ['villager'] })
  const household = makeHousehold({ id: 'h1', cadreId: 'c1' })
  const input = { band: 'villagers' as const, cadreId: 'c1', raterId: 'p1', householdId: 'h1', stars: 4 }

  it('accepts a villager rating the cadre assigned to their household', () => {
    expect(validateRating(input, villager, household)).toEqual({ ok: true, value: true })
  })

  it.each([0, 6, 3.5, -1, Number.NaN])('refuses %s stars', (stars) => {
    expect(validateRating({ ...input, stars }, villager, household)).toMatchObject({ ok: false, code: 'RATING.OUT_OF_RANGE' })
  })

  it('refuses a rater rating themselves', () => {
    const peer = makeCadre({ id: 'c1' })
    expect(validateRating({ ...input, band: 'peers', raterId: 'c1', householdId: null }, peer, null)).toEqual({ ok: false, code: 'RATING.SELF' })
  })

  it('refuses a villager rating another household’s cadre', () => {
    expect(validateRating({ ...input, cadreId: 'c2' }, villager, household)).toEqual({ ok: false, code: 'RATING.NOT_YOUR_CADRE' })
  })

  it('refuses a villager speaking for a household that is not theirs', () => {
    expect(validateRating({ ...input, householdId: 'h2' }, villager, makeHousehold({ id: 'h2', cadreId: 'c1' }))).toEqual({
      ok: false,
      code: 'RATING.NOT_YOUR_CADRE',
    })
  })

  it('refuses a villager whose household is unassigned or unknown', () => {
    expect(validateRating(input, villager, makeHousehold({ id: 'h1', cadreId: null }))).toMatchObject({ code: 'RATING.NOT_YOUR_CADRE' })
    expect(validateRating(input, villager, null)).toMatchObject({ code: 'RATING.NOT_YOUR_CADRE' })
  })

  it.each([
    ['leaders', ['leader'], true],
    ['leaders', ['cadre'], false],
    ['peers', ['cadre'], true],
    ['peers', ['villager'], false],
    ['committees', ['committee'], true],
    ['committees', ['representative'], true],
    ['committees', ['secretary'], true],
    ['committees', ['villager'], false],
  ] as const)('in the %s band, a rater with roles %j may rate: %s', (band, roles, allowed) => {
    const rater = makePerson({ id: 'r1', roles: [...roles], householdId: null })
    const r = validateRating({ band, cadreId: 'c1', raterId: 'r1', householdId: null, stars: 4 }, rater, null)
    expect(r.ok ? true : r.code).toBe(allowed ? true : 'RATING.WRONG_BAND')
  })
})

describe('anonymize', () => {
  it('hides who rated from the rated cadre', () => {
    const view = anonymize(makeRating({ comment: '很负责' }))
    expect(view).not.toHaveProperty('raterId')
    expect(view).not.toHaveProperty('householdId')
    expect(view).not.toHaveProperty('id')
    expect(view).toMatchObject({ stars: 5, comment: '很负责', band: 'villagers' })
  })
})

describe('rating bands (one rule for the form and the check: raterBands)', () => {
  it('a leader who is also a cadre rates in the leaders band only, never also as a peer', () => {
    const leader = makePerson({ id: 'l1', roles: ['leader', 'cadre'] })
    expect(raterBands(leader)).toEqual(['leaders'])
    expect(validateRating({ band: 'peers', cadreId: 'c1', raterId: 'l1', householdId: null, stars: 4 }, leader, null)).toMatchObject({ code: 'RATING.WRONG_BAND' })
  })

  it('a village party secretary rates in the committees band', () => {
    expect(raterBands(makePerson({ id: 's1', roles: ['secretary'], villageId: 'v1' }))).toEqual(['committees'])
  })

  it('a committee member without a village rates in no band', () => {
    expect(raterBands(makePerson({ id: 'm1', roles: ['committee'], villageId: null }))).toEqual([])
  })

  it('a villager without a household rates in no band', () => {
    expect(raterBands(makePerson({ id: 'v9', roles: ['villager'], householdId: null }))).toEqual([])
  })
})
