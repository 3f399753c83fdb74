/**
 * Spreadsheet files in the browser (local demo): a file picker, a multipart upload with the
 * session's Bearer token, and downloads fetched with the token then saved through a Blob link.
 * One rule: the server's error answer becomes an ApiCallError with its code, message and issues.
 */
import type { ApiResponse, ImportView } from '../contracts'
import { errorMessage } from '../i18n'
import { ApiCallError } from './api'
import type { ExportKind, Files } from './files-types'
import transport from './transport'

const authHeaders = (): Record<string, string> => {
  const token = transport.session.get()
  return token ? { Authorization: `Bearer ${token}` } : {}
}

const failure = async (response: Response): Promise<ApiCallError> => {
  const body = (await response.json().catch(() => null)) as ApiResponse<unknown> | null
  if (body && !body.ok) return new ApiCallError(body.error.code, body.error.message, body.error.issues ?? [])
  return new ApiCallError('SERVER.UNAVAILABLE', errorMessage('SERVER.UNAVAILABLE'))
}

const pickFile = (): Promise<File | null> =>
  new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv'
    input.className = 'roster-file-input'
    input.style.display = 'none'
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null)
      input.remove()
    })
    input.addEventListener('cancel', () => {
      resolve(null)
      input.remove()
    })
    document.body.appendChild(input)
    input.click()
  })

const save = async (url: string, fallbackName: string): Promise<void> => {
  let response: Response
  try {
    response = await fetch(url, { headers: authHeaders() })
  } catch {
    throw new ApiCallError('SERVER.UNAVAILABLE', errorMessage('SERVER.UNAVAILABLE'))
  }
  if (!response.ok) throw await failure(response)
  const disposition = response.headers.get('content-disposition') ?? ''
  const name = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1]
  const blob = await response.blob()
  const link = document.createElement('a')
  link.href = URL.createObjectURL(blob)
  link.download = name ? decodeURIComponent(name) : fallbackName
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000)
}

const files: Files = {
  async pickAndImportRoster() {
    const file = await pickFile()
    if (!file) return null
    const form = new FormData()
    form.append('file', file, file.name)
    let response: Response
    try {
      response = await fetch('/files/roster-import', { method: 'POST', body: form, headers: authHeaders() })
    } catch {
      throw new ApiCallError('SERVER.UNAVAILABLE', errorMessage('SERVER.UNAVAILABLE'))
    }
    if (!response.ok) throw await failure(response)
    const body = (await response.json()) as ApiResponse<ImportView>
    if (!body.ok) throw new ApiCallError(body.error.code, body.error.message, body.error.issues ?? [])
    return body.data
  },
  downloadTemplate: (format) => save(`/files/roster-template.${format}`, `template.${format}`),
  downloadExport: (kind: ExportKind, period: string) => save(`/files/export/${kind}.xlsx?period=${encodeURIComponent(period)}`, `${kind}-${period}.xlsx`),
}

export default files
