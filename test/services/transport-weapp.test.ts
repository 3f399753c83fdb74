/**
 * The weapp transport's build-time choice: `cloud` calls the cloud function `api`; `https` logs in
 * with a `wx.login` code at the self-hosted server, then calls `/api/<action>` with the token it got,
 * renewing an expired token once. A recording platform stands in for Taro's (no WeChat here).
 */
import type { ApiResponse } from '../../src/contracts'
import { TransportError } from '../../src/services/transport-types'
import { TOKEN_KEY, backendOf, makeWeappTransport, type WeappPlatform } from '../../src/services/transport-weapp-core'

interface Recorded {
  cloud: { name: string; data: unknown }[]
  requests: { url: string; data: unknown; header: Record<string, string> }[]
  logins: number
  store: Map<string, string>
  inits: number
}

/** A platform whose server answers with `answer(url, token)`; the login endpoint issues `token-<n>`. */
const platform = (answer: (url: string, token: string | undefined) => { statusCode: number; data: unknown }, cloudResult?: unknown): WeappPlatform & { rec: Recorded } => {
  const rec: Recorded = { cloud: [], requests: [], logins: 0, store: new Map(), inits: 0 }
  return {
    rec,
    initCloud: () => void (rec.inits += 1),
    callFunction: async (options) => {
      rec.cloud.push(options)
      if (cloudResult instanceof Error) throw cloudResult
      return { result: cloudResult }
    },
    request: async ({ url, data, header }) => {
      rec.requests.push({ url, data, header })
      if (url.endsWith('/auth/wechat-login')) return { statusCode: 200, data: { ok: true, data: { token: `token-${rec.logins}` } } }
      return answer(url, header.Authorization?.replace(/^Bearer /, ''))
    },
    login: async () => {
      rec.logins += 1
      return { code: `code-${rec.logins}` }
    },
    storage: { get: (k) => rec.store.get(k), set: (k, v) => void rec.store.set(k, v), remove: (k) => void rec.store.delete(k) },
  }
}

const ok = (data: unknown) => ({ statusCode: 200, data: { ok: true, data } as ApiResponse<unknown> })
const fail = (statusCode: number, code: string) => ({ statusCode, data: { ok: false, error: { code, message: '…' } } })
const envelope = { action: 'me.get', input: {}, requestId: 'req-1234567890' }

describe('the build setting', () => {
  it('defaults to WeChat cloud and takes https only with an https:// base', () => {
    expect(backendOf('', '')).toEqual({ kind: 'cloud' })
    expect(backendOf('cloud', 'ignored')).toEqual({ kind: 'cloud' })
    expect(backendOf('https', 'https://minqing.example.gov.cn/')).toEqual({ kind: 'https', base: 'https://minqing.example.gov.cn' })
    expect(() => backendOf('https', 'http://minqing.example.gov.cn')).toThrow(/MINQING_API_BASE/)
    expect(() => backendOf('https', '')).toThrow(/MINQING_API_BASE/)
    expect(() => backendOf('ftp', '')).toThrow(/MINQING_WEAPP_BACKEND/)
  })
})

describe('cloud', () => {
  it('calls the cloud function api with the envelope and never asks the network or wx.login', async () => {
    const p = platform(() => ok(null), { ok: true, data: { id: 'p-1' } })
    const t = makeWeappTransport(backendOf('cloud', ''), p)
    t.init()
    expect(p.rec.inits).toBe(1)
    expect(await t.send(envelope)).toEqual({ ok: true, data: { id: 'p-1' } })
    expect(p.rec.cloud).toEqual([{ name: 'api', data: envelope }])
    expect(p.rec.requests).toEqual([])
    expect(p.rec.logins).toBe(0)
    expect(t.hasDevLogin).toBe(false)
  })

  it('a failed cloud call or an answer that is no API response is a TransportError', async () => {
    await expect(makeWeappTransport({ kind: 'cloud' }, platform(() => ok(null), new Error('cloud.callFunction:fail'))).send(envelope)).rejects.toBeInstanceOf(TransportError)
    await expect(makeWeappTransport({ kind: 'cloud' }, platform(() => ok(null), 'html')).send(envelope)).rejects.toBeInstanceOf(TransportError)
  })
})

describe('https', () => {
  const base = 'https://minqing.example.gov.cn'

  it('logs in once with the wx.login code, keeps the token and sends it with every call', async () => {
    const p = platform((url, token) => (token === 'token-1' ? ok({ url }) : fail(401, 'AUTH.INVALID_TOKEN')))
    const t = makeWeappTransport(backendOf('https', base), p)
    t.init()
    expect(p.rec.inits).toBe(0)
    expect(await t.send(envelope)).toEqual({ ok: true, data: { url: `${base}/api/me.get` } })
    expect(await t.send({ ...envelope, action: 'villager.home' })).toEqual({ ok: true, data: { url: `${base}/api/villager.home` } })
    expect(p.rec.logins).toBe(1)
    expect(p.rec.requests[0]).toEqual({ url: `${base}/auth/wechat-login`, data: { code: 'code-1' }, header: { 'Content-Type': 'application/json' } })
    expect(p.rec.requests[1]).toEqual({ url: `${base}/api/me.get`, data: { input: {}, requestId: 'req-1234567890' }, header: { 'Content-Type': 'application/json', Authorization: 'Bearer token-1' } })
    expect(p.rec.store.get(TOKEN_KEY)).toBe('token-1')
    expect(p.rec.cloud).toEqual([])
  })

  it('an expired token is renewed once and the same request sent again', async () => {
    const p = platform((_url, token) => (token === 'token-1' ? ok('fresh') : fail(401, 'AUTH.INVALID_TOKEN')))
    p.rec.store.set(TOKEN_KEY, 'old-token')
    const t = makeWeappTransport(backendOf('https', base), p)
    expect(await t.send(envelope)).toEqual({ ok: true, data: 'fresh' })
    const calls = p.rec.requests.filter((r) => r.url.endsWith('/api/me.get'))
    expect(calls.map((r) => r.header.Authorization)).toEqual(['Bearer old-token', 'Bearer token-1'])
    expect(calls[0]!.data).toEqual(calls[1]!.data)
  })

  it('other refusals are answers, returned as they came (no second login)', async () => {
    const p = platform(() => fail(403, 'AUTH.NOT_BOUND'))
    const t = makeWeappTransport(backendOf('https', base), p)
    expect(await t.send(envelope)).toEqual({ ok: false, error: { code: 'AUTH.NOT_BOUND', message: '…' } })
    expect(p.rec.logins).toBe(1)
  })

  it('calls made at once share one login', async () => {
    const p = platform(() => ok(1))
    const t = makeWeappTransport(backendOf('https', base), p)
    await Promise.all([t.send(envelope), t.send(envelope), t.send(envelope)])
    expect(p.rec.logins).toBe(1)
  })

  it('no answer (request:fail) or a proxy page is a TransportError, so the caller retries', async () => {
    const offline = platform(() => ok(1))
    offline.request = async () => Promise.reject({ errMsg: 'request:fail timeout' })
    await expect(makeWeappTransport(backendOf('https', base), offline).send(envelope)).rejects.toBeInstanceOf(TransportError)
    const proxy = platform(() => ({ statusCode: 502, data: '<html>Bad Gateway</html>' }))
    proxy.rec.store.set(TOKEN_KEY, 't')
    await expect(makeWeappTransport(backendOf('https', base), proxy).send(envelope)).rejects.toBeInstanceOf(TransportError)
  })
})

// selfhost (issue 11): the media seam's weapp side, without the network (test/server/selfhost-media.test.ts runs the https uploader against the real server).
describe('media per backend', () => {
  it('cloud: the file goes under the person\'s folder and is registered as theirs; an https build never uses wx.cloud', async () => {
    const { cloudUploader, shownUrls } = await import('../../src/services/media-weapp-core')
    const cloudPaths: string[] = []
    const registered: unknown[] = []
    const uploader = cloudUploader(
      {
        fileSize: async () => 1234,
        cloudUpload: async ({ cloudPath }) => {
          cloudPaths.push(cloudPath)
          return { fileID: `cloud://env.x/${cloudPath}` }
        },
        uploadFile: async () => {
          throw new Error('wx.uploadFile is not the cloud path')
        },
        networkType: async () => 'wifi',
        saveFile: (p) => p,
        unlink: () => undefined,
      },
      { folder: async () => 'u/villager-a1', newId: () => 'r123', register: async (...args) => void registered.push(args) },
    )
    expect(await uploader.upload('/tmp/a.mp3', 'voice', 'mp3')).toBe('cloud://env.x/u/villager-a1/voice/r123.mp3')
    expect(registered).toEqual([['cloud://env.x/u/villager-a1/voice/r123.mp3', 'voice', 1234]])

    // What must be exchanged for a temporary URL before it is shown, per platform.
    const web = shownUrls({ kind: 'web' })
    const cloud = shownUrls({ kind: 'cloud' })
    const https = shownUrls({ kind: 'https', base: 'https://minqing.example.gov.cn' })
    expect([web, cloud, https].map((s) => [s.needsGrant('/uploads/abcdef12.jpg'), s.needsGrant('cloud://e/u/x.jpg'), s.needsGrant('blob:x')])).toEqual([
      [false, true, false],
      [false, true, false],
      [true, true, false],
    ])
    expect(https.absolute('/uploads/abcdef12.jpg?p=x&e=1&s=y')).toBe('https://minqing.example.gov.cn/uploads/abcdef12.jpg?p=x&e=1&s=y')
    expect(cloud.absolute('https://env.tcb.qcloud.la/x.jpg?sign=1')).toBe('https://env.tcb.qcloud.la/x.jpg?sign=1')
  })

  it('https: transport.authorized sends the token, renews an expired one once, and the cloud adds no header', async () => {
    const p = platform(() => ok(null))
    const t = makeWeappTransport(backendOf('https', 'https://minqing.example.gov.cn'), p)
    const headers: Record<string, string>[] = []
    const answer = await t.authorized(async (header) => {
      headers.push(header)
      return headers.length === 1 ? (fail(401, 'AUTH.INVALID_TOKEN').data as ApiResponse<unknown>) : ({ ok: true, data: 'stored' } as ApiResponse<unknown>)
    })
    expect(answer).toEqual({ ok: true, data: 'stored' })
    expect(headers).toEqual([{ Authorization: 'Bearer token-1' }, { Authorization: 'Bearer token-2' }])
    expect(p.rec.logins).toBe(2)
    const c = makeWeappTransport(backendOf('cloud', ''), platform(() => ok(null)))
    expect(await c.authorized(async (header) => ({ ok: true, data: header }) as ApiResponse<unknown>)).toEqual({ ok: true, data: {} })
  })
})
