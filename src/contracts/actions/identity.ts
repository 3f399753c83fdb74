/**
 * Identity off the demo (issue 10 items 4, 5): a township's set-up by its first administrator, the
 * web console's QR login confirmed on the phone, logout, and the office's villages, groups and
 * sign-in places.
 */
import { z } from 'zod'
import { defineAction, id, noInput, requiredText, text } from '../action'
import type { MeView } from '../views'

export interface AuthModeView {
  /** The person picker exists (demo mode only). */
  demo: boolean
}

export interface LoginQrView {
  /** Shown in the QR code (`minqing:login:<code>`) and below it. */
  code: string
  /** Only this browser knows it: collecting the session needs it. */
  pollToken: string
  expiresAt: number
  qrText: string
}

/** What the phone shows before a staff member confirms a web console's login: which browser asks. */
export interface LoginRequestView {
  /** The asking browser's family and system ("Chrome", "Windows"), null where unknown. */
  browser: string | null
  os: string | null
  /** The network address it asked from ('' when not known). */
  address: string
  askedAt: number
  expiresAt: number
}

export type LoginPollView = { status: 'waiting' | 'expired' } | { status: 'confirmed'; token: string; me: MeView }

export interface SetupClaimView {
  /** H5: the new administrator's session; WeChat: null (the OPENID is bound). */
  sessionToken: string | null
  me: MeView
}

export interface PlaceView {
  id: string
  name: string
  villageId: string | null
  lat: number
  lng: number
  radiusM: number
  datum: 'gcj02'
}

export interface TownshipPlacesView {
  villages: { id: string; name: string; groups: { id: string; name: string }[] }[]
  places: PlaceView[]
}

const latitude = z.number().min(-90).max(90)
const longitude = z.number().min(-180).max(180)

export const identityActions = {
  'auth.mode': defineAction<AuthModeView>()({ input: noInput, public: true }),
  /** Ends the caller's session (H5 and the web console). */
  'auth.logout': defineAction<{ ended: true }>()({ input: noInput, write: true }),
  /** A web console asks for a login QR code. */
  'login.qrStart': defineAction<LoginQrView>()({ input: noInput, public: true, write: true, localOnly: true }),
  /** The web console polls until the phone confirmed; then it gets its session, once. */
  'login.qrPoll': defineAction<LoginPollView>()({
    input: z.object({ code: z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/), pollToken: z.string().min(16).max(128).regex(/^[A-Za-z0-9_-]+$/) }).strict(),
    public: true,
    localOnly: true,
    errors: ['LOGIN.CODE_INVALID', 'LOGIN.CODE_USED'],
  }),
  /** A bound staff member confirms on the phone that the web console signs in as them. */
  'login.qrConfirm': defineAction<{ confirmed: true }>()({
    input: z.object({ code: z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/) }).strict(),
    write: true,
    errors: ['LOGIN.CODE_INVALID', 'LOGIN.CODE_EXPIRED', 'LOGIN.CODE_USED'],
  }),
  /** The phone reads which browser asks before confirming (identity-finish). */
  'login.qrDetails': defineAction<LoginRequestView>()({
    input: z.object({ code: z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/) }).strict(),
    errors: ['LOGIN.CODE_INVALID', 'LOGIN.CODE_EXPIRED', 'LOGIN.CODE_USED'],
  }),
  /** The first administrator binds with the township's one-time set-up code. */
  'setup.claim': defineAction<SetupClaimView>()({
    input: z
      .object({
        code: z.string().trim().min(6).max(64),
        townshipName: text(40).optional(),
        name: requiredText(20),
        phone: z.string().regex(/^1\d{10}$/),
      })
      .strict(),
    public: true,
    write: true,
    errors: ['SETUP.CODE_INVALID', 'SETUP.CODE_USED', 'SETUP.CODE_EXPIRED'],
  }),
  'office.places': defineAction<TownshipPlacesView>()({ input: noInput }),
  'office.addVillage': defineAction<TownshipPlacesView>()({ input: z.object({ name: requiredText(40) }).strict(), write: true }),
  'office.addGroup': defineAction<TownshipPlacesView>()({ input: z.object({ villageId: id(), name: requiredText(40) }).strict(), write: true }),
  /** Creates a sign-in place, or changes one (with its id). Coordinates are GCJ-02, as WeChat gives them. */
  'office.savePlace': defineAction<TownshipPlacesView>()({
    input: z
      .object({
        id: id().optional(),
        name: requiredText(40),
        villageId: id().nullable(),
        lat: latitude,
        lng: longitude,
        radiusM: z.number().int().min(10).max(5000),
      })
      .strict(),
    write: true,
  }),
}
