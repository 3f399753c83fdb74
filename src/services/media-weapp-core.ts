/**
 * selfhost (issue 11): where the weapp's photos and voice notes go, per backend (the build's choice,
 * transport-weapp-core's Backend), behind one Uploader: WeChat cloud storage (`wx.cloud.uploadFile`
 * under the person's folder, then `upload.register`) or the self-hosted server's `/upload` route
 * (`wx.uploadFile` with the session token: the server checks type, exact size and quotas, strips
 * EXIF and records the owner, as for H5). And how a stored url is shown there: a `cloud://` id or,
 * self-hosted, an `/uploads/` url is exchanged for a temporary URL (file.urls) first, since an
 * <image> cannot send a token; the self-hosted one is relative to the server.
 * Pure: the platform (Taro's cloud, uploadFile, file system) is handed in, so a test can drive both
 * uploaders against the real server. One rule: screens never choose; media.weapp.ts wires one.
 */
import type { ApiResponse } from '../contracts'
import type { Backend } from './transport-weapp-core'
import { TransportError, type Transport } from './transport-types'
import { PENDING_PREFIX } from './media-types'

export type MediaKind = 'photo' | 'voice'

/** Puts a file from the phone where the backend keeps files; answers the url an action accepts. */
export interface Uploader {
  upload(filePath: string, kind: MediaKind, ext: string): Promise<string>
}

/** The slice of the mini-program platform the uploaders use (Taro's API in the app). */
export interface MediaPlatform {
  fileSize(filePath: string): Promise<number>
  cloudUpload(options: { cloudPath: string; filePath: string }): Promise<{ fileID: string }>
  uploadFile(options: { url: string; filePath: string; name: string; header: Record<string, string>; timeout: number }): Promise<{ statusCode: number; data: unknown }>
  networkType(): Promise<string>
  saveFile(filePath: string): string
  unlink(filePath: string): void
}

/** A refusal the server answered (UPLOAD.TOO_LARGE, LIMIT.*): media.weapp.ts makes it an ApiCallError. */
export type Refusal = (code: string, message: string) => Error

/** The folder of each kind (a file kept offline by an older build names `tickets/photos`). */
const FOLDER: Record<MediaKind, string> = { photo: 'photos', voice: 'voice' }

/** WeChat cloud storage: the person's own folder, then the file id registered as theirs. */
export const cloudUploader = (
  platform: MediaPlatform,
  deps: { folder(): Promise<string>; newId(): string; register(fileId: string, kind: MediaKind, bytes: number): Promise<unknown> },
): Uploader => ({
  async upload(filePath, kind, ext) {
    const size = await platform.fileSize(filePath)
    const { fileID } = await platform.cloudUpload({ cloudPath: `${await deps.folder()}/${FOLDER[kind]}/${deps.newId()}.${ext}`, filePath })
    await deps.register(fileID, kind, Math.max(1, size))
    return fileID
  },
})

/** Uploads take longer than calls on a village network. */
export const UPLOAD_TIMEOUT_MS = 60_000

const parsed = (data: unknown): unknown => {
  if (typeof data !== 'string') return data
  try {
    return JSON.parse(data) as unknown
  } catch {
    return null
  }
}

/**
 * The self-hosted server: `wx.uploadFile` to `<base>/upload?kind=` with the session's Authorization
 * header (transport.authorized logs in or renews the token once). Its answer is the ApiResponse of
 * the H5 upload; no answer at all is a TransportError (offline: the caller keeps the file).
 */
export const httpsUploader = (platform: MediaPlatform, base: string, transport: Pick<Transport, 'authorized'>, refusal: Refusal): Uploader => ({
  async upload(filePath, kind) {
    const answer = await transport.authorized(async (header): Promise<ApiResponse<{ url: string }>> => {
      let result: { statusCode: number; data: unknown }
      try {
        result = await platform.uploadFile({ url: `${base}/upload?kind=${kind}`, filePath, name: 'file', header, timeout: UPLOAD_TIMEOUT_MS })
      } catch (error) {
        throw new TransportError(error instanceof Error ? error.message : String((error as { errMsg?: unknown } | null)?.errMsg ?? error))
      }
      const body = parsed(result.data) as ApiResponse<{ url: string }> | null
      if (!body || typeof body !== 'object' || typeof body.ok !== 'boolean') throw new TransportError(`upload: HTTP ${result.statusCode} without an API answer`)
      return body
    })
    if (!answer.ok) throw refusal(answer.error.code, answer.error.message)
    return answer.data.url
  },
})

/**
 * Uploads now, or, with no signal, keeps the file on the phone and answers a `pending:` url saying
 * where and of which kind (the outbox uploads it before it sends the write: uploadPending).
 */
export const uploadOrKeep = async (uploader: Uploader, platform: MediaPlatform, filePath: string, kind: MediaKind, ext: string): Promise<string> => {
  try {
    return await uploader.upload(filePath, kind, ext)
  } catch (error) {
    if ((await platform.networkType()) !== 'none') throw error
    const saved = platform.saveFile(filePath)
    return `${PENDING_PREFIX}${encodeURIComponent(JSON.stringify({ saved, folder: FOLDER[kind], ext }))}`
  }
}

/** Uploads a kept file and forgets it; throws while still offline. */
export const uploadKept = async (uploader: Uploader, platform: MediaPlatform, url: string): Promise<string> => {
  const { saved, folder, ext } = JSON.parse(decodeURIComponent(url.slice(PENDING_PREFIX.length))) as { saved: string; folder: string; ext: string }
  const real = await uploader.upload(saved, folder.endsWith('voice') ? 'voice' : 'photo', ext)
  platform.unlink(saved)
  return real
}

/** How stored urls are shown on a platform: which need a temporary URL first, and its full form. */
export interface ShownUrls {
  /** True when `url` cannot be shown as it is and `file.urls` must answer a temporary URL for it. */
  needsGrant(url: string): boolean
  /** The answered temporary URL as an <image> or audio context can load it. */
  absolute(granted: string): string
}

/**
 * H5 (`web`) and the cloud weapp show `/uploads/` urls as they are (H5: same site, its session
 * cookie) and need grants for `cloud://` ids; the self-hosted weapp needs grants for both, and
 * loads the server's signed `/uploads/...` answers from its API base.
 */
export const shownUrls = (backend: Backend | { kind: 'web' }): ShownUrls => ({
  needsGrant: (url) => url.startsWith('cloud://') || (backend.kind === 'https' && url.startsWith('/uploads/')),
  absolute: (granted) => (backend.kind === 'https' && granted.startsWith('/') ? `${backend.base}${granted}` : granted),
})
