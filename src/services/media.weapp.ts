/**
 * WeChat media: photos through Taro.compressImage (re-encoded: EXIF and GPS dropped), voice through
 * the recorder manager, both uploaded where the build's backend keeps files (media-weapp-core):
 * WeChat cloud storage (`wx.cloud.uploadFile` + upload.register) or, self-hosted, the server's
 * /upload route (`wx.uploadFile` with the session token). The answer is the attachment url.
 * One rule: screens never call wx.cloud or wx.uploadFile; this module is the one place that uploads.
 */
import Taro from '@tarojs/taro'
import { ApiCallError, call, newRequestId } from './api'
import { ownCloudFolder } from './cloud-folder'
import { PHOTO_QUALITY, type Media } from './media-types'
import { cloudUploader, httpsUploader, shownUrls, uploadKept, uploadOrKeep, type MediaPlatform } from './media-weapp-core'
import transport from './transport'
import { backendOf } from './transport-weapp-core'

const backend = backendOf(MINQING_WEAPP_BACKEND, MINQING_API_BASE)

const platform: MediaPlatform = {
  fileSize: async (filePath) => {
    const info = await Taro.getFileInfo({ filePath })
    return 'size' in info ? info.size : 1
  },
  cloudUpload: (options) => Taro.cloud.uploadFile(options),
  uploadFile: async (options) => {
    const { statusCode, data } = await Taro.uploadFile(options)
    return { statusCode, data: data as unknown }
  },
  networkType: async () => (await Taro.getNetworkType()).networkType,
  saveFile: (filePath) => Taro.getFileSystemManager().saveFileSync(filePath) as unknown as string,
  unlink: (filePath) => Taro.getFileSystemManager().unlink({ filePath }),
}

/**
 * Cloud: under the person's own folder (`u/<person>/photos|voice/...`), registered as the caller's
 * (only then may it be attached; others see it only through temporary URLs, services/file-urls.ts).
 */
const uploader =
  backend.kind === 'https'
    ? httpsUploader(platform, backend.base, transport, (code, message) => new ApiCallError(code, message))
    : cloudUploader(platform, { folder: ownCloudFolder, newId: newRequestId, register: (fileId, kind, bytes) => call('upload.register', { fileId, kind, bytes }) })

let startedAt = 0

const media: Media = {
  async pickPhotos(max) {
    const chosen = await Taro.chooseImage({ count: max, sizeType: ['compressed'], sourceType: ['camera', 'album'] })
    const picked = []
    for (const src of chosen.tempFilePaths.slice(0, max)) {
      const { tempFilePath } = await Taro.compressImage({ src, quality: Math.round(PHOTO_QUALITY * 100) })
      picked.push({ preview: tempFilePath, url: await uploadOrKeep(uploader, platform, tempFilePath, 'photo', 'jpg') })
    }
    return picked
  },
  async startVoice() {
    startedAt = Date.now()
    Taro.getRecorderManager().start({ format: 'mp3', duration: 60_000 })
  },
  stopVoice() {
    return new Promise((resolve, reject) => {
      const manager = Taro.getRecorderManager()
      manager.onStop((res) => {
        uploadOrKeep(uploader, platform, res.tempFilePath, 'voice', 'mp3').then(
          (url) => resolve({ url, seconds: Math.round((Date.now() - startedAt) / 1000) }),
          reject,
        )
      })
      manager.stop()
    })
  },
  uploadPending: (url) => uploadKept(uploader, platform, url),
  async locate() {
    const { latitude, longitude } = await Taro.getLocation({ type: 'gcj02' })
    return { lat: latitude, lng: longitude, datum: 'gcj02' }
  },
  shown: shownUrls(backend),
}

export default media
