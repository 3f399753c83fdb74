/**
 * WeChat media: photos through Taro.compressImage (re-encoded: EXIF and GPS dropped), voice through
 * the recorder manager, both uploaded to WeChat cloud storage; the file id is the attachment url.
 * One rule: screens never call wx.cloud; this module is the one place that uploads.
 */
import Taro from '@tarojs/taro'
import { call, newRequestId } from './api'
import { ownCloudFolder } from './cloud-folder'
import { PENDING_PREFIX, PHOTO_QUALITY, type Media } from './media-types'

/**
 * Uploads to cloud storage under the person's own folder (`u/<person>/photos|voice/...`) and
 * registers the file id as the caller's (only then may it be attached; others see it only through
 * temporary URLs, services/file-urls.ts).
 */
const send = async (filePath: string, folder: string, ext: string): Promise<string> => {
  const info = await Taro.getFileInfo({ filePath })
  const size = 'size' in info ? info.size : 1
  // A file kept offline before this change names 'tickets/photos': its last part is the folder.
  const { fileID } = await Taro.cloud.uploadFile({ cloudPath: `${await ownCloudFolder()}/${folder.split('/').pop() ?? folder}/${newRequestId()}.${ext}`, filePath })
  await call('upload.register', { fileId: fileID, kind: folder.endsWith('voice') ? 'voice' : 'photo', bytes: Math.max(1, size) })
  return fileID
}

/** With no signal the file is saved on the phone; its `pending:` url says where and to which folder. */
const toCloud = async (filePath: string, folder: string, ext: string): Promise<string> => {
  try {
    return await send(filePath, folder, ext)
  } catch (error) {
    const { networkType } = await Taro.getNetworkType()
    if (networkType !== 'none') throw error
    const saved = Taro.getFileSystemManager().saveFileSync(filePath) as unknown as string
    return `${PENDING_PREFIX}${encodeURIComponent(JSON.stringify({ saved, folder, ext }))}`
  }
}

let startedAt = 0

const media: Media = {
  async pickPhotos(max) {
    const chosen = await Taro.chooseImage({ count: max, sizeType: ['compressed'], sourceType: ['camera', 'album'] })
    const picked = []
    for (const src of chosen.tempFilePaths.slice(0, max)) {
      const { tempFilePath } = await Taro.compressImage({ src, quality: Math.round(PHOTO_QUALITY * 100) })
      picked.push({ preview: tempFilePath, url: await toCloud(tempFilePath, 'photos', 'jpg') })
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
        toCloud(res.tempFilePath, 'voice', 'mp3').then(
          (url) => resolve({ url, seconds: Math.round((Date.now() - startedAt) / 1000) }),
          reject,
        )
      })
      manager.stop()
    })
  },
  async uploadPending(url) {
    const { saved, folder, ext } = JSON.parse(decodeURIComponent(url.slice(PENDING_PREFIX.length))) as { saved: string; folder: string; ext: string }
    const real = await send(saved, folder, ext)
    Taro.getFileSystemManager().unlink({ filePath: saved })
    return real
  },
  async locate() {
    const { latitude, longitude } = await Taro.getLocation({ type: 'gcj02' })
    return { lat: latitude, lng: longitude, datum: 'gcj02' }
  },
}

export default media
