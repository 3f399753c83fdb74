/**
 * The self-hosted server (政务云): the same HTTP API as the local demo, but in `server` mode (no
 * development login, no seed), with the weapp's WeChat login (code2Session over HTTPS with the
 * AppID and secret from the environment), Fastify's request log on and compressed answers.
 * One rule: nothing here decides anything about the domain; it wires the parts.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings'
import type { ServerDeps } from '../context'
import { buildHttpApp } from '../http/app'
import { mediaUrls } from '../http/media-urls'
import { wechatTokens } from '../http/wechat-login'
import { newId } from '../ids'
import { openStore } from '../storage/relational'
import { httpsWechat, httpsWechatLogin } from '../wechat/https'
import { withoutImageCheck } from '../wechat/content'
import { localWechatCodes } from '../wechat/local'
import type { WechatLogin } from '../wechat/port'
import type { HostedConfig } from './config'
import { startOverdueTimer } from '../features/tickets/overdue/sweep'
import { startAutoCloseTimer } from '../features/office/auto-close'

export interface HostedServer {
  url: string
  app: FastifyInstance
  deps: ServerDeps
  close: () => Promise<void>
}

/** The signing key of the WeChat session tokens: kept in the data folder, made on first start. */
export const serverSecret = (dataDir: string): Uint8Array => {
  const file = path.join(dataDir, 'session.key')
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32), { mode: 0o600 })
  return new Uint8Array(fs.readFileSync(file))
}

export interface HostedOptions {
  /** code2Session; the HTTPS adapter for `config.wechat` unless given (tests give the local one). */
  wechatLogin?: WechatLogin
  clock?: () => number
  settings?: Settings
  logger?: boolean
}

export const startHostedServer = async (config: HostedConfig, options: HostedOptions = {}): Promise<HostedServer> => {
  fs.mkdirSync(config.dataDir, { recursive: true })
  const clock = options.clock ?? Date.now
  const store = await openStore({ url: config.databaseUrl })
  // selfhost: WeChat's open APIs over HTTPS with an access_token from the AppID and secret (the
  // cloud function has them through wx-server-sdk); a phone code is still written to the log.
  const wechat = httpsWechat({ ...config.wechat, clock }, (phone, text) => localWechatCodes.sendPhoneCode(phone, text))
  const deps: ServerDeps = {
    store,
    settings: options.settings ?? config.settings ?? DEFAULT_SETTINGS,
    mode: 'server',
    clock,
    newId,
    sessions: null,
    // The first administrator's one-time set-up code (DEPLOY.md B3): usable once, then refused.
    setupCode: config.setupCode ?? undefined,
    // 小程序码 (wxacode.getUnlimited), subscribe messages and content security through WeChat's HTTPS API.
    wechat: wechat.codes,
    wechatMessages: wechat.messages,
    // images: photos are not sent to WeChat's check (it needs a public URL and a message push this
    // server has neither of): every photo others would see waits for the office's decision.
    contentSecurity: withoutImageCheck(wechat.contentSecurity),
    // selfhost: the weapp shows uploaded photos and voice through signed URLs (file.urls).
    mediaUrls: mediaUrls(serverSecret(config.dataDir)),
  }
  const app = await buildHttpApp({
    deps,
    staticDir: config.staticDir ?? undefined,
    uploadDir: path.join(config.dataDir, 'uploads'),
    logger: options.logger ?? true,
    compress: config.compress,
    trustProxy: config.trustProxy,
    wechatLogin: { wechat: options.wechatLogin ?? httpsWechatLogin(config.wechat), tokens: wechatTokens(serverSecret(config.dataDir), clock) },
  })
  await app.listen({ port: config.port, host: config.host })
  // The scheduled jobs the cloud function's timer trigger runs: 提级督办 and 自动结账.
  const stopSweep = startOverdueTimer(deps, config.overdueSweepMinutes ?? 0)
  const stopAutoClose = startAutoCloseTimer(deps, config.autoCloseMinutes ?? 0)
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  return {
    url: `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`,
    app,
    deps,
    close: async () => {
      stopSweep()
      stopAutoClose()
      await app.close()
      await store.close()
    },
  }
}
