/**
 * ticket.callReporter through the real HTTP server: the household's cadre reads the reporter's
 * number from the ticket page and the read is logged; the reporter's neighbours and other cadres
 * are refused and nothing is logged.
 */
import { requestId, startHarness, type Harness } from '../harness'

let h: Harness
let ticketId: string
beforeAll(async () => {
  h = await startHarness()
  const villager = await h.as('villager-a1')
  ticketId = (await villager.ok('ticket.create', { kind: 'problem', category: 'infrastructure', description: '桥头护栏断了' })).id
})
afterAll(() => h.stop())

it("the household's cadre gets the reporter's name and phone, and the read is logged", async () => {
  const cadre = await h.as('cadre-a')
  const reporter = await h.server.deps.store.get('people', 'villager-a1')
  const out = await cadre.ok('ticket.callReporter', { ticketId })
  expect(out).toEqual({ name: reporter?.name, phone: reporter?.phone })
  const log = await h.server.deps.store.find('reveals', { actorId: 'cadre-a' })
  expect(log).toMatchObject([{ subjectId: 'villager-a1', field: 'phone' }])
})

it('the reporter, and a cadre of another household, are refused; nothing is logged', async () => {
  const before = await h.server.deps.store.count('reveals', {})
  for (const who of ['villager-a1', 'cadre-b']) {
    const r = await (await h.as(who)).call('ticket.callReporter', { ticketId }, requestId())
    expect(r.body).toMatchObject({ ok: false })
    expect(['AUTH.FORBIDDEN', 'NOT_FOUND']).toContain(r.body.ok ? '' : r.body.error.code)
  }
  expect(await h.server.deps.store.count('reveals', {})).toBe(before)
})
