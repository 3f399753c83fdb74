/**
 * Issue 11 items 2 and 6 through the cloud entry, the way WeChat's runtime runs it (identity in WX_*
 * variables), with the local WeChat storage adapter serving files from a temp folder and recording
 * each call: a roster file imported by file id gives the same report as the HTTP import; an export
 * lands in storage and its temporary URL is answered only to the office; another person's file id
 * is refused; a temporary URL is handed only to a reader of the object.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { ROSTER_COLUMNS } from '../../src/core/rosterImport'
import { openStore } from '../../src/server/storage/relational'
import type { Store } from '../../src/server/storage/port'
import { LOCAL_STORAGE_PREFIX, type StorageCall } from '../../src/server/wechat/local'
import { freshDatabase, type TestDatabase } from '../support/test-database'
import { startHarness, type Harness } from '../server/harness'
import { loadWorld } from '../server/world'
import { realPng } from '../server/fixtures/images'

jest.setTimeout(120_000)

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-cloud-files-'))
const storageDir = path.join(dir, 'storage')
let database: TestDatabase
let store: Store
let http: Harness

const asWeChatUser = (openid: string) => {
  process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID'
  process.env.WX_APPID = 'wx0000000000000000'
  process.env.WX_OPENID = openid
}

type Answer = { ok: boolean; data?: unknown; error?: { code: string; message: string; issues?: unknown[] } }
type Main = (event: unknown) => Promise<Answer>
let main: Main
let calls: () => StorageCall[]
let seq = 0
const call = (action: string, input: unknown) => main({ action, input, requestId: `cloud-files-${(seq++).toString().padStart(4, '0')}` })

/** What the phone does: wx.cloud.uploadFile puts the bytes in storage (here: the folder). */
const putInStorage = (cloudPath: string, bytes: Buffer): string => {
  fs.mkdirSync(path.dirname(path.join(storageDir, cloudPath)), { recursive: true })
  fs.writeFileSync(path.join(storageDir, cloudPath), bytes)
  return `${LOCAL_STORAGE_PREFIX}${cloudPath}`
}

const row = (o: Partial<Record<(typeof ROSTER_COLUMNS)[number], string>>) => ROSTER_COLUMNS.map((c) => o[c] ?? '')
const xlsxOf = async (rows: string[][]) => {
  const wb = new ExcelJS.Workbook()
  const sheet = wb.addWorksheet('花名册')
  rows.forEach((r) => sheet.addRow(r))
  return Buffer.from(await wb.xlsx.writeBuffer())
}
const household = { 村: '新村', 村民小组: '一社', 户号: '0001', 户主: '王大', 地址: '新村1号', 包户干部手机号: '13700009999' }
const goodRoster = () =>
  xlsxOf([
    [...ROSTER_COLUMNS],
    row({ 类别: '干部', 姓名: '新干部', 手机号: '13700009999', 岗位: '包户', 村: '新村' }),
    row({ 类别: '村民', 姓名: '王大', 手机号: '13900009999', ...household }),
    row({ 类别: '村民', 姓名: '王二', ...household }),
  ])
// A row whose phone is not a phone and a household without a cadre: the report names rows and fields.
const badRoster = () =>
  xlsxOf([
    [...ROSTER_COLUMNS],
    row({ 类别: '村民', 姓名: '错号', 手机号: '12', ...household, 包户干部手机号: '13711112222' }),
  ])

const httpImport = async (bytes: Buffer, fileName: string): Promise<Answer> => {
  const token = (await http.anonymous.ok('auth.devLogin', { personId: 'office-1' })).token
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)]), fileName)
  const response = await fetch(`${http.server.url}/files/roster-import`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } })
  return (await response.json()) as Answer
}

/** The office sends a file from a chat: upload, register as its own, import by file id. */
const cloudImport = async (bytes: Buffer, fileName: string, name: string): Promise<Answer> => {
  asWeChatUser('o-office')
  const fileId = putInStorage(`u/office-1/sheets/${name}.xlsx`, bytes)
  expect(await call('upload.register', { fileId, kind: 'sheet', bytes: bytes.length })).toMatchObject({ ok: true })
  return call('office.importFile', { fileId, fileName })
}

beforeAll(async () => {
  database = await freshDatabase(dir, { file: 'cloud.db', prefix: 'cloudfiles' })
  const setup = await openStore({ url: database.url })
  await loadWorld(setup)
  for (const [openid, personId] of [['o-office', 'office-1'], ['o-a1', 'villager-a1'], ['o-b1', 'villager-b1'], ['o-cadre-a', 'cadre-a'], ['o-office-x', 'office-x']]) {
    await setup.insert('bindings', { id: `b-${personId}`, openid: openid!, personId: personId!, boundAt: 0 })
  }
  await setup.close()
  process.env.MINQING_DATABASE_URL = database.url
  process.env.MINQING_LOCAL_STORAGE_DIR = storageDir
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const entry = require('../../cloudfunctions/api/src/index') as { main: Main; wiredStorage: () => { calls: StorageCall[] } | undefined }
  main = entry.main
  calls = () => entry.wiredStorage()?.calls ?? []
  store = await openStore({ url: database.url })
  http = await startHarness()
})
afterAll(async () => {
  await store.close()
  await database.drop()
  await http.stop()
  delete process.env.MINQING_LOCAL_STORAGE_DIR
  fs.rmSync(dir, { recursive: true, force: true })
})

it('imports a roster file by its file id with the same report as the HTTP import, rows and fields included', async () => {
  const bad = await badRoster()
  const viaHttp = await httpImport(bad, '花名册.xlsx')
  const viaCloud = await cloudImport(bad, '花名册.xlsx', 'bad')
  expect(viaHttp).toMatchObject({ ok: false, error: { code: 'IMPORT.INVALID_ROWS' } })
  expect(viaCloud).toEqual(viaHttp)
  expect(calls()).toContainEqual({ op: 'downloadFile', fileId: `${LOCAL_STORAGE_PREFIX}u/office-1/sheets/bad.xlsx` })

  const good = await goodRoster()
  const okHttp = await httpImport(good, '花名册.xlsx')
  const okCloud = await cloudImport(good, '花名册.xlsx', 'good')
  expect(okHttp).toMatchObject({ ok: true, data: { households: 1, villages: 1 } })
  expect(okCloud).toEqual(okHttp)
  expect(await store.count('households', { number: '0001' })).toBe(1)
})

it("refuses a roster file the office did not register as its own, and to anyone but the office", async () => {
  const bytes = await goodRoster()
  // Registered by a villager: the office cannot import it; the villager cannot import at all.
  asWeChatUser('o-a1')
  const fileId = putInStorage('u/villager-a1/sheets/x.xlsx', bytes)
  expect(await call('upload.register', { fileId, kind: 'sheet', bytes: bytes.length })).toMatchObject({ ok: true })
  expect(await call('office.importFile', { fileId, fileName: 'x.xlsx' })).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
  asWeChatUser('o-office')
  const before = calls().length
  expect(await call('office.importFile', { fileId, fileName: 'x.xlsx' })).toMatchObject({ ok: false, error: { code: 'TICKET.ATTACHMENT_NOT_YOURS' } })
  // Never registered by anyone: refused too, and the function never downloads either.
  const stray = putInStorage('u/office-1/sheets/stray.xlsx', bytes)
  expect(await call('office.importFile', { fileId: stray, fileName: 'x.xlsx' })).toMatchObject({ ok: false, error: { code: 'TICKET.ATTACHMENT_NOT_YOURS' } })
  expect(calls().slice(before).filter((c) => c.op === 'downloadFile')).toEqual([])
})

it('writes an export to storage and answers its temporary URL to the office only', async () => {
  asWeChatUser('o-office')
  const answer = await call('office.exportFile', { kind: 'tickets', period: '2026-11' })
  expect(answer).toMatchObject({ ok: true, data: { fileName: expect.stringContaining('2026-11') as string, url: expect.stringMatching(/^https:\/\/local-env\.tcb\.qcloud\.la\/office\/ts-1\//) as string } })
  const upload = calls().filter((c) => c.op === 'uploadFile').pop() as Extract<StorageCall, { op: 'uploadFile' }>
  expect(upload.cloudPath).toMatch(/^office\/ts-1\/.+-tickets-2026-11\.xlsx$/)
  // It is a real workbook in storage.
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(fs.readFileSync(path.join(storageDir, upload.cloudPath)) as unknown as ArrayBuffer)
  expect(wb.worksheets).toHaveLength(1)
  const fileId = `${LOCAL_STORAGE_PREFIX}${upload.cloudPath}`
  expect(await store.find('uploads', { url: fileId })).toMatchObject([{ ownerId: 'office-1', kind: 'sheet', objectKind: 'export', objectId: 'ts-1' }])
  // The template as well, the same way.
  expect(await call('office.exportFile', { kind: 'template' })).toMatchObject({ ok: true, data: { fileName: '花名册模板.xlsx' } })

  // A villager and a resident cadre cannot export, nor get the export's URL; another township's office neither.
  for (const openid of ['o-a1', 'o-cadre-a']) {
    asWeChatUser(openid)
    expect(await call('office.exportFile', { kind: 'tickets', period: '2026-11' })).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
    expect(await call('file.urls', { fileIds: [fileId] })).toMatchObject({ ok: true, data: { urls: [{ fileId, url: null }] } })
  }
  asWeChatUser('o-office-x')
  expect(await call('file.urls', { fileIds: [fileId] })).toMatchObject({ ok: true, data: { urls: [{ fileId, url: null }] } })
  asWeChatUser('o-office')
  expect(await call('file.urls', { fileIds: [fileId] })).toMatchObject({ ok: true, data: { urls: [{ fileId, url: expect.stringMatching(/^https:/) as string }] } })
})

it("refuses an attachment of another person's file id, and hands a ticket photo's temporary URL only to a reader of the ticket", async () => {
  const photo = putInStorage('u/villager-a1/photos/p1.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0, 0, 0, 0, 0]))
  asWeChatUser('o-a1')
  expect(await call('upload.register', { fileId: photo, kind: 'photo', bytes: 12 })).toMatchObject({ ok: true })
  asWeChatUser('o-b1')
  const report = { kind: 'problem', category: 'infrastructure', description: '路灯坏了', photoUrls: [photo] }
  expect(await call('ticket.create', report)).toMatchObject({ ok: false, error: { code: 'TICKET.ATTACHMENT_NOT_YOURS' } })
  // Before it is attached, only its uploader gets a URL.
  expect(await call('file.urls', { fileIds: [photo] })).toMatchObject({ ok: true, data: { urls: [{ fileId: photo, url: null }] } })
  asWeChatUser('o-a1')
  expect(await call('ticket.create', report)).toMatchObject({ ok: true })
  const granted = calls().filter((c) => c.op === 'tempUrl').length
  // The household's cadre reads the ticket: a URL. Another villager of another village does not.
  asWeChatUser('o-cadre-a')
  expect(await call('file.urls', { fileIds: [photo] })).toMatchObject({ ok: true, data: { urls: [{ fileId: photo, url: expect.stringMatching(/^https:/) as string }] } })
  asWeChatUser('o-b1')
  expect(await call('file.urls', { fileIds: [photo, `${LOCAL_STORAGE_PREFIX}u/nobody/none.jpg`] })).toMatchObject({
    ok: true,
    data: { urls: [{ fileId: photo, url: null }, { url: null }] },
  })
  // Exactly one temporary URL went out (the cadre's), each valid for ten minutes.
  const after = calls().filter((c) => c.op === 'tempUrl').slice(granted)
  expect(after).toEqual([{ op: 'tempUrl', fileId: photo, maxAgeSeconds: 600 }])
})

it('keeps a visit signature in cloud storage under the signer\'s folder, never inline in the database', async () => {
  asWeChatUser('o-cadre-a')
  const visit = await call('visit.create', { householdId: 'hh-a1', purpose: '走访' })
  expect(visit).toMatchObject({ ok: true })
  asWeChatUser('o-a1')
  const signed = await call('visit.signOff', { visitId: (visit.data as { id: string }).id, signaturePng: await realPng() })
  expect(signed).toMatchObject({ ok: true })
  const [row] = await store.find('visits', { id: (visit.data as { id: string }).id })
  const image = await store.get('images', row!.signatureId!)
  expect(image).toMatchObject({ kind: 'signature', ownerId: 'villager-a1', data: '', fileId: expect.stringMatching(/^cloud:\/\/local-env\.minqing\/u\/villager-a1\/signature\/.+\.png$/) as string })
  // The checked, cleaned PNG is what storage holds.
  const stored = fs.readFileSync(path.join(storageDir, image!.fileId!.slice(LOCAL_STORAGE_PREFIX.length)))
  expect(stored.subarray(1, 4).toString('latin1')).toBe('PNG')
  expect(stored.length).toBe(image!.bytes)
})

it("hands a cadre's photo to his township's people and to no one outside it", async () => {
  const face = putInStorage('u/cadre-a/photos/face.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0, 0, 0, 0, 0]))
  asWeChatUser('o-cadre-a')
  expect(await call('upload.register', { fileId: face, kind: 'photo', bytes: 12 })).toMatchObject({ ok: true })
  expect(await call('cadre.setPhoto', { photoUrl: face })).toMatchObject({ ok: true })
  asWeChatUser('o-a1')
  expect(await call('file.urls', { fileIds: [face] })).toMatchObject({ ok: true, data: { urls: [{ fileId: face, url: expect.stringMatching(/^https:/) as string }] } })
  asWeChatUser('o-office-x')
  expect(await call('file.urls', { fileIds: [face] })).toMatchObject({ ok: true, data: { urls: [{ fileId: face, url: null }] } })
})
