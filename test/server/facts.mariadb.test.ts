/**
 * Month figures as facts on a real MariaDB server (started by the test, own data folder and port),
 * through the real HTTP server: the seeded demo township's facts are what its records make;
 * concurrent sign-offs of one cadre's day and concurrent sign-ins of one slot lose no update (each
 * writer takes the day's row lock before it reads the day's records): the fact counts every signed
 * visit, exactly one sign-in of the slot is valid, and the drift check finds nothing; the close runs
 * on the facts without rebuilding any; migration 0002 builds the facts of a database that has none.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { ActionName, ApiResponse, InputOf, OutputOf } from '../../src/contracts'
import { closeMonth, closeReadDays } from '../../src/core/close'
import type { Person, SignInPlace } from '../../src/core/model'
import { DEFAULT_SETTINGS } from '../../src/core/settings'
import { addDays, localDate } from '../../src/core/time'
import { checkFacts, readCadreFacts, readFacts } from '../../src/server/features/facts'
import { gatherCloseInputs } from '../../src/server/features/office/month'
import { sql } from 'kysely'
import { startLocalServer, type LocalServer } from '../../src/server/local/start'
import { openStore } from '../../src/server/storage/relational'
import type { Store } from '../../src/server/storage/port'
import { startMariadb, type MariaDb } from '../support/mariadb'
import { jpegHeader, realPng } from './fixtures/images'

jest.setTimeout(180_000)

const s = DEFAULT_SETTINGS
const photo = jpegHeader(1280, 960)
let now = Date.UTC(2026, 10, 23, 2, 0, 0) // 2026-11-23 10:00 in the township
const setLocal = (wallClock: string) => {
  now = Date.parse(`${wallClock.replace(' ', 'T')}:00+08:00`)
}

let maria: MariaDb
let databaseUrl: string
let dataDir: string
let server: LocalServer
let store: Store
let townshipId: string
let cadre: Person
let officeId: string
let officePlace: SignInPlace

let counter = 0
const call = async <N extends ActionName>(personId: string, action: N, input: InputOf<N>): Promise<OutputOf<N>> => {
  const post = async (name: string, body: unknown, token?: string) => {
    const response = await fetch(`${server.url}/api/${name}`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    })
    return (await response.json()) as ApiResponse<unknown>
  }
  const login = await post('auth.devLogin', { input: { personId }, requestId: `login-${counter++}-${Date.now()}` })
  if (!login.ok) throw new Error(`login ${personId}: ${login.error.code}`)
  const answer = await post(action, { input, requestId: `req-${Date.now().toString(36)}-${counter++}` }, (login.data as { token: string }).token)
  if (!answer.ok) throw new Error(`${action} failed: ${answer.error.code}`)
  return answer.data as OutputOf<N>
}

beforeAll(async () => {
  maria = await startMariadb()
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-facts-maria-'))
  databaseUrl = await maria.createDatabase('facts')
  server = await startLocalServer({ dataDir, databaseUrl, seedHouseholds: 330, clock: () => now, demo: true })
  store = server.deps.store
  const [township] = await store.find('townships', {})
  townshipId = township.id
  const teams = await store.find('teams', { townshipId })
  const people = await store.find('people', { townshipId })
  cadre = people.find((p) => p.id === teams.find((t) => t.memberIds.length > 0)!.memberIds[0])!
  officeId = people.find((p) => p.roles.includes('cadre') && p.duty === 'office' && !p.roles.includes('leader'))!.id
  officePlace = (await store.find('places', { townshipId, villageId: null }))[0]
})

afterAll(async () => {
  await server?.close()
  await maria?.stop()
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
})

const window = () => ({ from: addDays(localDate(now, s), -45), to: addDays(localDate(now, s), 10) })

describe('facts on MariaDB', () => {
  it('the seeded history has no drift', async () => {
    expect(await checkFacts(store, townshipId, window().from, window().to, s)).toEqual([])
  })

  it('concurrent sign-offs of one cadre-day are all counted', async () => {
    const households = await store.find('households', { cadreId: cadre.id })
    const signers: Person[] = []
    for (const hh of households) {
      const member = (await store.find('people', { householdId: hh.id })).find((p) => p.hasPhone && p.id !== cadre.id)
      if (member) signers.push(member)
      if (signers.length === 6) break
    }
    setLocal('2026-11-24 09:00')
    const visits: { id: string }[] = []
    for (const signer of signers) visits.push(await call(cadre.id, 'visit.create', { householdId: signer.householdId!, purpose: '走访', overnight: signers.indexOf(signer) % 2 === 0 }))
    setLocal('2026-11-24 12:00')
    const png = await realPng()
    await Promise.all(signers.map((signer, i) => call(signer.id, 'visit.signOff', { visitId: visits[i].id, signaturePng: png })))
    const [day] = await readCadreFacts(store, [cadre.id], '2026-11-24', '2026-11-24')
    expect(day).toMatchObject({ signedVisits: signers.length, overnightVisits: Math.ceil(signers.length / 2), villageDay: true })
    expect(await checkFacts(store, townshipId, window().from, window().to, s)).toEqual([])
  })

  it('concurrent sign-ins of one slot: exactly one is valid, and the fact says so', async () => {
    await call(cadre.id, 'signin.consent', {})
    setLocal('2026-11-24 14:31')
    const answers = await Promise.all(Array.from({ length: 5 }, () => call(cadre.id, 'signin.submit', { lat: officePlace.lat, lng: officePlace.lng, datum: 'gcj02', photo })))
    expect(answers.filter((a) => a.valid)).toHaveLength(1)
    expect(answers.filter((a) => a.invalidReason === 'SLOT_TAKEN')).toHaveLength(4)
    const [day] = await readCadreFacts(store, [cadre.id], '2026-11-24', '2026-11-24')
    expect(day).toMatchObject({ afternoon: 1, invalid: 4, workDay: true })
    expect(await checkFacts(store, townshipId, window().from, window().to, s)).toEqual([])
  })

  it('the close of the last month reads the facts and rebuilds nothing', async () => {
    const { from, to } = closeReadDays('2026-10', s)
    expect(await checkFacts(store, townshipId, from, to, s)).toEqual([])
    const expected = closeMonth(await gatherCloseInputs(store, townshipId, '2026-10', s))
    const closed = await call(officeId, 'office.closePeriod', { period: '2026-10' })
    expect(closed).toMatchObject({ status: 'closed', repairedDays: 0, cadres: expected.cadres.length })
    expect((await store.get('closeResults', `${townshipId}:2026-10`))?.result).toEqual(expected)
  })

  it('migration 0002 builds the facts from the records of a database that has none', async () => {
    const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1))
    const kept = byId(await readFacts(store, townshipId, '2000-01-01', '2100-01-01'))
    await sql`DELETE FROM cadreDays`.execute(store.db)
    await sql`DELETE FROM kysely_migration WHERE name >= '0002'`.execute(store.db)
    const again = await openStore({ url: databaseUrl })
    try {
      expect(byId(await readFacts(again, townshipId, '2000-01-01', '2100-01-01'))).toEqual(kept)
    } finally {
      await again.close()
    }
  })
})
