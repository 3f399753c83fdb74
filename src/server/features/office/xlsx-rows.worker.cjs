/**
 * The roster import's xlsx reader, run in a worker thread (see readXlsx in import.ts): the first
 * worksheet, in the workbook's tab order, read with exceljs's streaming reader and posted back as
 * text in batches of rows `[rowNumber, cells[]]`, then `{ done, found }` (or `{ done, tooLarge }` past `maxRows` rows).
 * Why a worker: the streaming parse makes garbage faster than V8 collects it when it shares a heap
 * with a big live set, and a county's roster then took ~450 MB; a worker's heap has a size limit
 * (resourceLimits), so the parse stays small, and a zip bomb stops this thread, not the server.
 * Plain CommonJS so that every runtime (tsx, jest, node) can start it as it is.
 */
const { parentPort, workerData } = require('node:worker_threads')
const { Readable } = require('node:stream')
const ExcelJS = require('exceljs')

/** A cell as the text the roster template expects (formulas by their result, dates as YYYY-MM-DD). */
const cellText = (value) => {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
    if ('text' in value && typeof value.text === 'string') return value.text
    if ('result' in value) return cellText(value.result)
  }
  return String(value)
}

/**
 * The shared strings as strings of their own: the XML parser's texts are slices that keep whole
 * chunks of the XML alive (a county's roster: 25 MB of strings holding 41 MB).
 */
const flatten = (strings) => {
  if (!Array.isArray(strings)) return
  for (let i = 0; i < strings.length; i++) if (typeof strings[i] === 'string') strings[i] = JSON.parse(JSON.stringify(strings[i]))
}

const BATCH = 2000
const CHUNK = 64 * 1024

const read = async (bytes) => {
  // 64 KiB chunks: one chunk of the whole file would be buffered again by the unzipper.
  const source = Readable.from(
    (function* () {
      for (let i = 0; i < bytes.length; i += CHUNK) yield bytes.subarray(i, i + CHUNK)
    })(),
  )
  // Styles are read so that date-formatted numbers come out as dates.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' })
  let batch = []
  for await (const sheet of reader) {
    // Sheets come in the order of the zip's entries; the workbook (read first) gives the tab order.
    const first = reader.model && reader.model.sheets && reader.model.sheets[0] ? reader.model.sheets[0].name : undefined
    if (first !== undefined && sheet.name !== first) continue
    flatten(reader.sharedStrings)
    for await (const row of sheet) {
      if (row.number > workerData.maxRows) {
        parentPort.postMessage({ rows: [], done: true, found: true, tooLarge: true })
        return
      }
      batch.push([row.number, row.values.slice(1).map(cellText)])
      if (batch.length >= BATCH) {
        parentPort.postMessage({ rows: batch })
        batch = []
      }
    }
    parentPort.postMessage({ rows: batch, done: true, found: true })
    return
  }
  parentPort.postMessage({ rows: batch, done: true, found: false })
}

read(Buffer.from(workerData.bytes)).catch(() => parentPort.postMessage({ rows: [], done: true, found: false }))
