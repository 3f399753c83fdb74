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
import { httpsOpenapi, type WechatApp } from '../wechat/https'

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

// ---- selfhost (issue 11): WeChat's open APIs of a self-hosted server ----

/** What the self-hosted server's WeChat settings leave out (read only; nothing is sent). */
const wechatSettingChecks = (wechat: WechatApp, env: NodeJS.ProcessEnv): Check[] => {
  const checks: Check[] = []
  if (wechat.base && wechat.base !== 'https://api.weixin.qq.com') {
    checks.push(
      /^https?:\/\/[^/\s]+/.test(wechat.base)
        ? { name: 'MINQING_WECHAT_API_BASE', level: 'warn', detail: `WeChat's API is reached at ${wechat.base}, not https://api.weixin.qq.com (a stand-in or a proxy: unset it for WeChat itself)` }
        : { name: 'MINQING_WECHAT_API_BASE', level: 'fail', detail: `not a URL: ${wechat.base}` },
    )
  }
  if (!env.MINQING_SUBSCRIBE_TEMPLATES?.trim()) {
    checks.push({ name: 'MINQING_SUBSCRIBE_TEMPLATES', level: 'warn', detail: 'not set: no subscribe messages are sent (JSON of template ids per event: taken, escalated, resolved, confirm, visitToSign, monthClose, unbound)' })
  }
  return checks
}

/** errcodes of /cgi-bin/token a township meets, in words. */
const TOKEN_HINTS: Record<string, string> = {
  '40013': 'the AppID is not valid: check MINQING_WECHAT_APPID',
  '40125': 'the AppSecret is wrong: copy it again from 开发管理 > 开发设置 (or reset it there)',
  '40164': "this server's outgoing IP is not in the IP白名单: add it under 开发管理 > 开发设置 > IP白名单",
  '41004': 'the AppSecret is missing',
}

/** `--probe-wechat`: one access_token request with the AppID and secret (names the problem, never the secret). */
const wechatProbe = async (wechat: WechatApp): Promise<Check> => {
  try {
    await httpsOpenapi({ ...wechat, timeoutMs: 8000 }).accessToken()
    return { name: 'WeChat open APIs (access_token)', level: 'ok', detail: 'WeChat accepted the AppID and secret: 小程序码, subscribe messages, phone numbers and content checks can be called' }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const code = /failed: (\d+)/.exec(message)?.[1] ?? ''
    return { name: 'WeChat open APIs (access_token)', level: 'fail', detail: `${message}${TOKEN_HINTS[code] ? ` (${TOKEN_HINTS[code]})` : ''}` }
  }
}

export interface DoctorOptions {
  /** Also ask WeChat for an access_token with the AppID and secret (self-hosted; needs the network). */
  probeWechat?: boolean
  /** The day the checks are made for (the holiday calendar's years); default now. */
  now?: number
}

export const runDoctor = async (target: Target, env: NodeJS.ProcessEnv = process.env, options: DoctorOptions = {}): Promise<Check[]> => {
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
          : { name: 'data folder writable', level: 'fail', detail: `${config.dataDir} cannot be written (MINQING_DATA_DIR): uploaded photos and voice notes, and the key of sessions and signed media URLs live there` },
      )
      checks.push(...wechatSettingChecks(config.wechat, env))
      if (options.probeWechat) checks.push(await wechatProbe(config.wechat))
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
  checks.push(...calendarChecks(env, options.now ?? Date.now()))
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
