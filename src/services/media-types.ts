/**
 * The seam for photos, voice notes and location, per platform (media.h5.ts / media.weapp.ts).
 * One rule: a photo leaves the phone only re-encoded and downsized (which drops EXIF, GPS included);
 * the answer is a url the backend accepts as an attachment, or, with no signal, a `pending:` url
 * for a copy kept on the phone that the outbox uploads before it sends the write.
 */
import type { Gcj02Point } from '../core/geo'

export interface PickedPhoto {
  /** Something the screen can show (a blob: url in H5, a temp path in WeChat). */
  preview: string
  /** The uploaded file's url (`/uploads/...` locally, `cloud://...` in WeChat). */
  url: string
}

export interface Media {
  /** Lets the person pick or take up to `max` photos; compresses and uploads each. */
  pickPhotos(max: number): Promise<PickedPhoto[]>
  startVoice(): Promise<void>
  /** Stops, uploads and answers the url and the length in seconds. */
  stopVoice(): Promise<{ url: string; seconds: number }>
  /** Where the person is, in GCJ-02 with its datum (core/geo), as every reading is sent. */
  locate(): Promise<Gcj02Point>
  /**
   * Uploads a file that was kept on the phone because the network was down (its url is
   * `pending:<key>`), answers the real url and forgets the kept copy; throws while still offline.
   */
  uploadPending(url: string): Promise<string>
  /** selfhost: which stored urls need a temporary URL before they can be shown here (services/file-urls.ts). */
  shown: import('./media-weapp-core').ShownUrls
}

/** A photo or voice note kept on the phone until the signal returns (the outbox uploads it first). */
export const PENDING_PREFIX = 'pending:'
export const isPendingUrl = (url: unknown): url is string => typeof url === 'string' && url.startsWith(PENDING_PREFIX)

/** The upload could not reach the server (no signal): keep the file, do not give up. */
export class UploadOffline extends Error {
  constructor() {
    super('offline')
    this.name = 'UploadOffline'
  }
}

/** Longest side of a photo after compression: enough to read a meter or see a pothole. */
export const PHOTO_MAX_SIDE = 1600
export const PHOTO_QUALITY = 0.7
