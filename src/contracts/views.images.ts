/**
 * images (issue 13 item 2's photos): a photo waiting for the office's decision, as the office's
 * moderation screen shows it. One rule: it names what the photo shows on (a report, a step, a
 * cadre's portrait), its village and when, never the reporter of an anonymous report.
 */
import type { MediaCheckStatus, PhotoPlace, PhotoRefusal } from '../core/media'
import type { PersonRef } from './views'

export interface PhotoReviewView {
  /** The check's id (`mc-<upload id>`): what photo.decide names. */
  id: string
  /** The photo (an /uploads path or a cloud file id: shown through file.urls where needed). */
  url: string
  place: PhotoPlace
  status: MediaCheckStatus
  /** WeChat's label code when its check hinted at something (review), else null. */
  label: string | null
  /** The report's category and id (report and step photos), null for a portrait. */
  ticketId: string | null
  category: string | null
  /** The village of the report, or the cadre's (portrait); '' when none. */
  villageName: string
  /** Whose portrait it is (portrait only). */
  cadre: PersonRef | null
  requestedAt: number
  /** The caller may decide it (not his own photo, portrait or work: core mayDecidePhoto). */
  mayDecide: boolean
  /** Set once decided by a person: by whom, when, why refused. */
  decidedBy: PersonRef | null
  decidedAt: number | null
  reason: PhotoRefusal | null
}

export interface PhotoQueueView {
  /** All photos of the township waiting for a person (the list may be cut at its limit). */
  waiting: number
  items: PhotoReviewView[]
}
