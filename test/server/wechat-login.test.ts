/**
 * The self-hosted server's WeChat login, through the real HTTP server (server mode, a real database)
 * with the local code2Session adapter: a `wx.login` code becomes an openid session token; the token
 * then calls as that openid (unbound: AUTH.NOT_BOUND; bound: the bound person), exactly as in WeChat
 * cloud. And the HTTPS adapter against a local stand-in of WeChat's API: the right request goes out.
 */
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import type { ApiResponse } from '../../src/contracts'
import { startHostedServer, type HostedServer } from '../../src/server/hosted/start'
import { readHostedConfig } from '../../src/server/hosted/config'
import { localSessions } from '../../src/server/http/signed-tokens'
import { httpsWechatLogin } from '../../src/server/wechat/https'
import { localWechatLogin } from '../../src/server/wechat/local'
import { WechatLoginRefused } from '../../src/server/wechat/port'
import { freshDatabase, type TestDatabase } from '../support/test-database'
import { loadWorld } from './world'

const SETUP_CODE = 'WXYZ-2345-ABCD'
const ENV = { MINQING_WECHAT_APPID: 'wx0123456789abcdef', MINQING_WECHAT_SECRET: 'test-secret', MINQING_DATABASE_URL: 'set-below', PORT: '1', MINQING_SETUP_CODE: SETUP_CODE }

let dataDir: string
let database: TestDatabase
let server: HostedServer
const wechat = localWechatLogin()

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-hosted-'))
  database = await freshDatabase(dataDir)
  const staticDir = path.join(dataDir, 'h5')
  fs.mkdirSync(staticDir)
  fs.writeFileSync(path.join(staticDir, 'index.html'), `<!doctype html><title>minqing-shell</title>${'<p>民情通</p>'.repeat(400)}`)
  const read = readHostedConfig({ ...ENV, MINQING_DATABASE_URL: database.url, MINQING_DATA_DIR: dataDir, MINQING_STATIC_DIR: staticDir })
  if (!('config' in read)) throw new Error(JSON.stringify(read.problems))
  server = await startHostedServer({ ...read.config, host: '127.0.0.1', port: 0 }, { wechatLogin: wechat, logger: false })
  await loadWorld(server.deps.store)
})
afterAll(async () => {
  await server?.close()
  await database?.drop()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

const post = async (p: string, body: unknown, token?: string): Promise<{ status: number; json: ApiResponse<unknown> }> => {
  const response = await fetch(`${server.url}${p}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  return { status: response.status, json: (await response.json()) as ApiResponse<unknown> }
}

const login = async (code: string) => post('/auth/wechat-login', { code })

it('a wx.login code is exchanged through code2Session for a token that calls as that openid', async () => {
  const first = await login('local:o-unbound-1')
  expect(first.status).toBe(200)
  expect(wechat.calls).toContain('local:o-unbound-1')
  const token = first.json.ok ? (first.json.data as { token: string }).token : ''
  expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/)

  // Not bound to anyone yet: the same answer as in WeChat cloud.
  const unbound = await post('/api/me.get', { input: {} }, token)
  expect(unbound.status).toBe(403)
  expect(unbound.json.ok ? null : unbound.json.error.code).toBe('AUTH.NOT_BOUND')

  // Bound (as the binding feature records it): the token is that person's.
  await server.deps.store.insert('bindings', { id: 'bind-hosted-1', openid: 'o-bound-1', personId: 'villager-a1', boundAt: Date.now() })
  const bound = await login('local:o-bound-1')
  const me = await post('/api/me.get', { input: {} }, bound.json.ok ? (bound.json.data as { token: string }).token : '')
  expect(me.status).toBe(200)
  expect(me.json.ok && (me.json.data as { id: string }).id).toBe('villager-a1')
})

it('the first administrator claims the set-up code from the environment (MINQING_SETUP_CODE) once, from WeChat', async () => {
  const tokenOf = async (openid: string) => {
    const r = await login(`local:${openid}`)
    return r.json.ok ? (r.json.data as { token: string }).token : ''
  }
  const wrong = await post('/api/setup.claim', { input: { code: 'AAAA-BBBB-CCCC', name: '甲', phone: '13900000001' }, requestId: 'setup-hosted-0' }, await tokenOf('o-admin-1'))
  expect(wrong.json).toMatchObject({ ok: false, error: { code: 'SETUP.CODE_INVALID' } })
  const claimed = await post('/api/setup.claim', { input: { code: SETUP_CODE, townshipName: '新设镇', name: '王管理', phone: '13900000001' }, requestId: 'setup-hosted-1' }, await tokenOf('o-admin-1'))
  expect(claimed.json).toMatchObject({ ok: true, data: { me: { name: '王管理', duty: 'office' } } })
  const again = await post('/api/setup.claim', { input: { code: SETUP_CODE, townshipName: '新设镇', name: '乙', phone: '13900000002' }, requestId: 'setup-hosted-2' }, await tokenOf('o-admin-2'))
  expect(again.json).toMatchObject({ ok: false, error: { code: 'SETUP.CODE_USED' } })
})

it('a refused, malformed or missing code gets a clear error and no token', async () => {
  const refused = await login('not-a-local-code')
  expect(refused.status).toBe(401)
  expect(refused.json.ok ? null : refused.json.error.code).toBe('AUTH.WECHAT_LOGIN_FAILED')
  const before = wechat.calls.length
  for (const body of [{}, { code: '' }, { code: 'x y' }, { code: 42 }]) {
    const bad = await post('/auth/wechat-login', body)
    expect(bad.status).toBe(400)
    expect(bad.json.ok ? null : bad.json.error.code).toBe('VALIDATION.FAILED')
  }
  // Refused before WeChat was asked.
  expect(wechat.calls.length).toBe(before)
})

it('in server mode there is no development login, and neither forged nor dev tokens pass as an openid', async () => {
  const dev = await post('/api/auth.devLogin', { input: { personId: 'villager-a1' }, requestId: 'req-dev-login-1' })
  expect(dev.json.ok ? null : dev.json.error.code).toBe('ACTION.UNKNOWN')
  // A token signed with the server's own key but as a development session (not the openid key).
  const secret = new Uint8Array(fs.readFileSync(path.join(dataDir, 'session.key')))
  const devToken = await localSessions(secret, Date.now).issue('villager-a1')
  for (const token of [devToken, 'a.b.c', 'garbage']) {
    const answer = await post('/api/me.get', { input: {} }, token)
    expect(answer.status).toBe(401)
    expect(answer.json.ok ? null : answer.json.error.code).toBe('AUTH.INVALID_TOKEN')
  }
  const none = await post('/api/me.get', { input: {} })
  expect(none.json.ok ? null : none.json.error.code).toBe('AUTH.REQUIRED')
})

it('answers are compressed when the client accepts gzip (the served H5 shell here)', async () => {
  const response = await fetch(`${server.url}/`, { headers: { 'accept-encoding': 'gzip' } })
  expect(response.status).toBe(200)
  expect(response.headers.get('content-encoding')).toBe('gzip')
  expect(await response.text()).toContain('minqing-shell')
})

describe('the HTTPS code2Session adapter', () => {
  let stub: http.Server
  let base: string
  const seen: URL[] = []
  beforeAll(async () => {
    stub = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://stub')
      seen.push(url)
      res.setHeader('content-type', 'application/json')
      const code = url.searchParams.get('js_code')
      res.end(JSON.stringify(code === 'good-code' ? { openid: 'o-from-wechat', session_key: 'k' } : { errcode: 40029, errmsg: 'invalid code' }))
    })
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => stub.close(() => resolve())))

  it('sends the AppID, secret and code to /sns/jscode2session and answers the openid (never the session key)', async () => {
    const adapter = httpsWechatLogin({ appId: 'wx0123456789abcdef', secret: 's3cret', base })
    expect(await adapter.code2Session('good-code')).toEqual({ openid: 'o-from-wechat' })
    const url = seen[seen.length - 1]!
    expect(url.pathname).toBe('/sns/jscode2session')
    expect(Object.fromEntries(url.searchParams)).toEqual({ appid: 'wx0123456789abcdef', secret: 's3cret', js_code: 'good-code', grant_type: 'authorization_code' })
  })

  it('a code WeChat refuses is WechatLoginRefused with its errcode', async () => {
    const adapter = httpsWechatLogin({ appId: 'wx0123456789abcdef', secret: 's3cret', base })
    await expect(adapter.code2Session('used-code')).rejects.toEqual(expect.objectContaining({ name: 'WechatLoginRefused', errcode: 40029 }))
    await expect(adapter.code2Session('used-code')).rejects.toBeInstanceOf(WechatLoginRefused)
  })
})
