/**
 * `npm run backup` for a MySQL/MariaDB database (MINQING_DATABASE_URL=mysql://...): a consistent
 * dump taken while the server runs (`--single-transaction`: one snapshot, no table locked; every
 * table is InnoDB), gzipped to <dir>/minqing-<YYYYMMDD-HHMM>.sql.gz.
 * One rule: the file gets its final name only once the dump finished and says so; the password goes
 * to the dump tool through its environment (MYSQL_PWD), never on its command line.
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { backupStamp } from '../local/backup'

/** The dump tool on PATH: MariaDB's name first, then MySQL's. */
export const dumpTool = (): string | null => {
  for (const tool of ['mariadb-dump', 'mysqldump']) {
    if (spawnSync(tool, ['--version'], { stdio: 'ignore' }).status === 0) return tool
  }
  return null
}

const freeName = (dir: string, stamp: string): string => {
  for (let n = 1; ; n++) {
    const file = path.join(dir, `minqing-${stamp}${n === 1 ? '' : `-${n}`}.sql.gz`)
    if (!fs.existsSync(file)) return file
  }
}

export const backupMysql = async (url: string, dir: string, at: Date = new Date()): Promise<string> => {
  const tool = dumpTool()
  if (!tool) throw new Error('neither mariadb-dump nor mysqldump is installed (Debian: apt-get install mariadb-client)')
  const u = new URL(url)
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''))
  if (!database) throw new Error('MINQING_DATABASE_URL names no database')
  fs.mkdirSync(dir, { recursive: true })
  const file = freeName(dir, backupStamp(at))
  const part = `${file}.part`
  const args = [
    '-h', u.hostname.replace(/^\[|\]$/g, ''),
    '-P', u.port || '3306',
    '-u', decodeURIComponent(u.username),
    '--single-transaction', '--routines', '--triggers', '--hex-blob', '--default-character-set=utf8mb4',
    database,
  ]
  const child = spawn(tool, args, { env: { ...process.env, MYSQL_PWD: decodeURIComponent(u.password) }, stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const out = fs.createWriteStream(part, { mode: 0o600 })
  const written = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve)
    out.on('error', reject)
  })
  let tail = ''
  child.stdout.on('data', (chunk: Buffer) => (tail = (tail + chunk.toString('utf8')).slice(-200)))
  child.stdout.pipe(zlib.createGzip()).pipe(out)
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  await written
  if (code !== 0 || !/-- Dump completed/.test(tail)) {
    fs.rmSync(part, { force: true })
    throw new Error(`${tool} failed (exit ${code}): ${stderr.trim().split('\n').pop() ?? ''}`)
  }
  fs.renameSync(part, file)
  return file
}
