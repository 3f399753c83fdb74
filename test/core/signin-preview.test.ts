/** previewSignIn / nearestPlace: where the cadre stands before the camera, judged like the sign-in. */
import { nearestPlace, previewSignIn } from '../../src/core/signin'
import { DEFAULT_SETTINGS } from '../../src/core/settings'

const place = (id: string, lat: number, lng: number, radiusM = 200) => ({ id, townshipId: 't', villageId: null, name: id, lat, lng, radiusM })
const at = (hhmm: string) => Date.parse(`2026-11-24T${hhmm}:00+08:00`)

describe('sign-in preview', () => {
  it('the nearest place is named with its distance even when out of range', () => {
    const hit = nearestPlace({ lat: 39.61, lng: 109.8 }, [place('far', 40, 110), place('near', 39.6, 109.8)])
    expect(hit?.place.id).toBe('near')
    expect(Math.round(hit?.distanceM ?? 0)).toBeGreaterThan(1000)
    expect(nearestPlace({ lat: 0, lng: 0 }, [])).toBeNull()
  })

  it('a preview out of range would be invalid as TOO_FAR', () => {
    const r = previewSignIn({ at: at('08:05'), lat: 39.61, lng: 109.8, datum: 'gcj02' }, [place('p', 39.6, 109.8)], [], DEFAULT_SETTINGS)
    expect(r.ok && r.value).toMatchObject({ inRange: false, wouldBeInvalid: 'TOO_FAR' })
  })

  it('a preview in range inside an open slot would be valid; with the slot signed it says SLOT_TAKEN', () => {
    const p = [place('p', 39.6, 109.8)]
    expect(previewSignIn({ at: at('08:05'), lat: 39.6, lng: 109.8, datum: 'gcj02' }, p, [], DEFAULT_SETTINGS)).toMatchObject({ ok: true, value: { inRange: true, wouldBeInvalid: null } })
    const signed = [{ at: at('08:01'), slot: 'morning' as const, valid: true }]
    expect(previewSignIn({ at: at('08:05'), lat: 39.6, lng: 109.8, datum: 'gcj02' }, p, signed, DEFAULT_SETTINGS)).toMatchObject({ ok: true, value: { wouldBeInvalid: 'SLOT_TAKEN' } })
  })

  it('a preview with impossible coordinates is refused like the sign-in', () => {
    expect(previewSignIn({ at: at('08:05'), lat: 91, lng: 0, datum: 'gcj02' }, [], [], DEFAULT_SETTINGS)).toMatchObject({ ok: false, code: 'SIGNIN.BAD_COORDINATES' })
  })
})
