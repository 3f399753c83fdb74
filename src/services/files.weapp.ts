/**
 * Spreadsheet files in the mini-program: not built yet (they would go through wx cloud storage:
 * upload the file, pass its fileID to an action; exports written to cloud storage and opened with
 * Taro.openDocument). One rule: say so in words rather than fail silently.
 */
import { msg } from '../i18n'
import { ApiCallError } from './api'
import type { Files } from './files-types'

const unavailable = async (): Promise<never> => {
  throw new ApiCallError('ACTION.UNKNOWN', msg.office.ui.weappFilesUnavailable)
}

const files: Files = {
  pickAndImportRoster: unavailable,
  downloadTemplate: unavailable,
  downloadExport: unavailable,
}

export default files
