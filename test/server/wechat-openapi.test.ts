/**
 * selfhost (issue 11): WeChat's open APIs from a self-hosted server, over HTTP against a local
 * stand-in of api.weixin.qq.com that records every request. Checks what goes out (the access_token
 * made from the AppID and secret and cached, template ids, Beijing times, env_version, scene,
 * check_path), that a token WeChat calls invalid or expired (40001/42001) is renewed once, and that
 * the secret and the token never appear in an error or a log line. Then the self-hosted server
 * itself (the real HTTP server, MINQING_WECHAT_API_BASE pointing at the stand-in) binds a WeChat
 * user by the phone WeChat verified.
 */
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings'
import type { ApiResponse } from '../../src/contracts'
import type { ServerDeps } from '../../src/server/context'
import { sendSubscribeNews } from '../../src/server/features/subscribe'
import { readHostedConfig } from '../../src/server/hosted/config'
import { startHostedServer, type HostedServer } from '../../src/server/hosted/start'
import { httpsWechat } from '../../src/server/wechat/https'
import { localWechatLogin } from '../../src/server/wechat/local'
import { freshDatabase, type TestDatabase } from '../support/test-database'
import { loadWorld } from './world'

const APPID = 'wx0123456789abcdef'
const SECRET = 'very-secret-appsecret-9f8e7d'
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')

interface Seen {
  method: string
  path: string
  query: Record<string, string>
  body: Record<string, unknown> | null
}

/** What the stand-in answers next, per path (default: success). */
const scripted = new Map<string, Record<string, unknown>[]>()
const seen: Seen[] = []
let tokenNumber = 0
let stub: http.Server
let base: string

beforeAll(async () => {
  stub = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stub')
    let raw = ''
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')))
    req.on('end', () => {
      seen.push({ method: req.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams), body: raw ? (JSON.parse(raw) as Record<string, unknown>) : null })
      const json = (value: unknown) => res.setHeader('content-type', 'application/json; encoding=utf-8').end(JSON.stringify(value))
      const next = scripted.get(url.pathname)?.shift()
      if (next) return json(next)
      if (url.pathname === '/cgi-bin/token') {
        if (url.searchParams.get('secret') !== SECRET) return json({ errcode: 40125, errmsg: `invalid appsecret ${url.searchParams.get('secret')}` })
        return json({ access_token: `TOKEN-${++tokenNumber}`, expires_in: 7200 })
      }
      if (!url.searchParams.get('access_token')?.startsWith('TOKEN-')) return json({ errcode: 40001, errmsg: 'invalid credential' })
      if (url.pathname === '/wxa/getwxacodeunlimit') return res.setHeader('content-type', 'image/jpeg').end(PNG)
      if (url.pathname === '/cgi-bin/message/subscribe/send') return json({ errcode: 0, errmsg: 'ok' })
      if (url.pathname === '/wxa/business/getuserphonenumber') {
        return json({ errcode: 0, errmsg: 'ok', phone_info: { phoneNumber: '+86 13912345678', purePhoneNumber: '13912345678', countryCode: '86' } })
      }
      if (url.pathname === '/wxa/msg_sec_check') return json({ errcode: 0, errmsg: 'ok', result: { suggest: 'risky', label: 20003 } })
      if (url.pathname === '/wxa/media_check_async') return json({ errcode: 0, errmsg: 'ok', trace_id: 'trace-1' })
      return json({ errcode: -1, errmsg: 'unknown api' })
    })
  })
  await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => stub.close(() => resolve())))
beforeEach(() => {
  seen.length = 0
  scripted.clear()
})

const adapter = (clock: () => number = Date.now, secret = SECRET) => httpsWechat({ appId: APPID, secret, base, clock }, async () => undefined)
const calls = (p: string) => seen.filter((s) => s.path === p)

it('makes an access_token from the AppID and secret once and reuses it until shortly before it expires', async () => {
  let now = Date.UTC(2026, 10, 30, 2, 0)
  const wechat = adapter(() => now)
  await Promise.all([wechat.codes.unlimitedCode({ scene: 'v=1', page: 'pages/sign/index', width: 430 }), wechat.messages.sendSubscribe({ touser: 'o1', templateId: 't', page: 'p', data: {}, miniprogramState: 'formal', lang: 'zh_CN' })])
  await wechat.codes.getPhoneNumber('phone-code')
  expect(calls('/cgi-bin/token')).toHaveLength(1)
  expect(calls('/cgi-bin/token')[0]?.query).toEqual({ grant_type: 'client_credential', appid: APPID, secret: SECRET })
  expect(seen.filter((s) => s.path !== '/cgi-bin/token').every((s) => s.query.access_token === 'TOKEN-' + tokenNumber)).toBe(true)
  // 7200 s, renewed 5 minutes early: at +1h54m the same token, at +1h56m a new one.
  now += 114 * 60_000
  await wechat.codes.getPhoneNumber('phone-code')
  expect(calls('/cgi-bin/token')).toHaveLength(1)
  now += 2 * 60_000
  await wechat.codes.getPhoneNumber('phone-code')
  expect(calls('/cgi-bin/token')).toHaveLength(2)
})

it('a token WeChat calls expired (42001) or invalid (40001) is renewed once and the call sent again; not in a loop', async () => {
  const wechat = adapter()
  await wechat.codes.getPhoneNumber('warm-up')
  scripted.set('/wxa/business/getuserphonenumber', [{ errcode: 42001, errmsg: 'access_token expired' }])
  expect(await wechat.codes.getPhoneNumber('phone-code')).toBe('13912345678')
  expect(calls('/cgi-bin/token')).toHaveLength(2)
  expect(calls('/wxa/business/getuserphonenumber').map((c) => c.query.access_token)).toEqual(['TOKEN-' + (tokenNumber - 1), 'TOKEN-' + (tokenNumber - 1), 'TOKEN-' + tokenNumber])

  // WeChat keeps refusing: one renewal, then the failure (no endless retries).
  seen.length = 0
  scripted.set('/cgi-bin/message/subscribe/send', [{ errcode: 40001, errmsg: 'invalid credential' }, { errcode: 40001, errmsg: 'invalid credential' }])
  await expect(wechat.messages.sendSubscribe({ touser: 'o1', templateId: 't', page: 'p', data: {}, miniprogramState: 'formal', lang: 'zh_CN' })).rejects.toThrow(/40001/)
  expect(calls('/cgi-bin/message/subscribe/send')).toHaveLength(2)
  expect(calls('/cgi-bin/token')).toHaveLength(1)
})

it('wxacode.getUnlimited sends scene, page, width, env_version and check_path, and answers the image', async () => {
  const png = await adapter().codes.unlimitedCode({ scene: 'v=vis-123', page: 'subpackages/visit/sign/index', width: 430, envVersion: 'trial' })
  expect(Buffer.from(png)).toEqual(PNG)
  expect(calls('/wxa/getwxacodeunlimit')[0]?.body).toEqual({ scene: 'v=vis-123', page: 'subpackages/visit/sign/index', width: 430, check_path: false, env_version: 'trial' })
  // WeChat's refusal (e.g. 41030 page not published) is an error with its code.
  scripted.set('/wxa/getwxacodeunlimit', [{ errcode: 41030, errmsg: 'invalid page rid: 1' }])
  await expect(adapter().codes.unlimitedCode({ scene: 's', page: 'p', width: 430 })).rejects.toThrow(/41030/)
})

it('subscribe messages go out with the template id from settings and their time in Beijing time', async () => {
  const wechat = adapter()
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    subscribe: { ...DEFAULT_SETTINGS.subscribe, miniprogramState: 'trial', templates: { ...DEFAULT_SETTINGS.subscribe.templates, taken: { templateId: 'TPL-TAKEN', fields: { thing1: 'matter', phrase2: 'status', time3: 'time', thing4: 'note' } } } },
  }
  const deps = { settings, wechatMessages: wechat.messages } as unknown as ServerDeps
  // 01:05 UTC is 09:05 in Beijing.
  const at = Date.UTC(2026, 10, 3, 1, 5)
  const sent = await sendSubscribeNews(deps, [{ personId: 'villager-a1', openid: 'o-villager', event: 'taken', page: 'pages/ticket/index?id=t1', values: { matter: '路灯坏了', status: '已受理', note: '张伟已接单', person: '张伟' }, at }])
  expect(sent).toBe(1)
  expect(calls('/cgi-bin/message/subscribe/send')[0]?.body).toEqual({
    touser: 'o-villager',
    template_id: 'TPL-TAKEN',
    page: 'pages/ticket/index?id=t1',
    data: { thing1: { value: '路灯坏了' }, phrase2: { value: '已受理' }, time3: { value: '2026年11月3日 09:05' }, thing4: { value: '张伟已接单' } },
    miniprogram_state: 'trial',
    lang: 'zh_CN',
  })
})

it('phonenumber.getPhoneNumber answers the pure number; msg_sec_check and media_check_async send version 2, scene and openid', async () => {
  const wechat = adapter()
  expect(await wechat.codes.getPhoneNumber('code-1')).toBe('13912345678')
  expect(calls('/wxa/business/getuserphonenumber')[0]?.body).toEqual({ code: 'code-1' })
  scripted.set('/wxa/business/getuserphonenumber', [{ errcode: 40029, errmsg: 'invalid code' }])
  expect(await wechat.codes.getPhoneNumber('used-code')).toBeNull()

  expect(await wechat.contentSecurity.checkText({ text: '骂人的话', openid: 'o-writer', scene: 'comment' })).toEqual({ verdict: 'risky', label: '辱骂' })
  expect(calls('/wxa/msg_sec_check')[0]?.body).toEqual({ content: '骂人的话', version: 2, scene: 2, openid: 'o-writer' })
  expect(await wechat.contentSecurity.checkImage({ url: 'https://minqing.example.gov.cn/uploads/a.jpg?sig=x', openid: 'o-writer', scene: 'forum' })).toEqual({ traceId: 'trace-1', verdict: null })
  expect(calls('/wxa/media_check_async')[0]?.body).toEqual({ media_url: 'https://minqing.example.gov.cn/uploads/a.jpg?sig=x', media_type: 2, version: 2, scene: 3, openid: 'o-writer' })
})

it('when WeChat cannot check a text or image, the self-hosted server does not fail: the local word list decides, at least as review', async () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
  try {
    const unreachable = httpsWechat({ appId: APPID, secret: SECRET, base: 'http://127.0.0.1:9', timeoutMs: 2000 }, async () => undefined)
    expect(await unreachable.contentSecurity.checkText({ text: '路灯坏了', openid: 'o-writer', scene: 'comment' })).toEqual({ verdict: 'review', label: null })
    expect((await unreachable.contentSecurity.checkText({ text: '你这个王八蛋', openid: 'o-writer', scene: 'comment' })).verdict).toBe('risky')
    expect(await unreachable.contentSecurity.checkImage({ url: 'https://x/y.jpg', openid: 'o-writer', scene: 'forum' })).toEqual({ traceId: null, verdict: 'review' })
    expect(warn.mock.calls.map((c) => String(c[1])).join('\n')).not.toContain(SECRET)
  } finally {
    warn.mockRestore()
  }
})

it('the secret and the access_token never appear in an error or a log line', async () => {
  const lines: string[] = []
  const spies = (['log', 'warn', 'error', 'info'] as const).map((level) => jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : String(a))).join(' '))))
  try {
    const errors: string[] = []
    const collect = async (p: Promise<unknown>) => p.then(() => errors.push('(no error)'), (e: unknown) => errors.push(`${(e as Error).message} ${(e as Error).stack}`))
    // WeChat refuses the secret and echoes it in its message.
    await collect(adapter(Date.now, 'wrong-secret-abc123').codes.unlimitedCode({ scene: 's', page: 'p', width: 430 }))
    // WeChat cannot be reached at all.
    await collect(httpsWechat({ appId: APPID, secret: SECRET, base: 'http://127.0.0.1:9', timeoutMs: 2000 }, async () => undefined).codes.getPhoneNumber('c'))
    // A token error that echoes the token, through the subscribe sender that logs failures.
    const wechat = adapter()
    await wechat.codes.getPhoneNumber('warm-up')
    const token = `TOKEN-${tokenNumber}`
    scripted.set('/cgi-bin/message/subscribe/send', [{ errcode: 47003, errmsg: `argument invalid! data.thing1.value access_token=${token}` }])
    const settings = { ...DEFAULT_SETTINGS, subscribe: { ...DEFAULT_SETTINGS.subscribe, templates: { ...DEFAULT_SETTINGS.subscribe.templates, taken: { ...DEFAULT_SETTINGS.subscribe.templates.taken, templateId: 'T' } } } }
    await sendSubscribeNews({ settings, wechatMessages: wechat.messages } as unknown as ServerDeps, [{ personId: 'p', openid: 'o', event: 'taken', page: 'p', values: { matter: 'm', status: '已受理', note: 'n', person: 'x' }, at: 0 }])
    expect(errors).toHaveLength(2)
    expect(errors[0]).toMatch(/cgi-bin\/token failed: 40125/)
    expect(errors[1]).toMatch(/not reachable/)
    expect(lines.join('\n')).toMatch(/47003/)
    for (const text of [...errors, ...lines]) {
      expect(text).not.toContain('wrong-secret-abc123')
      expect(text).not.toContain(SECRET)
      expect(text).not.toContain(token)
    }
  } finally {
    for (const spy of spies) spy.mockRestore()
  }
})

describe('the self-hosted server with WeChat at MINQING_WECHAT_API_BASE', () => {
  let dataDir: string
  let database: TestDatabase
  let server: HostedServer
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-openapi-'))
    database = await freshDatabase(dataDir)
    const read = readHostedConfig({ MINQING_WECHAT_APPID: APPID, MINQING_WECHAT_SECRET: SECRET, MINQING_WECHAT_API_BASE: base, MINQING_DATABASE_URL: database.url, MINQING_DATA_DIR: dataDir })
    if (!('config' in read)) throw new Error(JSON.stringify(read.problems))
    server = await startHostedServer({ ...read.config, host: '127.0.0.1', port: 0, overdueSweepMinutes: 0, autoCloseMinutes: 0 }, { wechatLogin: localWechatLogin(), logger: false })
    await loadWorld(server.deps.store)
  })
  afterAll(async () => {
    await server?.close()
    await database?.drop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  const post = async (p: string, body: unknown, token?: string) => {
    const response = await fetch(`${server.url}${p}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) })
    return (await response.json()) as ApiResponse<unknown>
  }

  it('binds a WeChat user by the phone WeChat verified (phonenumber.getPhoneNumber through the stand-in)', async () => {
    const login = await post('/auth/wechat-login', { code: 'local:o-phone-user-1' })
    const token = login.ok ? (login.data as { token: string }).token : ''
    const bound = await post('/api/binding.byPhone', { input: { code: 'phone-button-code' }, requestId: 'req-bind-by-phone-1' }, token)
    expect(bound.ok).toBe(true)
    expect(calls('/wxa/business/getuserphonenumber')[0]?.body).toEqual({ code: 'phone-button-code' })
    expect(calls('/cgi-bin/token')[0]?.query.appid).toBe(APPID)
    const me = await post('/api/me.get', { input: {} }, token)
    expect(me.ok && (me.data as { id: string }).id).toBe('villager-a1')
  })
})
