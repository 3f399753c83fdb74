/**
 * Section 4: the county's roster imported from an xlsx file (the township's template, every cadre
 * and every household member), uploaded to POST /files/roster-import of a local server running in
 * its own process, so that its peak RSS is measured alone.
 * One rule: the file is what a township would upload (shared strings, as Excel writes them).
 */
import { fork } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import ExcelJS from 'exceljs'
import { ROSTER_COLUMNS } from '../src/core/rosterImport'
import type { ImportView } from '../src/contracts/views.office'
import type { SeedData } from '../src/server/seed'
import { devLogin, fmtMs, int, mb, progress, time, type Report } from './support'

export const SECTION_IMPORT = '4. Roster import from xlsx (POST /files/roster-import, server in its own process)'

export interface ImportFigures {
  households: number
  ms: number
  peakRssBytes: number
  baselineRssBytes: number
  error?: string
}

/** The county's roster as the template's rows: every cadre and every household member, one township. */
export const rosterRows = (data: SeedData): string[][] => {
  const village = new Map(data.villages.map((v) => [v.id, v.name]))
  const group = new Map(data.groups.map((g) => [g.id, g.name]))
  const household = new Map(data.households.map((h) => [h.id, h]))
  const person = new Map(data.people.map((p) => [p.id, p]))
  const ledVillage = new Map(data.teams.map((t) => [t.leaderId, t.villageId]))
  const memberVillage = new Map(data.teams.flatMap((t) => t.memberIds.map((m) => [m, t.villageId] as const)))
  // Village names repeat across townships: prefix the village id to keep them apart.
  const vname = (id: string) => `${id}-${village.get(id)}`
  const rows: string[][] = [[...ROSTER_COLUMNS]]
  for (const p of data.people) {
    if (!p.roles.includes('cadre')) continue
    const extra = p.roles.includes('leader') ? '镇领导' : p.roles.includes('supervisor') ? '督导组' : ''
    const v = memberVillage.get(p.id) ?? ledVillage.get(p.id)
    rows.push(['干部', p.name, p.phone, extra, p.title, p.duty === 'resident' ? '包户' : '机关', v ? vname(v) : '', '', '', '', '', ''])
  }
  // The generator may give two members of a household the same name; the template keys a member by
  // household + name, so the township would write them apart (巴特尔 / 巴特尔（二）): so does the bench.
  const seen = new Set<string>()
  for (const p of data.people) {
    if (!p.householdId || p.roles.includes('cadre')) continue
    const h = household.get(p.householdId)!
    let name = p.name
    for (let i = 2; seen.has(`${h.id}/${name}`); i++) name = `${p.name}（${i}）`
    seen.add(`${h.id}/${name}`)
    const cadre = h.cadreId ? person.get(h.cadreId) : undefined
    const extra = p.roles.includes('secretary') ? '村党支部书记' : p.roles.includes('committee') ? '村两委委员' : p.roles.includes('representative') ? '村民代表' : ''
    rows.push(['村民', name, p.hasPhone ? p.phone : '', extra, '', '', vname(h.villageId), group.get(h.groupId) ?? '', h.number, h.headName, h.address, cadre?.phone ?? ''])
  }
  return rows
}

/** Writes the rows as an xlsx file with exceljs's streaming writer (shared strings, like Excel). */
const writeXlsx = async (rows: string[][], file: string): Promise<void> => {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false })
  const sheet = workbook.addWorksheet('花名册')
  for (const r of rows) sheet.addRow(r).commit()
  sheet.commit()
  await workbook.commit()
}

/** A multipart upload over loopback with node:http (no client-side timeout: the import may be slow). */
const upload = (url: string, token: string, fileName: string, bytes: Buffer): Promise<{ status: number; body: string }> => {
  const boundary = `----bench${randomBytes(8).toString('hex')}`
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  const body = Buffer.concat([head, bytes, tail])
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${url}/files/roster-import`,
      { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': body.length } },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (c: Buffer) => chunks.push(c))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }))
        response.on('error', reject)
      },
    )
    request.on('error', reject)
    request.end(body)
  })
}

interface ChildMessage {
  ready?: boolean
  url?: string
  personId?: string
  baselineKb?: number
  maxRssKb?: number
}

export const benchImport = async (report: Report, county: SeedData, tmp: string): Promise<ImportFigures> => {
  const households = county.households.length
  progress(`import: building the ${int(households)}-household xlsx`)
  const [rows, tRows] = await time(async () => rosterRows(county))
  const file = path.join(tmp, `roster-${households}.xlsx`)
  const [, tWrite] = await time(() => writeXlsx(rows, file))
  const bytes = fs.readFileSync(file)
  report.add(SECTION_IMPORT, `file: ${int(rows.length - 1)} rows (every cadre and household member of ${int(households)} households), xlsx ${mb(bytes.length)} (rows built in ${fmtMs(tRows)}, written in ${fmtMs(tWrite)})`)

  const dataDir = fs.mkdtempSync(path.join(tmp, 'import-'))
  const child = fork(path.join(__dirname, 'import-server.ts'), [dataDir], { cwd: path.join(__dirname, '..'), execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const next = () =>
    new Promise<ChildMessage>((resolve, reject) => {
      child.once('message', (m: ChildMessage) => resolve(m))
      void exited.then((code) => reject(new Error(`the import server exited with ${code}`)))
    })
  try {
    const ready = await next()
    const token = await devLogin(ready.url!, ready.personId!)
    progress('import: uploading')
    const [answer, ms] = await time(() => upload(ready.url!, token, 'roster.xlsx', bytes))
    const peak = next()
    child.send('report')
    const { maxRssKb } = await peak
    const figures: ImportFigures = { households, ms, peakRssBytes: (maxRssKb ?? 0) * 1024, baselineRssBytes: (ready.baselineKb ?? 0) * 1024 }
    const parsed = JSON.parse(answer.body) as { ok: boolean; data?: ImportView; error?: { code: string; message: string } }
    if (!parsed.ok || !parsed.data) {
      figures.error = `${answer.status} ${parsed.error?.code}: ${parsed.error?.message}`
      report.add(SECTION_IMPORT, `import REFUSED after ${fmtMs(ms)}: ${figures.error}`)
    } else {
      const v = parsed.data
      report.add(SECTION_IMPORT, `imported ${int(v.households)} households, ${int(v.people)} people, ${int(v.villages)} villages, ${int(v.groups)} groups, ${int(v.teams)} teams (${v.coverage.length} coverage findings) in ${fmtMs(ms)} (upload to answer)`)
    }
    report.add(SECTION_IMPORT, `import server process: peak RSS ${mb(figures.peakRssBytes)} (after start, before the upload: ${mb(figures.baselineRssBytes)})`)
    return figures
  } finally {
    if (child.exitCode === null) {
      child.send('stop')
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
      await exited
      clearTimeout(timer)
    }
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}
