/** Tickets: service requests (办事) and problem reports (反映问题), worked to the end. */
import { z } from 'zod'
import type { TicketAction } from '../../core/model'
import { TICKET_ACTIONS } from '../../core/tickets'
import { defineAction, id, requiredText, text } from '../action'
import type { TicketView } from '../views'

/** The core's transition table names the actions; z.enum needs them as a non-empty tuple. */
const ticketActionNames = TICKET_ACTIONS as unknown as [TicketAction, ...TicketAction[]]

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
        photoUrls: z.array(z.string().max(300)).max(9).default([]),
      })
      .strict(),
    errors: ['TICKET.UNKNOWN_CATEGORY', 'ROSTER.HOUSEHOLD_UNASSIGNED'],
    write: true,
  }),
  'ticket.get': defineAction<TicketView>()({ input: z.object({ ticketId: id() }).strict() }),
  'ticket.list': defineAction<TicketView[]>()({
    input: z.object({ open: z.boolean().optional() }).strict(),
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
      })
      .strict(),
    errors: [
      'TICKET.INVALID_TRANSITION',
      'TICKET.FORBIDDEN_ACTOR',
      'TICKET.REASON_REQUIRED',
      'CONFLICT.STALE_VERSION',
    ],
    write: true,
  }),
}
