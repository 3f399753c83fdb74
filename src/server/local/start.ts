/**
 * Starts the whole backend locally: the SQLite file in a data folder, the demo township seeded on
 * first run, the development login's signing key, and the HTTP server on 127.0.0.1.
 * One rule: local mode only; the cloud function never imports this file.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings'
import type { ServerDeps } from '../context'
import { buildHttpApp } from '../http/app'
import { newId } from '../ids'
import { storedSessions } from '../features/sessions/store'
import { chainUnchainedRecords } from '../features/chain'
import { fileMessenger } from '../features/tickets/notifications/messenger'
import { generateTownship, seedStore } from '../seed'
import { openStore } from '../storage/relational'
import { analyze } from '../storage/migrations'
import { startOverdueTimer } from '../features/tickets/overdue/sweep'
import { localWechatCodes } from '../wechat/local'
import { startAutoCloseTimer } from '../features/office/auto-close'
import type { Store } from '../storage/port'

export interface LocalOptions {
  dataDir: string
  /** `mysql://...` for a MySQL database; otherwise the SQLite file `minqing.db` in the data folder. */
  databaseUrl?: string
  /** Sees every SQL statement the store runs (statement counts, the EXPLAIN test). */
  onQuery?: (sqlText: string, parameters: readonly unknown[]) => void
  port?: number
  host?: string
  staticDir?: string
  /** Households in the demo township seeded on first run (0: seed nothing). */
  seedHouseholds?: number
  seed?: number
  clock?: () => number
  settings?: Settings
  /**
   * Demo mode (`npm start`, tests): the person picker and its login exist. Off by default: a
   * self-hosted start without it offers no picker and its server refuses the picker's actions.
   */
  demo?: boolean
  /** Minutes between runs of the overdue sweep (提级督办); 0 or absent: not run (tests call it). */
  overdueSweepMinutes?: number
  /** Minutes between runs of the automatic month close (自动结账); 0 or absent: not run (tests call it). */
  autoCloseMinutes?: number
}

export interface LocalServer {
  url: string
  app: FastifyInstance
  deps: ServerDeps
  close: () => Promise<void>
}

/** Local mode's subscribe-message adapter writes here, in the data folder (tests read it). */
export const SUBSCRIBE_LOG = 'subscribe-messages.log'

/** The demo township's size: about 红庆河镇's, with 5-6 resident cadres per 嘎查. */
export const DEMO_HOUSEHOLDS = 330

/** The demo township's seed number (the generator's: the same number, the same township). */
export const DEMO_SEED = 1

/** The hour a township seeded at `now` ends its history at: a month of it lies just behind the first start. */
export const seedAnchor = (now: number): number => Math.floor(now / 3_600_000) * 3_600_000

/** Seeds once: the `meta/seeded` document records when and with what. */
export const seedIfEmpty = async (store: Store, households: number, seed: number, now: number): Promise<boolean> => {
  if (households <= 0 || (await store.get('meta', 'seeded'))) return false
  const data = generateTownship({ seed, households, now })
  await seedStore(store, data)
  await store.insert('meta', { id: 'seeded', value: { seed, households, at: now } })
  // The seeded history enters the tamper-evidence chain, as a migrated database's records do.
  await chainUnchainedRecords(store.db, store.dialect)
  // The planner's statistics, so that it picks the right index on a freshly filled township.
  await analyze(store.db, store.dialect)
  // The seed's log copied into the database file now, before the first request, not behind it.
  if (store.dialect === 'sqlite') await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(store.db)
  return true
}

/** How long a closing server waits for requests under way before it cuts their connections. */
const CLOSE_GRACE_MS = 3000

export const startLocalServer = async (options: LocalOptions): Promise<LocalServer> => {
  fs.mkdirSync(options.dataDir, { recursive: true })
  const clock = options.clock ?? Date.now
  const store = await openStore({ url: options.databaseUrl || path.join(options.dataDir, 'minqing.db'), onQuery: options.onQuery })
  if (options.demo) await seedIfEmpty(store, options.seedHouseholds ?? DEMO_HOUSEHOLDS, options.seed ?? DEMO_SEED, seedAnchor(clock()))
  const messenger = fileMessenger(path.join(options.dataDir, SUBSCRIBE_LOG))
  const settings = options.settings ?? DEFAULT_SETTINGS
  const deps: ServerDeps = {
    store,
    settings,
    mode: 'local',
    demo: options.demo === true,
    clock,
    newId,
    sessions: storedSessions(store, clock, settings),
    messenger,
    wechat: localWechatCodes,
    // The local adapter records subscribe messages instead of sending them (tests read its calls).
    wechatMessages: localWechatCodes,
  }
  const app = await buildHttpApp({ deps, staticDir: options.staticDir, uploadDir: path.join(options.dataDir, 'uploads') })
  const host = options.host ?? '127.0.0.1'
  await app.listen({ port: options.port ?? 0, host })
  const stopSweep = startOverdueTimer(deps, options.overdueSweepMinutes ?? 0)
  const stopAutoClose = startAutoCloseTimer(deps, options.autoCloseMinutes ?? 0)
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  return {
    url: `http://${host}:${port}`,
    app,
    deps,
    close: async () => {
      stopSweep()
      stopAutoClose()
      // Requests under way get a grace period to finish; then every connection still open is cut (a
      // client that keeps a connection alive without reading its answer would otherwise hold the
      // close for the server's whole keep-alive time, 72 s).
      const cut = setTimeout(() => app.server.closeAllConnections(), CLOSE_GRACE_MS)
      try {
        await app.close()
      } finally {
        clearTimeout(cut)
      }
      await store.close()
      messenger.close()
    },
  }
}
