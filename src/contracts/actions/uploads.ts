/**
 * Files put in WeChat cloud storage by the client (identity-hardening, issue 10 item 6): each file
 * id is registered by its uploader, who alone may then attach it to a ticket.
 * One rule: an attachment is accepted only if the uploads record names the caller as its owner.
 */
import { z } from 'zod'
import { defineAction } from '../action'

export const uploadActions = {
  /** Cloud mode only: the caller's own upload to cloud storage (its file id, kind and size). */
  'upload.register': defineAction<{ fileId: string; kind: 'photo' | 'voice'; bytes: number }>()({
    input: z
      .object({
        fileId: z.string().max(300).regex(/^cloud:\/\/[\x21-\x7e]{1,280}$/),
        kind: z.enum(['photo', 'voice']),
        bytes: z.number().int().min(1).max(100 * 1024 * 1024),
      })
      .strict(),
    errors: ['TICKET.ATTACHMENT_NOT_YOURS', 'UPLOAD.TOO_LARGE', 'LIMIT.UPLOADS_PER_HOUR', 'LIMIT.UPLOAD_BYTES_PER_DAY'],
    write: true,
  }),
}
