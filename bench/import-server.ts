/**
 * The import's own process (forked by bench/roster.ts): a local server on an empty SQLite township
 * with one office person, so that the peak RSS it reports is the import's and the server's alone,
 * not the bench's (which holds the county's generated data and builds the spreadsheet).
 * Messages: it sends { ready, url, personId, baselineKb } once listening; on 'report' it answers
 * { maxRssKb } (process.resourceUsage().maxRSS: the process's peak resident set, in KB); on 'stop'
 * it closes the server and exits.
 */
import { startLocalServer } from '../src/server/local/start'

const main = async () => {
  const dataDir = process.argv[2]
  if (!dataDir) throw new Error('usage: import-server.ts <dataDir>')
  const server = await startLocalServer({ dataDir, seedHouseholds: 0, demo: true })
  const store = server.deps.store
  await store.insert('townships', { id: 'ts-bench', name: '测试县' })
  const personId = 'office-bench'
  await store.insert('people', {
    id: personId,
    townshipId: 'ts-bench',
    name: '办公室',
    phone: '10000000000',
    roles: ['cadre'],
    householdId: null,
    villageId: null,
    duty: 'office',
    title: '党政办',
    photoUrl: null,
    hasPhone: true,
  })
  process.on('message', (message: string) => {
    if (message === 'report') process.send?.({ maxRssKb: process.resourceUsage().maxRSS })
    if (message === 'stop') void server.close().then(() => process.exit(0))
  })
  process.send?.({ ready: true, url: server.url, personId, baselineKb: process.resourceUsage().maxRSS })
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
