/**
 * `npm run start:server`: the self-hosted server, configured by its environment (see DEPLOY.md and
 * src/server/hosted/config.ts). Exits with the list of missing settings when any is missing.
 */
import { readHostedConfig } from './config'
import { startHostedServer } from './start'

const main = async () => {
  const read = readHostedConfig()
  if ('problems' in read) {
    for (const p of read.problems) console.error(`[minqing] ${p.variable}: ${p.problem}`)
    process.exit(2)
  }
  const server = await startHostedServer(read.config)
  server.app.log.info(`民情通 server listening on ${read.config.host}:${read.config.port}`)
  const stop = () => void server.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
