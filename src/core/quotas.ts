/**
 * Per-person quotas (issue 10, item 6): one person may file so many tickets an hour and upload so
 * many files an hour and so many bytes a day (settings.limits). A request over a quota is refused
 * whole: nothing of it is written.
 * One rule: the counts are of what the person already stored in the window; the new request is
 * added to them before comparing, so a quota of n allows exactly n.
 */
import { fail, ok, type Result } from './result'
import type { Settings } from './settings'

export const HOUR_MS = 3_600_000
export const DAY_MS = 24 * HOUR_MS

export type QuotaCode = 'LIMIT.TICKETS_PER_HOUR' | 'LIMIT.UPLOADS_PER_HOUR' | 'LIMIT.UPLOAD_BYTES_PER_DAY'

/** Tickets a person may file: `filedLastHour` already filed in the last hour, plus this one. */
export const ticketQuota = (filedLastHour: number, settings: Settings): Result<true, QuotaCode> =>
  filedLastHour + 1 > settings.limits.ticketsPerHour ? fail('LIMIT.TICKETS_PER_HOUR', { limit: settings.limits.ticketsPerHour }) : ok(true)

/** Uploads a person may make: counts and bytes already stored in the windows, plus this file's bytes. */
export const uploadQuota = (
  used: { filesLastHour: number; bytesLastDay: number },
  adding: number,
  settings: Settings,
): Result<true, QuotaCode> => {
  if (used.filesLastHour + 1 > settings.limits.uploadsPerHour) return fail('LIMIT.UPLOADS_PER_HOUR', { limit: settings.limits.uploadsPerHour })
  if (used.bytesLastDay + adding > settings.limits.uploadBytesPerDay) return fail('LIMIT.UPLOAD_BYTES_PER_DAY', { limit: settings.limits.uploadBytesPerDay })
  return ok(true)
}
