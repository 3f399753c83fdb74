/**
 * The self-hosted server's configuration, read from its environment once at start (and by
 * `npm run doctor`). One rule: every setting has one name here, and a missing required one is named
 * in plain words instead of failing later.
 */
import path from 'node:path'
import { wechatAppFromEnv, type WechatApp } from '../wechat/https'
import { DEFAULT_SETTINGS } from '../../core/settings'
import { settingsFromEnv } from '../settings-env'

export interface HostedConfig {
  /** mysql://user:password@host:port/database (a SQLite path works for a trial on one machine). */
  databaseUrl: string
  /** Uploaded photos and voice notes, and the session signing key. */
  dataDir: string
  host: string
  port: number
  wechat: WechatApp
  /** The H5 build to serve at `/` (office staff on a PC), if any. */
  staticDir: string | null
  /** Answer gzip/brotli (off when the reverse proxy compresses). */
  compress: boolean
  /** Behind a reverse proxy (MINQING_TRUST_PROXY=1): client addresses from X-Forwarded-For. */
  trustProxy: boolean
  /** wechat-notify: minutes between runs of the overdue sweep and of the automatic month close (0: never). */
  overdueSweepMinutes: number
  autoCloseMinutes: number
  /** The deployment's settings (subscribe templates, the automatic close's day: src/server/settings-env.ts). */
  settings: import('../../core/settings').Settings
  /** The first administrator's one-time set-up code (MINQING_SETUP_CODE), as in the cloud function. */
  setupCode: string | null
}

export interface ConfigProblem {
  variable: string
  problem: string
}

/** The configuration, or the list of what is missing or wrong. */
export const readHostedConfig = (env: NodeJS.ProcessEnv = process.env): { config: HostedConfig } | { problems: ConfigProblem[] } => {
  const problems: ConfigProblem[] = []
  const databaseUrl = env.MINQING_DATABASE_URL?.trim() ?? ''
  if (!databaseUrl) problems.push({ variable: 'MINQING_DATABASE_URL', problem: 'not set: the database, e.g. mysql://minqing:PASSWORD@db:3306/minqing' })
  const wechat = wechatAppFromEnv(env)
  if (!env.MINQING_WECHAT_APPID?.trim()) problems.push({ variable: 'MINQING_WECHAT_APPID', problem: 'not set: the mini-program AppID (mp.weixin.qq.com > 开发管理 > 开发设置), needed for login' })
  else if (!/^wx[0-9a-f]{16}$/.test(env.MINQING_WECHAT_APPID.trim())) problems.push({ variable: 'MINQING_WECHAT_APPID', problem: 'does not look like an AppID (wx followed by 16 hex digits)' })
  if (!env.MINQING_WECHAT_SECRET?.trim()) problems.push({ variable: 'MINQING_WECHAT_SECRET', problem: 'not set: the AppSecret (开发管理 > 开发设置), needed for login' })
  const port = Number(env.PORT ?? 8080)
  if (!Number.isInteger(port) || port <= 0 || port > 65535) problems.push({ variable: 'PORT', problem: `not a port number: ${env.PORT}` })
  const minutes = (name: string, fallback: number): number => {
    const n = Number(env[name]?.trim() || fallback)
    if (!Number.isFinite(n) || n < 0) problems.push({ variable: name, problem: `not a number of minutes: ${env[name]}` })
    return n
  }
  const overdueSweepMinutes = minutes('MINQING_OVERDUE_SWEEP_MINUTES', 10)
  const autoCloseMinutes = minutes('MINQING_AUTO_CLOSE_MINUTES', 60)
  const fromEnv = settingsFromEnv(DEFAULT_SETTINGS, env)
  for (const p of fromEnv.problems) problems.push({ variable: p.slice(0, p.indexOf(':')), problem: p.slice(p.indexOf(':') + 2) })
  if (problems.length > 0 || !wechat) return { problems }
  return {
    config: {
      databaseUrl,
      dataDir: path.resolve(env.MINQING_DATA_DIR?.trim() || '/var/lib/minqing'),
      host: env.HOST?.trim() || '0.0.0.0',
      port,
      wechat,
      staticDir: env.MINQING_STATIC_DIR?.trim() || null,
      compress: env.MINQING_COMPRESS !== '0',
      trustProxy: env.MINQING_TRUST_PROXY === '1',
      setupCode: env.MINQING_SETUP_CODE?.trim() || null,
      overdueSweepMinutes,
      autoCloseMinutes,
      settings: fromEnv.settings,
    },
  }
}
