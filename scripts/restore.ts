/**
 * `npm run restore -- <backup file> [data folder]`: puts a backup made by `npm run backup` in place
 * as the data folder's database (MINQING_DATA_DIR, default .data/). Stop the server first: the
 * restore refuses while the database is open. The database it replaces is kept beside it as
 * minqing.db.before-restore-<YYYYMMDD-HHMM>. Start the server again afterwards.
 */
import path from 'node:path'
import { restoreSqlite } from '../src/server/local/backup'

const root = path.resolve(__dirname, '..')
const [backupFile, dataDir] = process.argv.slice(2)
if (!backupFile) {
  console.error('usage: npm run restore -- <backup file> [data folder]')
  process.exit(2)
}
try {
  const folder = path.resolve(dataDir ?? process.env.MINQING_DATA_DIR ?? path.join(root, '.data'))
  const kept = restoreSqlite(path.resolve(backupFile), folder)
  console.log(`restored ${backupFile} into ${folder}${kept ? `; the replaced database is ${kept}` : ''}. Start the server again.`)
} catch (error) {
  console.error(`restore failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
