/**
 * Starts the real local server (real HTTP, and a fresh database: a SQLite file in a temp folder, or
 * a database of its own on the run's MariaDB when MINQING_TEST_MYSQL_URL is set) for a test file,
 * and gives a typed client that signs in as any person through the development login.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { ActionName, ApiResponse, InputOf, OutputOf } from '../../src/contracts'
import type { Settings } from '../../src/core/settings'
import { startLocalServer, type LocalServer } from '../../src/server/local/start'
import { freshDatabase, type TestDatabase } from '../support/test-database'
import { loadWorld } from './world'

export interface Harness {
  server: LocalServer
  dataDir: string
  /** The database the server runs on (dropped by `stop`). */
  database: TestDatabase
  /** Raw POST: any body, any headers; answers status and parsed JSON. */
  post: (path: string, body: string, headers?: Record<string, string>) => Promise<{ status: number; json: ApiResponse<unknown> }>
  /** A client signed in as the person. */
  as: (personId: string) => Promise<Client>
  /** A client with a given session token (null: none). */
  client: (token: string | null) => Client
  anonymous: Client
  /** The test clock (ms); move it with `advance`. */
  now: () => number
  advance: (ms: number) => void
  stop: () => Promise<void>
}

export interface Client {
  call: <N extends ActionName>(action: N, input: InputOf<N>, requestId?: string) => Promise<{ status: number; body: ApiResponse<OutputOf<N>> }>
  /** The data of a successful call; fails the test with the error otherwise. */
  ok: <N extends ActionName>(action: N, input: InputOf<N>, requestId?: string) => Promise<OutputOf<N>>
}

let counter = 0
export const requestId = () => `req-${Date.now().toString(36)}-${(counter++).toString(36)}`

export interface HarnessOptions {
  world?: boolean
  seedHouseholds?: number
  settings?: Settings
  /** Sees every SQL statement the server's store runs (statement counts, the EXPLAIN test). */
  onQuery?: (sqlText: string, parameters: readonly unknown[]) => void
  /** `mysql://...` or a SQLite path: the server's database, kept by `stop` (the caller owns it). */
  databaseUrl?: string
  /** Demo mode (the person picker, which `as` signs in with): on unless false. */
  demo?: boolean
  /** The database to run on, dropped by `stop`. Default: a fresh one of this run's dialect. */
  database?: TestDatabase
}

export const startHarness = async (options: HarnessOptions = {}): Promise<Harness> => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-test-'))
  let now = Date.UTC(2026, 10, 23, 2, 0, 0) // 2026-11-23 10:00 in the township (UTC+8)
  const database: TestDatabase =
    options.database ??
    (options.databaseUrl
      ? { dialect: /^mysql:/i.test(options.databaseUrl) ? 'mysql' : 'sqlite', url: options.databaseUrl, drop: async () => undefined }
      : await freshDatabase(dataDir, { migrated: true }))
  const server = await startLocalServer({
    dataDir,
    databaseUrl: database.url,
    seedHouseholds: options.seedHouseholds ?? 0,
    clock: () => now,
    settings: options.settings,
    onQuery: options.onQuery,
    demo: options.demo ?? true,
  })
  if (options.world !== false && !options.seedHouseholds) await loadWorld(server.deps.store)

  const post: Harness['post'] = async (p, body, headers = {}) => {
    const response = await fetch(`${server.url}${p}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } })
    return { status: response.status, json: (await response.json()) as ApiResponse<unknown> }
  }
  const client = (token: string | null): Client => {
    const call: Client['call'] = async (action, input, id) => {
      const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {}
      const { status, json } = await post(`/api/${action}`, JSON.stringify({ input, requestId: id }), auth)
      return { status, body: json as ApiResponse<never> }
    }
    return {
      call,
      ok: async (action, input, id) => {
        const { status, body } = await call(action, input, id ?? requestId())
        if (!body.ok) throw new Error(`${action} failed with ${status} ${body.error.code}: ${body.error.message}`)
        return body.data
      },
    }
  }
  const anonymous = client(null)
  return {
    server,
    dataDir,
    database,
    post,
    anonymous,
    client,
    as: async (personId) => client((await anonymous.ok('auth.devLogin', { personId })).token),
    now: () => now,
    advance: (ms) => {
      now += ms
    },
    stop: async () => {
      await server.close()
      await database.drop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
