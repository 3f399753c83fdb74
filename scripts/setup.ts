/**
 * `npm run setup`: a township from zero on the configured database (MINQING_DATABASE_URL, or the
 * SQLite file in MINQING_DATA_DIR / .data). Creates the township and prints a one-time code with
 * which its first administrator binds (in the mini-program or on the web console's set-up page).
 *   npm run setup -- --name 红庆河镇               a new township
 *   npm run setup -- --township <id>              a new code for an existing township (the old one stays valid until used or expired)
 */
import { DEFAULT_SETTINGS } from '../src/core/settings'
import { createSetupCode } from '../src/server/features/setup/handlers'
import { newId } from '../src/server/ids'
import { arg, localDatabaseUrl } from './cli'
import { openStore, redactUrl } from '../src/server/storage/relational'


const main = async () => {
  const args = process.argv.slice(2)
  const url = localDatabaseUrl()
  const townshipName = arg(args, '--name')
  const townshipId = arg(args, '--township')
  if (!townshipName && !townshipId) {
    console.error('usage: npm run setup -- --name <乡镇名称>   (or --township <id> for a new code)')
    process.exit(2)
  }
  const store = await openStore({ url })
  try {
    const made = await createSetupCode(store, { townshipName, townshipId, now: Date.now(), hours: DEFAULT_SETTINGS.sessions.setupCodeHours, newId })
    console.log(`township ${made.townshipId} on ${redactUrl(url)}`)
    console.log(`one-time set-up code for the first administrator (valid until ${new Date(made.expiresAt).toISOString()}):`)
    console.log(`\n    ${made.code}\n`)
    console.log('The administrator opens 设置乡镇 (the web console\'s /#/subpackages/binding/setup/index, or the mini-program) and enters it.')
  } finally {
    await store.close()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
