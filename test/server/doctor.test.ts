/**
 * `npm run doctor` on real databases (this run's dialect) and real environments: it names each
 * missing setting, an unreachable database (without printing its password), a database not yet
 * migrated, set-up not done, and says Ready once all is in place. It only reads: the database it
 * checked is still unmigrated afterwards. And the CLI's exit code and output.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import Sqlite from 'better-sqlite3'
import { formatChecks, runDoctor, type Check } from '../../src/server/hosted/doctor'
import { openStore } from '../../src/server/storage/relational'
import { freshDatabase, type TestDatabase } from '../support/test-database'
import { loadWorld } from './world'

const root = path.resolve(__dirname, '..', '..')
// selfhost: with subscribe templates, as a live deployment has them (without: a warning, test/server/doctor-selfhost.test.ts).
const WECHAT = { MINQING_WECHAT_APPID: 'wx0123456789abcdef', MINQING_WECHAT_SECRET: 'a-secret-value', MINQING_SUBSCRIBE_TEMPLATES: '{"taken":"TPL-1"}' }

let dir: string
let database: TestDatabase
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-doctor-'))
  database = await freshDatabase(dir)
  // An existing but empty database (SQLite: the file exists; MySQL: the database was created).
  if (database.dialect === 'sqlite') new Sqlite(database.url).close()
})
afterAll(async () => {
  await database?.drop()
  fs.rmSync(dir, { recursive: true, force: true })
})

/** A fixed day (2026-11-23, township time): the holiday calendar check depends on the year. */
const NOW = Date.UTC(2026, 10, 23, 2)
const doctor = (target: 'server' | 'cloud', e: NodeJS.ProcessEnv) => runDoctor(target, e, { now: NOW })
const levelOf = (checks: Check[], name: string) => checks.find((c) => c.name === name)?.level
const env = () => ({ ...WECHAT, MINQING_DATABASE_URL: database.url, MINQING_DATA_DIR: path.join(dir, 'data') })

it('names every missing setting of a self-hosted server', async () => {
  const checks = await doctor('server', {})
  expect(checks.filter((c) => c.level === 'fail').map((c) => c.name)).toEqual(['MINQING_DATABASE_URL', 'MINQING_WECHAT_APPID', 'MINQING_WECHAT_SECRET'])
  const badAppId = await doctor('server', { ...env(), MINQING_WECHAT_APPID: 'touristappid' })
  expect(badAppId.find((c) => c.name === 'MINQING_WECHAT_APPID')?.detail).toMatch(/does not look like an AppID/)
  expect(formatChecks(checks)).toMatch(/3 problem\(s\) to fix/)
})

it('an unreachable database is named without its password', async () => {
  const checks = await doctor('server', { ...env(), MINQING_DATABASE_URL: 'mysql://minqing:hunter2secret@127.0.0.1:1/minqing' })
  const db = checks.find((c) => c.name === 'database reachable')!
  expect(db.level).toBe('fail')
  expect(db.detail).toContain('mysql://minqing:***@127.0.0.1:1/minqing')
  expect(JSON.stringify(checks)).not.toContain('hunter2secret')
  const missingFile = await doctor('server', { ...env(), MINQING_DATABASE_URL: path.join(dir, 'nothing-here.db') })
  expect(levelOf(missingFile, 'database reachable')).toBe('fail')
  expect(fs.existsSync(path.join(dir, 'nothing-here.db'))).toBe(false)
})

it('says not migrated, then set-up not done, then Ready, and never migrates by itself', async () => {
  const before = await doctor('server', env())
  expect(levelOf(before, 'database reachable')).toBe('ok')
  expect(levelOf(before, 'database migrated')).toBe('fail')
  expect(before.find((c) => c.name === 'database migrated')?.detail).toMatch(/start the server once/)
  // Only read: still not migrated.
  expect(levelOf(await doctor('server', env()), 'database migrated')).toBe('fail')

  const store = await openStore({ url: database.url })
  try {
    const migrated = await doctor('server', env())
    expect(levelOf(migrated, 'database migrated')).toBe('ok')
    expect(levelOf(migrated, 'set-up done')).toBe('fail')
    await loadWorld(store)
  } finally {
    await store.close()
  }
  const ready = await doctor('server', env())
  expect(ready.filter((c) => c.level !== 'ok')).toEqual([])
  expect(ready.map((c) => c.name)).toEqual(['settings', 'WeChat login (AppID and secret)', 'data folder writable', 'holiday calendar', 'database reachable', 'database migrated', 'set-up done'])
  expect(formatChecks(ready)).toMatch(/Ready\.$/)
  expect(JSON.stringify(ready)).not.toContain('a-secret-value')

  // The cloud target reads the function's variables (DB_* or MINQING_DATABASE_URL).
  const cloud = await doctor('cloud', { MINQING_DATABASE_URL: database.url })
  expect(cloud.filter((c) => c.level === 'fail')).toEqual([])
  expect(levelOf(cloud, 'MINQING_SUBSCRIBE_TEMPLATES')).toBe('warn')
  expect(levelOf(await doctor('cloud', {}), 'MINQING_DATABASE_URL')).toBe('fail')
})

it('names a year the holiday calendar lacks: this year fails, next year warns from December', async () => {
  const dec = Date.UTC(2026, 11, 1, 2)
  const jan = Date.UTC(2027, 0, 4, 2)
  const checkAt = async (now: number, extra: NodeJS.ProcessEnv = {}) => (await runDoctor('cloud', { ...extra }, { now })).find((c) => c.name === 'holiday calendar')
  expect(await checkAt(NOW)).toMatchObject({ level: 'ok', detail: 'holds 2026' })
  expect(await checkAt(dec)).toMatchObject({ level: 'warn', detail: expect.stringContaining('2027') })
  expect(await checkAt(jan)).toMatchObject({ level: 'fail', detail: expect.stringContaining('MINQING_HOLIDAYS') })
  const y2027 = JSON.stringify({ '2027': { holidays: ['2027-01-01'], workdays: [] } })
  expect(await checkAt(dec, { MINQING_HOLIDAYS: y2027 })).toMatchObject({ level: 'ok', detail: 'holds 2026 and 2027' })
  // A wrong value is named, and the calendar it would have changed stays as shipped.
  const wrong = await runDoctor('cloud', { MINQING_HOLIDAYS: JSON.stringify({ '2027': { holidays: ['2026-12-31'], workdays: [] } }) }, { now: jan })
  expect(wrong.find((c) => c.name === 'MINQING_HOLIDAYS')).toMatchObject({ level: 'fail', detail: expect.stringContaining('2026-12-31 is not a date of 2027') })
})

it('npm run doctor exits 1 and names what is missing', async () => {
  const run = promisify(execFile)
  const bare = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' }
  const failed = await run('node', [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/doctor.ts'], { cwd: root, env: bare }).then(
    () => null,
    (e: { code: number; stdout: string }) => e,
  )
  expect(failed?.code).toBe(1)
  expect(failed?.stdout).toContain('✘ MINQING_WECHAT_SECRET')
})
