/**
 * Issue 10 item 6 (guard): a replayed write re-checks authorization by its object, not only by the
 * caller's scope (hardening.test.ts covers the scope). Between the first call and its replay with
 * the same request id the household goes to another cadre, or a member leaves the leader's team:
 * the replay is refused (AUTH.FORBIDDEN) and the stored answer is not given. A replay whose object
 * is unchanged, or changed by the write itself, is still answered from the record. Through the real
 * HTTP server, on SQLite and (integration-mysql) MariaDB.
 */
import { actions, type ActionName } from '../../src/contracts'
import { replayChecks } from '../../src/server/replay'
import type { Household, WorkTeam } from '../../src/core/model'
import { requestId, startHarness, type Harness } from './harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.stop())

const store = () => h.server.deps.store

/** Runs `body` with household hh-a1 handed to cadre-b, then gives it back. */
const withHouseholdReassigned = async (body: () => Promise<void>) => {
  const household = (await store().get('households', 'hh-a1')) as Household
  await store().replace('households', { ...household, cadreId: 'cadre-b' })
  try {
    await body()
  } finally {
    await store().replace('households', household)
  }
}

const refusedWithoutAnswer = (answer: { status: number; body: unknown }, stored: unknown) => {
  expect(answer.body).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
  expect(answer.status).toBe(403)
  expect(JSON.stringify(answer.body)).not.toContain(JSON.stringify(stored))
}

describe('every write action says how its replay is re-checked', () => {
  it("lists each write action once: a personal one is run again ('rerun'), any other re-checked by its object or its scope", () => {
    const writes = (Object.keys(actions) as ActionName[]).filter((n) => actions[n].write).sort()
    expect(Object.keys(replayChecks).sort()).toEqual(writes)
    for (const name of writes) expect([name, replayChecks[name] === 'rerun']).toEqual([name, actions[name].personal])
  })
})

describe('a replay after the object changed hands is refused, the stored answer not given', () => {
  it('visit.create: the household went to another cadre', async () => {
    const cadre = await h.as('cadre-a')
    const id = requestId()
    const input = { householdId: 'hh-a1', purpose: '走访' }
    const first = await cadre.call('visit.create', input, id)
    expect(first.body.ok).toBe(true)
    // Unchanged: the retry is the first answer, nothing new written.
    expect((await cadre.call('visit.create', input, id)).body).toEqual(first.body)
    const visits = await store().count('visits', { householdId: 'hh-a1' })
    await withHouseholdReassigned(async () => {
      refusedWithoutAnswer(await cadre.call('visit.create', input, id), first.body.ok ? first.body.data.id : null)
    })
    expect(await store().count('visits', { householdId: 'hh-a1' })).toBe(visits)
  })

  it('ticket.act: answered after the write moved the ticket on (own escalation); refused once the household went to another cadre', async () => {
    const ticket = await (await h.as('villager-a1')).ok('ticket.create', { kind: 'problem', category: 'other', description: '水渠堵了' })
    const cadre = await h.as('cadre-a')
    const accepted = await cadre.ok('ticket.act', { ticketId: ticket.id, action: 'accept', version: ticket.version, note: '' })
    const id = requestId()
    const input = { ticketId: ticket.id, action: 'escalate_secretary' as const, version: accepted.version, note: '需村里协调' }
    const first = await cadre.call('ticket.act', input, id)
    expect(first.body).toMatchObject({ ok: true, data: { status: 'escalated_secretary' } })
    // The ticket is the secretary's now, by this very write: its retry is still answered.
    expect((await cadre.call('ticket.act', input, id)).body).toEqual(first.body)
    await withHouseholdReassigned(async () => {
      refusedWithoutAnswer(await cadre.call('ticket.act', input, id), first.body.ok ? first.body.data.history : null)
    })
  })

  it('rating.submit: the rater household went to another cadre', async () => {
    const villager = await h.as('villager-a1b')
    const id = requestId()
    const input = { cadreId: 'cadre-a', band: 'villagers' as const, dimensions: { attitude: 4, effectiveness: 4, presence: 4 } }
    const first = await villager.call('rating.submit', input, id)
    expect(first.body.ok).toBe(true)
    expect((await villager.call('rating.submit', input, id)).body).toEqual(first.body)
    await withHouseholdReassigned(async () => {
      refusedWithoutAnswer(await villager.call('rating.submit', input, id), first.body.ok ? first.body.data : null)
    })
  })

  it("leave.decide: the cadre left the leader's team", async () => {
    const leave = await (await h.as('cadre-a')).ok('leave.request', { from: '2026-11-25', to: '2026-11-25', reason: '事假' })
    const leader = await h.as('leader-a')
    const id = requestId()
    const first = await leader.call('leave.decide', { leaveId: leave.id, approve: true }, id)
    expect(first.body.ok).toBe(true)
    expect((await leader.call('leave.decide', { leaveId: leave.id, approve: true }, id)).body).toEqual(first.body)
    const team = (await store().get('teams', 'team-a')) as WorkTeam
    await store().replace('teams', { ...team, memberIds: [] })
    try {
      refusedWithoutAnswer(await leader.call('leave.decide', { leaveId: leave.id, approve: true }, id), first.body.ok ? first.body.data : null)
    } finally {
      await store().replace('teams', team)
    }
  })

  it('ticket.callReporter keeps no phone for a replay: its retry runs again, checked and logged again', async () => {
    const ticket = await (await h.as('villager-a1')).ok('ticket.create', { kind: 'problem', category: 'other', description: '路灯不亮' })
    const cadre = await h.as('cadre-a')
    const id = requestId()
    const reveals = async () => store().count('reveals', { subjectId: 'villager-a1' })
    const before = await reveals()
    expect(await cadre.ok('ticket.callReporter', { ticketId: ticket.id }, id)).toEqual({ name: '巴特尔', phone: '13912345678' })
    const [record] = await store().find('requests', { id: `cadre-a:${id}` })
    expect(JSON.stringify(record)).not.toContain('13912345678')
    expect(await cadre.ok('ticket.callReporter', { ticketId: ticket.id }, id)).toEqual({ name: '巴特尔', phone: '13912345678' })
    expect(await reveals()).toBe(before + 2)
    // Once the household is another cadre's (and the ticket still waits for its first holder's step
    // only if he holds it), the re-run's own checks decide.
    await withHouseholdReassigned(async () => {
      const moved = (await store().get('tickets', ticket.id))!
      await store().replace('tickets', { ...moved, assigneeId: 'cadre-b' })
      try {
        expect((await cadre.call('ticket.callReporter', { ticketId: ticket.id }, id)).body).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
      } finally {
        await store().replace('tickets', moved)
      }
    })
  })
})
