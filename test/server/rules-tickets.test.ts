/**
 * Ticket rules through the real HTTP server (issue 12 item 4, issue 14 items 4-6): resolving needs
 * a note and only the current holder resolves; the status sentence is addressed to the reader;
 * each level's own clock and the 提级督办 sweep; reply templates per category; results totals count
 * when the villager confirms, or once the confirmation window passes.
 */
import type { InputOf, TicketView } from '../../src/contracts'
import { sweepOverdue } from '../../src/server/features/tickets/overdue/sweep'
import { requestId, startHarness, type Harness } from './harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.stop())

const HOUR = 3_600_000

const call = async (personId: string, t: TicketView, action: InputOf<'ticket.act'>['action'], extra: Partial<InputOf<'ticket.act'>> = {}) =>
  (await h.as(personId)).call('ticket.act', { ticketId: t.id, action, version: t.version, note: '', ...extra }, requestId())
const act = async (personId: string, t: TicketView, action: InputOf<'ticket.act'>['action'], extra: Partial<InputOf<'ticket.act'>> = {}) => {
  const r = await call(personId, t, action, extra)
  if (!r.body.ok) throw new Error(`${personId} ${action}: ${r.body.error.code}`)
  return r.body.data
}
const read = async (personId: string, id: string) => (await h.as(personId)).ok('ticket.get', { ticketId: id })
/** The township's results of the month the test clock is in. */
const results = async () => {
  const period = new Date(h.now() + 8 * HOUR).toISOString().slice(0, 7)
  return (await (await h.as('office-1')).ok('office.results', { period })).township
}

describe('resolving and who may resolve (issue 12 item 4)', () => {
  it('a cadre cannot resolve a ticket he escalated while the secretary holds it; the secretary resolves with a note; the villager is asked to confirm', async () => {
    let t = await (await h.as('villager-a1')).ok('ticket.create', { kind: 'problem', category: 'infrastructure', description: '村口路灯坏了' })
    t = await act('cadre-a', t, 'accept')
    expect(t.statusSentence).toEqual({ kind: 'yours', holderName: null })
    t = await act('cadre-a', t, 'escalate_secretary', { note: '需要村里出钱修' })

    const asCadre = await read('cadre-a', t.id)
    expect(asCadre.allowedActions).not.toContain('resolve')
    expect(asCadre.statusSentence).toEqual({ kind: 'held_by', holderName: expect.any(String) })
    const refused = await call('cadre-a', t, 'resolve', { note: '修好了' })
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'TICKET.NOT_HOLDER' } })
    expect((await read('cadre-a', t.id)).version).toBe(t.version)

    const noNote = await call('secretary-a', t, 'resolve', { note: ' ' })
    expect(noNote.body).toMatchObject({ ok: false, error: { code: 'TICKET.REASON_REQUIRED' } })
    t = await act('secretary-a', t, 'resolve', { note: '村里出资换了新路灯' })
    expect(t.history.at(-1)?.note).toBe('村里出资换了新路灯')

    const asVillager = await read('villager-a1', t.id)
    expect(asVillager.statusSentence.kind).toBe('confirm_yours')
    expect((await read('cadre-a', t.id)).statusSentence.kind).toBe('waiting_villager')
  })
})

describe('each level its own deadline and the 提级督办 sweep (issue 14 item 5)', () => {
  it('the escalated ticket shows the secretary level clock, not the filing deadline; the sweep flags a level once when its time runs out', async () => {
    let t = await (await h.as('villager-a2')).ok('ticket.create', { kind: 'problem', category: 'dispute', description: '邻居占了我家草场' })
    expect(t.levelClock).toMatchObject({ level: 'cadre', dueAt: t.createdAt + 72 * HOUR })
    h.advance(71 * HOUR)
    expect(await sweepOverdue(h.server.deps)).toBe(0)
    h.advance(2 * HOUR)
    expect(await sweepOverdue(h.server.deps)).toBe(1)
    expect(await sweepOverdue(h.server.deps)).toBe(0)
    t = await read('villager-a2', t.id)
    expect(t.history.at(-1)).toMatchObject({ action: 'overdue', note: 'secretary' })
    const told = await h.server.deps.store.find('notifications', { ticketId: t.id, action: 'overdue' })
    expect(told.map((n) => n.personId).sort()).toEqual(['cadre-a', 'secretary-a'])

    t = await act('cadre-a', t, 'accept')
    t = await act('cadre-a', t, 'escalate_secretary', { note: '调解不成，请书记出面' })
    // The secretary's clock starts now: 72 h for a dispute at the village level.
    expect(t.levelClock).toEqual({ level: 'secretary', startedAt: h.now(), dueAt: h.now() + 72 * HOUR })
    const asSecretary = await read('secretary-a', t.id)
    expect(asSecretary.levelClock?.dueAt).toBeGreaterThan(h.now())
    h.advance(73 * HOUR)
    expect(await sweepOverdue(h.server.deps)).toBeGreaterThanOrEqual(1)
    expect((await read('secretary-a', t.id)).history.at(-1)).toMatchObject({ action: 'overdue', note: 'joint_meeting' })
  })
})

describe('reply templates per category (issue 14 item 6)', () => {
  it('each category names its own templates', async () => {
    const categories = await (await h.as('cadre-a')).ok('ticket.categories', {})
    expect(categories.find((c) => c.id === 'loan')?.replyTemplates).toEqual(['received', 'loanBank', 'loanApproved'])
    expect(categories.find((c) => c.id === 'dispute')?.replyTemplates).toContain('disputeMediation')
  })
})

describe('results totals count at confirmation (issue 14 item 4)', () => {
  it('a resolved loan counts nothing until the villager confirms; an unanswered one counts once the window passes', async () => {
    const before = await results()
    let t = await (await h.as('villager-a1')).ok('ticket.create', { kind: 'service', category: 'loan', description: '贷款买羊', answers: { amountYuan: 50000, use: 'livestock' } })
    t = await act('cadre-a', t, 'accept')
    t = await act('cadre-a', t, 'resolve', { note: '信用社已放款', result: { loanYuan: 50_000, beneficiaries: 3 } })
    expect(await results()).toEqual(before)
    await act('villager-a1', t, 'confirm', { satisfaction: 5 })
    expect(await results()).toEqual({ ...before, loanYuan: before.loanYuan + 50_000, beneficiaries: before.beneficiaries + 3, tickets: before.tickets + 1 })

    let u = await (await h.as('villager-a2')).ok('ticket.create', { kind: 'service', category: 'subsidy', description: '草原补贴', answers: { subsidyType: ['grassland'] } })
    u = await act('cadre-a', u, 'accept')
    u = await act('cadre-a', u, 'resolve', { note: '补贴已发放', result: { fundsYuan: 2_000, beneficiaries: 1 } })
    const resolvedAt = h.now()
    h.advance(7 * 24 * HOUR - 1)
    // The window ends in the month the clock is now in: it holds neither count yet.
    const counted = await results()
    expect(counted.fundsYuan).toBe(0)
    h.advance(1)
    expect(u.status).toBe('resolved')
    expect(h.now() - resolvedAt).toBe(7 * 24 * HOUR)
    expect((await results()).fundsYuan).toBe(2_000)
  })
})
