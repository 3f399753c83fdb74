/**
 * images (issue 13 item 2's photos): the office's queue of photos no automatic check decided (WeChat's
 * "review", a check that failed, a self-hosted server without an automatic check), and its decision.
 * One rule: a refusal names its reason from a fixed list (the reporter is told it).
 */
import { z } from 'zod'
import { PHOTO_REFUSALS } from '../../core/media'
import { defineAction, noInput } from '../action'
import type { PhotoQueueView, PhotoReviewView } from '../views.images'

export const imageActions = {
  /** The township's photos waiting for a person, oldest first, with what each shows on. */
  'photo.queue': defineAction<PhotoQueueView>()({ input: noInput }),
  'photo.decide': defineAction<PhotoReviewView>()({
    input: z
      .object({
        checkId: z.string().min(1).max(120).regex(/^[A-Za-z0-9_:-]+$/),
        approve: z.boolean(),
        reason: z.enum(PHOTO_REFUSALS).optional(),
      })
      .strict()
      .refine((v) => v.approve || v.reason !== undefined, { message: '请选择不公开的原因', path: ['reason'] })
      .refine((v) => !v.approve || v.reason === undefined, { message: '公开的照片不需要原因', path: ['reason'] }),
    errors: ['PHOTO.ALREADY_DECIDED', 'PHOTO.NOT_WAITING', 'PHOTO.OWN_WORK'],
    write: true,
  }),
}
