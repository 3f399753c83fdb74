/**
 * Issue 13 item 2 (guard) through the cloud entry, the way WeChat's runtime runs it (identity in
 * WX_* variables), with cloud storage served from a folder and the local content-check adapter
 * answering as WeChat does (a trace id now, the verdict later): a photo goes to mediaCheckAsync as
 * a temporary URL of the stored file with its uploader's openid; a follower gets no temporary URL
 * for it (file.urls) until WeChat's push (`wxa_media_check`, delivered to the function) clears it;
 * the handler gets one at once; a client sending a push event with a guessed trace id changes nothing.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openStore } from '../../src/server/storage/relational'
import type { Store } from '../../src/server/storage/port'
import { LOCAL_STORAGE_PREFIX } from '../../src/server/wechat/local'
import { localContentSecurity } from '../../src/server/wechat/content'
import { freshDatabase, type TestDatabase } from '../support/test-database'
import { loadWorld } from '../server/world'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-cloud-media-'))
const storageDir = path.join(dir, 'storage')
let database: TestDatabase
let store: Store

const asWeChatUser = (openid: string) => {
  process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID'
  process.env.WX_APPID = 'wx0000000000000000'
  process.env.WX_OPENID = openid
}

type Answer = { ok: boolean; data?: unknown; error?: { code: string } }
type Main = (event: unknown) => Promise<Answer>
let main: Main
let seq = 0
const call = (action: string, input: unknown) => main({ action, input, requestId: `cloud-media-${(seq++).toString().padStart(4, '0')}` })

const putInStorage = (cloudPath: string): string => {
  const file = path.join(storageDir, cloudPath)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0, 0, 0, 0, 0, 0, 0, 0]))
  return `${LOCAL_STORAGE_PREFIX}${cloudPath}`
}

beforeAll(async () => {
  database = await freshDatabase(dir, { file: 'cloud.db', prefix: 'cloudmedia' })
  const setup = await openStore({ url: database.url })
  await loadWorld(setup)
  for (const [openid, personId] of [['o-a1', 'villager-a1'], ['o-a2', 'villager-a2'], ['o-cadre-a', 'cadre-a']]) {
    await setup.insert('bindings', { id: `b-${personId}`, openid: openid!, personId: personId!, boundAt: 0 })
  }
  await setup.close()
  process.env.MINQING_DATABASE_URL = database.url
  process.env.MINQING_LOCAL_STORAGE_DIR = storageDir
  localContentSecurity.deferImages = true
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  main = (require('../../cloudfunctions/api/src/index') as { main: Main }).main
  store = await openStore({ url: database.url })
})
afterAll(async () => {
  localContentSecurity.deferImages = false
  await store.close()
  await database.drop()
  fs.rmSync(dir, { recursive: true, force: true })
})

const urlOf = async (fileId: string): Promise<string | null> => {
  const answer = await call('file.urls', { fileIds: [fileId] })
  return (answer.data as { urls: { url: string | null }[] }).urls[0]?.url ?? null
}

it("hides a follower's view of a photo until WeChat's push clears it; the handler sees it at once", async () => {
  const photo = putInStorage('u/villager-a1/photos/bridge.jpg')
  asWeChatUser('o-a1')
  expect(await call('upload.register', { fileId: photo, kind: 'photo', bytes: 14 })).toMatchObject({ ok: true })
  const created = await call('ticket.create', { kind: 'problem', category: 'infrastructure', description: '桥头护栏断了', photoUrls: [photo] })
  expect(created).toMatchObject({ ok: true })
  const ticketId = (created.data as { id: string }).id
  // mediaCheckAsync got a temporary URL of the stored file, with the uploader's openid.
  const sent = localContentSecurity.imageCalls.find((c) => c.media_url.startsWith('https://local-env.tcb.qcloud.la/u/villager-a1/photos/bridge.jpg'))
  expect(sent).toMatchObject({ api: 'security.mediaCheckAsync', media_type: 2, version: 2, openid: 'o-a1', trace_id: expect.stringMatching(/^local-trace-/) as string })
  const traceId = sent!.trace_id!

  asWeChatUser('o-a2')
  expect(await call('ticket.follow', { ticketId })).toMatchObject({ ok: true })
  expect(await call('ticket.publicView', { ticketId })).toMatchObject({ ok: true, data: { photoUrls: [] } })
  expect(await urlOf(photo)).toBeNull()
  asWeChatUser('o-cadre-a')
  expect(await urlOf(photo)).toMatch(/^https:/)

  // A client (here the follower himself) sends a push event with a guessed trace id: nothing changes.
  asWeChatUser('o-a2')
  expect(await main({ MsgType: 'event', Event: 'wxa_media_check', trace_id: `${traceId}x`, version: 2, result: { suggest: 'pass', label: 100 } })).toEqual({ ok: true, data: { recorded: false } })
  expect(await urlOf(photo)).toBeNull()

  // WeChat's push (message push to the function; FromUserName is the openid the check named).
  asWeChatUser('o-a1')
  const push = { ToUserName: 'gh_0000', FromUserName: 'o-a1', CreateTime: 1764460800, MsgType: 'event', Event: 'wxa_media_check', appid: 'wx0000000000000000', trace_id: traceId, version: 2, detail: [], result: { suggest: 'pass', label: 100 } }
  expect(await main(push)).toEqual({ ok: true, data: { recorded: true } })
  asWeChatUser('o-a2')
  expect(await call('ticket.publicView', { ticketId })).toMatchObject({ ok: true, data: { photoUrls: [photo] } })
  expect(await urlOf(photo)).toMatch(/^https:/)
  const [check] = await store.find('mediaChecks', { url: photo })
  expect(check).toMatchObject({ status: 'pass', traceId, objectKind: 'ticket', objectId: ticketId, ownerId: 'villager-a1' })
})
