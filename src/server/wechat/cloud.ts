/**
 * The WeChat cloud adapter: openapi.wxacode.getUnlimited and openapi.phonenumber.getPhoneNumber
 * through wx-server-sdk (the cloud function declares both permissions in config.json). One rule:
 * imported only by the cloud entry; a test never reaches WeChat (outside WeChat's runtime the SDK
 * fails), it hands in an object of the same shape.
 */
import type { EnvVersion, WechatCodes, WechatMessages, WechatStorage } from './port'

/** The slice of wx-server-sdk this adapter uses (typed here: the SDK's own types are loose). */
export interface WxCloudOpenapi {
  openapi: {
    wxacode: {
      getUnlimited(request: {
        scene: string
        page: string
        width: number
        checkPath?: boolean
        envVersion?: EnvVersion
      }): Promise<{ buffer?: Uint8Array; errCode?: number; errMsg?: string }>
    }
    subscribeMessage: {
      send(request: {
        touser: string
        templateId: string
        page: string
        data: Record<string, { value: string }>
        miniprogramState: 'developer' | 'trial' | 'formal'
        lang: 'zh_CN'
      }): Promise<{ errCode?: number; errMsg?: string }>
    }
    phonenumber: {
      getPhoneNumber(request: { code: string }): Promise<{ errCode?: number; errMsg?: string; phoneInfo?: { phoneNumber?: string; purePhoneNumber?: string; countryCode?: string } }>
    }
  }
}

export const cloudWechatCodes = (cloud: WxCloudOpenapi): WechatCodes => ({
  async unlimitedCode({ scene, page, width, envVersion }) {
    const result = await cloud.openapi.wxacode.getUnlimited({ scene, page, width, checkPath: false, ...(envVersion ? { envVersion } : {}) })
    if (!result.buffer || (result.errCode !== undefined && result.errCode !== 0)) {
      throw new Error(`wxacode.getUnlimited failed: ${result.errCode ?? '?'} ${result.errMsg ?? ''}`)
    }
    return new Uint8Array(result.buffer)
  },
  async getPhoneNumber(code) {
    const result = await cloud.openapi.phonenumber.getPhoneNumber({ code })
    if (result.errCode !== undefined && result.errCode !== 0) return null
    // Chinese roster numbers are kept without the country code: purePhoneNumber.
    const phone = result.phoneInfo?.purePhoneNumber ?? null
    return phone && /^\d{5,20}$/.test(phone) ? phone : null
  },
  async sendPhoneCode() {
    // Inside WeChat the phone is verified by WeChat itself; no SMS service is configured.
    throw new Error('no SMS service in the cloud function: bind by the WeChat phone button')
  },
})

// --- Cloud storage (issue 11 items 2 and 6) ---

/** The slice of wx-server-sdk's storage calls this adapter uses. */
export interface WxCloudStorage {
  downloadFile(request: { fileID: string }): Promise<{ fileContent?: Uint8Array }>
  uploadFile(request: { cloudPath: string; fileContent: Uint8Array }): Promise<{ fileID?: string }>
  getTempFileURL(request: { fileList: { fileID: string; maxAge: number }[] }): Promise<{
    fileList?: { fileID: string; tempFileURL?: string; status?: number; errMsg?: string }[]
  }>
}

export const cloudWechatStorage = (cloud: WxCloudStorage, options: FileSizeOptions = {}): WechatStorage => ({
  async downloadFile(fileId) {
    const { fileContent } = await cloud.downloadFile({ fileID: fileId })
    if (!fileContent) throw new Error(`downloadFile answered no content for ${fileId}`)
    return new Uint8Array(fileContent)
  },
  async uploadFile(cloudPath, bytes) {
    const { fileID } = await cloud.uploadFile({ cloudPath, fileContent: Buffer.from(bytes) })
    if (!fileID) throw new Error(`uploadFile answered no file id for ${cloudPath}`)
    return fileID
  },
  async tempUrl(fileId, maxAgeSeconds) {
    const { fileList } = await cloud.getTempFileURL({ fileList: [{ fileID: fileId, maxAge: maxAgeSeconds }] })
    const [entry] = fileList ?? []
    if (!entry?.tempFileURL || (entry.status !== undefined && entry.status !== 0)) {
      throw new Error(`getTempFileURL failed for ${fileId}: ${entry?.status ?? '?'} ${entry?.errMsg ?? ''}`)
    }
    return entry.tempFileURL
  },
  fileSize: (fileId) => cloudFileSize(cloud, fileId, options),
})

/** subscribeMessage.send through the cloud call (camelCase fields); rejects on any errCode. */
export const cloudWechatMessages = (cloud: WxCloudOpenapi): WechatMessages => ({
  async sendSubscribe({ touser, templateId, page, data, miniprogramState, lang }) {
    const result = await cloud.openapi.subscribeMessage.send({ touser, templateId, page, data, miniprogramState, lang })
    if (result.errCode !== undefined && result.errCode !== 0) throw new Error(`subscribeMessage.send failed: ${result.errCode} ${result.errMsg ?? ''}`)
  },
})

// --- guard (issue 10 item 6 leftover): the real size of a file in cloud storage ---

export interface FileSizeOptions {
  /** How long to wait for storage's answer to the HEAD request. */
  timeoutMs?: number
}

/**
 * A stored file's size as cloud storage has it: a short-lived temporary URL (getTempFileURL; its
 * status says when no such file exists) and a HEAD request to it, whose Content-Length is the
 * size; without one (or when the HEAD is refused) the file is downloaded and its bytes counted.
 * Null when storage holds no such file.
 */
export const cloudFileSize = async (cloud: WxCloudStorage, fileId: string, { timeoutMs = 8000 }: FileSizeOptions = {}): Promise<number | null> => {
  const { fileList } = await cloud.getTempFileURL({ fileList: [{ fileID: fileId, maxAge: 60 }] })
  const [entry] = fileList ?? []
  if (!entry?.tempFileURL || (entry.status !== undefined && entry.status !== 0)) return null
  const response = await fetch(entry.tempFileURL, { method: 'HEAD', signal: AbortSignal.timeout(timeoutMs) })
  if (response.status === 404) return null
  const length = Number(response.headers.get('content-length'))
  if (response.ok && Number.isSafeInteger(length) && length >= 0 && response.headers.get('content-length') !== null) return length
  const { fileContent } = await cloud.downloadFile({ fileID: fileId })
  return fileContent ? fileContent.length : null
}
