/**
 * selfhost (issue 11): `npm run doctor` names what a self-hosted server needs for WeChat's open APIs:
 * a replaced API base, missing subscribe templates, and with `--probe-wechat` whether WeChat accepts
 * the AppID and secret (against a local stand-in of /cgi-bin/token), in words and never with the secret.
 */
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { runDoctor, type Check } from '../../src/server/hosted/doctor'

const SECRET = 'doctor-secret-5f4e3d'
let dir: string
let stub: http.Server
let base: string
const asked: string[] = []

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-doctor-selfhost-'))
  stub = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stub')
    asked.push(url.pathname)
    const secret = url.searchParams.get('secret')
    res.setHeader('content-type', 'application/json')
    res.end(JSON.stringify(secret === SECRET ? { access_token: 'T-1', expires_in: 7200 } : { errcode: 40125, errmsg: `invalid appsecret, view more at http://t.cn/x ${secret}` }))
  })
  await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise<void>((resolve) => stub.close(() => resolve()))
  fs.rmSync(dir, { recursive: true, force: true })
})

const env = (over: Record<string, string> = {}) => ({
  MINQING_WECHAT_APPID: 'wx0123456789abcdef',
  MINQING_WECHAT_SECRET: SECRET,
  MINQING_WECHAT_API_BASE: base,
  MINQING_DATABASE_URL: path.join(dir, 'absent.db'),
  MINQING_DATA_DIR: path.join(dir, 'data'),
  ...over,
})
const named = (checks: Check[], name: string) => checks.find((c) => c.name === name)

it('names a replaced WeChat API base and missing subscribe templates, and asks WeChat nothing unless told to', async () => {
  const checks = await runDoctor('server', env())
  expect(named(checks, 'MINQING_WECHAT_API_BASE')).toMatchObject({ level: 'warn', detail: expect.stringContaining(base) as string })
  expect(named(checks, 'MINQING_SUBSCRIBE_TEMPLATES')?.level).toBe('warn')
  expect(named(checks, 'WeChat open APIs (access_token)')).toBeUndefined()
  expect(asked).toEqual([])
  const set = await runDoctor('server', env({ MINQING_SUBSCRIBE_TEMPLATES: '{"taken":"TPL-1"}', MINQING_WECHAT_API_BASE: '' }))
  expect(named(set, 'MINQING_SUBSCRIBE_TEMPLATES')).toBeUndefined()
  expect(named(set, 'MINQING_WECHAT_API_BASE')).toBeUndefined()
})

it('--probe-wechat: an access_token with the right secret; a wrong one named in words, the secret never printed', async () => {
  const good = await runDoctor('server', env(), { probeWechat: true })
  expect(named(good, 'WeChat open APIs (access_token)')?.level).toBe('ok')
  expect(asked).toContain('/cgi-bin/token')
  const bad = await runDoctor('server', env({ MINQING_WECHAT_SECRET: 'wrong-secret-000' }), { probeWechat: true })
  const check = named(bad, 'WeChat open APIs (access_token)')
  expect(check?.level).toBe('fail')
  expect(check?.detail).toMatch(/40125.*AppSecret is wrong/)
  expect(JSON.stringify(bad)).not.toContain('wrong-secret-000')
  expect(JSON.stringify(good)).not.toContain(SECRET)
})
