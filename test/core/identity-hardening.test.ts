/**
 * Issue 10 items 6 and 7 in the core: the per-person quotas (a quota of n allows exactly n) and
 * what the rated cadre may see of their ratings (closed periods only, bands from k raters on, no
 * total that would give a hidden band back, comments without stars). Each test is named after its rule.
 */
import { commentsSeenByRatedCadre, scoreSeenByRatedCadre } from '../../src/core/anonymity'
import { score1135 } from '../../src/core/evaluation'
import { ticketQuota, uploadQuota } from '../../src/core/quotas'
import { bandRatings, settings } from './factories'

const s = settings()
/**
 * A township that lowered the band minimums and renormalizes (its settings may): totals exist with a
 * band of 1 rater, so what the rated cadre sees must still hide that band (anonymity is its own rule).
 */
const lenient = settings({ evaluation: { ...s.evaluation, minRaters: { leaders: 1, peers: 1, committees: 1, villagers: 1 }, insufficientRule: 'renormalize' } })

describe('ticketQuota', () => {
  it('allows exactly ticketsPerHour tickets an hour, and names the limit when over', () => {
    const n = s.limits.ticketsPerHour
    expect(ticketQuota(n - 1, s)).toEqual({ ok: true, value: true })
    expect(ticketQuota(n, s)).toEqual({ ok: false, code: 'LIMIT.TICKETS_PER_HOUR', detail: { limit: n } })
  })
})

describe('uploadQuota', () => {
  it('allows exactly uploadsPerHour files an hour and uploadBytesPerDay bytes a day', () => {
    const { uploadsPerHour, uploadBytesPerDay } = s.limits
    expect(uploadQuota({ filesLastHour: uploadsPerHour - 1, bytesLastDay: 0 }, 10, s).ok).toBe(true)
    expect(uploadQuota({ filesLastHour: uploadsPerHour, bytesLastDay: 0 }, 10, s)).toMatchObject({ ok: false, code: 'LIMIT.UPLOADS_PER_HOUR' })
    expect(uploadQuota({ filesLastHour: 0, bytesLastDay: uploadBytesPerDay - 10 }, 10, s).ok).toBe(true)
    expect(uploadQuota({ filesLastHour: 0, bytesLastDay: uploadBytesPerDay - 10 }, 11, s)).toMatchObject({ ok: false, code: 'LIMIT.UPLOAD_BYTES_PER_DAY' })
  })
})

describe('scoreSeenByRatedCadre (raters stay anonymous)', () => {
  const full = score1135(
    [...bandRatings('leaders', [4]), ...bandRatings('peers', [5, 4, 5, 4, 5]), ...bandRatings('committees', [3, 4, 3]), ...bandRatings('villagers', [4, 4, 4, 5, 4])],
    lenient,
  )

  it('an open period shows no figure at all, not even how many rated', () => {
    const seen = scoreSeenByRatedCadre(full, false, s)
    expect(seen.total).toBeNull()
    expect(seen.hiddenBands).toEqual(['leaders', 'peers', 'committees', 'villagers'])
    for (const band of Object.values(seen.bands)) expect(band).toMatchObject({ raters: 0, meanStars: null, points: null, sufficient: false, appliedWeight: 0 })
    // One more rating changes nothing the cadre sees.
    const more = score1135([...bandRatings('villagers', [4, 4, 4, 5, 4, 1])], s)
    expect(scoreSeenByRatedCadre(more, false, s)).toEqual(scoreSeenByRatedCadre(score1135(bandRatings('villagers', [4, 4, 4, 5, 4]), s), false, s))
  })

  it('a closed period shows a band only from k raters on, and withholds a total a hidden band counts in', () => {
    expect(s.anonymity.minRatersShown).toBe(5)
    const seen = scoreSeenByRatedCadre(full, true, s)
    expect(seen.hiddenBands).toEqual(['leaders', 'committees'])
    expect(seen.bands.peers).toEqual(full.bands.peers)
    expect(seen.bands.villagers).toEqual(full.bands.villagers)
    expect(seen.bands.leaders).toMatchObject({ raters: 1, points: null, meanStars: null })
    // The leaders band (1 rater) counts in the total: the total would give its stars back.
    expect(full.total).not.toBeNull()
    expect(seen.total).toBeNull()
    // With every counted band shown, the total is shown.
    const onlyBig = score1135([...bandRatings('peers', [5, 4, 5, 4, 5]), ...bandRatings('villagers', [4, 4, 4, 5, 4])], lenient)
    expect(onlyBig.total).not.toBeNull()
    expect(scoreSeenByRatedCadre(onlyBig, true, s).total).toBe(onlyBig.total)
  })

  it('comments come from shown bands only, without stars, in an order that says nothing of who or when', () => {
    const seen = scoreSeenByRatedCadre(full, true, s)
    const comments = commentsSeenByRatedCadre(
      [
        { band: 'villagers', comment: '乙' },
        { band: 'leaders', comment: '领导的话' },
        { band: 'peers', comment: '甲' },
        { band: 'villagers', comment: ' ' },
      ],
      seen,
    )
    expect(comments).toEqual([
      { band: 'peers', comment: '甲' },
      { band: 'villagers', comment: '乙' },
    ])
  })
})
