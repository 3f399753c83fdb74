/**
 * The contract rules for every action of the verdict: a replayed write (same request id) answers the
 * first answer and writes once, and malformed input is a validation error with nothing written.
 */
import type { ActionName, InputOf } from '../../src/contracts'
import type { CollectionName } from '../../src/server/storage/port'
import { jpegHeader, realPng } from './fixtures/images'
import { requestId, startHarness, type Harness } from './harness'

let h: Harness
let signature: string
beforeAll(async () => {
  h = await startHarness()
  signature = await realPng()
  await h.server.deps.store.insert('places', { id: 'place-office', townshipId: 'ts-1', villageId: null, name: '镇政府', lat: 39.6, lng: 109.8, radiusM: 200 })
  await (await h.as('cadre-a')).ok('signin.consent', {})
})
afterAll(() => h.stop())

const count = async (c: CollectionName) => (await h.server.deps.store.find(c, {})).length
const newVisit = async () => (await h.as('cadre-a')).ok('visit.create', { householdId: 'hh-a1', purpose: '走访', problems: '路灯坏了' })

type Case = { who: string; collection: CollectionName; input: () => Promise<unknown> }
const writes: { [N in ActionName]?: Case } = {
  'visit.create': { who: 'cadre-a', collection: 'visits', input: async () => ({ householdId: 'hh-a1', purpose: '走访' }) },
  'visit.signOff': { who: 'villager-a1', collection: 'images', input: async () => ({ visitId: (await newVisit()).id, signaturePng: signature }) },
  'visit.dispute': { who: 'villager-a1', collection: 'visits', input: async () => ({ visitId: (await newVisit()).id, reason: '没来过' }) },
  'visit.toTicket': { who: 'cadre-a', collection: 'tickets', input: async () => ({ visitId: (await newVisit()).id }) },
  'signin.consent': { who: 'cadre-b', collection: 'consents', input: async () => ({}) },
  'signin.submit': { who: 'cadre-a', collection: 'signins', input: async () => ({ lat: 39.6, lng: 109.8, datum: 'gcj02', photo: jpegHeader(640, 480) }) },
  'leave.request': { who: 'cadre-a', collection: 'leaves', input: async () => ({ from: '2026-12-01', to: '2026-12-02', reason: '事假' }) },
  'leave.decide': {
    who: 'leader-a',
    collection: 'leaves',
    input: async () => ({ leaveId: (await (await h.as('cadre-a')).ok('leave.request', { from: '2026-12-03', to: '2026-12-03', reason: '事假' })).id, approve: true }),
  },
  'rating.submit': { who: 'villager-a1', collection: 'ratings', input: async () => ({ cadreId: 'cadre-a', band: 'villagers', dimensions: { attitude: 4, effectiveness: 4, presence: 4 } }) },
}

describe('a replayed write answers the first answer and writes once', () => {
  it.each(Object.keys(writes) as ActionName[])('%s', async (name) => {
    const c = writes[name] as Case
    const input = (await c.input()) as InputOf<typeof name>
    const client = await h.as(c.who)
    const id = requestId()
    const before = await count(c.collection)
    const first = await client.call(name, input, id)
    const after = await count(c.collection)
    const second = await client.call(name, input, id)
    expect(first.body.ok).toBe(true)
    expect(second.body).toEqual(first.body)
    expect(await count(c.collection)).toBe(after)
    expect(after - before).toBeLessThanOrEqual(1)
  })
})

const invalid: [ActionName, string, unknown][] = [
  ['visit.create', 'cadre-a', { householdId: 'hh-a1', purpose: '' }],
  ['visit.create', 'cadre-a', { householdId: 'hh-a1', purpose: '走访', lat: 'north' }],
  ['visit.get', 'villager-a1', { visitId: '../etc' }],
  ['visit.signCode', 'cadre-a', { visitId: 'v-1', wxacode: 'yes' }],
  ['visit.signOff', 'villager-a1', { visitId: 'v-1' }],
  ['visit.dispute', 'villager-a1', { visitId: 'v-1', reason: 'x'.repeat(301) }],
  ['visit.toTicket', 'cadre-a', { visitId: 'v-1', kind: 'complaint' }],
  ['signin.submit', 'cadre-a', { lat: 39.6, lng: 109.8 }],
  ['signin.submit', 'cadre-a', { lat: '39.6', lng: 109.8, photo: 'AAAA' }],
  ['signin.photo', 'supervisor-1', {}],
  ['signin.township', 'supervisor-1', { date: '24/11/2026' }],
  ['leave.request', 'cadre-a', { from: '2026/12/01', to: '2026-12-02', reason: '事假' }],
  ['leave.decide', 'leader-a', { leaveId: 'lv-1', approve: 'yes' }],
  ['attendance.week', 'cadre-a', { weekKey: '2026-48' }],
  ['attendance.team', 'leader-a', { weekKey: 'W48' }],
  ['allowance.ledger', 'cadre-a', { month: '2026-13-01' }],
  ['rating.form', 'villager-a1', { period: 'last month' }],
  ['rating.submit', 'villager-a1', { cadreId: 'cadre-a', band: 'family', dimensions: {} }],
  ['rating.submit', 'villager-a1', { cadreId: 'cadre-a', band: 'villagers', dimensions: { attitude: 'five' } }],
  ['rating.myScore', 'cadre-a', { period: 2026 }],
  ['rating.township', 'office-1', { cadreId: 'a b' }],
  ['visit.waiting', 'villager-a1', { all: true }],
  ['signin.today', 'cadre-a', { date: '2026-11-23' }],
]

describe('malformed input is a validation error, nothing written', () => {
  it.each(invalid)('%s as %s (case %#)', async (name, who, input) => {
    const before = await Promise.all((['visits', 'signins', 'leaves', 'ratings', 'images'] as const).map(count))
    const r = await (await h.as(who)).call(name, input as never, requestId())
    expect(r.status).toBe(400)
    expect(r.body).toMatchObject({ ok: false, error: { code: 'VALIDATION.FAILED' } })
    expect(await Promise.all((['visits', 'signins', 'leaves', 'ratings', 'images'] as const).map(count))).toEqual(before)
  })
})
