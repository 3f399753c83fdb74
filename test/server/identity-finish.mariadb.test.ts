/**
 * Races of identity on MariaDB, where transactions run side by side (SQLite runs one write at a
 * time): two binds of the same WeChat account to two people at once, and parallel wrong tries of a
 * phone code. Each race is made certain: the writers are held at a lock until the database shows
 * them all waiting, then let go (as in concurrency.mariadb.test.ts).
 */
import { createConnection, type Connection, type RowDataPacket } from 'mysql2/promise'
import { handle } from '../../src/server/dispatch'
import { localWechatCodes } from '../../src/server/wechat/local'
import { requestId, startHarness, type Harness } from './harness'

jest.setTimeout(120_000)

let h: Harness
let probe: Connection
const sent: string[] = []
const phoneOfCode: Record<string, string> = { 'wx-a1': '13912345678', 'wx-a2': '13912340002' }
beforeAll(async () => {
  h = await startHarness()
  h.server.deps.wechat = { ...localWechatCodes, getPhoneNumber: async (code) => phoneOfCode[code] ?? null, sendPhoneCode: async (_phone, text) => void sent.push(text) }
  probe = await createConnection({ uri: h.database.url })
})
afterAll(async () => {
  await probe.end()
  await h.stop()
})

const lockWaits = async (): Promise<number> => {
  const name = new URL(h.database.url).pathname.slice(1)
  const [rows] = await probe.query<RowDataPacket[]>(
    `SELECT COUNT(*) AS n FROM information_schema.innodb_trx t JOIN information_schema.processlist p ON p.id = t.trx_mysql_thread_id
     WHERE t.trx_state = 'LOCK WAIT' AND p.db = ?`,
    [name],
  )
  return Number(rows[0]?.n ?? 0)
}
const untilWaiting = async (count: number) => {
  do await new Promise((r) => setTimeout(r, 250))
  while ((await lockWaits()) < count)
}

const codeOf = (r: { body: { ok: boolean; error?: { code: string } } }) => (r.body.ok ? 'ok' : r.body.error?.code)
const cloud = () => ({ ...h.server.deps, mode: 'cloud' as const, sessions: null })
const inCloud = (openid: string, action: string, input: unknown) => handle({ action, input, requestId: requestId() }, { kind: 'openid', openid }, cloud())

it('two binds of the same account to two people at once: exactly one succeeds, the other is BINDING.ALREADY_BOUND', async () => {
  const a2 = await h.server.deps.store.get('people', 'villager-a2')
  if (!a2) throw new Error('villager-a2 missing')
  await h.server.deps.store.replace('people', { ...a2, phone: '13912340002', hasPhone: true })
  // Another writer's uncommitted binding of the account: both binds read no binding (READ
  // COMMITTED), then wait at their insert on the unique index until it is rolled back.
  const held = await createConnection({ uri: h.database.url })
  await held.query('START TRANSACTION')
  await held.query('INSERT INTO bindings SET ?', [{ id: 'b-held', openid: 'o-race', personId: 'cadre-a', boundAt: 0 }])
  const binds = [inCloud('o-race', 'binding.byPhone', { code: 'wx-a1' }), inCloud('o-race', 'binding.byPhone', { code: 'wx-a2' })]
  await untilWaiting(2)
  await held.query('ROLLBACK')
  await held.end()
  const results = (await Promise.all(binds)).map((r) => codeOf({ body: r.body as never }))
  expect(results.sort()).toEqual(['BINDING.ALREADY_BOUND', 'ok'])
  expect(await h.server.deps.store.find('bindings', { openid: 'o-race' })).toHaveLength(1)
})

it('parallel wrong tries of a phone code all count', async () => {
  const phone = '13700001111' // cadre-a
  await h.anonymous.ok('binding.sendCode', { phone }, requestId())
  const [code] = await h.server.deps.store.find('phoneCodes', { phone })
  const right = /\d{6}/.exec(sent.at(-1) ?? '')?.[0]
  if (!code || !right) throw new Error('no code stored or sent')
  const wrong = right === '999999' ? '999998' : '999999'
  // Every try waits at the code's row (held by us) with its increment, then all run at once.
  const held = await createConnection({ uri: h.database.url })
  await held.query('START TRANSACTION')
  await held.query('SELECT id FROM phoneCodes WHERE id = ? FOR UPDATE', [code.id])
  const n = h.server.deps.settings.binding.codeAttempts
  const tries = Array.from({ length: n }, () => h.anonymous.call('binding.byCode', { phone, code: wrong }, requestId()))
  await untilWaiting(n)
  await held.query('COMMIT')
  await held.end()
  const answers = (await Promise.all(tries)).map(codeOf)
  expect(answers.filter((a) => a === 'BINDING.CODE_WRONG').length + answers.filter((a) => a === 'BINDING.CODE_EXPIRED').length).toBe(n)
  expect((await h.server.deps.store.get('phoneCodes', code.id))?.attempts).toBe(answers.filter((a) => a === 'BINDING.CODE_WRONG').length)
  expect((await h.server.deps.store.get('phoneCodes', code.id))?.attempts).toBe(n)
})
