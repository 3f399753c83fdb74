/**
 * Spreadsheet files in the mini-program (issue 11 item 6): a roster file sent in a chat is picked
 * with Taro.chooseMessageFile, put in cloud storage under the person's folder, registered as theirs
 * and imported by the function (office.importFile: the same row-and-field report as the web
 * import); exports and the template are written by the function to cloud storage and opened from
 * their temporary URL with Taro.downloadFile + Taro.openDocument (showMenu: they can be forwarded).
 * One rule: failures are ApiCallErrors with a stable code, like every other call.
 */
import Taro from '@tarojs/taro'
import type { ApiResponse, ImportView } from '../contracts'
import { errorMessage } from '../i18n'
import { ApiCallError, call, newRequestId } from './api'
import { ownCloudFolder } from './cloud-folder'
import type { ExportKind, Files } from './files-types'
import transport from './transport'
import { backendOf } from './transport-weapp-core'

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

/** The roster spreadsheet the office picks from a WeChat chat; null when they cancel or pick nothing. */
const chooseRosterFile = async (): Promise<Taro.chooseMessageFile.ChooseFile | null> => {
  try {
    const chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] })
    return chosen.tempFiles[0] ?? null
  } catch (error) {
    if (cancelled(error)) return null
    throw error
  }
}

const cloudFiles: Files = {
  async pickAndImportRoster() {
    const file = await chooseRosterFile()
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

// ---- selfhost (issue 11): the same from a self-hosted server, with the session token ----

const backend = backendOf(MINQING_WEAPP_BACKEND, MINQING_API_BASE)

const refused = (answer: ApiResponse<unknown>): ApiCallError =>
  answer.ok ? unavailable() : new ApiCallError(answer.error.code, answer.error.message || errorMessage(answer.error.code), answer.error.issues ?? [])

/** A file route's refusal comes as the contract's JSON; anything else is the network's fault. */
const answerOf = (text: unknown, statusCode: number): ApiResponse<unknown> => {
  try {
    const body = (typeof text === 'string' ? JSON.parse(text) : text) as ApiResponse<unknown>
    if (body && typeof body === 'object' && typeof body.ok === 'boolean') return body
  } catch {
    // not JSON: below
  }
  return { ok: false, error: { code: 'SERVER.UNAVAILABLE', message: `HTTP ${statusCode}` } }
}

/** Downloads a file route of the server with the session (wx.downloadFile sends the header) and opens it. */
const openFromServer = async (path: string): Promise<void> => {
  const answer = await transport.authorized(async (header): Promise<ApiResponse<string>> => {
    let downloaded: Taro.downloadFile.FileSuccessCallbackResult
    try {
      downloaded = await Taro.downloadFile({ url: `${backend.kind === 'https' ? backend.base : ''}${path}`, header })
    } catch {
      throw unavailable()
    }
    if (downloaded.statusCode === 200) return { ok: true, data: downloaded.tempFilePath }
    return answerOf(Taro.getFileSystemManager().readFileSync(downloaded.tempFilePath, 'utf8'), downloaded.statusCode) as ApiResponse<string>
  })
  if (!answer.ok) throw refused(answer)
  await Taro.openDocument({ filePath: answer.data, fileType: 'xlsx', showMenu: true })
}

const serverFiles = (base: string): Files => ({
  async pickAndImportRoster() {
    const file = await chooseRosterFile()
    if (!file) return null
    // The server's roster import (POST /files/roster-import): the same checks and row-and-field report as the web.
    const answer = await transport.authorized(async (header) => {
      let sent: { statusCode: number; data: unknown }
      try {
        sent = await Taro.uploadFile({ url: `${base}/files/roster-import`, filePath: file.path, name: 'file', header, formData: { fileName: file.name } })
      } catch {
        throw unavailable()
      }
      return answerOf(sent.data, sent.statusCode)
    })
    if (!answer.ok) throw refused(answer)
    return answer.data as ImportView
  },
  downloadTemplate: () => openFromServer('/files/roster-template.xlsx'),
  downloadExport: (kind: ExportKind, period: string) => openFromServer(`/files/export/${kind}.xlsx?period=${encodeURIComponent(period)}`),
})

const files: Files = backend.kind === 'https' ? serverFiles(backend.base) : cloudFiles

export default files
