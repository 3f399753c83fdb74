/**
 * The cloud function entry, run the way WeChat's runtime runs it: identity in WX_* environment
 * variables (read by wx-server-sdk's getWXContext), the event carrying only action, input and
 * requestId, and the database from MINQING_DATABASE_URL (a SQLite file, or a database of its own on
 * the run's MariaDB in the integration-mysql project). The bundled folder, as deployed, is tested on
 * MariaDB in bundle.mariadb.test.ts.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openStore } from '../../src/server/storage/relational'
import { freshDatabase, type TestDatabase } from '../support/test-database'
import { loadWorld } from '../server/world'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-cloud-'))
let database: TestDatabase

const asWeChatUser = (openid: string | null) => {
  process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID'
  process.env.WX_APPID = 'wx0000000000000000'
  if (openid === null) delete process.env.WX_OPENID
  else process.env.WX_OPENID = openid
}

type Main = (event: unknown) => Promise<{ ok: boolean; data?: unknown; error?: { code: string } }>
let main: Main

beforeAll(async () => {
  database = await freshDatabase(dir, { file: 'cloud.db', prefix: 'cloud' })
  const store = await openStore({ url: database.url })
  await loadWorld(store)
  await store.insert('bindings', { id: 'b-1', openid: 'o-villager-a1', personId: 'villager-a1', boundAt: 0 })
  await store.close()
  process.env.MINQING_DATABASE_URL = database.url
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  main = require('../../cloudfunctions/api/src/index').main as Main
})
afterAll(async () => {
  await database.drop()
  fs.rmSync(dir, { recursive: true, force: true })
})

it('reads the database from MINQING_DATABASE_URL or from CloudBase MySQL settings', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { databaseUrl: urlFrom } = require('../../cloudfunctions/api/src/index') as { databaseUrl: (env: NodeJS.ProcessEnv) => string | null }
  expect(urlFrom({ MINQING_DATABASE_URL: 'mysql://u:p@db:3307/x', DB_HOST: 'ignored' })).toBe('mysql://u:p@db:3307/x')
  expect(urlFrom({ DB_HOST: '10.0.0.8', DB_PASSWORD: 'p@ss:/w' })).toBe('mysql://root:p%40ss%3A%2Fw@10.0.0.8:3306/tcb')
  expect(urlFrom({ DB_HOST: '10.0.0.8', DB_PORT: '3310', DB_USER: 'minqing', DB_NAME: 'mq' })).toBe('mysql://minqing@10.0.0.8:3310/mq')
  expect(urlFrom({})).toBeNull()
})

it('answers a bound WeChat user as the person the binding names', async () => {
  asWeChatUser('o-villager-a1')
  expect(await main({ action: 'me.get', input: {} })).toMatchObject({ ok: true, data: { id: 'villager-a1', name: '巴特尔' } })
  expect(await main({ action: 'villager.myCadre', input: {} })).toMatchObject({ ok: true, data: { cadre: { id: 'cadre-a' } } })
})

it('ignores any identity written into the event', async () => {
  asWeChatUser('o-stranger')
  const spoofed = await main({ action: 'me.get', input: {}, userInfo: { openId: 'o-villager-a1' }, openid: 'o-villager-a1' })
  expect(spoofed).toMatchObject({ ok: false, error: { code: 'AUTH.NOT_BOUND' } })
})

it('refuses a call without an OPENID from the runtime', async () => {
  asWeChatUser(null)
  expect(await main({ action: 'me.get', input: {} })).toMatchObject({ ok: false, error: { code: 'AUTH.REQUIRED' } })
})

it('has no development login in the cloud', async () => {
  asWeChatUser('o-villager-a1')
  expect(await main({ action: 'auth.devLogin', input: { personId: 'office-1' } })).toMatchObject({ ok: false, error: { code: 'ACTION.UNKNOWN' } })
  expect(await main({ action: 'auth.devPeople', input: {} })).toMatchObject({ ok: false, error: { code: 'ACTION.UNKNOWN' } })
})

it('answers malformed events with a code instead of throwing', async () => {
  asWeChatUser('o-villager-a1')
  expect(await main(null)).toMatchObject({ ok: false, error: { code: 'REQUEST.MALFORMED_JSON' } })
  expect(await main({ action: 42 })).toMatchObject({ ok: false, error: { code: 'ACTION.UNKNOWN' } })
  expect(await main({ action: 'me.get', input: 'x' })).toMatchObject({ ok: false, error: { code: 'VALIDATION.FAILED' } })
})

it('makes a retried write idempotent by its request id', async () => {
  asWeChatUser('o-villager-a1')
  const event = { action: 'ticket.create', input: { kind: 'problem', category: 'infrastructure', description: '自来水管冻裂' }, requestId: 'cloud-retry-0001' }
  const first = await main(event)
  const second = await main(event)
  expect(first.ok).toBe(true)
  expect(second).toEqual(first)
})
