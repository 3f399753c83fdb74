/**
 * Tests of sign-in evaluation with the seed's 三定点: 8:00, 14:30, 19:30, +/- 30 minutes, inside a
 * registered place's geofence, once per slot a day. One rule: invalid sign-ins are judged, not lost.
 */
import { postedSignInTime } from '../../src/core/close'
import { distanceMeters, evaluateSignIn, slotAt, slotsOfDay, toSignIn, validCoordinates } from '../../src/core/signin'
import { at, makePlace, makeSignIn, settings } from './factories'

const s = settings()
const office = makePlace({ id: 'office', lat: 39.5, lng: 109.8, radiusM: 200 })
/** About 111 m north per 0.001 degree of latitude. */
const north = (metres: number) => ({ lat: 39.5 + metres / 111_195, lng: 109.8, datum: 'gcj02' as const })

describe('distanceMeters', () => {
  it('is zero for the same point', () => {
    expect(distanceMeters(office, office)).toBe(0)
  })

  it('measures one degree of latitude as about 111.2 km', () => {
    expect(distanceMeters({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })).toBeCloseTo(111_195, -1)
  })

  it('measures Beijing to Shanghai as about 1068 km', () => {
    const d = distanceMeters({ lat: 39.9042, lng: 116.4074 }, { lat: 31.2304, lng: 121.4737 })
    expect(d / 1000).toBeGreaterThan(1060)
    expect(d / 1000).toBeLessThan(1075)
  })
})

describe('validCoordinates', () => {
  it.each([
    [90, 180, true],
    [-90, -180, true],
    [90.0001, 0, false],
    [0, -180.5, false],
    [Number.NaN, 0, false],
    [0, Number.POSITIVE_INFINITY, false],
  ])('lat %s lng %s valid: %s', (lat, lng, valid) => {
    expect(validCoordinates({ lat, lng })).toBe(valid)
  })
})

describe('slotAt', () => {
  it.each([
    [7 * 60 + 29, null],
    [7 * 60 + 30, 'morning'],
    [8 * 60, 'morning'],
    [8 * 60 + 30, 'morning'],
    [8 * 60 + 31, null],
    [14 * 60, 'afternoon'],
    [15 * 60, 'afternoon'],
    [15 * 60 + 1, null],
    [19 * 60, 'evening'],
    [20 * 60, 'evening'],
    [20 * 60 + 1, null],
    [12 * 60, null],
  ])('puts minute %i in slot %s', (minutes, slot) => {
    expect(slotAt(minutes, s)).toBe(slot)
  })
})

describe('evaluateSignIn', () => {
  const attempt = (wall: string, metres = 0) => ({ at: at(wall), ...north(metres) })

  it('accepts a sign-in at the office at 8:10', () => {
    const r = evaluateSignIn(attempt('2026-11-16 08:10', 50), [office], [], s)
    expect(r.ok && r.value).toMatchObject({ placeId: 'office', slot: 'morning', valid: true, invalidReason: null, date: '2026-11-16' })
    expect(r.ok && r.value.distanceM).toBeCloseTo(50, 0)
  })

  it('marks a sign-in outside every geofence TOO_FAR, with the distance to the nearest place', () => {
    const r = evaluateSignIn(attempt('2026-11-16 08:00', 500), [office], [], s)
    expect(r.ok && r.value).toMatchObject({ placeId: null, slot: 'morning', valid: false, invalidReason: 'TOO_FAR' })
    expect(r.ok && r.value.distanceM).toBeCloseTo(500, 0)
  })

  it('marks a sign-in TOO_FAR when no place is registered', () => {
    const r = evaluateSignIn(attempt('2026-11-16 08:00'), [], [], s)
    expect(r.ok && r.value).toMatchObject({ invalidReason: 'TOO_FAR', distanceM: null })
  })

  it('picks the nearest of several places whose geofences overlap', () => {
    const point = makePlace({ id: 'village-point', villageId: 'v1', ...north(100), radiusM: 300 })
    const r = evaluateSignIn(attempt('2026-11-16 08:00', 90), [office, point], [], s)
    expect(r.ok && r.value.placeId).toBe('village-point')
  })

  it('marks a sign-in in no slot window OUTSIDE_WINDOW, still naming the place', () => {
    const r = evaluateSignIn(attempt('2026-11-16 11:00'), [office], [], s)
    expect(r.ok && r.value).toMatchObject({ placeId: 'office', slot: null, valid: false, invalidReason: 'OUTSIDE_WINDOW' })
  })

  it('reports TOO_FAR before OUTSIDE_WINDOW when both apply', () => {
    const r = evaluateSignIn(attempt('2026-11-16 11:00', 5000), [office], [], s)
    expect(r.ok && r.value.invalidReason).toBe('TOO_FAR')
  })

  it('marks a second sign-in for a slot already validly taken that local day SLOT_TAKEN', () => {
    const earlier = [makeSignIn({ at: at('2026-11-16 07:50'), slot: 'morning', valid: true })]
    const r = evaluateSignIn(attempt('2026-11-16 08:20'), [office], earlier, s)
    expect(r.ok && r.value).toMatchObject({ slot: 'morning', valid: false, invalidReason: 'SLOT_TAKEN' })
  })

  it('does not count an earlier invalid sign-in, another slot, or another day as taking the slot', () => {
    const earlier = [
      makeSignIn({ at: at('2026-11-16 07:50'), slot: 'morning', valid: false, invalidReason: 'TOO_FAR' }),
      makeSignIn({ at: at('2026-11-15 08:00'), slot: 'morning', valid: true }),
      makeSignIn({ at: at('2026-11-16 14:30'), slot: 'afternoon', valid: true }),
    ]
    const r = evaluateSignIn(attempt('2026-11-16 08:20'), [office], earlier, s)
    expect(r.ok && r.value.valid).toBe(true)
  })

  it('uses the township day, not the UTC day, for SLOT_TAKEN', () => {
    // 08:10 on the 16th is 00:10 UTC on the 16th; 07:40 on the 17th is 23:40 UTC on the 16th:
    // the same UTC day, but two township days, so the second morning sign-in is valid.
    const earlier = [makeSignIn({ at: at('2026-11-16 08:10'), slot: 'morning', valid: true })]
    const r = evaluateSignIn(attempt('2026-11-17 07:40'), [office], earlier, s)
    expect(r.ok && r.value).toMatchObject({ slot: 'morning', valid: true, date: '2026-11-17' })
  })

  it.each([
    [91, 0],
    [0, 181],
    [Number.NaN, 109.8],
  ])('refuses coordinates lat %s lng %s', (lat, lng) => {
    expect(evaluateSignIn({ at: at('2026-11-16 08:00'), lat, lng, datum: 'gcj02' }, [office], [], s)).toMatchObject({
      ok: false,
      code: 'SIGNIN.BAD_COORDINATES',
    })
  })

  it('builds the stored record from the attempt and the verdict', () => {
    const a = attempt('2026-11-16 19:40')
    const r = evaluateSignIn(a, [office], [], s)
    if (!r.ok) throw new Error(r.code)
    expect(toSignIn({ id: 's9', townshipId: 't1', cadreId: 'c1' }, a, r.value)).toEqual({
      id: 's9',
      townshipId: 't1',
      cadreId: 'c1',
      at: a.at,
      lat: a.lat,
      lng: a.lng,
      datum: 'gcj02',
      placeId: 'office',
      slot: 'evening',
      valid: true,
      invalidReason: null,
    })
  })
})

describe('the sign-in window to the second (DOMAIN 3.4: slot +/- window, both ends included)', () => {
  const exact = (wall: string) => Date.parse(`${wall.replace(' ', 'T')}+08:00`)
  const judge = (wall: string) => {
    const r = evaluateSignIn({ at: exact(wall), ...north(0) }, [office], [], s)
    if (!r.ok) throw new Error(r.code)
    return r.value
  }

  it('a sign-in at the last second of the window (08:30:00) is valid', () => {
    expect(judge('2026-11-16 08:30:00')).toMatchObject({ slot: 'morning', valid: true })
  })

  it('a sign-in one second after the window (08:30:01) is invalid', () => {
    expect(judge('2026-11-16 08:30:01')).toMatchObject({ slot: null, valid: false, invalidReason: 'OUTSIDE_WINDOW' })
  })

  it('a sign-in 59 seconds after the window (08:30:59) is invalid', () => {
    expect(judge('2026-11-16 08:30:59')).toMatchObject({ valid: false, invalidReason: 'OUTSIDE_WINDOW' })
  })

  it('a sign-in at the first second of the window (07:30:00) is valid', () => {
    expect(judge('2026-11-16 07:30:00')).toMatchObject({ slot: 'morning', valid: true })
  })

  it('a sign-in one second before the window (07:29:59) is invalid', () => {
    expect(judge('2026-11-16 07:29:59')).toMatchObject({ valid: false, invalidReason: 'OUTSIDE_WINDOW' })
  })

  it('a fraction of a second past the end still reads as the end second (08:30:00.900 is valid)', () => {
    expect(judge('2026-11-16 08:30:00.900')).toMatchObject({ valid: true })
  })

  it('the evening window closes at 20:00:00 to the second', () => {
    expect(judge('2026-11-16 20:00:00')).toMatchObject({ slot: 'evening', valid: true })
    expect(judge('2026-11-16 20:00:01')).toMatchObject({ valid: false })
  })

  it('the slot of the day is open until the window end second and missed one second later', () => {
    expect(slotsOfDay('2026-11-16', [], exact('2026-11-16 08:30:00'), s)[0]?.state).toBe('open')
    expect(slotsOfDay('2026-11-16', [], exact('2026-11-16 08:30:01'), s)[0]?.state).toBe('missed')
  })

  it('a posted sign-in time keeps its seconds in the window edge minute only', () => {
    expect(postedSignInTime(exact('2026-11-16 08:30:00'), 'morning', s)).toBe('08:30:00')
    expect(postedSignInTime(exact('2026-11-16 07:30:42'), 'morning', s)).toBe('07:30:42')
    expect(postedSignInTime(exact('2026-11-16 08:10:42'), 'morning', s)).toBe('08:10')
  })
})
