/**
 * The roster import at the edges of its streaming reader, through the real HTTP server: a roster
 * larger than one write chunk imported and re-imported (only what changed is written, ids stay), the
 * first tab read even when it is not the first sheet file, the row limit, a zip bomb stopped in the
 * reader's thread, and the statistics refreshed after the commit (on both dialects: the
 * integration-mysql project runs this file on MariaDB).
 */
import ExcelJS from 'exceljs'
// exceljs's own zip library (a dependency of exceljs): the bomb is a workbook with one file replaced.
import JSZip from 'jszip'
import Papa from 'papaparse'
import { ROSTER_COLUMNS } from '../../src/core/rosterImport'
import { DEFAULT_SETTINGS } from '../../src/core/settings'
import { startHarness, type Harness } from './harness'

const MAX_ROWS = 3000
let h: Harness
const statements: string[] = []
beforeAll(async () => {
  h = await startHarness({
    settings: { ...DEFAULT_SETTINGS, office: { ...DEFAULT_SETTINGS.office, importMaxRows: MAX_ROWS } },
    onQuery: (text) => statements.push(text.trim().toLowerCase()),
  })
})
afterAll(() => h.stop())

type Answer = { status: number; json: { ok: boolean; data?: { households: number; people: number; villages: number; teams: number }; error?: { code: string } } }
const upload = async (harness: Harness, bytes: Buffer | string, fileName: string): Promise<Answer> => {
  const token = (await harness.anonymous.ok('auth.devLogin', { personId: 'office-1' })).token
  const form = new FormData()
  form.append('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), fileName)
  const response = await fetch(`${harness.server.url}/files/roster-import`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } })
  return { status: response.status, json: (await response.json()) as Answer['json'] }
}

const row = (o: Partial<Record<(typeof ROSTER_COLUMNS)[number], string>>) => ROSTER_COLUMNS.map((c) => o[c] ?? '')
const xlsxOf = async (rows: string[][]) => {
  const wb = new ExcelJS.Workbook()
  const sheet = wb.addWorksheet('花名册')
  rows.forEach((r) => sheet.addRow(r))
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** A village of `n` households (two members each), its cadres covering 60 households each. */
const village = (n: number, change: (householdNumber: number, cells: string[]) => string[] = (_, c) => c): string[][] => {
  const cadres = Math.ceil(n / 60)
  const rows: string[][] = [[...ROSTER_COLUMNS]]
  rows.push(row({ 类别: '干部', 姓名: '组长', 手机号: '13600000000', 岗位: '机关', 身份: '镇领导', 村: '大村' }))
  for (let c = 0; c < cadres; c++) rows.push(row({ 类别: '干部', 姓名: `干部${c}`, 手机号: `1370000${String(c).padStart(4, '0')}`, 岗位: '包户', 村: '大村' }))
  for (let i = 0; i < n; i++) {
    const household = { 村: '大村', 村民小组: `${(i % 7) + 1}社`, 户号: String(i + 1).padStart(4, '0'), 户主: `户主${i}`, 地址: `大村${i}号`, 包户干部手机号: `1370000${String(Math.floor(i / 60)).padStart(4, '0')}` }
    const head = row({ 类别: '村民', 姓名: `户主${i}`, 手机号: `1390${String(i).padStart(7, '0')}`, 身份: i === 0 ? '村党支部书记' : '', ...household })
    rows.push(change(i, head))
    rows.push(change(i, row({ 类别: '村民', 姓名: `家人${i}`, ...household })))
  }
  return rows
}

describe('a roster larger than one write chunk', () => {
  it('imports every household and member, then re-imports writing only what changed and keeping every id', async () => {
    const store = h.server.deps.store
    const first = await upload(h, await xlsxOf(village(1100)), '花名册.xlsx')
    expect(first.status).toBe(200)
    expect(first.json.data).toMatchObject({ households: 1100, people: 2 * 1100 + 20, villages: 1, teams: 1 })
    const [big] = await store.find('villages', { townshipId: 'ts-1', name: '大村' })
    const before = new Map((await store.find('people', { villageId: big.id })).map((p) => [p.name, p]))
    expect(before.size).toBe(2200)
    const households = await store.find('households', { villageId: big.id })
    expect(households).toHaveLength(1100)
    const [team] = await store.find('teams', { villageId: big.id })
    expect(team.secretaryId).toBe(before.get('户主0')!.id)

    // Household 700 (in the second chunk of 500) moves to a new address and its head gets a new
    // phone; household 1101 is new. Everything else is the same file.
    const changed = village(1101, (i, cells) => {
      if (i !== 700) return cells
      const next = [...cells]
      next[ROSTER_COLUMNS.indexOf('地址')] = '大村新址'
      if (next[ROSTER_COLUMNS.indexOf('姓名')] === '户主700') next[ROSTER_COLUMNS.indexOf('手机号')] = '13999999999'
      return next
    })
    const second = await upload(h, await xlsxOf(changed), '花名册.xlsx')
    expect(second.status).toBe(200)
    const after = new Map((await store.find('people', { villageId: big.id })).map((p) => [p.name, p]))
    expect(after.size).toBe(2202)
    for (const [name, person] of before) expect(after.get(name)?.id).toBe(person.id)
    expect(after.get('户主700')?.phone).toBe('13999999999')
    expect(after.get('户主699')?.phone).toBe(before.get('户主699')?.phone)
    const moved = await store.find('households', { villageId: big.id, number: ['0701', '1101'] }, { orderBy: { field: 'number' } })
    expect(moved.map((x) => [x.number, x.address])).toEqual([
      ['0701', '大村新址'],
      ['1101', '大村1100号'],
    ])
    expect(moved[0].id).toBe(households.find((x) => x.number === '0701')!.id)
  })
})

it('reads the first tab of the workbook even when another sheet was written first', async () => {
  const wb = new ExcelJS.Workbook()
  const notes = wb.addWorksheet('说明')
  notes.addRow(['这一页是填表说明，不是花名册'])
  const roster = wb.addWorksheet('花名册')
  for (const r of village(3)) roster.addRow(r)
  // exceljs writes the tabs in orderNo order (its typings leave the field out): 花名册 first, in sheet2.xml.
  ;(roster as unknown as { orderNo: number }).orderNo = 0
  ;(notes as unknown as { orderNo: number }).orderNo = 1
  const answer = await upload(h, Buffer.from(await wb.xlsx.writeBuffer()), '花名册.xlsx')
  expect(answer.status).toBe(200)
  expect(answer.json.data).toMatchObject({ households: 3, people: 8 })
})

it('refuses a sheet with more rows than the setting as too large, xlsx and csv, and writes nothing', async () => {
  const store = h.server.deps.store
  const before = await store.count('people', {})
  const rows: string[][] = [[...ROSTER_COLUMNS], ...Array.from({ length: MAX_ROWS }, (_, i) => row({ 类别: '村民', 姓名: `某${i}`, 村: '行村', 村民小组: '一社', 户号: String(i), 户主: `某${i}` }))]
  const xlsx = await upload(h, await xlsxOf(rows), '花名册.xlsx')
  expect([xlsx.status, xlsx.json.error?.code]).toEqual([413, 'IMPORT.TOO_LARGE'])
  const csv = await upload(h, `\uFEFF${Papa.unparse(rows)}`, '花名册.csv')
  expect([csv.status, csv.json.error?.code]).toEqual([413, 'IMPORT.TOO_LARGE'])
  expect(await store.count('people', {})).toBe(before)
})

it('stops a zip bomb in the reader thread and answers too large; the server keeps answering', async () => {
  // 60 MB of one shared string in a file of a few KB: more than the reader's heap may hold for a file this size.
  const zip = await JSZip.loadAsync(await xlsxOf(village(1)))
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'
  zip.file('xl/sharedStrings.xml', Buffer.concat([Buffer.from(head), Buffer.alloc(60_000_000, 'a'), Buffer.from('</t></si></sst>')]))
  const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
  expect(bomb.length).toBeLessThan(200_000)
  const answer = await upload(h, bomb, '花名册.xlsx')
  expect([answer.status, answer.json.error?.code]).toEqual([413, 'IMPORT.TOO_LARGE'])
  expect((await h.anonymous.ok('auth.devPeople', {})).groups.length).toBeGreaterThan(0)
})

it('writes in one transaction and refreshes the statistics after its commit', async () => {
  statements.length = 0
  const answer = await upload(h, await xlsxOf(village(130).map((r) => r.map((c) => c.replace('大村', '统计村')))), '花名册.xlsx')
  expect(answer.json.data).toMatchObject({ households: 130, people: 264, teams: 1 })
  // MySQL's ANALYZE TABLE commits whatever transaction is open: it must come after the import's COMMIT.
  const firstInsert = statements.findIndex((q) => /^insert into [`"]people[`"]/.test(q))
  const begin = statements.slice(0, firstInsert).map((q) => q === 'begin immediate' || q === 'start transaction').lastIndexOf(true)
  const commit = statements.indexOf('commit', firstInsert)
  expect([firstInsert, begin].every((i) => i >= 0)).toBe(true)
  expect(statements.slice(begin, commit).filter((q) => q === 'commit' || q === 'rollback' || q.startsWith('analyze'))).toEqual([])
  expect(statements.findIndex((q) => q.startsWith('analyze'))).toBeGreaterThan(commit)
})
