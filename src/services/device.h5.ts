/**
 * H5 (local demo) sensors: the browser's geolocation and a camera file input (`capture`), the photo
 * scaled down in a canvas when it is too big to send. One rule: no album: the input asks for the camera.
 */
import { wgs84ToGcj02 } from '../core/geo'
import { DeviceError, PHOTO_SEND_MAX, type Device } from './device-types'

const toBase64 = (blob: Blob): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(new DeviceError('failed'))
    reader.readAsDataURL(blob)
  })

/** Draws the photo at most 1280 px on its long side as a JPEG. */
const shrink = async (file: File): Promise<string> => {
  const bitmap = await createImageBitmap(file)
  const scale = Math.min(1, 1280 / Math.max(bitmap.width, bitmap.height))
  const canvas = document.createElement('canvas')
  canvas.width = Math.round(bitmap.width * scale)
  canvas.height = Math.round(bitmap.height * scale)
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
  return canvas.toDataURL('image/jpeg', 0.7).replace(/^data:[^,]*,/, '')
}

/** The browser's geolocation: GPS (WGS-84) coordinates. */
const wgs84Location = (): Promise<{ lat: number; lng: number }> =>
  new Promise((resolve, reject) => {
      if (!navigator.geolocation) return reject(new DeviceError('location'))
      navigator.geolocation.getCurrentPosition(
        (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude }),
        () => reject(new DeviceError('location')),
        { enableHighAccuracy: true, timeout: 15000 },
      )
  })

const device: Device = {
  // The browser gives GPS (WGS-84) coordinates; places are kept in GCJ-02.
  locationGcj02: async () => ({ ...wgs84ToGcj02(await wgs84Location()), datum: 'gcj02' }),
  livePhoto: () =>
    new Promise((resolve, reject) => {
      const input = document.createElement('input')
      input.type = 'file'
      input.accept = 'image/jpeg,image/png'
      input.setAttribute('capture', 'user')
      input.className = 'live-photo-input'
      input.style.display = 'none'
      input.onchange = () => {
        const file = input.files?.[0]
        input.remove()
        if (!file) return reject(new DeviceError('cancelled'))
        ;(file.size <= PHOTO_SEND_MAX ? toBase64(file) : shrink(file)).then(resolve, () => reject(new DeviceError('failed')))
      }
      document.body.appendChild(input)
      input.click()
    }),
}

export default device
