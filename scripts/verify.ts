/**
 * `npm run verify`: checks the tamper-evidence chain of every township (or one) on the configured
 * database (MINQING_DATABASE_URL, or the SQLite file in MINQING_DATA_DIR / .data), whole or a range:
 *   npm run verify                                     every township, the whole chain
 *   npm run verify -- --township <id> --from 100 --to 250     entries 100 to 250 of one township
 *   npm run verify -- --township <id> --month 2026-11         the whole chain, and no record of the month unchained
 * Exits 1 naming the first bad entry of each broken chain.
 */
import { DEFAULT_SETTINGS } from '../src/core/settings'
import { periodRange } from '../src/core/time'
import { chainIssue, verifyChain } from '../src/server/features/chain'
import { arg, localDatabaseUrl } from './cli'
import { openStore } from '../src/server/storage/relational'


const main = async () => {
  const args = process.argv.slice(2)
  const url = localDatabaseUrl()
  const store = await openStore({ url })
  let broken = 0
  try {
    const only = arg(args, '--township')
    const townships = only ? [only] : (await store.find('townships', {})).map((t) => t.id)
    const from = arg(args, '--from')
    const to = arg(args, '--to')
    const month = arg(args, '--month')
    for (const townshipId of townships) {
      const report = await verifyChain(store, townshipId, {
        fromSeq: from ? Number(from) : undefined,
        toSeq: to ? Number(to) : undefined,
        records: month ? { ...periodRange(month, DEFAULT_SETTINGS), period: month } : undefined,
      })
      if (report.problem) {
        broken++
        console.log(`${townshipId}: BROKEN (${report.checked} of ${report.length} entries checked) — ${chainIssue(report.problem).message}`)
      } else {
        console.log(`${townshipId}: ok (${report.checked} of ${report.length} entries checked)`)
      }
    }
  } finally {
    await store.close()
  }
  process.exit(broken > 0 ? 1 : 0)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(2)
})
