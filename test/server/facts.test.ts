/**
 * Month figures as facts through the real HTTP server and SQLite file, on the seeded demo township:
 * the seed's facts are what its records make; sign-ins, sign-offs, disputes and leave decisions made
 * through the server keep them so (the drift check finds nothing); a corrupted fact is named by the
 * drift check, and the close rebuilds it from the records, keeps what it rebuilt and closes with the
 * records' figures; a write that fails, or a transaction that fails after refreshing, leaves the
 * facts as they were. The 543 week and the dashboard read the facts.
 */
import { cadreDayFacts } from '../../src/core/attendance'
import { closeMonth, closeReadDays } from '../../src/core/close'
import type { MonthBuild, MonthFiguresRecord } from '../../src/core/month-figures'
import type { CadreDay, Person, SignInPlace } from '../../src/core/model'
import { DEFAULT_SETTINGS } from '../../src/core/settings'
import { addDays, localDate } from '../../src/core/time'
import { checkFacts, readCadreFacts, readFacts, refreshCadreDays } from '../../src/server/features/facts'
import { gatherCloseInputs } from '../../src/server/features/office/month'
import type { Store } from '../../src/server/storage/port'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { generateTownship, seedStore } from '../../src/server/seed'
import { openSqliteStore } from '../../src/server/storage/relational'
import { jpegHeader, notAnImage, realPng } from './fixtures/images'
import { requestId, startHarness, type Harness } from './harness'

const s = DEFAULT_SETTINGS
const photo = jpegHeader(1280, 960)

let h: Harness
let store: Store
let townshipId: string
let cadre: Person
let signers: Person[]
let leaderId: string
let officeId: string
let officePlace: SignInPlace

/** The days the checks cover: the seeded month and the week ahead. */
const window = () => ({ from: addDays(localDate(h.now(), s), -45), to: addDays(localDate(h.now(), s), 10) })
const drift = () => checkFacts(store, townshipId, window().from, window().to, s)
const allFacts = () => readFacts(store, townshipId, window().from, window().to)

/** Moves the test clock to a local (UTC+8) wall-clock time. */
const setLocal = (date: string, hh: number, mm = 0) => {
  h.advance(Date.parse(`${date}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+08:00`) - h.now())
}

beforeAll(async () => {
  h = await startHarness({ seedHouseholds: 330 })
  store = h.server.deps.store
  const [township] = await store.find('townships', {})
  townshipId = township.id
  const people = await store.find('people', { townshipId })
  const teams = await store.find('teams', { townshipId })
  const team = teams.find((t) => t.memberIds.length > 0)!
  leaderId = team.leaderId
  cadre = people.find((p) => p.id === team.memberIds[0])!
  officeId = people.find((p) => p.roles.includes('cadre') && p.duty === 'office' && !p.roles.includes('leader'))!.id
  const households = await store.find('households', { cadreId: cadre.id })
  const withTwo = households.find((hh) => people.filter((p) => p.householdId === hh.id && p.hasPhone && p.id !== cadre.id).length >= 2)!
  signers = people.filter((p) => p.householdId === withTwo.id && p.hasPhone && p.id !== cadre.id).slice(0, 2)
  officePlace = (await store.find('places', { townshipId, villageId: null }))[0]
}, 120_000)
afterAll(() => h.stop())

describe('facts of the seeded history', () => {
  it('are exactly what the records make, and a check over them finds no drift', async () => {
    const kept = await allFacts()
    expect(kept.length).toBeGreaterThan(100)
    expect(await drift()).toEqual([])
    expect(kept.some((d) => d.villageDay) && kept.some((d) => d.onLeave) && kept.some((d) => d.invalid > 0)).toBe(true)
  })
})

/** The open month's dashboard figures of every cadre, and what the close would give them now. */
const dashboardAndClose = async (period: string) => {
  const board = await (await h.as(officeId)).ok('office.dashboard', { period })
  const result = closeMonth(await gatherCloseInputs(store, townshipId, period, s))
  return {
    board: board.cadres.map((c) => [c.cadreId, c.villageDays, c.absences, c.weeks, c.compliantWeeks, c.score, c.allowanceYuan]),
    close: result.cadres.map((c) => [c.cadreId, c.villageDays.length, c.absences.length, c.weeks.length, c.weeks.filter((w) => w.compliant).length, c.score.total, c.allowanceYuan]),
    rates: [board.rates, result.rates],
  }
}

let built: { build: MonthBuild; figures: MonthFiguresRecord }

describe('writes through the server keep the facts', () => {
  it("the open month's dashboard figures are built on its first read: the close's figures", async () => {
    expect(await store.get('monthBuilds', `${townshipId}:2026-11`)).toBeNull()
    const { board, close, rates } = await dashboardAndClose('2026-11')
    expect(board).toEqual(close)
    expect(rates[0]).toEqual(rates[1])
    built = { build: (await store.get('monthBuilds', `${townshipId}:2026-11`))!, figures: (await store.get('monthFigures', `${cadre.id}:2026-11`))! }
    expect(built.build).not.toBeNull()
    expect(built.figures).not.toBeNull()
  })

  it('sign-ins, a sign-off, a dispute and leave decisions leave no drift, and count as the core says', async () => {
    const today = '2026-11-24'
    const me = await h.as(cadre.id)
    await me.ok('signin.consent', {})
    setLocal(today, 11, 0)
    expect(await me.ok('signin.submit', { lat: officePlace.lat, lng: officePlace.lng, datum: 'gcj02', photo })).toMatchObject({ valid: false, invalidReason: 'OUTSIDE_WINDOW' })
    setLocal(today, 14, 35)
    expect(await me.ok('signin.submit', { lat: officePlace.lat, lng: officePlace.lng, datum: 'gcj02', photo })).toMatchObject({ valid: true, slot: 'afternoon' })
    // The same request again (a client retry) is answered from the record, counted once.
    const retry = requestId()
    setLocal(today, 19, 31)
    const evening = await me.ok('signin.submit', { lat: officePlace.lat, lng: officePlace.lng, datum: 'gcj02', photo }, retry)
    expect(await me.ok('signin.submit', { lat: officePlace.lat, lng: officePlace.lng, datum: 'gcj02', photo }, retry)).toEqual(evening)

    setLocal(today, 16, 0)
    const householdId = signers[0].householdId!
    const signed = await me.ok('visit.create', { householdId, purpose: '走访', overnight: true })
    const disputed = await me.ok('visit.create', { householdId, purpose: '走访' })
    setLocal(today, 20, 0)
    await (await h.as(signers[0].id)).ok('visit.signOff', { visitId: signed.id, signaturePng: await realPng() })
    await (await h.as(signers[1].id)).ok('visit.dispute', { visitId: disputed.id, reason: '没有来过' })

    const approved = await me.ok('leave.request', { from: '2026-11-26', to: '2026-11-27', reason: '病假' })
    const declined = await me.ok('leave.request', { from: '2026-11-28', to: '2026-11-28', reason: '事假' })
    const leader = await h.as(leaderId)
    await leader.ok('leave.decide', { leaveId: approved.id, approve: true })
    await leader.ok('leave.decide', { leaveId: declined.id, approve: false })

    expect(await drift()).toEqual([])
    const days = await readCadreFacts(store, [cadre.id], today, '2026-11-28')
    expect(days.map((d) => [d.date, d.afternoon, d.evening, d.invalid, d.signedVisits, d.overnightVisits, d.onLeave, d.workDay, d.night, d.villageDay])).toEqual([
      [today, 1, 1, 1, 1, 1, false, true, true, true],
      ['2026-11-26', 0, 0, 0, 0, 0, true, false, false, false],
      ['2026-11-27', 0, 0, 0, 0, 0, true, false, false, false],
    ])

    const week = await me.ok('attendance.week', { weekKey: '2026-W48' })
    expect(week).toMatchObject({ leaveDays: 2, required: { workDays: 3, nights: 2, villageDays: 1 } })
    expect(week.days.village).toContain(today)
    expect(week.days.leave).toEqual(['2026-11-26', '2026-11-27'])
    const ledger = await me.ok('allowance.ledger', { month: '2026-11' })
    expect(ledger.villageDays).toContain(today)
    expect(ledger.yuan).toBe(ledger.villageDays.length * s.allowance.yuanPerVillageDay)
  })

  it("the built month's figures follow the writes: they stay the close's figures", async () => {
    const before = await dashboardAndClose('2026-11')
    expect(before.board).toEqual(before.close)
    // Kept by the writers, not built again: the cadre's figures moved (a village day, leave days).
    expect(await store.get('monthBuilds', `${townshipId}:2026-11`)).toEqual(built.build)
    expect(await store.get('monthFigures', `${cadre.id}:2026-11`)).not.toEqual(built.figures)
    // The sign-ins, sign-off and leave above moved the cadre's figures; a villager's rating moves the score.
    const household = (await store.find('households', { cadreId: cadre.id }))[0]!
    const rater = (await store.find('people', { householdId: household.id })).find((p) => p.hasPhone && p.roles.includes('villager'))!
    await (await h.as(rater.id)).ok('rating.submit', { cadreId: cadre.id, band: 'villagers', dimensions: { attitude: 2, effectiveness: 3, presence: 2 }, comment: '' })
    const after = await dashboardAndClose('2026-11')
    expect(after.board).toEqual(after.close)
    expect(after.board.find((c) => c[0] === cadre.id)).toEqual(after.close.find((c) => c[0] === cadre.id))
    // Built under other settings, the month is built again on its next read.
    await store.replace('monthBuilds', { ...(await store.get('monthBuilds', `${townshipId}:2026-11`))!, settingsKey: 'other settings' })
    await store.replace('monthFigures', { ...(await store.get('monthFigures', `${cadre.id}:2026-11`))!, villageDays: 99 })
    expect((await dashboardAndClose('2026-11')).board).toEqual(after.close)
  })

  it('a write that fails leaves the facts as they were', async () => {
    const before = await allFacts()
    const me = await h.as(cadre.id)
    setLocal('2026-11-25', 8, 0)
    expect((await me.call('signin.submit', { lat: officePlace.lat, lng: officePlace.lng, datum: 'gcj02', photo: notAnImage }, requestId())).body).toMatchObject({ ok: false, error: { code: 'IMAGE.NOT_AN_IMAGE' } })
    const visit = await me.ok('visit.create', { householdId: signers[0].householdId!, purpose: '走访' })
    expect((await me.call('visit.signOff', { visitId: visit.id, signaturePng: await realPng() }, requestId())).body).toMatchObject({ ok: false, error: { code: 'VISIT.NOT_HOUSEHOLD_MEMBER' } })
    expect(await allFacts()).toEqual(before)

    // A transaction that refreshed a day and then failed: the record and its fact go together.
    await expect(
      store.transaction(async (tx) => {
        await tx.replace('visits', { ...(await tx.get('visits', visit.id))!, status: 'signed', signedById: signers[0].id, signedAt: h.now() })
        await refreshCadreDays(tx, { townshipId, cadreId: cadre.id }, ['2026-11-25'], s)
        throw new Error('the write fails after the refresh')
      }),
    ).rejects.toThrow('the write fails after the refresh')
    expect(await allFacts()).toEqual(before)
    expect((await store.get('visits', visit.id))?.status).toBe('pending')
    expect(await drift()).toEqual([])
  })
})

describe('the drift check and the close', () => {
  const period = '2026-10'

  it('names a corrupted fact: cadre, day, field, kept and recomputed value', async () => {
    const { from, to } = closeReadDays(period, s)
    const october = (await readFacts(store, townshipId, from, to)).filter((d) => d.date.startsWith('2026-10') && d.villageDay)
    const target = october[0]
    await store.replace('cadreDays', { ...target, signedVisits: target.signedVisits + 1 })
    const stray: CadreDay = { ...target, id: `${target.cadreId}:2026-10-01`, date: '2026-10-01', invalid: 4, signedVisits: 0, overnightVisits: 0, workDay: false, night: false, villageDay: false, morning: 0, afternoon: 0, evening: 0, morningAt: null, afternoonAt: null, eveningAt: null, onLeave: false }
    await store.insert('cadreDays', stray)
    expect(await checkFacts(store, townshipId, from, to, s)).toEqual([
      { cadreId: target.cadreId, date: '2026-10-01', field: 'invalid', stored: 4, recomputed: 0 },
      { cadreId: target.cadreId, date: target.date, field: 'signedVisits', stored: target.signedVisits + 1, recomputed: target.signedVisits },
    ])
  })

  it('the close rebuilds the named days from the records first, keeps what it rebuilt, and closes on the records', async () => {
    const { from, to } = closeReadDays(period, s)
    // What the close must say: the facts the records make, closed by the core.
    const clean = await gatherCloseInputs(store, townshipId, period, s)
    const expected = closeMonth({ ...clean, days: cadreDayFacts(townshipId, await recordsOf(store, townshipId), s, { from, to }) })

    const office = await h.as(officeId)
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    const closed = await office.ok('office.closePeriod', { period })
    expect(closed).toMatchObject({ status: 'closed', repairedDays: 2 })
    // The server log names what was rebuilt.
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`close ${townshipId} ${period}: 2 day-fact field(s)`), [
      expect.stringMatching(/ 2026-10-01 invalid: kept 4, records 0$/),
      expect.stringMatching(/ 2026-10-\d\d signedVisits: kept \d, records \d$/),
    ])
    warn.mockRestore()
    const stored = await store.get('closeResults', `${townshipId}:${period}`)
    expect(stored?.result).toEqual(expected)
    expect(stored?.repairs?.map((r) => [r.date, r.field])).toEqual([
      ['2026-10-01', 'invalid'],
      [expect.stringMatching(/^2026-10-/), 'signedVisits'],
    ])
    expect(await checkFacts(store, townshipId, from, to, s)).toEqual([])

    // The dashboard of the closed month reads the stored result; of the open month, the facts.
    const board = await office.ok('office.dashboard', { period })
    expect(board.status).toBe('closed')
    expect(board.cadres.map((c) => c.villageDays)).toEqual(expected.cadres.map((c) => c.villageDays.length))
    const open = await office.ok('office.dashboard', { period: '2026-11' })
    expect(open.status).toBe('open')
    const november = closeMonth(await gatherCloseInputs(store, townshipId, '2026-11', s))
    expect(open.cadres.map((c) => [c.cadreId, c.villageDays, c.absences])).toEqual(november.cadres.map((c) => [c.cadreId, c.villageDays.length, c.absences.length]))
  })
})

describe('migration 0002_cadre_day_facts', () => {
  it('builds the facts of a database written before it from the records, and can be run again', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-facts-migration-'))
    const file = path.join(dir, 'old.db')
    const now = Date.UTC(2026, 10, 23, 2, 0)
    const data = generateTownship({ seed: 7, households: 330, now })
    try {
      // A database as the first version left it: records, no facts, migration 0002 not yet run.
      const old = await openSqliteStore(file)
      await seedStore(old, { ...data, cadreDays: [] })
      await sql`DELETE FROM kysely_migration WHERE name >= '0002'`.execute(old.db)
      await old.close()
      for (let run = 0; run < 2; run++) {
        const reopened = await openSqliteStore(file)
        const tw = data.townships[0].id
        const kept = await readFacts(reopened, tw, '2000-01-01', '2100-01-01')
        expect([...kept].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(data.cadreDays)
        expect(await checkFacts(reopened, tw, addDays(localDate(now, s), -40), localDate(now, s), s)).toEqual([])
        await sql`DELETE FROM kysely_migration WHERE name >= '0002'`.execute(reopened.db)
        await reopened.close()
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)
})

/** Every sign-in, visit and leave of the township, as the drift check would read them. */
const recordsOf = async (store: Store, townshipId: string) => ({
  signIns: await store.find('signins', { townshipId, at: { gte: 0 } }),
  visits: await store.find('visits', { townshipId, at: { gte: 0 } }),
  leaves: await store.find('leaves', { townshipId, to: { gte: '0000-01-01' } }),
})
