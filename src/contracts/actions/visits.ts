/** 民情日记: the cadre logs a visit; a member of the household signs it (or disputes it). */
import { z } from 'zod'
import { DATUMS } from '../../core/geo'
import { defineAction, id, noInput, requiredText, text } from '../action'
import type { TicketView } from '../views'
import type { SignCodeView, VisitSignView, VisitView } from '../views-verdict'

/** A PNG or JPEG as base64 (no data: prefix); its bytes are checked by the server, not trusted. */
export const base64Image = (maxChars: number) => z.string().max(maxChars).regex(/^[A-Za-z0-9+/]+={0,2}$/)

/** The datum a location reading is in (core/geo): GCJ-02 (WeChat's) or WGS-84 (a browser's), converted by the server. */
export const datum = () => z.enum(DATUMS)

/** Why a household member's sign-off or dispute is refused (core/visits' canSignOff). */
const VISIT_DECISION_ERRORS = [
  'VISIT.NOT_HOUSEHOLD_MEMBER',
  'VISIT.SELF_SIGN',
  'VISIT.BEFORE_VISIT',
  'VISIT.WINDOW_CLOSED',
  'VISIT.ALREADY_DECIDED',
] as const

export const visitActions = {
  /** The cadre records a visit to a household they cover; it waits for the household's signature. */
  'visit.create': defineAction<VisitView>()({
    input: z
      .object({
        householdId: id(),
        purpose: requiredText(100),
        notes: text(1000).default(''),
        problems: text(1000).default(''),
        overnight: z.boolean().default(false),
        lat: z.number().finite().optional(),
        lng: z.number().finite().optional(),
        /** Required with lat/lng: the datum they are in. */
        datum: datum().optional(),
        /** An optional photo taken at the door (JPEG or PNG base64). */
        photo: base64Image(300_000).optional(),
      })
      .strict(),
    errors: ['SIGNIN.BAD_COORDINATES', 'GEO.DATUM_NOT_GCJ02', 'IMAGE.NOT_AN_IMAGE', 'IMAGE.TOO_LARGE', 'IMAGE.BAD_DIMENSIONS'],
    write: true,
  }),
  /** The cadre's own visits, newest first (or one household's). */
  'visit.list': defineAction<VisitView[]>()({ input: z.object({ householdId: id().optional() }).strict() }),
  /** The sign-off page: only members of the visited household (and its cadre, the township) see it. */
  'visit.get': defineAction<VisitSignView>()({
    input: z.object({ visitId: id() }).strict(),
    errors: ['VISIT.NOT_HOUSEHOLD_MEMBER'],
  }),
  /** Visits of my household waiting for a signature (the villager home's "waiting for me"). */
  'visit.waiting': defineAction<VisitView[]>()({ input: noInput }),
  /** How to open the sign-off page; `wxacode` asks the WeChat adapter for a mini-program code opening `envVersion`'s build. */
  'visit.signCode': defineAction<SignCodeView>()({
    input: z.object({ visitId: id(), wxacode: z.boolean().default(false), envVersion: z.enum(['release', 'trial', 'develop']).optional() }).strict(),
    errors: ['VISIT.ALREADY_DECIDED', 'VISIT.WINDOW_CLOSED', 'SERVER.UNAVAILABLE'],
  }),
  /** A household member signs with a handwritten signature (PNG); optionally for a member without a phone. */
  'visit.signOff': defineAction<VisitView>()({
    input: z
      .object({
        visitId: id(),
        signaturePng: base64Image(120_000),
        onBehalfOfId: id().optional(),
      })
      .strict(),
    errors: [
      ...VISIT_DECISION_ERRORS,
      'VISIT.PROXY_NOT_ALLOWED',
      'IMAGE.NOT_AN_IMAGE',
      'IMAGE.TOO_LARGE',
      'IMAGE.BAD_DIMENSIONS',
    ],
    write: true,
  }),
  /** A household member says the entry is wrong, with a reason. */
  'visit.dispute': defineAction<VisitView>()({
    input: z.object({ visitId: id(), reason: text(300), onBehalfOfId: id().optional() }).strict(),
    errors: [
      ...VISIT_DECISION_ERRORS,
      'VISIT.REASON_REQUIRED',
      'VISIT.PROXY_NOT_ALLOWED',
    ],
    write: true,
  }),
  /** One tap: a problem found on the visit becomes a ticket of that household (through ticket.create). */
  'visit.toTicket': defineAction<{ visit: VisitView; ticket: TicketView }>()({
    input: z
      .object({
        visitId: id(),
        kind: z.enum(['service', 'problem']).default('problem'),
        category: id().default('other'),
        description: text(500).optional(),
      })
      .strict(),
    errors: ['TICKET.UNKNOWN_CATEGORY', 'TICKET.DESCRIPTION_REQUIRED', 'TICKET.CATEGORY_KIND_MISMATCH'],
    write: true,
  }),
}
