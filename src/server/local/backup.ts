/**
 * Backups of the embedded SQLite database (`npm run backup`, `npm run restore`). A backup is taken
 * online with SQLite's backup API (better-sqlite3's db.backup()) through a connection of its own,
 * so the server keeps reading and writing: the copy is one consistent snapshot, taken in one step
 * inside one read transaction (WAL lets writers go on meanwhile). Restoring replaces the database
 * of a data folder whose server is stopped; the database it replaces is kept beside it.
 * MySQL is backed up with the server's own tools (README, "Backups").
 * One rule: a backup file is complete and checked before it gets its final name.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'

/** The database file of a data folder (as startLocalServer opens it). */
export const DATABASE_FILE = 'minqing.db'

const pad = (n: number) => String(n).padStart(2, '0')
/** `20261130-0912`: the machine's local time, to the minute. */
export const backupStamp = (at: Date): string =>
  `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}`

/** A name in `dir` not taken yet: minqing-20261130-0912.db, then minqing-20261130-0912-2.db... */
const freeName = (dir: string, stamp: string): string => {
  for (let n = 1; ; n++) {
    const file = path.join(dir, `minqing-${stamp}${n === 1 ? '' : `-${n}`}.db`)
    if (!fs.existsSync(file)) return file
  }
}

/** Fails unless `file` is a SQLite database that passes SQLite's quick check. */
const checkDatabase = (file: string): void => {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const result = db.pragma('quick_check', { simple: true })
    if (result !== 'ok') throw new Error(`${file} fails SQLite's quick check: ${String(result)}`)
  } finally {
    db.close()
  }
}

/**
 * Copies the database `source` (a live one is fine) into `backupDir` as minqing-<stamp>.db and
 * answers the file's path. The copy is written under a temporary name, set to a rollback journal
 * (one self-contained file), checked, and only then renamed.
 */
export const backupSqlite = async (source: string, backupDir: string, at: Date = new Date()): Promise<string> => {
  if (!fs.existsSync(source)) throw new Error(`no database at ${source}: give the path of minqing.db (or set MINQING_DATA_DIR)`)
  fs.mkdirSync(backupDir, { recursive: true })
  const target = freeName(backupDir, backupStamp(at))
  const partial = `${target}.partial`
  fs.rmSync(partial, { force: true })
  const db = new Database(source, { readonly: true, fileMustExist: true })
  try {
    // The first step only starts the backup; returning every page for the next one copies the rest
    // in one step, so a write in between cannot make SQLite start the copy over again and again.
    await db.backup(partial, { progress: () => 0x7fffffff })
  } catch (error) {
    fs.rmSync(partial, { force: true })
    throw error
  } finally {
    db.close()
  }
  const copy = new Database(partial, { fileMustExist: true })
  try {
    copy.pragma('journal_mode = DELETE')
  } finally {
    copy.close()
  }
  checkDatabase(partial)
  fs.renameSync(partial, target)
  return target
}

/** True when some connection (a running server) has the database open. */
const inUse = (file: string): boolean => {
  if (!fs.existsSync(file)) return false
  const db = new Database(file, { fileMustExist: true, timeout: 200 })
  try {
    // Leaving WAL needs the database to itself: SQLite refuses while another connection has it open.
    db.pragma('journal_mode = DELETE')
    return false
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return true
    throw error
  } finally {
    db.close()
  }
}

/**
 * Puts the backup `backupFile` in place as the database of `dataDir` (whose server must be
 * stopped: refused while the database is open). The database it replaces, if any, is renamed to
 * minqing.db.before-restore-<stamp> in the same folder. Answers that name, or null.
 */
export const restoreSqlite = (backupFile: string, dataDir: string, at: Date = new Date()): string | null => {
  checkDatabase(backupFile)
  fs.mkdirSync(dataDir, { recursive: true })
  const live = path.join(dataDir, DATABASE_FILE)
  if (inUse(live)) throw new Error(`${live} is open (is the server running?): stop the server, then restore`)
  const incoming = `${live}.restoring`
  fs.copyFileSync(backupFile, incoming)
  let kept: string | null = null
  if (fs.existsSync(live)) {
    kept = `${live}.before-restore-${backupStamp(at)}`
    fs.renameSync(live, kept)
  }
  // Left by a crash, they would belong to the replaced database, not to the backup.
  for (const extra of ['-wal', '-shm', '-journal']) fs.rmSync(`${live}${extra}`, { force: true })
  fs.renameSync(incoming, live)
  return kept
}
