/** Attendance: fixed-time sign-in (签到), leave (请销假), the 543 rule and the village-day allowance. */
import { z } from 'zod'
import { defineAction, id, noInput, requiredText } from '../action'
import { base64Image, datum } from './visits'
import type { LedgerView, LeaveView, SignInCheckView, SignInTodayView, SignInView, Team543View, TownshipSignInView, Week543View } from '../views-verdict'

const localDate = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const weekKey = () => z.string().regex(/^\d{4}-W\d{2}$/)
const monthKey = () => z.string().regex(/^\d{4}-\d{2}$/)

export const attendanceActions = {
  /** Today's three slots and their state, today's attempts, the places, and the consent state. */
  'signin.today': defineAction<SignInTodayView>()({ input: noInput }),
  /** The one-time consent: the live photo is evidence for the supervision group only. */
  'signin.consent': defineAction<{ consentGiven: true }>()({ input: noInput, write: true }),
  /** A sign-in attempt: location and live photo. Stored valid or not; invalid ones keep their reason. */
  'signin.submit': defineAction<SignInView>()({
    input: z.object({ lat: z.number(), lng: z.number(), datum: datum(), photo: base64Image(300_000) }).strict(),
    errors: ['SIGNIN.BAD_COORDINATES', 'GEO.DATUM_NOT_GCJ02', 'SIGNIN.CONSENT_REQUIRED', 'IMAGE.NOT_AN_IMAGE', 'IMAGE.TOO_LARGE', 'IMAGE.BAD_DIMENSIONS'],
    write: true,
  }),
  /** Where I stand (distance to the nearest place, in range or not) before the camera; stores nothing. */
  'signin.check': defineAction<SignInCheckView>()({
    input: z.object({ lat: z.number(), lng: z.number(), datum: datum() }).strict(),
    errors: ['SIGNIN.BAD_COORDINATES', 'GEO.DATUM_NOT_GCJ02'],
  }),
  /** A day's sign-ins of the whole township (default today), for the supervision group and township staff. */
  'signin.township': defineAction<TownshipSignInView[]>()({ input: z.object({ date: localDate().optional() }).strict() }),
  /** A sign-in's live photo: the supervision group and township staff only. */
  'signin.photo': defineAction<{ mime: string; imageBase64: string; /** office-files: cloud storage's temporary URL ('' base64 then). */ url?: string }>()({ input: z.object({ signInId: id() }).strict() }),
  'leave.request': defineAction<LeaveView>()({
    input: z.object({ from: localDate(), to: localDate(), reason: requiredText(200) }).strict(),
    errors: ['LEAVE.BAD_RANGE', 'DATE.IN_PAST'],
    write: true,
  }),
  'leave.decide': defineAction<LeaveView>()({
    input: z.object({ leaveId: id(), approve: z.boolean() }).strict(),
    errors: ['LEAVE.ALREADY_DECIDED'],
    write: true,
  }),
  /** My leaves, and for a team leader the team's. */
  'leave.list': defineAction<LeaveView[]>()({ input: noInput }),
  /** A cadre's 543 for a week (default this week): their own, or a team member's for the leader. */
  'attendance.week': defineAction<Week543View>()({
    input: z.object({ weekKey: weekKey().optional(), cadreId: id().optional() }).strict(),
    errors: ['PERIOD.BAD_KEY'],
  }),
  /** The team leader's teams (the township's: every team): each member's 543 and who is short. */
  'attendance.team': defineAction<Team543View>()({
    input: z.object({ weekKey: weekKey().optional() }).strict(),
    errors: ['PERIOD.BAD_KEY'],
  }),
  /** The village-day allowance of a month (default this month). */
  'allowance.ledger': defineAction<LedgerView>()({
    input: z.object({ month: monthKey().optional(), cadreId: id().optional() }).strict(),
    errors: ['PERIOD.BAD_KEY'],
  }),
}
