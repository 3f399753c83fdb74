/**
 * Issue 11's cloud journey, through the cloud function's entry the way WeChat's runtime calls it
 * (identity in the WX_* variables read by wx-server-sdk's getWXContext, never in the event), on the
 * project's database (SQLite here, MariaDB in the integration-mysql project):
 * a villager and his cadre bind by a WeChat phone-number code (the open API answered by a fake of
 * `cloud.openapi.phonenumber`, which records each call), the villager files a report with a cloud
 * fileID of his own (and is refused with another's), the cadre works it, the villager confirms.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openStore } from '../../src/server/storage/relational'
import type { Store } from '../../src/server/storage/port'
import { LOCAL_STORAGE_PREFIX } from '../../src/server/wechat/local'
import { freshDatabase, type TestDatabase } from '../support/test-database'
import { loadWorld } from '../server/world'

/** Phone-number codes WeChat would answer (code -> the verified number), and the calls made. */
const phoneOfCode: Record<string, string> = { 'wx-code-villager': '13912345678', 'wx-code-cadre': '13700001111' }
const openapiCalls: { api: string; request: unknown }[] = []

jest.mock('wx-server-sdk', () => {
  const actual = jest.requireActual('wx-server-sdk')
  const openapi = {
    phonenumber: {
      getPhoneNumber: async (request: { code: string }) => {
        openapiCalls.push({ api: 'phonenumber.getPhoneNumber', request })
        const phone = phoneOfCode[request.code]
        return phone ? { errCode: 0, errMsg: 'ok', phoneInfo: { phoneNumber: phone, purePhoneNumber: phone, countryCode: '86' } } : { errCode: 40029, errMsg: 'invalid code' }
      },
    },
  }
  return new Proxy(actual, { get: (target, key) => (key === 'openapi' ? openapi : target[key]) })
})

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-cloud-journey-'))
let database: TestDatabase
let store: Store

type Answer = { ok: boolean; data?: unknown; error?: { code: string } }
let main: (event: unknown) => Promise<Answer>
let n = 0
const call = (openid: string, action: string, input: unknown): Promise<Answer> => {
  process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID,WX_UNIONID'
  process.env.WX_APPID = 'wx0000000000000000'
  process.env.WX_OPENID = openid
  return main({ action, input, requestId: `cloud-journey-${(n++).toString().padStart(4, '0')}` })
}
const ok = async <T,>(openid: string, action: string, input: unknown): Promise<T> => {
  const answer = await call(openid, action, input)
  if (!answer.ok) throw new Error(`${action}: ${answer.error?.code}`)
  return answer.data as T
}
const code = (a: Answer) => (a.ok ? 'ok' : a.error?.code)

beforeAll(async () => {
  database = await freshDatabase(dir, { file: 'cloud-journey.db', prefix: 'cloudjrn' })
  const setup = await openStore({ url: database.url })
  await loadWorld(setup)
  await setup.close()
  process.env.MINQING_DATABASE_URL = database.url
  process.env.MINQING_LOCAL_STORAGE_DIR = path.join(dir, 'storage')
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  main = require('../../cloudfunctions/api/src/index').main
  store = await openStore({ url: database.url })
})
afterAll(async () => {
  delete process.env.MINQING_LOCAL_STORAGE_DIR
  await store.close()
  await database.drop()
  fs.rmSync(dir, { recursive: true, force: true })
})

type Ticket = { id: string; version: number; status: string; photoUrls: string[] }

it('binds by phone code, files a report with its own cloud file, and follows it to the end', async () => {
  // Not bound yet: the function knows nobody.
  expect(code(await call('o-journey-villager', 'ticket.list', {}))).toBe('AUTH.NOT_BOUND')
  // A wrong code binds nobody; the right one binds the roster person with that verified number.
  expect(code(await call('o-journey-villager', 'binding.byPhone', { code: 'wx-code-wrong' }))).toBe('BINDING.PHONE_REFUSED')
  expect(await store.count('bindings', { openid: 'o-journey-villager' })).toBe(0)
  await ok('o-journey-villager', 'binding.byPhone', { code: 'wx-code-villager' })
  await ok('o-journey-cadre', 'binding.byPhone', { code: 'wx-code-cadre' })
  expect(openapiCalls).toEqual([
    { api: 'phonenumber.getPhoneNumber', request: { code: 'wx-code-wrong' } },
    { api: 'phonenumber.getPhoneNumber', request: { code: 'wx-code-villager' } },
    { api: 'phonenumber.getPhoneNumber', request: { code: 'wx-code-cadre' } },
  ])
  expect((await store.find('bindings', { openid: 'o-journey-villager' })).map((b) => [b.personId, b.method])).toEqual([['villager-a1', 'phone']])
  expect((await store.find('bindings', { openid: 'o-journey-cadre' })).map((b) => b.personId)).toEqual(['cadre-a'])

  // The villager's own upload is accepted; the cadre's file id is not his to attach.
  // The phone put them in cloud storage (here its folder): upload.register asks storage for the size (guard).
  const stored = (cloudPath: string) => {
    const file = path.join(dir, 'storage', cloudPath)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, Buffer.alloc(150_000, 0xff))
    return `${LOCAL_STORAGE_PREFIX}${cloudPath}`
  }
  const mine = stored('people/villager-a1/photos/road.jpg')
  const cadres = stored('people/cadre-a/photos/other.jpg')
  await ok('o-journey-villager', 'upload.register', { fileId: mine, kind: 'photo', bytes: 150_000 })
  await ok('o-journey-cadre', 'upload.register', { fileId: cadres, kind: 'photo', bytes: 150_000 })
  const report = { kind: 'problem', category: 'infrastructure', description: '村口的路塌了一块' }
  const before = await store.count('tickets', {})
  expect(code(await call('o-journey-villager', 'ticket.create', { ...report, photoUrls: [cadres] }))).toBe('TICKET.ATTACHMENT_NOT_YOURS')
  expect(await store.count('tickets', {})).toBe(before)
  let t = await ok<Ticket>('o-journey-villager', 'ticket.create', { ...report, photoUrls: [mine] })
  expect(t).toMatchObject({ status: 'submitted', photoUrls: [mine] })

  // The cadre works it: takes it, then resolves it with a note of what was done.
  t = await ok<Ticket>('o-journey-cadre', 'ticket.act', { ticketId: t.id, action: 'accept', version: t.version, note: '' })
  expect(t.status).toBe('accepted')
  expect(code(await call('o-journey-cadre', 'ticket.act', { ticketId: t.id, action: 'resolve', version: t.version, note: '' }))).toBe('TICKET.REASON_REQUIRED')
  t = await ok<Ticket>('o-journey-cadre', 'ticket.act', { ticketId: t.id, action: 'resolve', version: t.version, note: '已填平并立了警示牌' })
  expect(t.status).toBe('resolved')
  // Only the villager confirms; the cadre cannot judge his own work.
  expect(code(await call('o-journey-cadre', 'ticket.act', { ticketId: t.id, action: 'confirm', version: t.version, note: '', satisfaction: 5 }))).toBe('TICKET.FORBIDDEN_ACTOR')
  t = await ok<Ticket>('o-journey-villager', 'ticket.act', { ticketId: t.id, action: 'confirm', version: t.version, note: '', satisfaction: 5 })
  expect(t.status).toBe('closed')
  expect((await store.get('tickets', t.id))?.status).toBe('closed')
})
