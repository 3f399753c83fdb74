/**
 * Spreadsheet files in the mini-program (issue 11 item 6): a roster file sent in a chat is picked
 * with Taro.chooseMessageFile, put in cloud storage under the person's folder, registered as theirs
 * and imported by the function (office.importFile: the same row-and-field report as the web
 * import); exports and the template are written by the function to cloud storage and opened from
 * their temporary URL with Taro.downloadFile + Taro.openDocument (showMenu: they can be forwarded).
 * One rule: failures are ApiCallErrors with a stable code, like every other call.
 */
import Taro from '@tarojs/taro'
import { errorMessage } from '../i18n'
import { ApiCallError, call, newRequestId } from './api'
import { ownCloudFolder } from './cloud-folder'
import type { Files } from './files-types'

const cancelled = (error: unknown): boolean => /cancel/i.test((error as { errMsg?: string } | null)?.errMsg ?? '')

const unavailable = (): ApiCallError => new ApiCallError('SERVER.UNAVAILABLE', errorMessage('SERVER.UNAVAILABLE'))

/** Downloads a temporary URL and opens it in WeChat's document viewer (forwardable from its menu). */
const open = async (url: string): Promise<void> => {
  let filePath: string
  try {
    const downloaded = await Taro.downloadFile({ url })
    if (downloaded.statusCode !== 200) throw unavailable()
    filePath = downloaded.tempFilePath
  } catch (error) {
    throw error instanceof ApiCallError ? error : unavailable()
  }
  await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true })
}

const files: Files = {
  async pickAndImportRoster() {
    let chosen: Taro.chooseMessageFile.SuccessCallbackResult
    try {
      chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] })
    } catch (error) {
      if (cancelled(error)) return null
      throw error
    }
    const file = chosen.tempFiles[0]
    if (!file) return null
    const ext = /\.csv$/i.test(file.name) ? 'csv' : 'xlsx'
    let fileId: string
    try {
      const uploaded = await Taro.cloud.uploadFile({ cloudPath: `${await ownCloudFolder()}/sheets/${newRequestId()}.${ext}`, filePath: file.path })
      fileId = uploaded.fileID
    } catch (error) {
      throw error instanceof ApiCallError ? error : unavailable()
    }
    await call('upload.register', { fileId, kind: 'sheet', bytes: Math.max(1, file.size) })
    return call('office.importFile', { fileId, fileName: file.name })
  },
  // Inside WeChat the template is the xlsx (a csv would open as text).
  async downloadTemplate() {
    await open((await call('office.exportFile', { kind: 'template' })).url)
  },
  async downloadExport(kind, period) {
    await open((await call('office.exportFile', { kind, period })).url)
  },
}

export default files
