/**
 * The cloud function entry, run the way WeChat's runtime runs it: identity in WX_* environment
 * variables (read by wx-server-sdk's getWXContext), the event carrying only action, input and
 * requestId, and the database a MySQL server (a throw-away MariaDB here) named by the function's
 * environment. Also the bundled folder, built and required by a fresh Node process from a folder
 * laid out as deployed: index.js, package.json and node_modules holding only wx-server-sdk.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openStore } from '../../src/server/storage/relational'
import { startMariadb, type MariaDb } from '../support/mariadb'
import { loadWorld } from '../server/world'

jest.setTimeout(180_000)

const root = path.resolve(__dirname, '../..')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-cloud-'))
let mariadb: MariaDb
let databaseUrl: string

const asWeChatUser = (openid: string | null) => {
  process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID'
  process.env.WX_APPID = 'wx0000000000000000'
  if (openid === null) delete process.env.WX_OPENID
  else process.env.WX_OPENID = openid
}

type Main = (event: unknown) => Promise<{ ok: boolean; data?: unknown; error?: { code: string } }>
let main: Main

beforeAll(async () => {
  mariadb = await startMariadb()
  databaseUrl = await mariadb.createDatabase('cloud')
  const store = await openStore({ url: databaseUrl })
  await loadWorld(store)
  await store.insert('bindings', { id: 'b-1', openid: 'o-villager-a1', personId: 'villager-a1', boundAt: 0 })
  await store.close()
  process.env.MINQING_DATABASE_URL = databaseUrl
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  main = require('../../cloudfunctions/api/src/index').main as Main
})
afterAll(async () => {
  delete process.env.MINQING_DATABASE_URL
  await mariadb?.stop()
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

describe('the deployed bundle', () => {
  /** The function folder as WeChat deploys it: the bundle, its package.json and its dependencies only. */
  const deployed = path.join(dir, 'api')
  const bundle = () => fs.readFileSync(path.join(root, 'cloudfunctions/api/index.js'), 'utf8')
  const run = (env: Record<string, string>): { ok: boolean; data?: unknown; error?: { code: string }; loaded: string[] } => {
    const script = [
      `require('./index.js').main({ action: 'me.get', input: {} }).then((r) => {`,
      `  const loaded = Object.keys(require.cache).filter((f) => /better-sqlite3|mysql2/.test(f))`,
      `  process.stdout.write(JSON.stringify({ ...r, loaded }))`,
      `  process.exit(0)`,
      `})`,
    ].join('\n')
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(MINQING_|DB_|WX_)/.test(k)))
    return JSON.parse(
      execFileSync(process.execPath, ['-e', script], {
        cwd: deployed,
        env: { ...clean, WX_CONTEXT_KEYS: 'WX_OPENID', WX_OPENID: 'o-villager-a1', ...env },
      }).toString(),
    )
  }

  beforeAll(() => {
    execFileSync(process.execPath, [path.join(root, 'scripts/build-cloud.mjs')], { cwd: root })
    fs.mkdirSync(path.join(deployed, 'node_modules'), { recursive: true })
    fs.copyFileSync(path.join(root, 'cloudfunctions/api/index.js'), path.join(deployed, 'index.js'))
    fs.copyFileSync(path.join(root, 'cloudfunctions/api/package.json'), path.join(deployed, 'package.json'))
    const pkg = JSON.parse(fs.readFileSync(path.join(deployed, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
    for (const name of Object.keys(pkg.dependencies)) {
      fs.symlinkSync(fs.realpathSync(path.join(root, 'node_modules', name)), path.join(deployed, 'node_modules', name))
    }
  })

  it('lists wx-server-sdk and not better-sqlite3, for the Node version it is built for', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(deployed, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; engines: { node: string } }
    expect(Object.keys(pkg.dependencies)).toEqual(['wx-server-sdk'])
    expect(pkg.engines.node).toBe('>=20')
    expect(fs.readFileSync(path.join(root, 'scripts/build-cloud.mjs'), 'utf8')).toMatch(/const NODE = 'node20'/)
  })

  it('has one lazy load of better-sqlite3, inside the SQLite opener, and mysql2 inside the bundle', () => {
    const code = bundle()
    expect(code.match(/require\(["']better-sqlite3["']\)/g)).toBeNull()
    const loads = [...code.matchAll(/import\(["']better-sqlite3["']\)/g)]
    expect(loads).toHaveLength(1)
    const opener = code.search(/\bopenSqlite = async/)
    expect(opener).toBeGreaterThan(-1)
    expect(loads[0].index).toBeGreaterThan(opener)
    expect(loads[0].index).toBeLessThan(code.search(/\bopenMysql = async/))
    expect(code).not.toMatch(/require\(["']mysql2["']\)/)
    expect(code).toMatch(/var require_mysql2 = __commonJS/)
  })

  it('answers a bound user from a fresh Node process on MySQL, never loading better-sqlite3', () => {
    const answer = run({ MINQING_DATABASE_URL: databaseUrl })
    expect(answer).toMatchObject({ ok: true, data: { id: 'villager-a1' } })
    expect(answer.loaded).toEqual([])
  })

  it('reaches the same database through the separate CloudBase MySQL settings', () => {
    const url = new URL(databaseUrl)
    const answer = run({ DB_HOST: url.hostname, DB_PORT: url.port, DB_USER: 'root', DB_NAME: url.pathname.slice(1) })
    expect(answer).toMatchObject({ ok: true, data: { id: 'villager-a1' } })
  })

  it('answers SERVER.UNAVAILABLE for a SQLite path, which the deployed folder cannot open', () => {
    expect(run({ MINQING_DATABASE_URL: path.join(dir, 'cloud.db') })).toMatchObject({ ok: false, error: { code: 'SERVER.UNAVAILABLE' } })
    expect(fs.existsSync(path.join(deployed, 'node_modules', 'better-sqlite3'))).toBe(false)
  })
})
