/**
 * Backup and restore of the embedded database, the way an operator runs them: `npm run backup`'s
 * script takes a backup of the running server's database while villagers keep filing tickets;
 * `npm run restore`'s script puts it into a new data folder; a local server started there has what
 * was written before the backup and nothing written after it. A restore into the folder of a
 * running server is refused. (MySQL is backed up with mysqldump: README, "Backups".)
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { DATABASE_FILE, backupSqlite, backupStamp, restoreSqlite } from '../../src/server/local/backup'
import { startLocalServer, type LocalServer } from '../../src/server/local/start'
import { startHarness, type Client, type Harness } from './harness'

const run = promisify(execFile)
const root = path.resolve(__dirname, '../..')
const tsx = path.join(root, 'node_modules/.bin/tsx')
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-backup-'))

let h: Harness
let restored: LocalServer | null = null
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await restored?.close()
  await h.stop()
  fs.rmSync(work, { recursive: true, force: true })
})

const file = (villager: Client, description: string) => villager.ok('ticket.create', { kind: 'problem', category: 'infrastructure', description })

it('backs up a live database while writes continue, and restores it into a new data folder that a server can run on', async () => {
  const villager = await h.as('villager-a1')
  const before = await file(villager, '备份之前：村口路灯不亮')
  const filed = [before.id]

  // Villagers keep filing tickets for as long as the backup script runs.
  let backingUp = true
  let during = 0
  const writer = (async () => {
    while (backingUp) {
      filed.push((await file(villager, `备份期间的第 ${during + 1} 张工单`)).id)
      during++
    }
  })()
  const backups = path.join(work, 'backups')
  const { stdout } = await run(tsx, [path.join(root, 'scripts/backup.ts'), path.join(h.dataDir, DATABASE_FILE), '--to', backups], { cwd: root })
  backingUp = false
  await writer
  expect(during).toBeGreaterThan(0)
  const [backup] = fs.readdirSync(backups)
  expect(backup).toMatch(/^minqing-\d{8}-\d{4}\.db$/)
  expect(stdout).toContain(backup)
  const after = await file(villager, '备份之后：水渠堵了')
  filed.push(after.id)

  // The live database is open: restoring over it is refused, and it keeps serving.
  expect(() => restoreSqlite(path.join(backups, backup), h.dataDir)).toThrow(/stop the server/)
  expect((await villager.ok('ticket.get', { ticketId: after.id })).id).toBe(after.id)

  const dataDir = path.join(work, 'restored')
  await run(tsx, [path.join(root, 'scripts/restore.ts'), path.join(backups, backup), dataDir], { cwd: root })
  restored = await startLocalServer({ dataDir, seedHouseholds: 0, demo: true })
  const login = await fetch(`${restored.url}/api/auth.devLogin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ input: { personId: 'villager-a1' } }) })
  const token = ((await login.json()) as { data: { token: string } }).data.token
  const get = async (ticketId: string) => {
    const response = await fetch(`${restored!.url}/api/ticket.get`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ input: { ticketId } }) })
    return (await response.json()) as { ok: boolean; data?: { description: string }; error?: { code: string } }
  }
  expect(await get(before.id)).toMatchObject({ ok: true, data: { description: '备份之前：村口路灯不亮' } })
  expect((await get(after.id)).ok).toBe(false)
  expect(await restored.deps.store.get('tickets', after.id)).toBeNull()
  // One snapshot: the backup has the tickets filed up to some moment, all of them, and none after.
  const present: boolean[] = []
  for (const id of filed) present.push((await restored.deps.store.get('tickets', id)) !== null)
  const kept = present.indexOf(false)
  expect(kept).toBeGreaterThanOrEqual(1)
  expect(present).toEqual(filed.map((_, i) => i < kept))
})

it('keeps the database it replaces, names backups by the minute without overwriting, and refuses a file that is not a database', async () => {
  const dir = path.join(work, 'second')
  const source = path.join(h.dataDir, DATABASE_FILE)
  const at = new Date(2026, 10, 30, 9, 12)
  const first = await backupSqlite(source, dir, at)
  const second = await backupSqlite(source, dir, at)
  expect([path.basename(first), path.basename(second)]).toEqual([`minqing-${backupStamp(at)}.db`, `minqing-${backupStamp(at)}-2.db`])
  expect(backupStamp(at)).toBe('20261130-0912')
  // A backup is one self-contained file.
  const copy = new Database(first, { readonly: true })
  expect(copy.pragma('journal_mode', { simple: true })).toBe('delete')
  copy.close()

  const folder = path.join(work, 'replace')
  fs.mkdirSync(folder)
  fs.copyFileSync(first, path.join(folder, DATABASE_FILE))
  const kept = restoreSqlite(second, folder, at)
  expect(kept).toBe(path.join(folder, `${DATABASE_FILE}.before-restore-20261130-0912`))
  expect(fs.existsSync(kept!)).toBe(true)

  const junk = path.join(work, 'junk.db')
  fs.writeFileSync(junk, 'not a database')
  expect(() => restoreSqlite(junk, folder)).toThrow()
  await expect(backupSqlite(path.join(work, 'missing.db'), dir)).rejects.toThrow(/no database/)
})
