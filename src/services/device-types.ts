/**
 * The phone's sensors as the app needs them: location, a live camera photo, and reading a file as
 * base64. One rule: platform code lives in device.h5.ts / device.weapp.ts; features import this seam.
 */
export interface Device {
  /** WGS-84 coordinates, or throws DeviceError('location'). */
  location(): Promise<{ lat: number; lng: number }>
  /** GCJ-02 coordinates (the datum sign-in places are stored in), or throws DeviceError('location'). */
  locationGcj02(): Promise<{ lat: number; lng: number }>
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
