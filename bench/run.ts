/**
 * `npm run bench`: what the office hub's heavy jobs cost, measured on generated data.
 * 1. Roster import of a 75,000-household spreadsheet (xlsx and csv): read, check, write, coverage.
 * 2. Month-end close of the seeded demo township (330 households, 30 days of history).
 * 3. Month-end close of a county-size data set (generateTownship({ households: 75000 })): every
 *    township closed one by one, as each township office would.
 * One rule: measurements only (printed), never assertions; tests live in test/.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { closeMonth } from '../src/core/close'
import { planRosterImport, ROSTER_COLUMNS } from '../src/core/rosterImport'
import { DEFAULT_SETTINGS } from '../src/core/settings'
import type { HandlerContext } from '../src/server/context'
import { importRoster, readSpreadsheet } from '../src/server/features/office/import'
import { digestOf, gatherCloseInputs } from '../src/server/features/office/month'
import { loadActor } from '../src/server/identity'
import { newId } from '../src/server/ids'
import { generateTownship, seedStore, type SeedData } from '../src/server/seed'
import type { Store } from '../src/server/storage/port'
import { openSqliteStore } from '../src/server/storage/relational'

const settings = DEFAULT_SETTINGS
const NOW = Date.UTC(2026, 11, 2, 2, 0) // 2026-12-02 10:00 township time: November lies behind
const PERIOD = '2026-11'
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-bench-'))

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6
const time = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const start = process.hrtime.bigint()
  const out = await work()
  return [out, ms(start)]
}
const fmt = (n: number) => (n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${n.toFixed(0)} ms`)
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

const ctxFor = async (store: Store, personId: string): Promise<HandlerContext> => ({
  deps: { store, settings, mode: 'local', clock: () => NOW, newId, sessions: null },
  store,
  settings,
  now: NOW,
  newId,
  actor: await loadActor(store, personId),
})

/** The county's roster as the template's rows: every cadre and every household member, one township. */
const rosterRows = (data: SeedData): string[][] => {
  const village = new Map(data.villages.map((v) => [v.id, v.name]))
  const group = new Map(data.groups.map((g) => [g.id, g.name]))
  const household = new Map(data.households.map((h) => [h.id, h]))
  const person = new Map(data.people.map((p) => [p.id, p]))
  const ledVillage = new Map(data.teams.map((t) => [t.leaderId, t.villageId]))
  const memberVillage = new Map(data.teams.flatMap((t) => t.memberIds.map((m) => [m, t.villageId] as const)))
  // Village names repeat across townships: prefix the township index to keep them apart.
  const vname = (id: string) => `${id}-${village.get(id)}`
  const rows: string[][] = [[...ROSTER_COLUMNS]]
  for (const p of data.people) {
    if (!p.roles.includes('cadre')) continue
    const extra = p.roles.includes('leader') ? '镇领导' : p.roles.includes('supervisor') ? '督导组' : ''
    const v = memberVillage.get(p.id) ?? ledVillage.get(p.id)
    rows.push(['干部', p.name, p.phone, extra, p.title, p.duty === 'resident' ? '包户' : '机关', v ? vname(v) : '', '', '', '', '', ''])
  }
  // The generator may give two members of a household the same name; the template keys a member by
  // household + name, so the township would write them apart (巴特尔 / 巴特尔（二）): so does the bench.
  const seen = new Set<string>()
  for (const p of data.people) {
    if (!p.householdId || p.roles.includes('cadre')) continue
    const h = household.get(p.householdId)!
    let name = p.name
    for (let i = 2; seen.has(`${h.id}/${name}`); i++) name = `${p.name}（${i}）`
    seen.add(`${h.id}/${name}`)
    const cadre = h.cadreId ? person.get(h.cadreId) : undefined
    const extra = p.roles.includes('secretary') ? '村党支部书记' : p.roles.includes('committee') ? '村两委委员' : p.roles.includes('representative') ? '村民代表' : ''
    rows.push(['村民', name, p.hasPhone ? p.phone : '', extra, '', '', vname(h.villageId), group.get(h.groupId) ?? '', h.number, h.headName, h.address, cadre?.phone ?? ''])
  }
  return rows
}

const emptyStoreWithOffice = async (file: string): Promise<Store> => {
  const store = await openSqliteStore(file)
  await store.insert('townships', { id: 'ts-bench', name: '测试县' })
  await store.insert('people', { id: 'office-bench', townshipId: 'ts-bench', name: '办公室', phone: '10000000000', roles: ['cadre'], householdId: null, villageId: null, duty: 'office', title: '党政办', photoUrl: null, hasPhone: true })
  return store
}

const benchImport = async (county: SeedData) => {
  console.log('\n## Roster import: 75,000 households')
  const [rows, tRows] = await time(async () => rosterRows(county))
  console.log(`rows: ${rows.length - 1} (people) from ${county.households.length} households, built in ${fmt(tRows)}`)
  const wb = new ExcelJS.Workbook()
  const sheet = wb.addWorksheet('花名册')
  for (const r of rows) sheet.addRow(r)
  const [xlsx, tWrite] = await time(async () => Buffer.from(await wb.xlsx.writeBuffer()))
  const csv = Buffer.from(`\uFEFF${Papa.unparse(rows)}`)
  console.log(`files: xlsx ${mb(xlsx.length)} (written in ${fmt(tWrite)}), csv ${mb(csv.length)}; import limit ${mb(settings.office.importMaxBytes)}`)
  for (const [name, bytes] of [['花名册.xlsx', xlsx], ['花名册.csv', csv]] as const) {
    const store = await emptyStoreWithOffice(path.join(tmp, `import-${name}.db`))
    const ctx = await ctxFor(store, 'office-bench')
    const [parsed, tRead] = await time(() => readSpreadsheet(bytes, name))
    const [, tPlan] = await time(async () => planRosterImport(parsed ?? []))
    const [view, t] = await time(() => store.transaction((tx) => importRoster({ ...ctx, store: tx }, { bytes, fileName: name })))
    console.log(`${name}: imported ${view.households} households, ${view.people} people, ${view.villages} villages, ${view.teams} teams, ${view.coverage.length} coverage findings in ${fmt(t)} end to end (of which reading the file ~${fmt(tRead)}, checking ~${fmt(tPlan)}); peak RSS so far ${mb(process.resourceUsage().maxRSS * 1024)}`)
    const [, again] = await time(() => store.transaction((tx) => importRoster({ ...ctx, store: tx }, { bytes, fileName: name })))
    console.log(`${name}: the same file again (matches everything, writes updates): ${fmt(again)}`)
    await store.close()
  }
}

const closeTownship = async (store: Store, townshipId: string) => {
  const [inputs, tGather] = await time(() => gatherCloseInputs(store, townshipId, PERIOD, settings))
  const [digest, tDigest] = await time(async () => digestOf(inputs))
  const [result, tClose] = await time(async () => closeMonth(inputs))
  return { tGather, tDigest, tClose, total: tGather + tDigest + tClose, cadres: result.cadres.length, digest }
}

const benchClose = async (label: string, households: number) => {
  console.log(`\n## Month-end close (${PERIOD}): ${label}`)
  const data = generateTownship({ seed: 1, households, now: NOW })
  const store = await openSqliteStore(path.join(tmp, `close-${households}.db`))
  const [, tSeed] = await time(() => seedStore(store, data))
  console.log(`data: ${data.townships.length} townships, ${data.households.length} households, ${data.people.length} people, ${data.visits.length} visits, ${data.signins.length} sign-ins, ${data.ratings.length} ratings, ${data.tickets.length} tickets (seeded in ${fmt(tSeed)})`)
  const runs: Awaited<ReturnType<typeof closeTownship>>[] = []
  for (const t of data.townships) runs.push(await closeTownship(store, t.id))
  const sum = (k: 'tGather' | 'tDigest' | 'tClose' | 'total') => runs.reduce((a, r) => a + r[k], 0)
  const worst = Math.max(...runs.map((r) => r.total))
  console.log(`closed ${runs.length} township(s), ${runs.reduce((a, r) => a + r.cadres, 0)} resident cadres: total ${fmt(sum('total'))} (read ${fmt(sum('tGather'))}, digest ${fmt(sum('tDigest'))}, compute ${fmt(sum('tClose'))}); per township mean ${fmt(sum('total') / runs.length)}, max ${fmt(worst)}`)
  const again = await closeTownship(store, data.townships[0].id)
  console.log(`same data again: digest ${again.digest === runs[0].digest ? 'identical' : 'DIFFERENT'}`)
  await store.close()
  return data
}

const main = async () => {
  console.log(`node ${process.version}, ${os.cpus().length} CPUs, ${os.cpus()[0]?.model ?? ''}`)
  await benchClose('seeded demo township (330 households)', 330)
  const county = await benchClose('county-size data set (75,000 households)', 75_000)
  await benchImport(county)
  fs.rmSync(tmp, { recursive: true, force: true })
}

main().catch((error: unknown) => {
  console.error(error)
  fs.rmSync(tmp, { recursive: true, force: true })
  process.exit(1)
})
