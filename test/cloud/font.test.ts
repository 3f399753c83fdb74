/**
 * Issue 13 item 6 in WeChat cloud mode: the weapp has no server of its own to load the Mongolian font
 * from, so the deployment keeps it in cloud storage (MINQING_MONGOLIAN_FONT_FILE_ID) and the function
 * hands out a temporary URL to anyone, bound or not (the bind page may be in Mongolian). Outside the
 * cloud the answer is null: H5 and the self-hosted weapp load /fonts/... from the server, which serves it.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { LOCAL_STORAGE_PREFIX } from '../../src/server/wechat/local'
import { openStore } from '../../src/server/storage/relational'
import { freshDatabase, type TestDatabase } from '../support/test-database'
import { loadWorld } from '../server/world'
import { startHarness, type Harness } from '../server/harness'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-cloud-font-'))
const storageDir = path.join(dir, 'storage')
const FONT_PATH = 'fonts/noto-sans-mongolian.woff'
let database: TestDatabase
let http: Harness
type Answer = { ok: boolean; data?: { url: string | null }; error?: { code: string } }
let main: (event: unknown) => Promise<Answer>

beforeAll(async () => {
  database = await freshDatabase(dir, { file: 'cloud-font.db', prefix: 'cloudfont' })
  const setup = await openStore({ url: database.url })
  await loadWorld(setup)
  await setup.close()
  fs.mkdirSync(path.join(storageDir, 'fonts'), { recursive: true })
  fs.copyFileSync(path.join(__dirname, '../../assets/fonts/noto-sans-mongolian.woff'), path.join(storageDir, FONT_PATH))
  process.env.MINQING_DATABASE_URL = database.url
  process.env.MINQING_LOCAL_STORAGE_DIR = storageDir
  process.env.MINQING_MONGOLIAN_FONT_FILE_ID = `${LOCAL_STORAGE_PREFIX}${FONT_PATH}`
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  main = require('../../cloudfunctions/api/src/index').main
  http = await startHarness()
})
afterAll(async () => {
  delete process.env.MINQING_LOCAL_STORAGE_DIR
  delete process.env.MINQING_MONGOLIAN_FONT_FILE_ID
  await http.stop()
  await database.drop()
  fs.rmSync(dir, { recursive: true, force: true })
})

it("hands the font's temporary URL to a WeChat user who is not bound yet", async () => {
  process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID'
  process.env.WX_APPID = 'wx0000000000000000'
  process.env.WX_OPENID = 'o-not-bound-yet'
  const answer = await main({ action: 'locale.fontUrl', input: {}, requestId: 'font-1' })
  expect(answer).toMatchObject({ ok: true, data: { url: expect.stringMatching(/^https:\/\/local-env\.tcb\.qcloud\.la\/fonts\/noto-sans-mongolian\.woff\?sign=\w+&t=86400$/) } })
  // Bad input changes nothing and is refused with a code.
  expect(await main({ action: 'locale.fontUrl', input: { fileId: 'cloud://x/y' }, requestId: 'font-2' })).toMatchObject({ ok: false, error: { code: 'VALIDATION.FAILED' } })
})

it('answers null outside the cloud, where the server serves /fonts itself', async () => {
  expect(await http.anonymous.ok('locale.fontUrl', {})).toEqual({ url: null })
  const served = await fetch(`${http.server.url}/fonts/noto-sans-mongolian.woff`)
  expect(served.status).toBe(200)
})
