/**
 * Issue 10 item 6 in the cloud function: an attachment (a cloud storage file id) is accepted only
 * if it is the caller's own upload, registered by them (upload.register); and the per-person
 * quotas hold in the cloud as on the local server (they live in the handlers). guard: the size
 * counted is the one cloud storage has, never the one the client declares (the local storage
 * adapter, a folder, answers it and records the call; the cloud adapter asks by a HEAD request).
 * Run the way WeChat's runtime runs it (identity in WX_* variables), on the project's database.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openStore } from '../../src/server/storage/relational'
import type { Store } from '../../src/server/storage/port'
import { freshDatabase, type TestDatabase } from '../support/test-database'
import { loadWorld } from '../server/world'
import { LOCAL_STORAGE_PREFIX, type StorageCall } from '../../src/server/wechat/local'
import { cloudFileSize, type WxCloudStorage } from '../../src/server/wechat/cloud'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-cloud-uploads-'))
const storageDir = path.join(dir, 'storage')

/** What the phone does (wx.cloud.uploadFile): a file of `size` bytes in storage (sparse: nothing written). */
const putInStorage = (cloudPath: string, size: number): string => {
  const file = path.join(storageDir, cloudPath)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, Buffer.from([0xff, 0xd8, 0xff, 0xe0]))
  fs.truncateSync(file, size)
  return `${LOCAL_STORAGE_PREFIX}${cloudPath}`
}
let database: TestDatabase
let store: Store

const asWeChatUser = (openid: string) => {
  process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID'
  process.env.WX_APPID = 'wx0000000000000000'
  process.env.WX_OPENID = openid
}

type Main = (event: unknown) => Promise<{ ok: boolean; data?: unknown; error?: { code: string; message: string } }>
let main: Main
let calls: () => StorageCall[]
let seq = 0
const call = (action: string, input: unknown) => main({ action, input, requestId: `cloud-up-${(seq++).toString().padStart(4, '0')}` })

beforeAll(async () => {
  database = await freshDatabase(dir, { file: 'cloud.db', prefix: 'cloudup' })
  const setup = await openStore({ url: database.url })
  await loadWorld(setup)
  await setup.insert('bindings', { id: 'b-a1', openid: 'o-a1', personId: 'villager-a1', boundAt: 0 })
  await setup.insert('bindings', { id: 'b-b1', openid: 'o-b1', personId: 'villager-b1', boundAt: 0 })
  await setup.close()
  process.env.MINQING_DATABASE_URL = database.url
  process.env.MINQING_LOCAL_STORAGE_DIR = storageDir
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const entry = require('../../cloudfunctions/api/src/index') as { main: Main; wiredStorage: () => { calls: StorageCall[] } | undefined }
  main = entry.main
  calls = () => entry.wiredStorage()?.calls ?? []
  store = await openStore({ url: database.url })
})
afterAll(async () => {
  await store.close()
  await database.drop()
  fs.rmSync(dir, { recursive: true, force: true })
})

const mine = putInStorage('tickets/photos/ra1.jpg', 120_000)
const problem = (photoUrls: string[]) => ({ kind: 'problem', category: 'infrastructure', description: '路灯坏了', photoUrls })

it("accepts only the caller's own registered upload; another's, or an unregistered file id, is refused and nothing written", async () => {
  asWeChatUser('o-a1')
  expect(await call('upload.register', { fileId: mine, kind: 'photo', bytes: 120_000 })).toMatchObject({ ok: true, data: { fileId: mine } })
  // Registering again is the same answer; someone else cannot claim it.
  expect(await call('upload.register', { fileId: mine, kind: 'photo', bytes: 120_000 })).toMatchObject({ ok: true })
  asWeChatUser('o-b1')
  expect(await call('upload.register', { fileId: mine, kind: 'photo', bytes: 1 })).toMatchObject({ ok: false, error: { code: 'TICKET.ATTACHMENT_NOT_YOURS' } })
  const tickets = await store.count('tickets', {})
  expect(await call('ticket.create', problem([mine]))).toMatchObject({ ok: false, error: { code: 'TICKET.ATTACHMENT_NOT_YOURS' } })
  expect(await call('ticket.create', problem([`${LOCAL_STORAGE_PREFIX}never-registered.jpg`]))).toMatchObject({ ok: false, error: { code: 'TICKET.ATTACHMENT_NOT_YOURS' } })
  expect(await call('ticket.create', problem(['/uploads/aaaaaaaaaaaaaaaa.jpg']))).toMatchObject({ ok: false, error: { code: 'TICKET.ATTACHMENT_NOT_YOURS' } })
  expect(await store.count('tickets', {})).toBe(tickets)
  asWeChatUser('o-a1')
  const created = await call('ticket.create', problem([mine]))
  expect(created).toMatchObject({ ok: true, data: { photoUrls: [mine] } })
  const [upload] = await store.find('uploads', { url: mine })
  expect(upload).toMatchObject({ ownerId: 'villager-a1', objectKind: 'ticket', objectId: (created.data as { id: string }).id })
})

it('refuses an upload over the size limit and past the day quota, in the cloud as on the local server', async () => {
  asWeChatUser('o-b1')
  const rows = await store.count('uploads', {})
  expect(await call('upload.register', { fileId: putInStorage('big.jpg', 6 * 1024 * 1024), kind: 'photo', bytes: 6 * 1024 * 1024 })).toMatchObject({ ok: false, error: { code: 'UPLOAD.TOO_LARGE' } })
  // 40 MiB a day: eight photos of 5 MiB fill it; the ninth is refused with the Chinese sentence.
  for (let i = 0; i < 8; i++) expect((await call('upload.register', { fileId: putInStorage(`p${i}.jpg`, 5 * 1024 * 1024), kind: 'photo', bytes: 5 * 1024 * 1024 })).ok).toBe(true)
  expect(await call('upload.register', { fileId: putInStorage('p9.jpg', 1000), kind: 'photo', bytes: 1000 })).toMatchObject({
    ok: false,
    error: { code: 'LIMIT.UPLOAD_BYTES_PER_DAY', message: '您今天上传的照片和语音已经到了上限，请明天再传。' },
  })
  expect(await store.count('uploads', {})).toBe(rows + 8)
})

describe('guard: the size counted is what cloud storage holds, not what the client declares', () => {
  it('refuses a file declared small that storage holds over the limit, and a file storage does not hold; nothing written', async () => {
    asWeChatUser('o-a1')
    const rows = await store.count('uploads', {})
    const big = putInStorage('u/villager-a1/lie.jpg', 6 * 1024 * 1024)
    expect(await call('upload.register', { fileId: big, kind: 'photo', bytes: 1000 })).toMatchObject({ ok: false, error: { code: 'UPLOAD.TOO_LARGE' } })
    const missing = `${LOCAL_STORAGE_PREFIX}u/villager-a1/never-uploaded.jpg`
    expect(await call('upload.register', { fileId: missing, kind: 'photo', bytes: 1000 })).toMatchObject({ ok: false, error: { code: 'UPLOAD.MISSING_FILE' } })
    expect(await store.count('uploads', {})).toBe(rows)
    // The adapter was asked for both sizes (the local adapter records each call).
    expect(calls().filter((c) => c.op === 'fileSize').slice(-2)).toEqual([
      { op: 'fileSize', fileId: big },
      { op: 'fileSize', fileId: missing },
    ])
  })

  it("keeps and counts storage's size: a file declared as 1 byte is recorded with its real size", async () => {
    asWeChatUser('o-a1')
    const real = putInStorage('u/villager-a1/small-lie.jpg', 200_000)
    expect(await call('upload.register', { fileId: real, kind: 'photo', bytes: 1 })).toMatchObject({ ok: true, data: { fileId: real, bytes: 200_000 } })
    const [row] = await store.find('uploads', { url: real })
    expect(row).toMatchObject({ ownerId: 'villager-a1', bytes: 200_000 })
  })

  it('the cloud adapter reads the size by a HEAD request to a temporary URL, and answers null for a file storage lacks', async () => {
    const heads: string[] = []
    const server = http.createServer((request, response) => {
      heads.push(`${request.method} ${request.url}`)
      if (request.url?.startsWith('/gone')) return response.writeHead(404).end()
      if (request.url?.startsWith('/chunked')) {
        // No Content-Length: the adapter downloads the file and counts its bytes.
        response.writeHead(200, { 'transfer-encoding': 'chunked' })
        return response.end()
      }
      response.writeHead(200, { 'content-length': '5242881', 'content-type': 'image/jpeg' }).end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const downloads: string[] = []
    const cloud: WxCloudStorage = {
      async getTempFileURL({ fileList }) {
        return {
          fileList: fileList.map(({ fileID }) =>
            fileID.endsWith('missing.jpg') ? { fileID, status: -503003, errMsg: 'file not exist' } : { fileID, status: 0, tempFileURL: `${base}/${fileID.split('/').pop()}?sign=x` },
          ),
        }
      },
      async downloadFile({ fileID }) {
        downloads.push(fileID)
        return { fileContent: new Uint8Array(1234) }
      },
      async uploadFile() {
        throw new Error('not used')
      },
    }
    try {
      expect(await cloudFileSize(cloud, 'cloud://env.abc/u/x/photo.jpg')).toBe(5242881)
      expect(await cloudFileSize(cloud, 'cloud://env.abc/u/x/missing.jpg')).toBeNull()
      expect(await cloudFileSize(cloud, 'cloud://env.abc/u/x/gone.jpg')).toBeNull()
      expect(await cloudFileSize(cloud, 'cloud://env.abc/u/x/chunked.jpg')).toBe(1234)
      expect(heads).toEqual(['HEAD /photo.jpg?sign=x', 'HEAD /gone.jpg?sign=x', 'HEAD /chunked.jpg?sign=x'])
      expect(downloads).toEqual(['cloud://env.abc/u/x/chunked.jpg'])
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
