/**
 * `npm start`: serves the H5 build (dist-h5/) and the API on 127.0.0.1, seeding the demo township on
 * first run. Settings by environment: PORT (8710), MINQING_DATA_DIR (.data), MINQING_SEED_HOUSEHOLDS,
 * MINQING_DATABASE_URL (mysql://user:password@host:port/database; otherwise SQLite in the data folder).
 * `--demo` (`npm start`, `npm run serve`): seeds the demo township and offers the person picker.
 * Without it (`npm run host`, a self-hosted township set up by `npm run setup`): no seed, no picker;
 * the office signs in by scanning the web console's QR code with the mini-program.
 */
import path from 'node:path'
import { DEMO_HOUSEHOLDS, startLocalServer } from './start'

const main = async () => {
  const demo = process.argv.includes('--demo')
  const root = path.resolve(__dirname, '..', '..', '..')
  const server = await startLocalServer({
    dataDir: path.resolve(process.env.MINQING_DATA_DIR ?? path.join(root, '.data')),
    port: Number(process.env.PORT ?? 8710),
    staticDir: path.join(root, 'dist-h5'),
    seedHouseholds: Number(process.env.MINQING_SEED_HOUSEHOLDS ?? DEMO_HOUSEHOLDS),
    databaseUrl: process.env.MINQING_DATABASE_URL,
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
