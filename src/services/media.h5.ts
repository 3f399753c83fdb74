/**
 * H5 media (local demo): photos are decoded and re-drawn on a canvas (downsized, re-encoded as
 * JPEG: EXIF and GPS do not survive), then posted to the local server's /upload with the session.
 * One rule: the original file never leaves the browser.
 */
import Taro from '@tarojs/taro'
import type { ApiResponse } from '../contracts'
import { wgs84ToGcj02 } from '../core/geo'
import transport from './transport'
import { shownUrls } from './media-weapp-core'
import { PENDING_PREFIX, PHOTO_MAX_SIDE, PHOTO_QUALITY, UploadOffline, type Media } from './media-types'

const pickFiles = (accept: string, multiple: boolean): Promise<File[]> =>
  new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = accept
    input.multiple = multiple
    input.className = 'mq-file-input'
    input.style.display = 'none'
    input.onchange = () => {
      resolve(Array.from(input.files ?? []))
      input.remove()
    }
    document.body.appendChild(input)
    input.click()
  })

const reencode = async (file: File): Promise<Blob> => {
  const bitmap = await createImageBitmap(file)
  const scale = Math.min(1, PHOTO_MAX_SIDE / Math.max(bitmap.width, bitmap.height))
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(bitmap.width * scale))
  canvas.height = Math.max(1, Math.round(bitmap.height * scale))
  const g = canvas.getContext('2d')
  if (!g) throw new Error('no canvas')
  g.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('encode failed'))), 'image/jpeg', PHOTO_QUALITY))
}

const send = async (blob: Blob, kind: 'photo' | 'voice', name: string): Promise<string> => {
  const form = new FormData()
  form.append('file', blob, name)
  if (typeof navigator !== 'undefined' && navigator.onLine === false) throw new UploadOffline()
  const body = await transport.authorized(async (headers) => {
    let response: Response
    try {
      response = await fetch(`/upload?kind=${kind}`, { method: 'POST', body: form, headers })
    } catch {
      throw new UploadOffline()
    }
    return (await response.json()) as ApiResponse<{ url: string }>
  })
  if (!body.ok) throw new Error(body.error.message || 'upload failed')
  return body.data.url
}

/** Files waiting for the signal, as data urls in storage (a few photos fit; Taro storage is localStorage). */
const FILE_KEY = 'minqing.file.'
interface Kept {
  kind: 'photo' | 'voice'
  name: string
  dataUrl: string
}

const toDataUrl = (blob: Blob): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(new Error('read failed'))
    reader.readAsDataURL(blob)
  })

/** Uploads now, or keeps the file on the phone and answers its `pending:` url when offline. */
const upload = async (blob: Blob, kind: 'photo' | 'voice', name: string): Promise<string> => {
  try {
    return await send(blob, kind, name)
  } catch (error) {
    if (!(error instanceof UploadOffline)) throw error
    const key = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`
    Taro.setStorageSync(`${FILE_KEY}${key}`, { kind, name, dataUrl: await toDataUrl(blob) } satisfies Kept)
    return `${PENDING_PREFIX}${key}`
  }
}

let recorder: MediaRecorder | null = null
let chunks: Blob[] = []
let startedAt = 0

const media: Media = {
  async pickPhotos(max) {
    const files = (await pickFiles('image/*', true)).slice(0, max)
    const picked = []
    for (const file of files) {
      const blob = await reencode(file)
      picked.push({ preview: URL.createObjectURL(blob), url: await upload(blob, 'photo', 'photo.jpg') })
    }
    return picked
  },
  async startVoice() {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true })
    chunks = []
    recorder = new MediaRecorder(stream)
    recorder.ondataavailable = (e) => chunks.push(e.data)
    startedAt = Date.now()
    recorder.start()
  },
  async stopVoice() {
    const r = recorder
    if (!r) throw new Error('not recording')
    await new Promise<void>((resolve) => {
      r.onstop = () => resolve()
      r.stop()
    })
    r.stream.getTracks().forEach((t) => t.stop())
    recorder = null
    const seconds = Math.round((Date.now() - startedAt) / 1000)
    return { url: await upload(new Blob(chunks, { type: 'audio/webm' }), 'voice', 'voice.webm'), seconds }
  },
  async uploadPending(url) {
    const key = `${FILE_KEY}${url.slice(PENDING_PREFIX.length)}`
    const kept = Taro.getStorageSync(key) as Kept | ''
    if (!kept) throw new Error('kept file missing')
    const blob = await (await fetch(kept.dataUrl)).blob()
    const real = await send(blob, kept.kind, kept.name)
    Taro.removeStorageSync(key)
    return real
  },
  async locate() {
    // A browser gives GPS (WGS-84); readings are sent in GCJ-02 (core/geo).
    const { latitude, longitude } = await Taro.getLocation({ type: 'wgs84' })
    return { ...wgs84ToGcj02({ lat: latitude, lng: longitude }), datum: 'gcj02' }
  },
  // Same site as the server: /uploads urls load with the session cookie.
  shown: shownUrls({ kind: 'web' }),
}

export default media
