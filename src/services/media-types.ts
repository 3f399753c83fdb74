/**
 * The seam for photos, voice notes and location, per platform (media.h5.ts / media.weapp.ts).
 * One rule: a photo leaves the phone only re-encoded and downsized (which drops EXIF, GPS included);
 * the answer is always a url the backend accepts as an attachment.
 */
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
  locate(): Promise<{ lat: number; lng: number }>
}

/** Longest side of a photo after compression: enough to read a meter or see a pothole. */
export const PHOTO_MAX_SIDE = 1600
export const PHOTO_QUALITY = 0.7
