/**
 * Identity and roster actions through the real HTTP server: the development login, who am I, the
 * villager's cadre card, a cadre's households, the coverage check and household assignment; for each
 * action on an object, a refused attempt on someone else's.
 */
import { requestId, startHarness, type Harness } from './harness'
import { DEFAULT_SETTINGS } from '../../src/core/settings'
import { refreshCadreDays } from '../../src/server/features/facts'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.stop())

describe('auth.devLogin and me.get', () => {
  it('lists the people of the township grouped by role, villagers first', async () => {
    const { groups } = await h.anonymous.ok('auth.devPeople', {})
    expect(groups[0]?.role).toBe('villager')
    expect(groups.map((g) => g.role)).toEqual(expect.arrayContaining(['villager', 'cadre', 'secretary', 'leader', 'supervisor']))
    expect(groups.flatMap((g) => g.people).some((p) => p.id === 'villager-x1')).toBe(false)
  })

  it('signs in as a villager who then sees their household and village', async () => {
    const me = await (await h.as('villager-a1')).ok('me.get', {})
    expect(me).toMatchObject({ id: 'villager-a1', name: '巴特尔', roles: ['villager'], village: { name: '乌兰木伦嘎查' }, household: { id: 'hh-a1', groupName: '一社' } })
  })

  it('tells a team leader which teams they lead', async () => {
    const me = await (await h.as('leader-a')).ok('me.get', {})
    expect(me.leadsTeams.map((t) => t.id).sort()).toEqual(['team-a', 'team-b'])
  })
})

describe('villager.myCadre', () => {
  it("shows the household's cadre with phone, the team and no visit yet", async () => {
    const card = await (await h.as('villager-a1')).ok('villager.myCadre', {})
    expect(card.cadre).toMatchObject({ id: 'cadre-a', name: '张伟', phone: '13700001111' })
    expect(card.team).toMatchObject({ leader: { name: '赵海' }, secretary: { name: '乌力吉', phone: '13600002222' }, members: [{ id: 'cadre-a' }] })
    expect(card.lastConfirmedVisitAt).toBeNull()
  })

  it('shows the last visit a household member signed, not a later unsigned one', async () => {
    const store = h.server.deps.store
    const visit = { townshipId: 'ts-1', cadreId: 'cadre-a', householdId: 'hh-a1', villageId: 'vil-a', purpose: '走访', notes: '', overnight: false, disputeReason: null }
    await store.insert('visits', { ...visit, id: 'visit-signed', at: h.now() - 86_400_000, status: 'signed', signedById: 'villager-a1b', signedAt: h.now() - 86_000_000 })
    await store.insert('visits', { ...visit, id: 'visit-pending', at: h.now() - 3_600_000, status: 'pending', signedById: null, signedAt: null })
    const card = await (await h.as('villager-a1')).ok('villager.myCadre', {})
    expect(card.lastConfirmedVisitAt).toBe(h.now() - 86_400_000)
  })

  it("says how many days this month and this week the cadre spent in the village, from signed visits only (issue 12 item 9)", async () => {
    const store = h.server.deps.store
    expect((await (await h.as('villager-a1')).ok('villager.myCadre', {})).villageDays).toEqual({ month: 0, week: 0, weekRequired: 3 })
    // The signed visit of the test above was on Sunday 2026-11-22: this month, last week. The pending one counts nowhere.
    await refreshCadreDays(store, { townshipId: 'ts-1', cadreId: 'cadre-a' }, ['2026-11-22', '2026-11-23'], DEFAULT_SETTINGS)
    expect((await (await h.as('villager-a1')).ok('villager.myCadre', {})).villageDays).toEqual({ month: 1, week: 0, weekRequired: 3 })
  })

  it('is refused to a person who is not a villager', async () => {
    expect((await (await h.as('cadre-a')).call('villager.myCadre', {})).body).toMatchObject({ error: { code: 'AUTH.FORBIDDEN' } })
  })
})

describe('cadre.setPhoto (issue 12 item 9)', () => {
  const upload = async (personId: string) => {
    const form = new FormData()
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1'), Buffer.from([0xff, 0xda, 0x00, 0x02, 0x11, 0x22, 0xff, 0xd9])])
    form.append('file', new Blob([new Uint8Array(jpeg)]), 'me.jpg')
    const token = (await h.anonymous.ok('auth.devLogin', { personId })).token
    const response = await fetch(`${h.server.url}/upload?kind=photo`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } })
    return ((await response.json()) as { data: { url: string } }).data.url
  }

  it("sets the cadre's own photo from his own upload; the villager's card shows it", async () => {
    const url = await upload('cadre-a')
    expect(await (await h.as('cadre-a')).ok('cadre.setPhoto', { photoUrl: url })).toEqual({ photoUrl: url })
    expect((await (await h.as('villager-a1')).ok('villager.myCadre', {})).cadre.photoUrl).toBe(url)
    expect((await (await h.as('cadre-a')).ok('me.get', {})).photoUrl).toBe(url)
  })

  it("refuses another person's upload and a villager, and changes nothing", async () => {
    const before = (await h.server.deps.store.get('people', 'cadre-a'))?.photoUrl
    const villagersFile = await upload('villager-a1')
    expect((await (await h.as('cadre-a')).call('cadre.setPhoto', { photoUrl: villagersFile }, requestId())).body).toMatchObject({ error: { code: 'TICKET.ATTACHMENT_NOT_YOURS' } })
    expect((await (await h.as('villager-a1')).call('cadre.setPhoto', { photoUrl: villagersFile }, requestId())).body).toMatchObject({ error: { code: 'AUTH.FORBIDDEN' } })
    expect((await (await h.as('cadre-a')).call('cadre.setPhoto', { photoUrl: 'https://evil.example/a.jpg' }, requestId())).body).toMatchObject({ error: { code: 'VALIDATION.FAILED' } })
    expect((await h.server.deps.store.get('people', 'cadre-a'))?.photoUrl).toBe(before)
  })
})

describe('cadre.households', () => {
  it("lists the cadre's own households with masked phones only", async () => {
    const rows = await (await h.as('cadre-a')).ok('cadre.households', {})
    expect(rows.map((r) => r.id)).toEqual(['hh-a1', 'hh-a2'])
    const hh = rows.find((r) => r.id === 'hh-a1')
    expect(hh).toMatchObject({ villageName: '乌兰木伦嘎查', memberCount: 2 })
    expect(hh?.phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/)
    expect(JSON.stringify(rows)).not.toContain('13912345678')
  })

  it('is refused to a villager', async () => {
    expect((await (await h.as('villager-a1')).call('cadre.households', {})).status).toBe(403)
  })
})

describe('roster.coverage', () => {
  it('reports the township office the cadres outside 60-70 households (both test cadres cover 1-2)', async () => {
    const view = await (await h.as('office-1')).ok('roster.coverage', {})
    expect(view).toMatchObject({ groups: 2, households: 3, residentCadres: 2 })
    const loads = view.findings.filter((f) => f.code === 'COVERAGE.CADRE_LOAD_OUT_OF_RANGE')
    expect(loads.map((f) => f.subjectId).sort()).toEqual(['cadre-a', 'cadre-b'])
    expect(loads[0]?.message).toMatch(/60-70/)
  })

  it('reports a villager group without a cadre as an error', async () => {
    await h.server.deps.store.insert('groups', { id: 'grp-a2', villageId: 'vil-a', name: '二社' })
    await h.server.deps.store.insert('households', { id: 'hh-a9', townshipId: 'ts-1', villageId: 'vil-a', groupId: 'grp-a2', number: '009', headName: '新户', address: '', cadreId: null })
    const view = await (await h.as('supervisor-1')).ok('roster.coverage', {})
    expect(view.findings[0]).toMatchObject({ severity: 'error', code: 'COVERAGE.GROUP_WITHOUT_CADRE', subjectId: 'grp-a2' })
  })

  it.each(['villager-a1', 'cadre-a', 'secretary-a'])('is refused to %s', async (personId) => {
    expect((await (await h.as(personId)).call('roster.coverage', {})).body).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
  })
})

describe('roster.assignHousehold', () => {
  it('lets the township office move a household to another resident cadre', async () => {
    const office = await h.as('office-1')
    expect(await office.ok('roster.assignHousehold', { householdId: 'hh-a2', cadreId: 'cadre-b' })).toEqual({ householdId: 'hh-a2', cadreId: 'cadre-b' })
    expect((await h.server.deps.store.get('households', 'hh-a2'))?.cadreId).toBe('cadre-b')
    await office.ok('roster.assignHousehold', { householdId: 'hh-a2', cadreId: 'cadre-a' })
  })

  it('refuses an office cadre of another township, and changes nothing', async () => {
    const r = await (await h.as('office-x')).call('roster.assignHousehold', { householdId: 'hh-a1', cadreId: 'cadre-x' }, requestId())
    expect(r.status).toBe(403)
    expect((await h.server.deps.store.get('households', 'hh-a1'))?.cadreId).toBe('cadre-a')
  })

  it('refuses villagers and resident cadres', async () => {
    for (const personId of ['villager-a1', 'cadre-a']) {
      const r = await (await h.as(personId)).call('roster.assignHousehold', { householdId: 'hh-a1', cadreId: 'cadre-b' }, requestId())
      expect(r.body).toMatchObject({ error: { code: 'AUTH.FORBIDDEN' } })
    }
    expect((await h.server.deps.store.get('households', 'hh-a1'))?.cadreId).toBe('cadre-a')
  })

  it('refuses an office cadre as the household cadre, and a cadre of another township as not found', async () => {
    const office = await h.as('office-1')
    expect((await office.call('roster.assignHousehold', { householdId: 'hh-a1', cadreId: 'office-1' }, requestId())).body).toMatchObject({ error: { code: 'ROSTER.NOT_RESIDENT_CADRE' } })
    expect((await office.call('roster.assignHousehold', { householdId: 'hh-a1', cadreId: 'cadre-x' }, requestId())).body).toMatchObject({ error: { code: 'NOT_FOUND' } })
    expect((await office.call('roster.assignHousehold', { householdId: 'hh-nope', cadreId: 'cadre-a' }, requestId())).status).toBe(404)
  })
})
