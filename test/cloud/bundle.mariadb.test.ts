/**
 * The cloud function as WeChat deploys it, on MySQL: `npm run build:cloud`'s bundle copied into a
 * folder holding only index.js, package.json and the dependencies that package.json lists
 * (wx-server-sdk), required by a fresh Node process whose environment names a database of its own
 * on the run's MariaDB, as MINQING_DATABASE_URL or as CloudBase MySQL's separate DB_* settings.
 * The bundle carries mysql2 and never loads better-sqlite3 (which that folder does not have).
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openStore } from '../../src/server/storage/relational'
import { freshDatabase, type TestDatabase } from '../support/test-database'
import { loadWorld } from '../server/world'

const root = path.resolve(__dirname, '../..')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-bundle-'))
let database: TestDatabase
let databaseUrl: string

beforeAll(async () => {
  database = await freshDatabase(dir, { dialect: 'mysql', prefix: 'bundle' })
  databaseUrl = database.url
  const store = await openStore({ url: databaseUrl })
  await loadWorld(store)
  await store.insert('bindings', { id: 'b-1', openid: 'o-villager-a1', personId: 'villager-a1', boundAt: 0 })
  await store.close()
})
afterAll(async () => {
  await database?.drop()
  fs.rmSync(dir, { recursive: true, force: true })
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
