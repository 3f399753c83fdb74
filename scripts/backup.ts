/**
 * `npm run backup`: an online backup of the local server's SQLite database, safe while the server
 * runs, to backups/minqing-<YYYYMMDD-HHMM>.db.
 *   npm run backup                          the data folder's database (MINQING_DATA_DIR, default .data/)
 *   npm run backup -- path/to/minqing.db    another database file
 *   npm run backup -- --to /mnt/usb         another backup folder (or MINQING_BACKUP_DIR)
 * A MySQL/MariaDB database (MINQING_DATABASE_URL=mysql://...) is dumped with mariadb-dump/mysqldump
 * (one consistent snapshot, the server keeps running) to backups/minqing-<YYYYMMDD-HHMM>.sql.gz.
 */
import path from 'node:path'
import { backupSqlite, DATABASE_FILE } from '../src/server/local/backup'
import { isMysqlUrl } from '../src/server/storage/relational'
import { backupMysql } from '../src/server/hosted/backup-mysql'

const root = path.resolve(__dirname, '..')

const main = async () => {
  const args = process.argv.slice(2)
  const to = args.indexOf('--to')
  const backupDir = path.resolve(to >= 0 ? (args[to + 1] ?? '') : (process.env.MINQING_BACKUP_DIR ?? path.join(root, 'backups')))
  const given = args.filter((_, i) => i !== to && i !== to + 1)[0]
  const mysqlUrl = process.env.MINQING_DATABASE_URL ?? ''
  if (!given && isMysqlUrl(mysqlUrl)) {
    const started = Date.now()
    const file = await backupMysql(mysqlUrl, backupDir)
    console.log(`backup of the MySQL database: ${file} (${Date.now() - started} ms)`)
    return
  }
  const source = path.resolve(given ?? path.join(process.env.MINQING_DATA_DIR ?? path.join(root, '.data'), DATABASE_FILE))
  const started = Date.now()
  const file = await backupSqlite(source, backupDir)
  console.log(`backup of ${source}: ${file} (${Date.now() - started} ms)`)
}

main().catch((error: unknown) => {
  console.error(`backup failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
