/**
 * The datum of every reading through the real HTTP server (issue 11 item 4): sign-ins, visits and
 * ticket locations are compared and stored in GCJ-02 with their datum. A WGS-84 reading is
 * converted (standing at the place, a browser's GPS point is 300-600 m off the place's GCJ-02 one
 * and would otherwise be TOO_FAR); a reading without a datum, or in another one, is refused and
 * nothing is stored.
 */
import { gcj02ToWgs84 } from '../../src/core/geo'
import { distanceMeters } from '../../src/core/signin'
import { jpegHeader } from './fixtures/images'
import { requestId, startHarness, type Harness } from './harness'

let h: Harness
const place = { lat: 39.61, lng: 109.78 }
/** What a phone's GPS (WGS-84) says when standing at the place. */
const gps = gcj02ToWgs84(place)
const photo = jpegHeader(1280, 960)

beforeAll(async () => {
  h = await startHarness()
  await h.server.deps.store.insertMany('places', [{ id: 'place-datum', townshipId: 'ts-1', villageId: null, name: '镇政府', ...place, radiusM: 150, datum: 'gcj02' }])
  const target = Date.parse('2026-11-24T08:05:00+08:00')
  h.advance(target - h.now())
})
afterAll(() => h.stop())

const code = (r: { body: unknown }) => (r.body as { error?: { code: string } }).error?.code

describe('sign-in', () => {
  it('a WGS-84 reading at the place is converted: in range, valid, stored in GCJ-02 with its datum', async () => {
    expect(distanceMeters(gps, place)).toBeGreaterThan(300)
    const cadre = await h.as('cadre-a')
    expect(await cadre.ok('signin.check', { ...gps, datum: 'wgs84' })).toMatchObject({ inRange: true, distanceM: 0 })
    // The same numbers said to be GCJ-02 are judged where they say: too far.
    expect(await cadre.ok('signin.check', { ...gps, datum: 'gcj02' })).toMatchObject({ inRange: false, wouldBeInvalid: 'TOO_FAR' })
    await cadre.ok('signin.consent', {})
    const signIn = await cadre.ok('signin.submit', { ...gps, datum: 'wgs84', photo })
    expect(signIn).toMatchObject({ valid: true, placeName: '镇政府', distanceM: 0 })
    const stored = await h.server.deps.store.get('signins', signIn.id)
    expect(stored?.datum).toBe('gcj02')
    expect(distanceMeters(stored as { lat: number; lng: number }, place)).toBeLessThan(1)
  })

  it('a reading without a datum or in another one is refused, nothing stored', async () => {
    const cadre = await h.as('cadre-a')
    const before = await h.server.deps.store.count('signins', {})
    for (const input of [{ ...place, photo }, { ...place, datum: 'bd09', photo }]) {
      const r = await cadre.call('signin.submit', input as never, requestId())
      expect(code(r)).toBe('VALIDATION.FAILED')
    }
    expect(code(await cadre.call('signin.check', place as never, requestId()))).toBe('VALIDATION.FAILED')
    expect(await h.server.deps.store.count('signins', {})).toBe(before)
  })
})

describe('visits and ticket locations', () => {
  it('a visit keeps its location in GCJ-02 with the datum; coordinates without one are refused', async () => {
    const cadre = await h.as('cadre-a')
    const v = await cadre.ok('visit.create', { householdId: 'hh-a1', purpose: '走访', ...gps, datum: 'wgs84' })
    expect(v.location).toMatchObject({ datum: 'gcj02' })
    expect(distanceMeters(v.location as { lat: number; lng: number }, place)).toBeLessThan(1)
    expect((await h.server.deps.store.get('visits', v.id))?.location).toEqual(v.location)
    const before = await h.server.deps.store.count('visits', {})
    expect(code(await cadre.call('visit.create', { householdId: 'hh-a1', purpose: '走访', ...place }, requestId()))).toBe('GEO.DATUM_NOT_GCJ02')
    expect(await h.server.deps.store.count('visits', {})).toBe(before)
  })

  it('a ticket location is converted to GCJ-02 and shown with its datum; one without a datum is refused', async () => {
    const villager = await h.as('villager-a1')
    const t = await villager.ok('ticket.create', { kind: 'problem', category: 'dispute', description: '草场边界', location: { ...gps, datum: 'wgs84' } })
    expect(t.location).toMatchObject({ datum: 'gcj02' })
    expect(distanceMeters(t.location as { lat: number; lng: number }, place)).toBeLessThan(1)
    const before = await h.server.deps.store.count('tickets', {})
    const r = await villager.call('ticket.create', { kind: 'problem', category: 'dispute', description: '草场边界', location: place } as never, requestId())
    expect(code(r)).toBe('VALIDATION.FAILED')
    expect(await h.server.deps.store.count('tickets', {})).toBe(before)
  })
})
