/**
 * The attack of issue 10 through the cloud function's entry, as WeChat's runtime runs it (identity
 * in WX_* variables read by wx-server-sdk), failing at every step: the household's cadre cannot
 * invite a member of his household or the village secretary; his second WeChat account cannot
 * accept an invitation he issued before the rule; an account bound by such an invitation, a fresh
 * account, a staff account and an account bound to two people can neither sign his visit nor rate
 * him; each refusal is kept, and only the supervision group reads them.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Binding } from '../../src/core/model'
import { openStore } from '../../src/server/storage/relational'
import type { Store } from '../../src/server/storage/port'
import { realPng } from '../server/fixtures/images'
import { expectRefusedByUniqueIndex } from '../support/db-errors'
import { freshDatabase, type TestDatabase } from '../support/test-database'
import { loadWorld } from '../server/world'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-cloud-attack-'))
let database: TestDatabase
let store: Store
let png: string
const DAY = 24 * 3_600_000

type Answer = { ok: boolean; data?: unknown; error?: { code: string } }
type Main = (event: unknown) => Promise<Answer>
let main: Main
let n = 0

const as = (openid: string) => {
  process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID'
  process.env.WX_APPID = 'wx0000000000000000'
  process.env.WX_OPENID = openid
}
const call = async (openid: string, action: string, input: unknown): Promise<Answer> => {
  as(openid)
  return main({ action, input, requestId: `cloud-attack-${(n++).toString().padStart(4, '0')}` })
}
const code = (a: Answer) => (a.ok ? 'ok' : a.error?.code)
const binding = (id: string, openid: string, personId: string, over: Partial<Binding> = {}): Binding => ({
  id,
  openid,
  personId,
  boundAt: Date.now() - 3 * DAY,
  method: 'phone',
  issuerId: null,
  ...over,
})

beforeAll(async () => {
  database = await freshDatabase(dir, { file: 'cloud-attack.db', prefix: 'cloudatk' })
  store = await openStore({ url: database.url })
  await loadWorld(store)
  await store.insertMany('bindings', [
    binding('b-cadre', 'o-cadre-a', 'cadre-a'),
    binding('b-secretary', 'o-secretary-a', 'secretary-a'),
    binding('b-supervisor', 'o-supervisor-1', 'supervisor-1'),
    binding('b-office', 'o-office-1', 'office-1'),
  ])
  await store.insert('invitations', {
    id: 'legacy-invitation-of-cadre-a-0001',
    townshipId: 'ts-1',
    personId: 'villager-a1b',
    householdId: 'hh-a1',
    createdById: 'cadre-a',
    createdAt: Date.now(),
    expiresAt: Date.now() + 30 * 60_000,
    usedAt: null,
  })
  process.env.MINQING_DATABASE_URL = database.url
  png = await realPng()
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  main = require('../../cloudfunctions/api/src/index').main as Main
})
afterAll(async () => {
  await store.close()
  await database.drop()
  fs.rmSync(dir, { recursive: true, force: true })
})

const visit = async (householdId: string): Promise<string> => {
  const created = await call('o-cadre-a', 'visit.create', { householdId, purpose: '走访' })
  expect(created.ok).toBe(true)
  return (created.data as { id: string }).id
}
const signAndRate = async (openid: string, visitId: string) => [
  code(await call(openid, 'visit.signOff', { visitId, signaturePng: png })),
  code(await call(openid, 'rating.submit', { cadreId: 'cadre-a', band: 'villagers', dimensions: { attitude: 5, effectiveness: 5, presence: 5 }, comment: '' })),
]

it("the household's cadre cannot invite a member of his household or the village secretary", async () => {
  expect(code(await call('o-cadre-a', 'binding.invite', { personId: 'villager-a1b' }))).toBe('AUTH.FORBIDDEN')
  expect(code(await call('o-cadre-a', 'binding.invite', { personId: 'secretary-a' }))).toBe('AUTH.FORBIDDEN')
})

it("his second WeChat account cannot accept an invitation he issued before the rule, nor his own account take another person", async () => {
  expect(code(await call('o-cadre-second', 'binding.accept', { token: 'legacy-invitation-of-cadre-a-0001' }))).toBe('BINDING.INVALID')
  expect(await store.find('bindings', { openid: 'o-cadre-second' })).toEqual([])
  const fair = await call('o-office-1', 'binding.invite', { personId: 'villager-a1b' })
  expect(fair.ok).toBe(true)
  expect(code(await call('o-cadre-a', 'binding.accept', { token: (fair.data as { token: string }).token }))).toBe('BINDING.ALREADY_BOUND')
})

it('an account bound by his invitation, a fresh account, a staff account, an account of two people: no sign-off, no rating', async () => {
  const v1 = await visit('hh-a1')
  await store.insert('bindings', binding('b-legacy', 'o-cadre-second', 'villager-a1b', { method: 'invitation', issuerId: 'cadre-a' }))
  expect(await signAndRate('o-cadre-second', v1)).toEqual(['VERDICT.BOUND_BY_JUDGED', 'VERDICT.BOUND_BY_JUDGED'])

  await store.insert('bindings', binding('b-fresh', 'o-fresh', 'villager-a1', { boundAt: Date.now() - 60_000 }))
  expect(await signAndRate('o-fresh', v1)).toEqual(['VERDICT.BOUND_RECENTLY', 'VERDICT.BOUND_RECENTLY'])

  const v2 = await visit('hh-a2')
  expect(await signAndRate('o-secretary-a', v2)).toEqual(['VERDICT.STAFF_ACCOUNT', 'VERDICT.STAFF_ACCOUNT'])

  // One WeChat account bound to two members of the household: since 0013_identity_finish the
  // database's unique index on bindings.openid refuses the second binding outright.
  await expectRefusedByUniqueIndex(store.insertMany('bindings', [binding('b-two-1', 'o-two', 'villager-a2'), binding('b-two-2', 'o-two', 'secretary-a')]))

  expect((await store.get('visits', v1))?.status).toBe('pending')
  expect((await store.get('visits', v2))?.status).toBe('pending')
  expect(await store.find('ratings', { cadreId: 'cadre-a' })).toEqual([])
})

it('every refusal is kept, and only the supervision group reads them', async () => {
  const audit = await call('o-supervisor-1', 'binding.audit', {})
  expect(audit.ok).toBe(true)
  const reasons = (audit.data as { refusals: { reason: string }[] }).refusals.map((r) => r.reason)
  expect(new Set(reasons)).toEqual(new Set(['boundByJudged', 'boundRecently', 'staffAccount']))
  expect(code(await call('o-office-1', 'binding.audit', {}))).toBe('AUTH.FORBIDDEN')
  expect(code(await call('o-cadre-a', 'binding.audit', {}))).toBe('AUTH.FORBIDDEN')
})

it('the supervision group passes no office check in the cloud either', async () => {
  const tries = [
    await call('o-supervisor-1', 'office.closePeriod', { period: '2026-10' }),
    await call('o-supervisor-1', 'office.postNotice', { villageId: null, title: '通知', body: '内容' }),
    await call('o-supervisor-1', 'binding.invite', { personId: 'villager-a2' }),
    await call('o-supervisor-1', 'records.addNote', { cadreId: 'cadre-a', period: '2026-10', text: '备注' }),
  ]
  expect(tries.map(code)).toEqual(Array(4).fill('AUTH.FORBIDDEN'))
})
