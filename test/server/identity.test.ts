/**
 * The caller is read afresh on every request (one statement: the person and the teams they lead),
 * so a change the office makes to a person's roles, to a team's leader or to a binding counts from
 * the very next request, with the same session token and in the cloud path too.
 */
import { handle } from '../../src/server/dispatch'
import { requestId, startHarness, type Harness } from './harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
}, 120_000)
afterAll(() => h.stop())

const store = () => h.server.deps.store

describe('who is calling, request by request', () => {
  it('a new team leader may read the village tickets at once, and the old one no longer', async () => {
    const villager = await h.as('villager-a1')
    const ticket = await villager.ok('ticket.create', { kind: 'problem', category: 'infrastructure', description: '路灯坏了' })
    // cadre-b is a resident cadre of village B: no business with village A's tickets.
    const cadreB = await h.as('cadre-b')
    expect((await cadreB.call('ticket.get', { ticketId: ticket.id })).body).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
    expect((await cadreB.ok('me.get', {})).leadsTeams).toEqual([])

    const teamA = await store().get('teams', 'team-a')
    if (!teamA) throw new Error('team-a missing')
    await store().replace('teams', { ...teamA, leaderId: 'cadre-b' })
    // The same session token: the next request sees cadre-b as village A's team leader.
    expect((await cadreB.ok('ticket.get', { ticketId: ticket.id })).id).toBe(ticket.id)
    expect((await cadreB.ok('me.get', {})).leadsTeams).toEqual([{ id: 'team-a', name: teamA.name }])
    expect((await (await h.as('leader-a')).ok('me.get', {})).leadsTeams.map((t) => t.id)).toEqual(['team-b'])

    await store().replace('teams', teamA)
    expect((await cadreB.call('ticket.get', { ticketId: ticket.id })).body).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
  })

  it('a changed role counts from the next request', async () => {
    const villager = await h.as('villager-a2')
    expect((await villager.ok('villager.myCadre', {})).cadre.id).toBe('cadre-a')
    const person = await store().get('people', 'villager-a2')
    if (!person) throw new Error('villager-a2 missing')
    await store().replace('people', { ...person, roles: ['committee'] })
    expect((await villager.call('villager.myCadre', {}, requestId())).body).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
    await store().replace('people', person)
    expect((await villager.ok('villager.myCadre', {})).cadre.id).toBe('cadre-a')
  })

  it('in the cloud path: a binding counts from the next request, and its person with the teams they lead', async () => {
    const deps = h.server.deps
    const call = (openid: string) => handle({ action: 'me.get', input: {} }, { kind: 'openid', openid }, deps)
    expect((await call('o-leader')).body).toMatchObject({ ok: false, error: { code: 'AUTH.NOT_BOUND' } })
    await store().insert('bindings', { id: 'b-leader', openid: 'o-leader', personId: 'leader-a', boundAt: 0 })
    const me = await call('o-leader')
    expect(me.body).toMatchObject({ ok: true, data: { id: 'leader-a' } })
    expect(me.body.ok && (me.body.data as { leadsTeams: { id: string }[] }).leadsTeams.map((t) => t.id).sort()).toEqual(['team-a', 'team-b'])
    // A binding to a person who no longer exists is not a session.
    await store().insert('bindings', { id: 'b-ghost', openid: 'o-ghost', personId: 'nobody', boundAt: 0 })
    expect((await call('o-ghost')).body).toMatchObject({ ok: false, error: { code: 'AUTH.INVALID_TOKEN' } })
  })
})
