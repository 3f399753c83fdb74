/**
 * SQLite's WAL checkpoints off the request path. By default the connection that commits the
 * transaction crossing 1000 WAL pages copies them into the database file and syncs it, synchronously:
 * a few milliseconds during which the server answers nobody (the p99 of every action, and about two
 * thirds of a write's average cost). Here the serving connection never checkpoints; a second
 * connection, in a worker thread, checkpoints PASSIVE (never waiting for, nor blocking, the writer or
 * the readers) a few times a second.
 * One rule: should the worker fail, the serving connection checkpoints again as SQLite does by default.
 */
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type Database from 'better-sqlite3'

/** The worker: plain CommonJS (no TypeScript loader in a worker), given better-sqlite3's path. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.module)
const db = new Database(workerData.file)
// RESTART waits this long at most for the writer; busy, it is tried again at the next tick.
db.pragma('busy_timeout = 20')
let timer = null
const tick = () => {
  try {
    // Copies what it can without waiting for anyone: the bulk of the work, and the syncs.
    const [passive] = db.pragma('wal_checkpoint(PASSIVE)')
    // Under a steady stream of writes the log would never start over (each checkpoint ends behind
    // the writer): once it is long (16 MB), what little is left is copied while new writers wait
    // (a millisecond or two, rarely), and the next write starts the log from its beginning.
    if (passive && passive.log > workerData.restartPages) db.pragma('wal_checkpoint(RESTART)')
  } catch (error) {
    if (!/busy|locked/i.test(String(error && error.message))) parentPort.postMessage({ error: String((error && error.message) || error) })
  }
  timer = setTimeout(tick, workerData.intervalMs)
}
parentPort.on('message', (message) => {
  if (message !== 'stop') return
  clearTimeout(timer)
  db.close()
  process.exit(0)
})
parentPort.postMessage({ ready: true })
tick()
`

/** The default of SQLite (pages), restored when the worker cannot run. */
const DEFAULT_AUTOCHECKPOINT = 1000

/**
 * Hands the checkpoints of the SQLite file `file` (opened in WAL mode by `raw`) to a worker thread;
 * answers the function that stops it (call it before closing `raw`).
 */
export const checkpointInWorker = async (raw: Database.Database, file: string, intervalMs = 100, restartPages = 4000): Promise<() => Promise<void>> => {
  let worker: Worker
  try {
    const module = createRequire(__filename).resolve('better-sqlite3')
    worker = new Worker(WORKER, { eval: true, workerData: { module, file, intervalMs, restartPages } })
    await new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve())
      worker.once('error', reject)
      worker.once('exit', (code) => reject(new Error(`checkpoint worker exited with ${code}`)))
    })
  } catch (error) {
    console.warn(`[minqing] SQLite checkpoints stay on the serving connection: ${(error as Error).message}`)
    return async () => undefined
  }
  raw.pragma('wal_autocheckpoint = 0')
  let running = true
  worker.on('message', (message: { error?: string }) => {
    if (message.error) console.warn(`[minqing] SQLite checkpoint: ${message.error}`)
  })
  worker.on('exit', () => {
    if (running && raw.open) raw.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT}`)
    running = false
  })
  worker.on('error', (error) => console.warn(`[minqing] SQLite checkpoint worker failed: ${error.message}`))
  worker.unref()
  return async () => {
    if (!running) return
    running = false
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
    // Waited for: the process must not end in between (the worker alone does not keep it alive).
    worker.ref()
    worker.postMessage('stop')
    await exited
    if (raw.open) raw.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT}`)
  }
}
