/**
 * `npm start`: serves the H5 build (dist-h5/) and the API on 127.0.0.1, seeding the demo township on
 * first run. Settings by environment: PORT (8710), MINQING_DATA_DIR (.data), MINQING_SEED_HOUSEHOLDS,
 * MINQING_DATABASE_URL (mysql://user:password@host:port/database; otherwise SQLite in the data folder),
 * MINQING_OVERDUE_SWEEP_MINUTES (10: how often tickets past their level's deadline are flagged; 0: never),
 * MINQING_AUTO_CLOSE_MINUTES (60: how often the automatic month close looks; 0: never), and the
 * deployment settings of src/server/settings-env.ts (MINQING_AUTO_CLOSE_DAY, subscribe templates).
 * `--demo` (`npm start`, `npm run serve`): seeds the demo township and offers the person picker.
 * Without it (`npm run host`, a self-hosted township set up by `npm run setup`): no seed, no picker;
 * the office signs in by scanning the web console's QR code with the mini-program.
 */
import path from 'node:path'
import { DEFAULT_SETTINGS } from '../../core/settings'
import { settingsFromEnv } from '../settings-env'
import { DEMO_HOUSEHOLDS, startLocalServer } from './start'

/** The settings with the deployment's own (environment); a wrong value is named and left at its default. */
const deploymentSettings = () => {
  const { settings, problems } = settingsFromEnv(DEFAULT_SETTINGS)
  for (const p of problems) console.error(`[minqing] ${p}`)
  return settings
}

const main = async () => {
  const demo = process.argv.includes('--demo')
  const root = path.resolve(__dirname, '..', '..', '..')
  const server = await startLocalServer({
    dataDir: path.resolve(process.env.MINQING_DATA_DIR ?? path.join(root, '.data')),
    port: Number(process.env.PORT ?? 8710),
    staticDir: path.join(root, 'dist-h5'),
    seedHouseholds: Number(process.env.MINQING_SEED_HOUSEHOLDS ?? DEMO_HOUSEHOLDS),
    databaseUrl: process.env.MINQING_DATABASE_URL,
    overdueSweepMinutes: Number(process.env.MINQING_OVERDUE_SWEEP_MINUTES ?? 10),
    autoCloseMinutes: Number(process.env.MINQING_AUTO_CLOSE_MINUTES ?? 60),
    settings: deploymentSettings(),
    demo,
  })
  console.log(demo ? `民情通 demo township is running: ${server.url}/` : `民情通 is running: ${server.url}/`)
  const stop = () => void server.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
