/**
 * Issue 13: the villagers' voice: revealing an anonymous reporter for a fraud check (logged, with a
 * reason), the public view of a report for followers, the office's comment moderation queue, and
 * the supervision group's call-back queue (好差评 回访).
 * One rule: every text is bounded; every decision names its reason from a fixed list.
 */
import { z } from 'zod'
import { CALL_BACK_OUTCOMES, MODERATION_REFUSALS } from '../../core/voice'
import { defineAction, id, noInput, requiredText, text } from '../action'
import type { CallBackCounts, CallBackView, ModerationView, PublicTicketView } from '../views.voice'

export const voiceActions = {
  /** The township reveals an anonymous reporter for a fraud check: logged with its reason. */
  'ticket.revealReporter': defineAction<{ name: string; householdNumber: string }>()({
    input: z.object({ ticketId: id(), reason: requiredText(200) }).strict(),
    errors: ['VOICE.REASON_REQUIRED', 'VOICE.NOT_ANONYMOUS'],
    write: true,
    // guard: an anonymous reporter's name is never kept for a replay; a retry runs again (checked, logged again).
    personal: true,
  }),
  /** A report as the village's other villagers read it (followers; the duplicate hint before 关注). */
  'ticket.publicView': defineAction<PublicTicketView>()({ input: z.object({ ticketId: id() }).strict() }),
  /** The office's queue: comments waiting before the posting shows them (newest first). */
  'moderation.queue': defineAction<ModerationView[]>()({ input: noInput }),
  'moderation.decide': defineAction<ModerationView>()({
    input: z
      .object({
        moderationId: z.string().min(1).max(80).regex(/^[A-Za-z0-9_:-]+$/),
        approve: z.boolean(),
        reason: z.enum(MODERATION_REFUSALS).optional(),
      })
      .strict()
      .refine((v) => v.approve || v.reason !== undefined, { message: '请选择不予公示的原因', path: ['reason'] }),
    errors: ['MODERATION.ALREADY_DECIDED'],
    write: true,
  }),
  /** The supervision group's call-back queue with its counts (due, overdue, done). */
  'callback.list': defineAction<{ counts: CallBackCounts; entries: CallBackView[] }>()({ input: noInput }),
  'callback.record': defineAction<CallBackView>()({
    input: z.object({ callBackId: z.string().min(1).max(120).regex(/^[A-Za-z0-9_:-]+$/), outcome: z.enum(CALL_BACK_OUTCOMES), note: text(300).default('') }).strict(),
    errors: ['CALLBACK.ALREADY_DONE', 'CALLBACK.OWN_WORK'],
    write: true,
  }),
}
