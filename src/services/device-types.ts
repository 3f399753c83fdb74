/**
 * The phone's sensors as the app needs them: location, a live camera photo, and reading a file as
 * base64. One rule: platform code lives in device.h5.ts / device.weapp.ts; features import this seam.
 */
import type { Gcj02Point } from '../core/geo'

export interface Device {
  /**
   * GCJ-02 coordinates with their datum (what places are stored in and every reading is compared
   * and shown in; core/geo), or throws DeviceError('location'). There is no WGS-84 reading: a
   * screen cannot compare one with a place by mistake.
   */
  locationGcj02(): Promise<Gcj02Point>
  /** A photo taken now with the camera (never the album), as JPEG/PNG base64; throws DeviceError('cancelled'). */
  livePhoto(): Promise<string>
}

export class DeviceError extends Error {
  constructor(readonly kind: 'location' | 'cancelled' | 'failed') {
    super(kind)
    this.name = 'DeviceError'
  }
}

/** Largest photo sent as is; bigger ones are scaled down first (the server takes at most 160 KB). */
export const PHOTO_SEND_MAX = 150 * 1024
