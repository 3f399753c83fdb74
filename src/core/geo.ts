/**
 * Map datums (issue 10 item 4, issue 11 item 4): places and readings are kept in GCJ-02, the datum
 * WeChat's maps and `getLocation({ type: 'gcj02' })` give and every map published in China uses. A
 * browser's geolocation gives WGS-84 (GPS), a few hundred metres off in China; the conversion is
 * gcoord's (the published GCJ-02 offset formula; outside China the two datums are the same).
 * One rule: a reading is compared with a place, stored and shown only in GCJ-02, with its datum.
 */
import gcoord from 'gcoord'
import { fail, ok, type Result } from './result'

export interface LatLng {
  lat: number
  lng: number
}

/** The datums a phone may report a reading in; every stored reading is in GCJ-02. */
export const DATUMS = ['gcj02', 'wgs84'] as const
export type Datum = (typeof DATUMS)[number]

/** A location as the phone reported it, with the datum it says it is in. */
export interface Reading extends LatLng {
  datum: Datum
}

/** A point in GCJ-02, as places and stored readings are. */
export interface Gcj02Point extends LatLng {
  datum: 'gcj02'
}

/** WGS-84 (GPS, a browser's geolocation) to GCJ-02 (WeChat's and China's maps). */
export const wgs84ToGcj02 = ({ lat, lng }: LatLng): LatLng => {
  const [x, y] = gcoord.transform([lng, lat], gcoord.WGS84, gcoord.GCJ02)
  return { lat: y, lng: x }
}

/** GCJ-02 back to WGS-84 (gcoord's iterative inverse, to well under a metre). */
export const gcj02ToWgs84 = ({ lat, lng }: LatLng): LatLng => {
  const [x, y] = gcoord.transform([lng, lat], gcoord.GCJ02, gcoord.WGS84)
  return { lat: y, lng: x }
}

/** Latitude within -90..90 and longitude within -180..180, both finite numbers. */
export const validCoordinates = (p: LatLng): boolean =>
  Number.isFinite(p.lat) && Number.isFinite(p.lng) && Math.abs(p.lat) <= 90 && Math.abs(p.lng) <= 180

/**
 * The rule: a reading is compared with a place (and stored, and shown on a map) only in GCJ-02. A
 * GCJ-02 reading is taken as it is; a WGS-84 one is converted; a reading in any other datum (or
 * none: an old client that did not say) is refused, since comparing it would be 300-600 m off in
 * China, enough to turn a valid sign-in into TOO_FAR or a far one into a valid one.
 */
export const readingInGcj02 = (reading: LatLng & { datum?: unknown }): Result<Gcj02Point, 'SIGNIN.BAD_COORDINATES' | 'GEO.DATUM_NOT_GCJ02'> => {
  if (!validCoordinates(reading)) return fail('SIGNIN.BAD_COORDINATES', { lat: reading.lat, lng: reading.lng })
  if (reading.datum === 'gcj02') return ok({ lat: reading.lat, lng: reading.lng, datum: 'gcj02' })
  if (reading.datum === 'wgs84') return ok({ ...wgs84ToGcj02(reading), datum: 'gcj02' })
  return fail('GEO.DATUM_NOT_GCJ02', { datum: String(reading.datum) })
}
