/**
 * Files put in WeChat cloud storage by the client (identity-hardening, issue 10 item 6): each file
 * id is registered by its uploader, who alone may then attach it to a ticket.
 * One rule: an attachment is accepted only if the uploads record names the caller as its owner.
 */
import { z } from 'zod'
import { defineAction } from '../action'
import { cloudFileId } from './files'

export const uploadActions = {
  /** Cloud mode only: the caller's own upload to cloud storage (its file id, kind and declared size; the answer's size is storage's). */
  'upload.register': defineAction<{ fileId: string; kind: 'photo' | 'voice' | 'sheet'; bytes: number }>()({
    input: z
      .object({
        // office-files: 191 characters at most, the uploads table's key column (MySQL varchar(191)).
        fileId: cloudFileId(),
        // office-files: 'sheet' is a roster spreadsheet the office sends to office.importFile.
        kind: z.enum(['photo', 'voice', 'sheet']),
        bytes: z.number().int().min(1).max(100 * 1024 * 1024),
      })
      .strict(),
    errors: ['TICKET.ATTACHMENT_NOT_YOURS', 'UPLOAD.TOO_LARGE', 'UPLOAD.MISSING_FILE', 'IMPORT.TOO_LARGE', 'LIMIT.UPLOADS_PER_HOUR', 'LIMIT.UPLOAD_BYTES_PER_DAY'],
    write: true,
  }),
}
