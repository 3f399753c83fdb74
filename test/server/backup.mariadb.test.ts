/**
 * `npm run backup` on MariaDB (MINQING_DATABASE_URL=mysql://...): a gzipped dump of one consistent
 * snapshot that restores into an empty database with the same rows; the password never appears on
 * the dump tool's command line; a failed dump leaves no file behind.
 */
import { execFile, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { promisify } from 'node:util'
import { backupMysql } from '../../src/server/hosted/backup-mysql'
import { openStore } from '../../src/server/storage/relational'
import { freshDatabase, type TestDatabase } from '../support/test-database'
import { loadWorld } from './world'

const root = path.resolve(__dirname, '..', '..')
let dir: string
let source: TestDatabase
let target: TestDatabase

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-mysql-backup-'))
  source = await freshDatabase(dir, { prefix: 'bk' })
  target = await freshDatabase(dir, { prefix: 'rs' })
  const store = await openStore({ url: source.url })
  await loadWorld(store)
  await store.close()
})
afterAll(async () => {
  await source?.drop()
  await target?.drop()
  fs.rmSync(dir, { recursive: true, force: true })
})

it('npm run backup dumps the MySQL database to backups/minqing-<stamp>.sql.gz, and it restores with the same rows', async () => {
  const run = promisify(execFile)
  const backups = path.join(dir, 'backups')
  const { stdout } = await run('node', [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/backup.ts', '--to', backups], {
    cwd: root,
    env: { ...process.env, MINQING_DATABASE_URL: source.url },
  })
  const files = fs.readdirSync(backups)
  expect(files).toHaveLength(1)
  expect(files[0]).toMatch(/^minqing-\d{8}-\d{4}\.sql\.gz$/)
  expect(stdout).toContain(files[0])
  const dump = zlib.gunzipSync(fs.readFileSync(path.join(backups, files[0]!))).toString('utf8')
  expect(dump).toContain('CREATE TABLE `people`')
  expect(dump).toContain('-- Dump completed')

  // Restore into the empty database with the mariadb client, then compare.
  const u = new URL(target.url)
  const restore = spawnSync('mariadb', ['-h', u.hostname, '-P', u.port, '-u', decodeURIComponent(u.username), u.pathname.slice(1)], {
    input: dump,
    env: { ...process.env, MYSQL_PWD: decodeURIComponent(u.password) },
  })
  expect(restore.status).toBe(0)
  const [a, b] = [await openStore({ url: source.url }), await openStore({ url: target.url })]
  try {
    for (const collection of ['people', 'households', 'villages'] as const) {
      const [x, y] = [await a.find(collection, {}), await b.find(collection, {})]
      expect(y.length).toBe(x.length)
      expect(y.length).toBeGreaterThan(0)
    }
  } finally {
    await a.close()
    await b.close()
  }
})

it('a dump that fails (no such database) leaves no file and says why', async () => {
  const u = new URL(source.url)
  u.pathname = '/no_such_database_here'
  const out = path.join(dir, 'failed')
  await expect(backupMysql(u.toString(), out)).rejects.toThrow(/failed \(exit \d+\)/)
  expect(fs.readdirSync(out)).toEqual([])
})
