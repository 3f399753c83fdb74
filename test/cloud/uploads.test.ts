/**
 * Issue 10 item 6 in the cloud function: an attachment (a cloud storage file id) is accepted only
 * if it is the caller's own upload, registered by them (upload.register); and the per-person
 * quotas hold in the cloud as on the local server (they live in the handlers). Run the way WeChat's
 * runtime runs it (identity in WX_* variables), on the project's database.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openStore } from '../../src/server/storage/relational'
import type { Store } from '../../src/server/storage/port'
import { freshDatabase, type TestDatabase } from '../support/test-database'
import { loadWorld } from '../server/world'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-cloud-uploads-'))
let database: TestDatabase
let store: Store

const asWeChatUser = (openid: string) => {
  process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID'
  process.env.WX_APPID = 'wx0000000000000000'
  process.env.WX_OPENID = openid
}

type Main = (event: unknown) => Promise<{ ok: boolean; data?: unknown; error?: { code: string; message: string } }>
let main: Main
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
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  main = require('../../cloudfunctions/api/src/index').main as Main
  store = await openStore({ url: database.url })
})
afterAll(async () => {
  await store.close()
  await database.drop()
  fs.rmSync(dir, { recursive: true, force: true })
})

const mine = 'cloud://env-1.abc/tickets/photos/ra1.jpg'
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
  expect(await call('ticket.create', problem(['cloud://env-1.abc/never-registered.jpg']))).toMatchObject({ ok: false, error: { code: 'TICKET.ATTACHMENT_NOT_YOURS' } })
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
  expect(await call('upload.register', { fileId: 'cloud://env-1.abc/big.jpg', kind: 'photo', bytes: 6 * 1024 * 1024 })).toMatchObject({ ok: false, error: { code: 'UPLOAD.TOO_LARGE' } })
  // 40 MiB a day: eight photos of 5 MiB fill it; the ninth is refused with the Chinese sentence.
  for (let i = 0; i < 8; i++) expect((await call('upload.register', { fileId: `cloud://env-1.abc/p${i}.jpg`, kind: 'photo', bytes: 5 * 1024 * 1024 })).ok).toBe(true)
  expect(await call('upload.register', { fileId: 'cloud://env-1.abc/p9.jpg', kind: 'photo', bytes: 1000 })).toMatchObject({
    ok: false,
    error: { code: 'LIMIT.UPLOAD_BYTES_PER_DAY', message: '您今天上传的照片和语音已经到了上限，请明天再传。' },
  })
  expect(await store.count('uploads', {})).toBe(rows + 8)
})
