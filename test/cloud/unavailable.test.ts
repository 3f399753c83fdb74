/**
 * The cloud function when its database cannot be opened (MINQING_DATABASE_URL unset, wrong or
 * unreachable): every call answers SERVER.UNAVAILABLE, the log says what to fix without the
 * password, and the next call tries again, so the function recovers by itself once the setting
 * is fixed or the database is up, without a redeploy.
 */
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { openStore } from '../../src/server/storage/relational'
import { freshDatabase, type TestDatabase } from '../support/test-database'
import { loadWorld } from '../server/world'

type Main = (event: unknown) => Promise<{ ok: boolean; data?: unknown; error?: { code: string } }>

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-cloud-down-'))
let database: TestDatabase
let main: Main
const printed: string[] = []

beforeAll(async () => {
  database = await freshDatabase(dir, { file: 'cloud.db', prefix: 'clouddown' })
  const store = await openStore({ url: database.url })
  await loadWorld(store)
  await store.insert('bindings', { id: 'b-1', openid: 'o-villager-a1', personId: 'villager-a1', boundAt: 0 })
  await store.close()
  process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID'
  process.env.WX_APPID = 'wx0000000000000000'
  process.env.WX_OPENID = 'o-villager-a1'
  delete process.env.MINQING_DATABASE_URL
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' ')))
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  main = require('../../cloudfunctions/api/src/index').main as Main
})
afterAll(async () => {
  jest.restoreAllMocks()
  await database.drop()
  fs.rmSync(dir, { recursive: true, force: true })
})

const closedPort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const address = s.address()
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })

it('answers SERVER.UNAVAILABLE without a database, and says which setting is missing', async () => {
  expect(await main({ action: 'me.get', input: {} })).toMatchObject({ ok: false, error: { code: 'SERVER.UNAVAILABLE' } })
  expect(printed.join('\n')).toMatch(/set MINQING_DATABASE_URL to mysql:\/\/user:password@host:port\/database/)
})

it('answers SERVER.UNAVAILABLE while the database cannot be reached, logs what to fix without the password, and tries again on each call', async () => {
  const port = await closedPort()
  process.env.MINQING_DATABASE_URL = `mysql://minqing:Cloud-Secret-9@127.0.0.1:${port}/minqing`
  printed.length = 0
  for (let i = 0; i < 2; i++) {
    expect(await main({ action: 'me.get', input: {} })).toMatchObject({ ok: false, error: { code: 'SERVER.UNAVAILABLE' } })
  }
  const log = printed.join('\n')
  // Each call tried the database again (one message per call), and none shows the password.
  expect(log.match(/ECONNREFUSED/g)).toHaveLength(2)
  expect(log).toContain(`nothing answers at 127.0.0.1:${port}`)
  expect(log).not.toContain('Cloud-Secret-9')

  // The setting fixed (or the database up): the very next call works.
  process.env.MINQING_DATABASE_URL = database.url
  expect(await main({ action: 'me.get', input: {} })).toMatchObject({ ok: true, data: { id: 'villager-a1' } })
  const write = { action: 'ticket.create', input: { kind: 'problem', category: 'infrastructure', description: '井水浑浊' }, requestId: 'cloud-down-0001' }
  const first = await main(write)
  expect(first.ok).toBe(true)
  expect(await main(write)).toEqual(first)
})
