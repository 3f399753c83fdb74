/**
 * `npm run doctor`: checks a deployment's configuration from the environment it will run with and
 * names what is missing, in the order a township fixes things: settings, database reachable,
 * database migrated, WeChat login settings (self-hosted), set-up done.
 * One rule: it only reads; it never migrates, writes or prints a password or secret.
 */
import { calendarKnowsYear } from '../../core/calendar'
import { localDate } from '../../core/time'
import { DEFAULT_SETTINGS } from '../../core/settings'
import { settingsFromEnv } from '../settings-env'
import fs from 'node:fs'
import path from 'node:path'
import { MIGRATIONS } from '../storage/migrations'
import { databaseUrl as cloudDatabaseUrl } from '../storage/database-url'
import { readHostedConfig } from './config'

export type Target = 'cloud' | 'server'
export type Level = 'ok' | 'warn' | 'fail'

export interface Check {
  name: string
  level: Level
  detail: string
}

/** A URL with its password replaced, for messages. */
export const redact = (url: string): string => url.replace(/^(mysql:\/\/[^:/@]*:)[^@]*@/i, '$1***@')

interface Probe {
  query(sqlText: string): Promise<Record<string, unknown>[]>
  close(): Promise<void>
}

const openProbe = async (url: string): Promise<Probe> => {
  if (/^mysql:/i.test(url)) {
    const mysql = await import('mysql2/promise')
    const connection = await mysql.createConnection({ uri: url, connectTimeout: 5000 })
    return {
      query: async (q) => (await connection.query(q))[0] as Record<string, unknown>[],
      close: () => connection.end(),
    }
  }
  const { default: Sqlite } = await import('better-sqlite3')
  // Read-only, and the file must exist: the doctor never creates a database.
  const db = new Sqlite(url, { readonly: true, fileMustExist: true })
  return {
    query: async (q) => db.prepare(q).all() as Record<string, unknown>[],
    close: async () => void db.close(),
  }
}

const missingTable = (e: unknown) => /no such table|doesn't exist/i.test(String((e as Error).message)) || (e as { errno?: number }).errno === 1146

const countOf = async (probe: Probe, table: string): Promise<number> => Number((await probe.query(`SELECT COUNT(*) AS n FROM ${table}`))[0]?.n ?? 0)

const databaseChecks = async (url: string, target: Target): Promise<Check[]> => {
  const checks: Check[] = []
  let probe: Probe
  try {
    probe = await openProbe(url)
    await probe.query('SELECT 1 AS one')
  } catch (e) {
    const message = redact(String((e as Error).message ?? e)).replace(url, redact(url))
    return [{ name: 'database reachable', level: 'fail', detail: `cannot reach ${redact(url)}: ${message}` }]
  }
  checks.push({ name: 'database reachable', level: 'ok', detail: redact(url) })
  try {
    let executed: string[] = []
    try {
      executed = (await probe.query('SELECT name FROM kysely_migration')).map((r) => String(r.name))
    } catch (e) {
      if (!missingTable(e)) throw e
    }
    const known = Object.keys(MIGRATIONS)
    const pending = known.filter((n) => !executed.includes(n))
    const unknown = executed.filter((n) => !known.includes(n))
    const start = target === 'server' ? 'start the server once (it migrates on start)' : 'call the cloud function once (it migrates on its first call)'
    if (unknown.length > 0) checks.push({ name: 'database migrated', level: 'fail', detail: `written by a newer version (has ${unknown.join(', ')}): deploy that version or a later one` })
    else if (pending.length > 0) checks.push({ name: 'database migrated', level: 'fail', detail: `${pending.length} of ${known.length} steps not run (first: ${pending[0]}): ${start}` })
    else checks.push({ name: 'database migrated', level: 'ok', detail: `all ${known.length} steps` })
    if (pending.length === 0 && unknown.length === 0) {
      const townships = await countOf(probe, 'townships')
      const people = townships > 0 ? await countOf(probe, 'people') : 0
      checks.push(
        townships > 0 && people > 0
          ? { name: 'set-up done', level: 'ok', detail: `${townships} township(s), ${people} people` }
          : { name: 'set-up done', level: 'fail', detail: 'no township or no people yet: do the first set-up (DEPLOY.md, "The first administrator": MINQING_SETUP_CODE, then the roster import)' },
      )
    }
  } finally {
    await probe.close()
  }
  return checks
}

const writableDir = (dir: string): boolean => {
  let at = path.resolve(dir)
  while (!fs.existsSync(at)) {
    const up = path.dirname(at)
    if (up === at) return false
    at = up
  }
  try {
    fs.accessSync(at, fs.constants.W_OK)
    return true
  } catch {
    return false
  }
}

export const runDoctor = async (target: Target, env: NodeJS.ProcessEnv = process.env, now: number = Date.now()): Promise<Check[]> => {
  const checks: Check[] = []
  let url: string | null = null
  if (target === 'server') {
    const read = readHostedConfig(env)
    if ('problems' in read) {
      for (const p of read.problems) checks.push({ name: p.variable, level: 'fail', detail: p.problem })
      url = env.MINQING_DATABASE_URL?.trim() || null
    } else {
      const { config } = read
      url = config.databaseUrl
      checks.push({ name: 'settings', level: 'ok', detail: `port ${config.port}, data folder ${config.dataDir}` })
      checks.push({ name: 'WeChat login (AppID and secret)', level: 'ok', detail: `AppID ${config.wechat.appId}; secret set (${config.wechat.secret.length} characters)` })
      checks.push(
        writableDir(config.dataDir)
          ? { name: 'data folder writable', level: 'ok', detail: config.dataDir }
          : { name: 'data folder writable', level: 'fail', detail: `${config.dataDir} cannot be written (MINQING_DATA_DIR): uploads and the session key live there` },
      )
      if (config.staticDir && !fs.existsSync(path.join(config.staticDir, 'index.html'))) {
        checks.push({ name: 'MINQING_STATIC_DIR', level: 'warn', detail: `${config.staticDir} has no index.html (build it with npm run build:h5, or unset it)` })
      }
    }
  } else {
    url = cloudDatabaseUrl(env)
    if (!url) checks.push({ name: 'MINQING_DATABASE_URL', level: 'fail', detail: 'not set (nor DB_HOST): the CloudBase MySQL database, e.g. mysql://root:PASSWORD@<内网地址>:3306/tcb' })
    if (!env.MINQING_SUBSCRIBE_TEMPLATES) checks.push({ name: 'MINQING_SUBSCRIBE_TEMPLATES', level: 'warn', detail: 'not set: no subscribe messages are sent (JSON of template ids per event: taken, escalated, resolved, confirm, visitToSign, monthClose, unbound)' })
    for (const problem of settingsFromEnv(DEFAULT_SETTINGS, env).problems) checks.push({ name: problem.slice(0, problem.indexOf(':')), level: 'fail', detail: problem.slice(problem.indexOf(':') + 2) })
  }
  checks.push(...calendarChecks(env, now))
  if (url) checks.push(...(await databaseChecks(url, target)))
  return checks
}

const MARK: Record<Level, string> = { ok: '✔', warn: '!', fail: '✘' }

export const formatChecks = (checks: Check[]): string =>
  checks.map((c) => `${MARK[c.level]} ${c.name}: ${c.detail}`).join('\n') +
  `\n${checks.some((c) => c.level === 'fail') ? `${checks.filter((c) => c.level === 'fail').length} problem(s) to fix before going live.` : 'Ready.'}`

/**
 * The holiday calendar (issue 14 item 3): this year's must be there (a month cannot be closed without
 * it), and from December next year's (the December close reads into January's first week).
 */
const calendarChecks = (env: NodeJS.ProcessEnv, now: number): Check[] => {
  const { settings } = settingsFromEnv(DEFAULT_SETTINGS, env)
  const today = localDate(now, settings)
  const year = Number(today.slice(0, 4))
  const needed = today.slice(5, 7) === '12' ? [year, year + 1] : [year]
  const missing = needed.filter((y) => !calendarKnowsYear(y, settings))
  if (missing.length === 0) return [{ name: 'holiday calendar', level: 'ok', detail: `holds ${needed.join(' and ')}` }]
  return [
    {
      name: 'holiday calendar',
      level: missing.includes(year) ? 'fail' : 'warn',
      detail: `no statutory holidays for ${missing.join(', ')}: months touching it cannot be closed. Set MINQING_HOLIDAYS from the State Council's notice, e.g. {"${missing[0]}":{"holidays":["${missing[0]}-01-01"],"workdays":[]}} (see docs/environment.md)`,
    },
  ]
}
