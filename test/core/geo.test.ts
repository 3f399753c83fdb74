/**
 * The datum rule (DOMAIN 3.4, issue 11 item 4): places and readings are GCJ-02; a WGS-84 reading is
 * converted before it is compared with a place, and a reading in no known datum is refused. In
 * China the two datums are 300-600 m apart, enough to turn a sign-in at the door into TOO_FAR.
 */
import { gcj02ToWgs84, readingInGcj02, wgs84ToGcj02 } from '../../src/core/geo'
import { distanceMeters, evaluateSignIn } from '../../src/core/signin'
import { at, makePlace, settings } from './factories'

const s = settings()
/** A village sign-in point in Ordos (the seed's township), registered in GCJ-02. */
const place = makePlace({ id: 'gacha', lat: 39.61, lng: 109.78, radiusM: 150 })

describe('WGS-84 to GCJ-02 (gcoord) against known points', () => {
  it('converts as the published formula does (coordtransform: 116.404, 39.915 -> 116.41024449916938, 39.91640428150164)', () => {
    const p = wgs84ToGcj02({ lat: 39.915, lng: 116.404 })
    expect(p.lng).toBeCloseTo(116.41024449916938, 9)
    expect(p.lat).toBeCloseTo(39.91640428150164, 9)
  })

  it('leaves points outside China unchanged (Paris)', () => {
    expect(wgs84ToGcj02({ lat: 48.85, lng: 2.35 })).toEqual({ lat: 48.85, lng: 2.35 })
  })

  it('converts back to within a metre (the e2e tests give the browser the WGS-84 point of a place)', () => {
    const back = wgs84ToGcj02(gcj02ToWgs84(place))
    expect(distanceMeters(back, place)).toBeLessThan(1)
  })
})

describe('a reading is compared with a place only in GCJ-02', () => {
  const phone = gcj02ToWgs84(place) // what GPS says when standing at the place

  it('in China, the WGS-84 point of a place is 300-600 m off its GCJ-02 point', () => {
    const off = distanceMeters(phone, place)
    expect(off).toBeGreaterThan(300)
    expect(off).toBeLessThan(600)
  })

  it('a WGS-84 reading is converted: standing at the place, the sign-in is valid', () => {
    const r = evaluateSignIn({ at: at('2026-11-16 08:00'), ...phone, datum: 'wgs84' }, [place], [], s)
    if (!r.ok) throw new Error(r.code)
    expect(r.value).toMatchObject({ valid: true, placeId: 'gacha', point: { datum: 'gcj02' } })
    expect(r.value.distanceM).toBeLessThan(1)
  })

  it('the same numbers said to be GCJ-02 are judged where they say: too far', () => {
    const r = evaluateSignIn({ at: at('2026-11-16 08:00'), ...phone, datum: 'gcj02' }, [place], [], s)
    expect(r).toMatchObject({ ok: true, value: { valid: false, invalidReason: 'TOO_FAR' } })
  })

  it('a GCJ-02 reading is kept as it is, with its datum', () => {
    expect(readingInGcj02({ lat: 39.61, lng: 109.78, datum: 'gcj02' })).toEqual({ ok: true, value: { lat: 39.61, lng: 109.78, datum: 'gcj02' } })
  })

  it.each([[undefined], ['bd09'], ['']])('a reading in datum %p is refused, not compared', (datum) => {
    expect(readingInGcj02({ lat: 39.61, lng: 109.78, datum })).toMatchObject({ ok: false, code: 'GEO.DATUM_NOT_GCJ02' })
    expect(evaluateSignIn({ at: at('2026-11-16 08:00'), lat: 39.61, lng: 109.78, datum: datum as 'gcj02' }, [place], [], s)).toMatchObject({ ok: false, code: 'GEO.DATUM_NOT_GCJ02' })
  })

  it('coordinates out of range are refused before any datum is considered', () => {
    expect(readingInGcj02({ lat: 91, lng: 0, datum: 'wgs84' })).toMatchObject({ ok: false, code: 'SIGNIN.BAD_COORDINATES' })
  })
})
