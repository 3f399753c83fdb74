/**
 * signin.check through the real HTTP server: before the camera opens, the cadre learns the distance
 * to the nearest sign-in place, whether he is in range, and what a sign-in would be; nothing is stored.
 */
import { requestId, startHarness, type Harness } from './harness'

let h: Harness
const office = { lat: 39.6, lng: 109.8, datum: 'gcj02' as const }
beforeAll(async () => {
  h = await startHarness()
  await h.server.deps.store.insertMany('places', [{ id: 'place-office', townshipId: 'ts-1', villageId: null, name: '镇政府', ...office, radiusM: 200 }])
})
afterAll(() => h.stop())

const setLocal = (date: string, hh: number, mm = 0) => h.advance(Date.parse(`${date}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+08:00`) - h.now())

it('a check out of range names the distance and the place, and stores nothing', async () => {
  setLocal('2026-11-24', 8, 5)
  const cadre = await h.as('cadre-a')
  const far = await cadre.ok('signin.check', { lat: office.lat + 0.01, lng: office.lng, datum: 'gcj02' })
  expect(far).toMatchObject({ placeName: '镇政府', inRange: false, radiusM: 200, wouldBeInvalid: 'TOO_FAR' })
  expect(far.distanceM).toBeGreaterThan(1000)
  expect(far.distanceM).toBeLessThan(1200)
  expect(await h.server.deps.store.count('signins', { cadreId: 'cadre-a' })).toBe(0)
})

it('a check in range inside the window would be valid; outside the window it says why', async () => {
  const cadre = await h.as('cadre-a')
  setLocal('2026-11-24', 8, 5)
  expect(await cadre.ok('signin.check', office)).toMatchObject({ inRange: true, distanceM: 0, wouldBeInvalid: null })
  setLocal('2026-11-24', 11, 0)
  expect(await cadre.ok('signin.check', office)).toMatchObject({ inRange: true, wouldBeInvalid: 'OUTSIDE_WINDOW' })
})

it('is for cadres only, and refuses coordinates out of range', async () => {
  const villager = await h.as('villager-a1')
  expect((await villager.call('signin.check', office, requestId())).body).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
  const cadre = await h.as('cadre-a')
  expect((await cadre.call('signin.check', { lat: 95, lng: 0, datum: 'gcj02' }, requestId())).body).toMatchObject({ ok: false, error: { code: 'SIGNIN.BAD_COORDINATES' } })
})
