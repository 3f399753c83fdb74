/**
 * 1135 with the default settings through the API (issue 14 item 2, DOMAIN 3.7): every band needs 5
 * raters and the default rule withholds the total while any band is short, on the cadre's own score,
 * the township's ratings view and the office dashboard, each naming the short band.
 */
import type { Person } from '../../src/core/model'
import { zhRules } from '../../src/i18n/zh-CN'
import { requestId, startHarness, type Harness } from './harness'


let h: Harness
const person = (id: string, over: Partial<Person>): Person => ({
  id, townshipId: 'ts-1', name: id, phone: '13800000000', roles: ['villager'], householdId: null, villageId: null,
  duty: null, title: '', photoUrl: null, hasPhone: true, ...over,
})
const HOUSEHOLDS = ['hh-s1', 'hh-s2', 'hh-s3', 'hh-s4', 'hh-s5']
const VILLAGERS = HOUSEHOLDS.map((hh, i) => person(`sv-${i + 1}`, { householdId: hh, villageId: 'vil-a' }))
const PEERS = [1, 2, 3, 4, 5].map((i) => person(`sp-${i}`, { roles: ['cadre'], duty: 'resident' }))
const COMMITTEE = [1, 2, 3, 4, 5].map((i) => person(`sc-${i}`, { roles: ['committee'], villageId: 'vil-a' }))

beforeAll(async () => {
  h = await startHarness()
  await h.server.deps.store.insertMany('households', HOUSEHOLDS.map((id, i) => ({
    id, townshipId: 'ts-1', villageId: 'vil-a', groupId: 'grp-a1', number: String(201 + i), headName: `户主${i + 1}`, address: '', cadreId: 'cadre-a',
  })))
  await h.server.deps.store.insertMany('people', [...VILLAGERS, ...PEERS, ...COMMITTEE])
})
afterAll(() => h.stop())

const dims = (n: number) => ({ attitude: n, effectiveness: n, presence: n })
const rate = async (raterId: string, band: 'leaders' | 'peers' | 'committees' | 'villagers', stars: number) =>
  (await h.as(raterId)).ok('rating.submit', { cadreId: 'cadre-a', band, dimensions: dims(stars) }, requestId())

describe('1135 withheld while a band is short (default settings)', () => {
  it('a cadre rated by one leader and 5 of every other band gets no total, with the leaders band named, everywhere a score appears', async () => {
    await rate('leader-a', 'leaders', 4)
    for (const p of PEERS) await rate(p.id, 'peers', 4)
    for (const p of COMMITTEE) await rate(p.id, 'committees', 4)
    for (const p of VILLAGERS) await rate(p.id, 'villagers', 4)

    // The rated cadre sees nothing of an open month (raters stay anonymous, issue 10 item 7).
    const open = await (await h.as('cadre-a')).ok('rating.myScore', { period: '2026-11' })
    expect(open).toMatchObject({ closed: false, score: { total: null, insufficientBands: [] } })

    const township = await (await h.as('office-1')).ok('rating.township', { cadreId: 'cadre-a' })
    expect(township.cadres[0]?.score).toMatchObject({ total: null, insufficientBands: ['leaders'] })

    const dashboard = await (await h.as('office-1')).ok('office.dashboard', { period: '2026-11' })
    expect(dashboard.cadres.find((c) => c.cadreId === 'cadre-a')).toMatchObject({ score: null, shortBands: ['leaders'] })
    expect(zhRules.score(null, ['leaders'])).toBe('样本不足（镇领导）')
  })

  it('a villager household short (4 of 5) withholds the total even with the other bands full', async () => {
    const dashboard = await (await h.as('office-1')).ok('office.dashboard', { period: '2026-11' })
    const b = dashboard.cadres.find((c) => c.cadreId === 'cadre-b')
    // cadre-b has no ratings at all: every band is short.
    expect(b).toMatchObject({ score: null, shortBands: ['leaders', 'peers', 'committees', 'villagers'] })
  })

  it("once the month is closed, the cadre's own score says which band is short and gives no total", async () => {
    h.advance(12 * 24 * 3_600_000) // 2026-12-05: November can be closed
    await (await h.as('office-1')).ok('office.closePeriod', { period: '2026-11' })
    const mine = await (await h.as('cadre-a')).ok('rating.myScore', { period: '2026-11' })
    expect(mine).toMatchObject({ closed: true, score: { total: null, insufficientBands: ['leaders'] } })
    h.advance(-12 * 24 * 3_600_000)
  })
})
