/**
 * Tickets through the real HTTP server: a villager's report worked through escalation to the end,
 * who may see and act on it, anonymity, and two people acting on one ticket at the same moment.
 */
import type { InputOf, TicketView } from '../../../src/contracts'
import { requestId, startHarness, type Harness } from '../harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.stop())

const report = { kind: 'problem' as const, category: 'infrastructure', description: '村道坑洼，雨天无法通行' }
const file = async (personId = 'villager-a1', extra: Partial<typeof report & { anonymous: boolean }> = {}) =>
  (await h.as(personId)).ok('ticket.create', { ...report, ...extra })
const act = async (personId: string, t: TicketView, action: InputOf<'ticket.act'>['action'], note = '', satisfaction?: number) =>
  (await h.as(personId)).call('ticket.act', { ticketId: t.id, action, version: t.version, note, ...(satisfaction ? { satisfaction } : {}) }, requestId())

describe('a problem report followed to the end', () => {
  it('goes villager -> cadre -> secretary -> joint meeting -> resolved -> confirmed, each step in the history', async () => {
    let t = await file()
    expect(t).toMatchObject({ status: 'submitted', assignee: { id: 'cadre-a' }, reporterName: '巴特尔', allowedActions: ['withdraw'] })
    expect(t.dueAt - t.createdAt).toBe(168 * 3_600_000)
    const steps: [string, InputOf<'ticket.act'>['action'], string, string][] = [
      ['cadre-a', 'accept', '', 'accepted'],
      ['cadre-a', 'escalate_secretary', '需要村里协调修路资金', 'escalated_secretary'],
      ['secretary-a', 'escalate_joint_meeting', '提交村两委及驻村工作组联系会议', 'joint_meeting'],
      ['secretary-a', 'resolve', '会议决定：村集体出资修补', 'resolved'],
    ]
    for (const [who, action, note, status] of steps) {
      h.advance(60_000)
      const r = await act(who, t, action, note)
      if (!r.body.ok) throw new Error(`${who} ${action}: ${r.body.error.code}`)
      t = r.body.data
      expect(t.status).toBe(status)
    }
    const closed = await act('villager-a1', t, 'confirm', '', 5)
    expect(closed.body).toMatchObject({ ok: true, data: { status: 'closed', satisfaction: 5 } })
    const final = await (await h.as('villager-a1')).ok('ticket.get', { ticketId: t.id })
    expect(final.history.map((e) => [e.seq, e.action, e.actorName])).toEqual([
      [1, 'create', '巴特尔'],
      [2, 'accept', '张伟'],
      [3, 'escalate_secretary', '张伟'],
      [4, 'escalate_joint_meeting', '乌力吉'],
      [5, 'resolve', '乌力吉'],
      [6, 'confirm', '巴特尔'],
    ])
  })

  it('refuses an escalation without a reason, and the ticket stays as it was', async () => {
    let t = await file()
    t = (await act('cadre-a', t, 'accept')).body.ok ? (await (await h.as('cadre-a')).ok('ticket.get', { ticketId: t.id })) : t
    const r = await act('cadre-a', t, 'escalate_secretary', '  ')
    expect(r.body).toMatchObject({ ok: false, error: { code: 'TICKET.REASON_REQUIRED' } })
    expect((await h.server.deps.store.get('tickets', t.id))?.status).toBe('accepted')
  })

  it('refuses a transition the table does not allow from the status', async () => {
    const t = await file()
    const r = await act('villager-a1', t, 'confirm')
    expect(r.status).toBe(409)
    expect(r.body).toMatchObject({ error: { code: 'TICKET.INVALID_TRANSITION' } })
  })

  it("refuses a reporter doing the cadre's step", async () => {
    const t = await file()
    expect((await act('villager-a1', t, 'accept')).body).toMatchObject({ error: { code: 'TICKET.FORBIDDEN_ACTOR' } })
  })
})

describe('who may see and act on a ticket', () => {
  let t: TicketView
  beforeAll(async () => {
    t = await file()
  })

  it.each([
    ['a villager of another household', 'villager-b1'],
    ['a cadre of another village', 'cadre-b'],
    ['the secretary of another village', 'secretary-b'],
    ['a villager of another township', 'villager-x1'],
    ['an office cadre of another township', 'office-x'],
  ])('%s can neither read nor act on it', async (_label, personId) => {
    const client = await h.as(personId)
    expect((await client.call('ticket.get', { ticketId: t.id })).body).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
    const r = await client.call('ticket.act', { ticketId: t.id, action: 'accept', version: t.version, note: '' }, requestId())
    expect(r.status).toBe(403)
    expect((await client.ok('ticket.list', {})).some((x) => x.id === t.id)).toBe(false)
    expect((await h.server.deps.store.get('tickets', t.id))?.version).toBe(t.version)
  })

  it.each(['villager-a1b', 'cadre-a', 'secretary-a', 'leader-a', 'office-1', 'supervisor-1'])('%s sees it in their list', async (personId) => {
    expect((await (await h.as(personId)).ok('ticket.list', {})).some((x) => x.id === t.id)).toBe(true)
  })

  it("refuses a villager filing for another household's id", async () => {
    const r = await (await h.as('villager-a1')).call('ticket.create', { ...report, householdId: 'hh-b1' }, requestId())
    expect(r.body).toMatchObject({ error: { code: 'AUTH.FORBIDDEN' } })
  })

  it('lets a cadre file for a household they cover, marked as filed on behalf', async () => {
    const filed = await (await h.as('cadre-a')).ok('ticket.create', { ...report, kind: 'service', category: 'certificate', householdId: 'hh-a2', answers: { certType: 'residence' } })
    expect(filed).toMatchObject({ filedOnBehalf: true, status: 'submitted' })
    expect((await (await h.as('cadre-a')).call('ticket.create', { ...report, householdId: 'hh-b1' }, requestId())).status).toBe(403)
  })

  it('answers NOT_FOUND for a ticket that does not exist', async () => {
    expect((await (await h.as('villager-a1')).call('ticket.get', { ticketId: 'tk-none' })).status).toBe(404)
  })

  it('refuses an unknown category', async () => {
    expect((await (await h.as('villager-a1')).call('ticket.create', { ...report, category: 'lottery' }, requestId())).body).toMatchObject({ error: { code: 'TICKET.UNKNOWN_CATEGORY' } })
  })
})

describe('an anonymous report', () => {
  it("shows the reporter's name only to the handling cadre (issue 13)", async () => {
    const t = await file('villager-a1', { anonymous: true })
    await act('cadre-a', t, 'accept')
    expect((await (await h.as('cadre-a')).ok('ticket.get', { ticketId: t.id })).reporterName).toBe('巴特尔')
    for (const personId of ['villager-a1b', 'secretary-a', 'office-1', 'supervisor-1']) {
      const client = await h.as(personId)
      const listed = (await client.ok('ticket.list', {})).filter((x) => x.id === t.id)
      expect(listed).toHaveLength(1)
      const seen = JSON.stringify([await client.ok('ticket.get', { ticketId: t.id }), listed])
      expect(seen).not.toContain('巴特尔')
      expect(seen).not.toContain('villager-a1"')
      expect((await client.ok('ticket.get', { ticketId: t.id })).history[0]?.actorName).toBe('匿名反映')
    }
  })
})

describe('two people acting on one ticket at the same moment', () => {
  it('lets exactly one win; the other gets CONFLICT.STALE_VERSION and the history has no hole', async () => {
    for (let round = 0; round < 5; round++) {
      const t = await file()
      const [cadre, villager] = await Promise.all([h.as('cadre-a'), h.as('villager-a1')])
      const results = await Promise.all([
        cadre.call('ticket.act', { ticketId: t.id, action: 'accept', version: t.version, note: '' }, requestId()),
        villager.call('ticket.act', { ticketId: t.id, action: 'withdraw', version: t.version, note: '不需要了' }, requestId()),
      ])
      const wins = results.filter((r) => r.body.ok)
      expect(wins).toHaveLength(1)
      const loser = results.find((r) => !r.body.ok)
      expect(loser?.status).toBe(409)
      expect(loser?.body).toMatchObject({ error: { code: 'CONFLICT.STALE_VERSION' } })
      const stored = await h.server.deps.store.get('tickets', t.id)
      expect(stored?.history.map((e) => e.seq)).toEqual([1, 2])
      expect(stored?.version).toBe(2)
    }
  })
})
