/**
 * Tickets: service requests (办事) and problem reports (反映问题), worked to the end: filing (with a
 * category's questions, photos, a voice note, a location), the duplicate hint, the handler's inbox,
 * every step through the transition table, and the three rates.
 * One rule: attachments are urls of the caller's own uploads; every list and text is bounded.
 */
import { z } from 'zod'
import type { TicketAction, TicketStatus } from '../../core/model'
import { TICKET_ACTIONS, TICKET_STATUSES } from '../../core/tickets'
import { defineAction, id, noInput, requiredText, text } from '../action'
import { datum } from './visits'
import type { CategoryView, SimilarTicketView, TicketRatesReport, TicketView } from '../views'

/** The core's transition table names the actions; z.enum needs them as a non-empty tuple. */
const ticketActionNames = TICKET_ACTIONS as unknown as [TicketAction, ...TicketAction[]]

/** Most photos on a ticket or a step (settings.tickets.attachments.maxPhotos is checked too). */
export const MAX_PHOTOS = 9

/** A local upload (`/uploads/<random>.<ext>`) or, in WeChat, a cloud storage file id. */
export const attachmentUrl = () =>
  z
    .string()
    .max(300)
    .regex(/^(\/uploads\/[A-Za-z0-9_-]{8,64}\.(jpg|png|webp|mp3|m4a|aac|webm|ogg|wav|amr)|cloud:\/\/[\x21-\x7e]{1,280})$/)

const answerValue = z.union([z.string().max(500), z.number().finite(), z.array(z.string().max(64)).max(20)])

const resultFigures = z
  .object({
    fundsYuan: z.number().int().min(0).max(1e10).optional(),
    loanYuan: z.number().int().min(0).max(1e10).optional(),
    beneficiaries: z.number().int().min(0).max(1e7).optional(),
  })
  .strict()

export const ticketActions = {
  'ticket.create': defineAction<TicketView>()({
    input: z
      .object({
        kind: z.enum(['service', 'problem']),
        category: id(),
        description: requiredText(500),
        anonymous: z.boolean().default(false),
        /** Only a cadre filing for a villager without a phone names the household. */
        householdId: id().optional(),
        photoUrls: z.array(attachmentUrl()).max(MAX_PHOTOS).default([]),
        /** 办事: answers to the category's questions, by question id. */
        answers: z.record(z.string().regex(/^[A-Za-z0-9_]{1,32}$/), answerValue).default({}),
        voiceUrl: attachmentUrl().optional(),
        location: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180), datum: datum() }).strict().optional(),
        /** Filed on behalf: the household member the cadre files for. */
        onBehalfOfId: id().optional(),
      })
      .strict(),
    errors: [
      'TICKET.UNKNOWN_CATEGORY',
      'TICKET.CATEGORY_KIND_MISMATCH',
      'TICKET.ANSWERS_INVALID',
      'TICKET.ATTACHMENT_NOT_YOURS',
      'TICKET.NOT_HOUSEHOLD_MEMBER',
      'ROSTER.HOUSEHOLD_UNASSIGNED',
    ],
    write: true,
  }),
  'ticket.get': defineAction<TicketView>()({ input: z.object({ ticketId: id() }).strict() }),
  'ticket.list': defineAction<TicketView[]>()({
    input: z.object({ open: z.boolean().optional(), status: z.enum(TICKET_STATUSES as unknown as [TicketStatus, ...TicketStatus[]]).optional() }).strict(),
  }),
  'ticket.act': defineAction<TicketView>()({
    input: z
      .object({
        ticketId: id(),
        action: z.enum(ticketActionNames),
        /** The version the actor saw: a stale one is refused (two people acting at once). */
        version: z.number().int().min(0),
        note: text(500).default(''),
        /** 1-5, with confirm: how the villager rates the handling. */
        satisfaction: z.number().int().min(1).max(5).optional(),
        /** Photos of the work with a progress note or a resolution. */
        photoUrls: z.array(attachmentUrl()).max(MAX_PHOTOS).default([]),
        /** resolve: the figures the category records (funds, loans, beneficiaries). */
        result: resultFigures.optional(),
      })
      .strict(),
    errors: [
      'TICKET.INVALID_TRANSITION',
      'TICKET.FORBIDDEN_ACTOR',
      'TICKET.REASON_REQUIRED',
      'TICKET.RESULT_NOT_ALLOWED',
      'TICKET.ATTACHMENT_NOT_YOURS',
      'CONFLICT.STALE_VERSION',
    ],
    write: true,
  }),
  /** The categories with their questions, deadlines and result fields (settings). */
  'ticket.categories': defineAction<CategoryView[]>()({ input: noInput }),
  /** Before filing: open reports of this category in the caller's village. */
  'ticket.similar': defineAction<SimilarTicketView[]>()({ input: z.object({ category: id() }).strict() }),
  /** Follow an open same-village report instead of filing it again: its status changes reach me. */
  'ticket.follow': defineAction<{ ticketId: string; following: true }>()({
    input: z.object({ ticketId: id() }).strict(),
    errors: ['TICKET.CANNOT_FOLLOW'],
    write: true,
  }),
  /** A handler's open tickets: overdue first, then by deadline. */
  'ticket.inbox': defineAction<TicketView[]>()({ input: noInput }),
  /** 响应率 / 解决率 / 满意率 per cadre, team and village for a period (`2026-11`, `2026-Q4`, `2026`). */
  'ticket.rates': defineAction<TicketRatesReport>()({
    input: z.object({ period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/) }).strict(),
  }),
  // --- field-ux: the handler calls the villager from the ticket page (the number read is logged) ---
  /** The reporter's name and phone for the handling chain (household cadre, secretary, township); logged like a reveal. */
  'ticket.callReporter': defineAction<{ name: string; phone: string | null }>()({
    input: z.object({ ticketId: id() }).strict(),
    write: true,
    // guard: a phone number is never kept for a replay; a retry runs again (checked, logged again).
    personal: true,
  }),
}
