/**
 * The self-hosted server's configuration, read from its environment once at start (and by
 * `npm run doctor`). One rule: every setting has one name here, and a missing required one is named
 * in plain words instead of failing later.
 */
import path from 'node:path'
import { wechatAppFromEnv, type WechatApp } from '../wechat/https'

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
    },
  }
}
