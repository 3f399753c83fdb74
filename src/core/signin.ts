/**
 * 签到 evaluation: a sign-in is valid only inside a registered place's geofence, inside the window
 * around one of the three fixed slots (三定点: 8:00, 14:30, 19:30 +/- 30 min by default), and once
 * per slot per local day. One rule: every sign-in is judged and stored, valid or not, with its reason.
 */
import type { LocalDate, Millis, SignIn, SignInPlace, SignInSlot } from './model'
import { ok, type Result } from './result'
import type { Settings } from './settings'
import { localDate, secondsOfDay } from './time'
import type { SignInInvalidReason } from './errors'
import { readingInGcj02, validCoordinates, type Datum, type Gcj02Point, type LatLng } from './geo'

export { validCoordinates, type LatLng }

export const SIGNIN_SLOTS: readonly SignInSlot[] = ['morning', 'afternoon', 'evening']

const EARTH_RADIUS_M = 6_371_008.8
const rad = (deg: number) => (deg * Math.PI) / 180

/** Great-circle distance in metres (haversine, mean Earth radius). */
export const distanceMeters = (a: LatLng, b: LatLng): number => {
  const dLat = rad(b.lat - a.lat)
  const dLng = rad(b.lng - a.lng)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

/**
 * The slot whose window holds a local time given in seconds after midnight, or null. The window is
 * slot - windowMinutes to slot + windowMinutes, both ends included, to the second (DOMAIN 3.4: with
 * 08:00 +/- 30 min, 07:30:00 and 08:30:00 are valid, 07:29:59 and 08:30:01 are not).
 */
export const slotAtSecond = (seconds: number, settings: Pick<Settings, 'signIn'>): SignInSlot | null => {
  const { slots, windowMinutes } = settings.signIn
  let best: SignInSlot | null = null
  let bestGap = Infinity
  for (const slot of SIGNIN_SLOTS) {
    const gap = Math.abs(seconds - slots[slot] * 60)
    if (gap <= windowMinutes * 60 && gap < bestGap) {
      best = slot
      bestGap = gap
    }
  }
  return best
}

/** The slot whose window holds a whole minute after local midnight (that minute's :00 second). */
export const slotAt = (minutes: number, settings: Pick<Settings, 'signIn'>): SignInSlot | null => slotAtSecond(minutes * 60, settings)

/** The slot whose window holds an instant, judged to the second in township time. */
export const slotOfInstant = (at: Millis, settings: Pick<Settings, 'signIn' | 'utcOffsetMinutes'>): SignInSlot | null =>
  slotAtSecond(secondsOfDay(at, settings), settings)

/** The nearest place whose geofence holds the point, with its distance; null when none does. */
export const placeContaining = (point: LatLng, places: SignInPlace[]): { place: SignInPlace; distanceM: number } | null => {
  let best: { place: SignInPlace; distanceM: number } | null = null
  for (const place of places) {
    const d = distanceMeters(point, place)
    if (d <= place.radiusM && (best === null || d < best.distanceM)) best = { place, distanceM: d }
  }
  return best
}

/** A sign-in as the phone reports it: the reading with its datum (core/geo), and the instant. */
export interface SignInAttempt extends LatLng {
  at: Millis
  datum: Datum
}

export interface SignInVerdict {
  placeId: string | null
  slot: SignInSlot | null
  valid: boolean
  invalidReason: SignInInvalidReason | null
  /** Distance to the matched place, or to the nearest place when too far; null with no places. */
  distanceM: number | null
  /** The local date the sign-in belongs to. */
  date: LocalDate
  /** The reading in GCJ-02, the places' datum: what was compared and what is stored. */
  point: Gcj02Point
}

/**
 * Judges a sign-in. Place: the nearest place whose geofence contains the point, else 'TOO_FAR'.
 * Slot: the slot whose window contains the local time, else 'OUTSIDE_WINDOW'. A valid sign-in of the
 * same cadre for the same slot on the same local day already exists: 'SLOT_TAKEN'. Reasons are
 * reported in that order (the first that applies). Coordinates out of range: 'SIGNIN.BAD_COORDINATES'
 * (nothing to store). The reading is judged in GCJ-02 (readingInGcj02: a WGS-84 one is converted,
 * one in no known datum is refused with 'GEO.DATUM_NOT_GCJ02'), never compared across datums.
 * `earlier` are this cadre's earlier sign-ins (any day; only valid ones matter).
 */
export const evaluateSignIn = (
  attempt: SignInAttempt,
  places: SignInPlace[],
  earlier: Pick<SignIn, 'at' | 'slot' | 'valid'>[],
  settings: Pick<Settings, 'signIn' | 'utcOffsetMinutes'>,
): Result<SignInVerdict, 'SIGNIN.BAD_COORDINATES' | 'GEO.DATUM_NOT_GCJ02'> => {
  const reading = readingInGcj02(attempt)
  if (!reading.ok) return reading
  const point = reading.value
  const date = localDate(attempt.at, settings)
  const slot = slotOfInstant(attempt.at, settings)
  const hit = placeContaining(point, places)
  const nearest = places.length === 0 ? null : Math.min(...places.map((p) => distanceMeters(point, p)))
  const verdict = (invalidReason: SignInInvalidReason | null): SignInVerdict => ({
    placeId: hit?.place.id ?? null,
    slot,
    valid: invalidReason === null,
    invalidReason,
    distanceM: hit?.distanceM ?? nearest,
    date,
    point,
  })
  if (!hit) return ok(verdict('TOO_FAR'))
  if (slot === null) return ok(verdict('OUTSIDE_WINDOW'))
  const taken = earlier.some((s) => s.valid && s.slot === slot && localDate(s.at, settings) === date)
  return ok(verdict(taken ? 'SLOT_TAKEN' : null))
}

/** The record to store for an attempt and its verdict (ids and owner passed in): the point in GCJ-02, with its datum. */
export const toSignIn = (
  ids: { id: string; townshipId: string; cadreId: string },
  attempt: SignInAttempt,
  verdict: SignInVerdict,
): SignIn => ({
  ...ids,
  at: attempt.at,
  lat: verdict.point.lat,
  lng: verdict.point.lng,
  datum: verdict.point.datum,
  placeId: verdict.placeId,
  slot: verdict.slot,
  valid: verdict.valid,
  invalidReason: verdict.invalidReason,
})

/** A slot of one day as the cadre sees it: signed (valid), open now, still to come, or missed. */
export type SlotState = 'signed' | 'open' | 'upcoming' | 'missed'

export interface SlotOfDay {
  slot: SignInSlot
  /** Minutes after local midnight of the slot and its window's ends. */
  minutes: number
  from: number
  to: number
  state: SlotState
}

/**
 * The three slots of a local date for one cadre at `now`: 'signed' when a valid sign-in holds the
 * slot that day; otherwise 'open' inside the window, 'upcoming' before it, 'missed' after it.
 */
export const slotsOfDay = (
  date: LocalDate,
  signIns: Pick<SignIn, 'at' | 'slot' | 'valid'>[],
  now: Millis,
  settings: Pick<Settings, 'signIn' | 'utcOffsetMinutes'>,
): SlotOfDay[] => {
  const today = localDate(now, settings)
  const nowSeconds = date < today ? 24 * 3600 : date > today ? -1 : secondsOfDay(now, settings)
  const { slots, windowMinutes } = settings.signIn
  return SIGNIN_SLOTS.map((slot) => {
    const minutes = slots[slot]
    const from = minutes - windowMinutes
    const to = minutes + windowMinutes
    const signed = signIns.some((s) => s.valid && s.slot === slot && localDate(s.at, settings) === date)
    const state: SlotState = signed ? 'signed' : nowSeconds < from * 60 ? 'upcoming' : nowSeconds <= to * 60 ? 'open' : 'missed'
    return { slot, minutes, from, to, state }
  })
}

// --- Where the cadre stands before the camera (field-ux) ---

/** The place nearest to a point, with its distance in metres; null when there are no places. */
export const nearestPlace = (point: LatLng, places: SignInPlace[]): { place: SignInPlace; distanceM: number } | null => {
  let best: { place: SignInPlace; distanceM: number } | null = null
  for (const place of places) {
    const d = distanceMeters(point, place)
    if (best === null || d < best.distanceM) best = { place, distanceM: d }
  }
  return best
}

export interface SignInPreview {
  /** The nearest place (or the one whose geofence holds the point) and the distance to it. */
  nearest: { place: SignInPlace; distanceM: number } | null
  inRange: boolean
  /** What a sign-in here and now would be judged: null when valid, else the reason. */
  wouldBeInvalid: SignInInvalidReason | null
}

/**
 * Before the camera opens: where the cadre stands and what a sign-in here and now would be, by the
 * same judgement as the sign-in itself (evaluateSignIn), without storing anything.
 */
export const previewSignIn = (
  attempt: SignInAttempt,
  places: SignInPlace[],
  earlier: Pick<SignIn, 'at' | 'slot' | 'valid'>[],
  settings: Pick<Settings, 'signIn' | 'utcOffsetMinutes'>,
): Result<SignInPreview, 'SIGNIN.BAD_COORDINATES' | 'GEO.DATUM_NOT_GCJ02'> => {
  const verdict = evaluateSignIn(attempt, places, earlier, settings)
  if (!verdict.ok) return verdict
  const { point } = verdict.value
  const hit = placeContaining(point, places)
  return ok({ nearest: hit ?? nearestPlace(point, places), inRange: hit !== null, wouldBeInvalid: verdict.value.invalidReason })
}
