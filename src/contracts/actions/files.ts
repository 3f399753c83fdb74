/**
 * Files in WeChat cloud storage (issue 11 items 2 and 6): temporary URLs of attachments for those
 * who may see them, the roster import from a file sent in a chat, and exports written to storage.
 * One rule: cloud mode only (the local server has its /files and /uploads routes); a file id is
 * read by the function only when the uploads record names the caller as its owner.
 */
import { z } from 'zod'
import { defineAction } from '../action'
import type { ImportView } from '../views.office'

/** A WeChat cloud storage file id (the uploads table keeps it in a 191-character key column). */
export const cloudFileId = () => z.string().max(191).regex(/^cloud:\/\/[\x21-\x7e]{1,180}$/)

/** selfhost: a file the self-hosted (or local) server's /upload route stored. */
export const uploadedFileUrl = () => z.string().max(100).regex(/^\/uploads\/[A-Za-z0-9_-]{8,64}\.(jpg|png|webp|mp3|m4a|aac|webm|ogg|wav|amr)$/)

/** What an export or the template is called in the office's file list. */
export const OFFICE_FILE_KINDS = ['posting', 'scores', 'allowance', 'tickets', 'template'] as const
export type OfficeFileKind = (typeof OFFICE_FILE_KINDS)[number]

export interface FileUrlsView {
  /** One entry per asked file id: its temporary URL, or null when the caller may not see it. */
  urls: { fileId: string; url: string | null }[]
}

export interface OfficeFileView {
  fileName: string
  /** A temporary URL (valid for minutes) the phone downloads and opens (Taro.openDocument). */
  url: string
}

export const fileActions = {
  /**
   * Temporary URLs of attachments the caller may see (its uploader, or a reader of its object).
   * selfhost: on the self-hosted server the ids are `/uploads/...` urls and the answers are signed
   * `/uploads/...?p=&e=&s=` URLs (relative to the server: the weapp puts its API base in front).
   */
  /**
   * Where the weapp loads the Mongolian font from (issue 13 item 6): in WeChat cloud mode a temporary
   * URL of the font the deployment put in cloud storage (MINQING_MONGOLIAN_FONT_FILE_ID), or null when
   * there is none (H5 and the self-hosted weapp load /fonts/... from the server). Asked by anyone,
   * bound or not: the bind page may be in Mongolian too.
   */
  'locale.fontUrl': defineAction<{ url: string | null }>()({ input: z.object({}).strict(), public: true }),
  'file.urls': defineAction<FileUrlsView>()({
    input: z.object({ fileIds: z.array(z.union([cloudFileId(), uploadedFileUrl()])).min(1).max(20) }).strict(),
  }),
  /** The roster import from a spreadsheet the office put in cloud storage (and registered as its own). */
  'office.importFile': defineAction<ImportView>()({
    input: z
      .object({
        fileId: cloudFileId(),
        fileName: z.string().trim().min(1).max(120).regex(/\.(xlsx|csv)$/i),
      })
      .strict(),
    errors: ['TICKET.ATTACHMENT_NOT_YOURS', 'IMPORT.INVALID_ROWS', 'IMPORT.NOT_SPREADSHEET', 'IMPORT.TOO_LARGE'],
    write: true,
  }),
  /** An export of a month (or the roster template) written to cloud storage, with a temporary URL. */
  'office.exportFile': defineAction<OfficeFileView>()({
    input: z
      .object({
        kind: z.enum(OFFICE_FILE_KINDS),
        period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional(),
      })
      .strict(),
    write: true,
  }),
}
