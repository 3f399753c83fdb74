/**
 * The villager's first screen in one request (issue 12 item 11) and a cadre's planned visits
 * (issue 12 item 9), through the real HTTP server: villager.home answers what the five separate
 * reads answer; only the household's own cadre plans a visit, today or later and within the
 * horizon; the villager's card shows the next one; bad input changes nothing.
 */
import { requestId, startHarness, type Harness } from './harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.stop())

const plans = () => h.server.deps.store.find('visitPlans', {})

describe('villager.home', () => {
  it('answers the card, the waiting sign-offs, the open tickets, the notices, the unread count and the posting months in one read', async () => {
    const cadre = await h.as('cadre-a')
    const villager = await h.as('villager-a1')
    await cadre.ok('visit.create', { householdId: 'hh-a1', purpose: '了解春耕准备' })
    await villager.ok('ticket.create', { kind: 'problem', category: 'infrastructure', description: '路灯坏了' })
    h.advance(60_000)
    const home = await villager.ok('villager.home', {})
    expect(home.card).toEqual(await villager.ok('villager.myCadre', {}))
    expect(home.cardError).toBeNull()
    expect(home.waitingVisits).toEqual(await villager.ok('visit.waiting', {}))
    expect(home.waitingVisits).toHaveLength(1)
    expect(home.openTickets).toEqual(await villager.ok('ticket.list', { open: true }))
    expect(home.openTickets.map((t) => t.description)).toContain('路灯坏了')
    expect(home.notices).toEqual(await villager.ok('notices.forMe', {}))
    expect(home.unread).toBe((await villager.ok('notification.list', {})).unread)
    expect(home.postingMonths).toEqual(await villager.ok('posting.months', {}))
  })

  it('a household without a cadre still gets its home, with the reason for no card', async () => {
    const office = await h.as('office-1')
    await office.ok('roster.assignHousehold', { householdId: 'hh-b1', cadreId: null }, requestId())
    const home = await (await h.as('villager-b1')).ok('villager.home', {})
    expect(home).toMatchObject({ card: null, cardError: 'ROSTER.HOUSEHOLD_UNASSIGNED' })
    await office.ok('roster.assignHousehold', { householdId: 'hh-b1', cadreId: 'cadre-b' }, requestId())
  })

  it('is the villager’s own: a cadre or the office is refused', async () => {
    for (const who of ['cadre-a', 'office-1']) {
      expect((await (await h.as(who)).call('villager.home', {})).body).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
    }
  })
})

describe('visit.plan and the next planned visit on the villager’s card', () => {
  it('the household’s cadre plans a visit; the villager’s card and the cadre’s list show it', async () => {
    const cadre = await h.as('cadre-a')
    // 2026-11-23 is today in the test township.
    expect(await cadre.ok('visit.plan', { householdId: 'hh-a1', date: '2026-12-03' }, requestId())).toEqual({ householdId: 'hh-a1', date: '2026-12-03', note: '' })
    const home = await (await h.as('villager-a1')).ok('villager.home', {})
    expect(home.card?.nextPlannedVisit).toBe('2026-12-03')
    expect((await (await h.as('villager-a1')).ok('villager.myCadre', {})).nextPlannedVisit).toBe('2026-12-03')
    // Only that household's card: the neighbour has no plan.
    expect((await (await h.as('villager-a2')).ok('villager.home', {})).card?.nextPlannedVisit).toBeNull()
    const rows = await cadre.ok('cadre.households', {})
    expect(rows.find((r) => r.id === 'hh-a1')?.plannedVisit).toBe('2026-12-03')
    expect(rows.find((r) => r.id === 'hh-a2')?.plannedVisit).toBeNull()
  })

  it('planning again replaces the plan (one per household); date null cancels it', async () => {
    const cadre = await h.as('cadre-a')
    await cadre.ok('visit.plan', { householdId: 'hh-a2', date: '2026-12-10' }, requestId())
    await cadre.ok('visit.plan', { householdId: 'hh-a2', date: '2026-11-25' }, requestId())
    expect((await plans()).filter((p) => p.householdId === 'hh-a2').map((p) => p.date)).toEqual(['2026-11-25'])
    expect((await (await h.as('villager-a2')).ok('villager.home', {})).card?.nextPlannedVisit).toBe('2026-11-25')
    await cadre.ok('visit.plan', { householdId: 'hh-a2', date: null }, requestId())
    expect((await plans()).filter((p) => p.householdId === 'hh-a2')).toEqual([])
    expect((await (await h.as('villager-a2')).ok('villager.home', {})).card?.nextPlannedVisit).toBeNull()
  })

  it('another cadre, a villager, the office, supervision, the team leader or a cadre of another township cannot plan, move or cancel his visit: refused, nothing written', async () => {
    await (await h.as('cadre-a')).ok('visit.plan', { householdId: 'hh-a1', date: '2026-11-27', note: '带上医保表' }, requestId())
    const before = await plans()
    const attackers = [
      ['cadre-b', 'hh-a1'],
      ['villager-a1', 'hh-a1'],
      ['secretary-a', 'hh-a1'],
      ['office-1', 'hh-a1'],
      ['supervisor-1', 'hh-a1'],
      ['leader-a', 'hh-a1'],
      ['cadre-x', 'hh-a1'],
      ['cadre-a', 'hh-x1'],
      ['cadre-a', 'hh-b1'],
    ] as const
    for (const [who, household] of attackers) {
      for (const date of ['2026-11-28', null]) {
        const r = await (await h.as(who)).call('visit.plan', { householdId: household, date, note: '改个时间' }, requestId())
        expect(r.body).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
      }
    }
    expect((await (await h.as('cadre-a')).call('visit.plan', { householdId: 'hh-nobody', date: '2026-11-28' }, requestId())).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await plans()).toEqual(before)
  })

  it('a past date, a date beyond the horizon or a date that does not exist is refused with a reason, nothing written', async () => {
    const cadre = await h.as('cadre-a')
    const before = await plans()
    const cases = [
      ['2026-11-22', 'DATE.IN_PAST'],
      ['2027-03-01', 'VISIT.PLAN_TOO_FAR'],
      ['2026-02-31', 'VALIDATION.FAILED'],
      ['12月5号', 'VALIDATION.FAILED'],
    ] as const
    for (const [date, code] of cases) {
      const r = await cadre.call('visit.plan', { householdId: 'hh-a1', date }, requestId())
      expect(r.body).toMatchObject({ ok: false, error: { code } })
    }
    expect(await plans()).toEqual(before)
    // Today itself is a valid day to plan.
    await cadre.ok('visit.plan', { householdId: 'hh-a2', date: '2026-11-23' }, requestId())
    await cadre.ok('visit.plan', { householdId: 'hh-a2', date: null }, requestId())
  })

  it('the note is kept with the plan and shown on the cadre’s list; a move replaces it; a note too long is refused, nothing written', async () => {
    const cadre = await h.as('cadre-a')
    expect(await cadre.ok('visit.plan', { householdId: 'hh-a2', date: '2026-11-30', note: ' 带上低保申请表 ' }, requestId())).toEqual({
      householdId: 'hh-a2',
      date: '2026-11-30',
      note: '带上低保申请表',
    })
    const row = (await cadre.ok('cadre.households', {})).find((r) => r.id === 'hh-a2')
    expect(row).toMatchObject({ plannedVisit: '2026-11-30', plannedNote: '带上低保申请表' })
    // The villager's card says when, never the cadre's note.
    expect(JSON.stringify(await (await h.as('villager-a2')).ok('villager.home', {}))).not.toContain('低保申请表')
    const before = await plans()
    const long = await cadre.call('visit.plan', { householdId: 'hh-a2', date: '2026-12-01', note: '长'.repeat(101) }, requestId())
    expect(long.body).toMatchObject({ ok: false, error: { code: 'VALIDATION.FAILED' } })
    expect(await plans()).toEqual(before)
    await cadre.ok('visit.plan', { householdId: 'hh-a2', date: '2026-12-01' }, requestId())
    expect((await cadre.ok('cadre.households', {})).find((r) => r.id === 'hh-a2')).toMatchObject({ plannedVisit: '2026-12-01', plannedNote: '' })
    await cadre.ok('visit.plan', { householdId: 'hh-a2', date: null }, requestId())
    expect((await cadre.ok('cadre.households', {})).find((r) => r.id === 'hh-a2')).toMatchObject({ plannedVisit: null, plannedNote: '' })
  })

  it('a plan whose day has passed is no longer shown', async () => {
    const cadre = await h.as('cadre-a')
    await cadre.ok('visit.plan', { householdId: 'hh-a2', date: '2026-11-24' }, requestId())
    expect((await (await h.as('villager-a2')).ok('villager.home', {})).card?.nextPlannedVisit).toBe('2026-11-24')
    h.advance(2 * 24 * 3_600_000)
    expect((await (await h.as('villager-a2')).ok('villager.home', {})).card?.nextPlannedVisit).toBeNull()
    expect((await cadre.ok('cadre.households', {})).find((r) => r.id === 'hh-a2')?.plannedVisit).toBeNull()
  })
})
