/**
 * The demo generator: deterministic, shaped like 红庆河镇, and every record obeys the domain rules
 * (checked here with the core's own functions, not re-derived).
 * One rule: tests generate small data sets only (the demo size and 3000 households), never 75k.
 */
import type { Person, TicketStatus } from '../../../src/core/model'
import { DEFAULT_SETTINGS } from '../../../src/core/settings'
import { coverageCheck } from '../../../src/core/roster'
import { distanceMeters, slotAt } from '../../../src/core/signin'
import { minutesOfDay } from '../../../src/core/time'
import { validateRating } from '../../../src/core/evaluation'
import { DEMO_SEED, generateTownship, type SeedData } from '../../../src/server/seed'
import { createRandom } from '../../../src/server/seed/random'

const NOW = Date.UTC(2026, 10, 20, 4, 30, 0) // 2026-11-20 12:30 in the township
const demo = generateTownship({ ...DEMO_SEED, now: NOW })

const byId = <T extends { id: string }>(docs: T[]): Map<string, T> => new Map(docs.map((d) => [d.id, d]))
const residentsOf = (data: SeedData): Person[] => data.people.filter((p) => p.roles.includes('cadre') && p.duty === 'resident')
const loadsOf = (data: SeedData): Map<string, number> => {
  const loads = new Map<string, number>(residentsOf(data).map((c) => [c.id, 0]))
  for (const h of data.households) if (h.cadreId !== null) loads.set(h.cadreId, (loads.get(h.cadreId) ?? 0) + 1)
  return loads
}

describe('random', () => {
  it('repeats for a seed and stays in range', () => {
    const a = createRandom(42)
    const b = createRandom(42)
    const xs = Array.from({ length: 100 }, () => a.next())
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(xs)
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true)
    const r = createRandom(1)
    for (let i = 0; i < 1000; i++) {
      const n = r.int(3, 5)
      expect(n >= 3 && n <= 5).toBe(true)
    }
    expect(createRandom(1).fork(7).next()).toBe(createRandom(1).fork(7).next())
    expect(createRandom(1).fork(7).next()).not.toBe(createRandom(1).fork(8).next())
  })
})

describe('generateTownship (demo size)', () => {
  it('is deterministic: same seed, size and now give byte-identical data', () => {
    const again = generateTownship({ ...DEMO_SEED, now: NOW })
    expect(JSON.stringify(again)).toBe(JSON.stringify(demo))
    const other = generateTownship({ ...DEMO_SEED, seed: DEMO_SEED.seed + 1, now: NOW })
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(demo))
  })

  it('is 红庆河镇 with six 嘎查 of 3-5 社 and at least 300 households', () => {
    expect(demo.townships.map((t) => t.name)).toEqual(['红庆河镇'])
    expect(demo.villages.map((v) => v.name)).toEqual(['红庆河嘎查', '乌兰木伦嘎查', '巴音敖包嘎查', '查干淖尔嘎查', '阿腾席热嘎查', '哈达图嘎查'])
    for (const v of demo.villages) {
      const n = demo.groups.filter((g) => g.villageId === v.id).length
      expect(n).toBeGreaterThanOrEqual(3)
      expect(n).toBeLessThanOrEqual(5)
    }
    expect(demo.households.length).toBeGreaterThanOrEqual(300)
    for (const h of demo.households) {
      const members = demo.people.filter((p) => p.householdId === h.id)
      expect(members.length).toBeGreaterThanOrEqual(1)
      expect(members.length).toBeLessThanOrEqual(5)
      expect(members[0].name).toBe(h.headName)
    }
  })

  it('gives every group a cadre and every resident cadre 60-70 households', () => {
    const residents = residentsOf(demo)
    const findings = coverageCheck({ groups: demo.groups, households: demo.households, cadres: residents, settings: DEFAULT_SETTINGS })
    expect(findings).toEqual([])
    for (const [, load] of loadsOf(demo)) {
      expect(load).toBeGreaterThanOrEqual(60)
      expect(load).toBeLessThanOrEqual(70)
    }
  })

  it('has the roles of the reform: leadership, office hub, supervision, village cadres', () => {
    const titled = (t: string): Person[] => demo.people.filter((p) => p.title === t)
    expect(titled('党委书记')[0].roles).toEqual(['cadre', 'leader'])
    expect(titled('纪委书记')[0].roles).toContain('supervisor')
    expect(demo.people.filter((p) => p.roles.includes('supervisor') && !p.roles.includes('leader'))).toHaveLength(2)
    expect(demo.people.filter((p) => p.roles.includes('publicSupervisor'))).toHaveLength(2)
    const office = demo.people.filter((p) => p.duty === 'office' && p.roles.length === 1)
    expect(office.length).toBeGreaterThanOrEqual(1)
    expect(office.map((p) => p.title)).toContain('党政办主任')
    for (const v of demo.villages) {
      const of = (role: string): Person[] => demo.people.filter((p) => p.villageId === v.id && p.roles.includes(role as Person['roles'][number]))
      expect(of('secretary')).toHaveLength(1)
      expect(of('committee')).toHaveLength(3)
      expect(of('representative')).toHaveLength(4)
      for (const p of [...of('secretary'), ...of('committee'), ...of('representative')]) {
        expect(p.roles).toContain('villager')
        expect(p.householdId).not.toBeNull()
      }
    }
  })

  it('builds one work team per village: 包片领导, the village secretary, the covering cadres', () => {
    const people = byId(demo.people)
    expect(demo.teams).toHaveLength(demo.villages.length)
    for (const team of demo.teams) {
      expect(people.get(team.leaderId)?.roles).toContain('leader')
      const secretary = people.get(team.secretaryId)
      expect(secretary?.roles).toContain('secretary')
      expect(secretary?.villageId).toBe(team.villageId)
      const covering = [...new Set(demo.households.filter((h) => h.villageId === team.villageId).map((h) => h.cadreId))].sort()
      expect([...team.memberIds].sort()).toEqual(covering)
    }
  })

  it('gives villagers realistic phones, about one in ten without one', () => {
    const villagers = demo.people.filter((p) => p.roles.includes('villager'))
    const without = villagers.filter((p) => !p.hasPhone).length / villagers.length
    expect(without).toBeGreaterThan(0.04)
    expect(without).toBeLessThan(0.16)
    const phones = demo.people.filter((p) => p.hasPhone).map((p) => p.phone)
    expect(phones.every((p) => /^1[3-9]\d{9}$/.test(p))).toBe(true)
    expect(new Set(phones).size).toBe(phones.length)
    for (const h of demo.households) expect(demo.people.some((p) => p.householdId === h.id && p.hasPhone)).toBe(true)
  })

  it('uses unique ids with readable prefixes', () => {
    const prefixes: Partial<Record<keyof SeedData, RegExp>> = {
      townships: /^tw-\d+$/,
      villages: /^vil-\d+$/,
      groups: /^grp-\d+$/,
      households: /^hh-\d{4,}$/,
      people: /^p-\d{4,}$/,
      teams: /^team-\d+$/,
      places: /^place-\d+$/,
      tickets: /^tk-\d{4,}$/,
      visits: /^v-\d{4,}$/,
      signins: /^si-\d{4,}$/,
      leaves: /^lv-\d{3,}$/,
      ratings: /^rt-\d{4,}$/,
    }
    for (const [c, re] of Object.entries(prefixes) as [keyof SeedData, RegExp][]) {
      const docs = demo[c] as { id: string }[]
      expect(docs.length).toBeGreaterThan(0)
      expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length)
      for (const d of docs) expect(d.id).toMatch(re)
    }
    expect(demo.households[0].id).toBe('hh-0001')
  })

  it('places the township office near 39.2N 109.6E and village points a few km out', () => {
    const [office, ...points] = demo.places
    expect(office.villageId).toBeNull()
    expect(office.radiusM).toBe(200)
    expect(Math.abs(office.lat - 39.2)).toBeLessThan(0.05)
    expect(Math.abs(office.lng - 109.6)).toBeLessThan(0.05)
    expect(points).toHaveLength(demo.villages.length)
    for (const p of points) {
      expect(p.radiusM).toBe(300)
      const d = distanceMeters(office, p)
      expect(d).toBeGreaterThan(2000)
      expect(d).toBeLessThan(20_000)
    }
  })

  it('keeps all history before now and within the month', () => {
    const start = NOW - 31 * 24 * 3600_000
    for (const s of demo.signins) expect(s.at >= start && s.at < NOW).toBe(true)
    for (const v of demo.visits) expect(v.at >= start && v.at < NOW).toBe(true)
    for (const t of demo.tickets) for (const e of t.history) expect(e.at >= start && e.at < NOW).toBe(true)
    for (const r of demo.ratings) expect(r.at < NOW).toBe(true)
  })

  it('has sign-ins whose verdict matches their coordinates and time', () => {
    const places = byId(demo.places)
    const reasons = new Set(demo.signins.map((s) => s.invalidReason))
    expect(reasons).toEqual(new Set([null, 'TOO_FAR', 'OUTSIDE_WINDOW', 'SLOT_TAKEN']))
    expect(demo.signins.filter((s) => s.valid).length / demo.signins.length).toBeGreaterThan(0.8)
    for (const s of demo.signins) {
      const slot = slotAt(minutesOfDay(s.at, DEFAULT_SETTINGS), DEFAULT_SETTINGS)
      if (s.invalidReason === 'TOO_FAR') {
        expect(s.placeId).toBeNull()
        for (const p of demo.places) expect(distanceMeters(s, p)).toBeGreaterThan(p.radiusM)
        continue
      }
      const place = places.get(s.placeId ?? '')
      expect(place).toBeDefined()
      if (place) expect(distanceMeters(s, place)).toBeLessThanOrEqual(place.radiusM)
      expect(s.slot).toBe(slot)
      expect(s.valid).toBe(s.invalidReason === null)
      if (s.invalidReason === 'OUTSIDE_WINDOW') expect(slot).toBeNull()
    }
  })

  it('has visits signed only by a member of the visited household, some pending, disputed, overnight', () => {
    const people = byId(demo.people)
    const households = byId(demo.households)
    expect(new Set(demo.visits.map((v) => v.status))).toEqual(new Set(['signed', 'pending', 'disputed']))
    expect(demo.visits.some((v) => v.overnight)).toBe(true)
    for (const v of demo.visits) {
      expect(households.get(v.householdId)?.cadreId).toBe(v.cadreId)
      if (v.status === 'pending') {
        expect(v.signedById).toBeNull()
        continue
      }
      expect(people.get(v.signedById ?? '')?.householdId).toBe(v.householdId)
      expect(v.signedAt).not.toBeNull()
      expect((v.signedAt ?? 0) - v.at).toBeLessThanOrEqual(DEFAULT_SETTINGS.visits.signOffWindowHours * 3600_000)
      if (v.status === 'disputed') expect(v.disputeReason).toBeTruthy()
    }
  })

  it('has tickets in every status with coherent histories', () => {
    const all: TicketStatus[] = ['submitted', 'accepted', 'escalated_secretary', 'joint_meeting', 'township_session', 'resolved', 'closed', 'withdrawn']
    expect(new Set(demo.tickets.map((t) => t.status))).toEqual(new Set(all))
    const categories = new Set(DEFAULT_SETTINGS.tickets.categories.map((c) => c.id))
    const households = byId(demo.households)
    for (const t of demo.tickets) {
      expect(categories.has(t.category)).toBe(true)
      expect(t.history[0]).toMatchObject({ seq: 1, action: 'create', from: null, to: 'submitted' })
      t.history.forEach((e, i) => {
        expect(e.seq).toBe(i + 1)
        if (i > 0) {
          expect(e.from).toBe(t.history[i - 1].to)
          expect(e.at).toBeGreaterThanOrEqual(t.history[i - 1].at)
        }
      })
      expect(t.version).toBe(t.history.length)
      expect(t.history[t.history.length - 1].to).toBe(t.status)
      expect(t.householdId && households.get(t.householdId)?.villageId).toBe(t.villageId)
      expect(/[\u4e00-\u9fa5]/.test(t.description)).toBe(true)
    }
  })

  it('has a joint meeting behind every ticket that went to one, attendees and owners from the roster', () => {
    const people = byId(demo.people)
    const viaMeeting = demo.tickets.filter((t) => t.history.some((e) => e.action === 'escalate_joint_meeting'))
    expect(viaMeeting.some((t) => t.status === 'joint_meeting')).toBe(true)
    expect(viaMeeting.some((t) => t.status === 'township_session')).toBe(true)
    expect(demo.meetings.map((m) => m.ticketIds[0]).sort()).toEqual(viaMeeting.map((t) => t.id).sort())
    for (const m of demo.meetings) {
      expect(m.id).toMatch(/^mt-\d{4,}$/)
      const t = viaMeeting.find((x) => x.id === m.ticketIds[0])
      if (!t) throw new Error('meeting without its ticket')
      const step = t.history.find((e) => e.action === 'escalate_joint_meeting')
      expect(m).toMatchObject({ villageId: t.villageId, convenedById: step?.actorId, convenedAt: step?.at })
      expect(people.get(m.convenedById)?.roles).toContain('secretary')
      // Still on the agenda: convened; moved on (township session, resolved): minuted.
      expect(m.status).toBe(t.status === 'joint_meeting' ? 'convened' : 'recorded')
      const team = demo.teams.find((x) => x.villageId === t.villageId)
      const eligible = new Set([...(team ? [team.leaderId, team.secretaryId, ...team.memberIds] : []), ...demo.people.filter((p) => p.villageId === t.villageId && p.roles.includes('committee')).map((p) => p.id)])
      for (const id of m.attendeeIds) expect(eligible.has(id)).toBe(true)
      if (m.status === 'recorded') {
        expect(m.attendeeIds.length).toBeGreaterThan(2)
        expect(m.decisions).toHaveLength(1)
        expect(eligible.has(m.decisions[0].ownerId)).toBe(true)
        expect(m.decisions[0].at).toBeLessThan(NOW)
      }
    }
  })

  it('has leaves in every status', () => {
    expect(new Set(demo.leaves.map((l) => l.status))).toEqual(new Set(['approved', 'requested', 'declined']))
  })

  it('has last month\'s ratings in all four bands, each one the core would accept', () => {
    expect(new Set(demo.ratings.map((r) => r.band))).toEqual(new Set(['leaders', 'peers', 'committees', 'villagers']))
    expect(new Set(demo.ratings.map((r) => r.period))).toEqual(new Set(['2026-10']))
    const people = byId(demo.people)
    const households = byId(demo.households)
    const seen = new Set<string>()
    for (const r of demo.ratings) {
      const rater = people.get(r.raterId)
      expect(rater).toBeDefined()
      if (!rater) continue
      const verdict = validateRating(r, rater, rater.householdId === null ? null : (households.get(rater.householdId) ?? null))
      expect(verdict).toEqual({ ok: true, value: true })
      expect(r.raterId).not.toBe(r.cadreId)
      if (r.band === 'villagers') {
        const key = `${r.householdId}|${r.period}`
        expect(seen.has(key)).toBe(false)
        seen.add(key)
      }
    }
    expect(seen.size).toBeGreaterThan(demo.households.length * 0.7)
  })
})

describe('generateTownship (3000 households: a county of townships)', () => {
  const county = generateTownship({ seed: 3, households: 3000, now: NOW })

  it('keeps the proportions of the demo', () => {
    expect(county.households).toHaveLength(3000)
    expect(county.townships.length).toBe(8)
    expect(county.townships[0].name).toBe('红庆河镇')
    expect(new Set(county.townships.map((t) => t.name)).size).toBe(county.townships.length)
    const residents = residentsOf(county)
    expect(coverageCheck({ groups: county.groups, households: county.households, cadres: residents, settings: DEFAULT_SETTINGS })).toEqual([])
    for (const [, load] of loadsOf(county)) {
      expect(load).toBeGreaterThanOrEqual(60)
      expect(load).toBeLessThanOrEqual(70)
    }
    const office = county.people.filter((p) => p.duty === 'office' && p.roles.length === 1).length
    expect(office / (office + residents.length)).toBeGreaterThan(0.15)
    expect(office / (office + residents.length)).toBeLessThan(0.3)
    expect(county.teams).toHaveLength(county.villages.length)
    expect(county.villages.length / county.townships.length).toBeGreaterThanOrEqual(5)
    const villagers = county.people.filter((p) => p.roles.includes('villager')).length
    expect(villagers / county.households.length).toBeGreaterThan(2.5)
    expect(villagers / county.households.length).toBeLessThan(3.5)
    for (const tw of county.townships) {
      expect(new Set(county.tickets.filter((t) => t.townshipId === tw.id).map((t) => t.status)).size).toBe(8)
    }
  })
})

describe('portraits (issue 12 item 9: the demo shows faces)', () => {
  it('gives every township cadre a small generated SVG portrait, the same on every run, and no villager one', () => {
    const again = generateTownship({ ...DEMO_SEED, now: NOW })
    const cadres = demo.people.filter((p) => p.roles.includes('cadre'))
    expect(cadres.length).toBeGreaterThan(10)
    for (const c of cadres) {
      expect(c.photoUrl).toMatch(/^data:image\/svg\+xml;base64,/)
      const svg = Buffer.from((c.photoUrl ?? '').split(',')[1] ?? '', 'base64').toString('utf8')
      expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 128 128">.*<\/svg>$/)
      expect((c.photoUrl ?? '').length).toBeLessThan(3000)
    }
    expect(again.people.filter((p) => p.roles.includes('cadre')).map((p) => p.photoUrl)).toEqual(cadres.map((p) => p.photoUrl))
    // Different cadres look different (at least most of them).
    expect(new Set(cadres.map((p) => p.photoUrl)).size).toBeGreaterThan(cadres.length / 2)
    expect(demo.people.filter((p) => p.roles.includes('villager') && !p.roles.includes('cadre')).every((p) => p.photoUrl === null)).toBe(true)
  })
})
