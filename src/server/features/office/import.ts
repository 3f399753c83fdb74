/**
 * Roster import from the township's spreadsheet (xlsx via exceljs, csv via papaparse): read the
 * file into rows of text, let the core check and plan them, then write the whole roster in one
 * transaction, matching what exists by natural keys (village name, group name, household number,
 * cadre phone, member name within a household) so importing the same file twice changes nothing.
 * One rule: a file with any problem writes nothing; the answer names the row and column of each.
 */
import path from 'node:path'
import { Worker } from 'node:worker_threads'
// exceljs (~30 MB once loaded) is loaded when a workbook is first written, not with the server.
import Papa from 'papaparse'
import { rosterPlanner, ROSTER_COLUMNS, type ImportIssue, type PlannedPerson, type RosterPlan } from '../../../core/rosterImport'
import type { Household, Person, Village, VillagerGroup, WorkTeam } from '../../../core/model'
import type { FieldIssue } from '../../../contracts/errors'
import type { ImportView } from '../../../contracts/views.office'
import { DEFAULT_SETTINGS, type Settings } from '../../../core/settings'
import { zhCN } from '../../../i18n/zh-CN'
import type { Actor, HandlerContext, ServerDeps } from '../../context'
import type { Store } from '../../storage/port'
import { refuse } from '../../errors'
import { policies } from '../../policies'
import { rosterHandlers } from '../roster/handlers'
import { docAs } from '../../storage/joins'
import { analyze } from '../../storage/migrations'
import { endSessionsOf } from '../sessions/store'

const rolesChanged = (before: Person, after: Person): boolean => [...before.roles].sort().join() !== [...after.roles].sort().join()

const isZip = (bytes: Buffer) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04

/** How reading a roster file went. */
type SheetRead = 'read' | 'notSpreadsheet' | 'tooLarge'
type RowVisitor = (row: number, cells: string[]) => void
interface WorkerMessage {
  rows: [number, string[]][]
  done?: boolean
  found?: boolean
  tooLarge?: boolean
}

const XLSX_WORKER = path.join(__dirname, 'xlsx-rows.worker.cjs')
/** The reader's heap limit: the shared strings of a file this size, and room to collect garbage. */
const workerHeapMb = (fileBytes: number): number => Math.ceil(48 + (4 * fileBytes) / (1024 * 1024))

/**
 * An xlsx's first worksheet, row by row: exceljs's streaming reader in a worker thread with a heap
 * limit (xlsx-rows.worker.cjs says why) posts rows in batches; nothing of the sheet but the rows'
 * text reaches this thread. A sheet too big for the heap limit, or with more than `maxRows` rows
 * (a small file can unzip into millions), reads as 'tooLarge'.
 */
const readXlsx = (bytes: Buffer, maxRows: number, onRow: RowVisitor): Promise<SheetRead> =>
  new Promise((resolve) => {
    const copy = new Uint8Array(bytes).buffer
    const worker = new Worker(XLSX_WORKER, {
      workerData: { bytes: copy, maxRows },
      transferList: [copy],
      resourceLimits: { maxOldGenerationSizeMb: workerHeapMb(bytes.length) },
    })
    let outcome: SheetRead | null = null
    worker.on('message', (message: WorkerMessage) => {
      for (const [row, cells] of message.rows) onRow(row, cells)
      if (message.done) {
        outcome = message.tooLarge ? 'tooLarge' : message.found ? 'read' : 'notSpreadsheet'
        void worker.terminate()
      }
    })
    worker.on('error', (error: Error & { code?: string }) => {
      outcome ??= error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'tooLarge' : 'notSpreadsheet'
    })
    worker.on('exit', () => resolve(outcome ?? 'notSpreadsheet'))
  })

/** A UTF-8 csv (or txt), row by row, parsed with papaparse; more than `maxRows` rows read as 'tooLarge'. */
const readCsv = (bytes: Buffer, fileName: string, maxRows: number, onRow: RowVisitor): SheetRead => {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return 'notSpreadsheet'
  }
  if (text.includes('\u0000') || !/\.(csv|txt)$/i.test(fileName)) return 'notSpreadsheet'
  let row = 0
  Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    skipEmptyLines: false,
    step: (result, parser) => {
      if (++row > maxRows) return parser.abort()
      onRow(row, result.data.map((c) => String(c ?? '')))
    },
  })
  return row > maxRows ? 'tooLarge' : 'read'
}

/** Every row of a roster file's first sheet, in order (row 1 = the header), without keeping them. */
const eachSpreadsheetRow = async (bytes: Buffer, fileName: string, maxRows: number, onRow: RowVisitor): Promise<SheetRead> =>
  isZip(bytes) ? readXlsx(bytes, maxRows, onRow) : readCsv(bytes, fileName, maxRows, onRow)

/** The first worksheet's rows as text (row n of the array = spreadsheet row n + 1), or null when not a spreadsheet. */
export const readSpreadsheet = async (bytes: Buffer, fileName: string, maxRows = DEFAULT_SETTINGS.office.importMaxRows): Promise<string[][] | null> => {
  const rows: string[][] = []
  if ((await eachSpreadsheetRow(bytes, fileName, maxRows, (row, cells) => (rows[row - 1] = cells))) !== 'read') return null
  for (let i = 0; i < rows.length; i++) rows[i] ??= []
  return rows
}

export const issueMessage = (issue: ImportIssue): FieldIssue => ({
  path: `row${issue.row}${issue.column ? `.${issue.column}` : ''}`,
  message: zhCN.office.importIssue(issue.row, issue.column, zhCN.office.importIssues[issue.code], issue.value),
})

/** True when writing `next` over `current` would change nothing: re-importing a file rewrites nothing. */
const unchanged = (current: object | undefined, next: object): boolean =>
  current !== undefined &&
  Object.entries(next).every(([k, v]) => JSON.stringify((current as Record<string, unknown>)[k] ?? null) === JSON.stringify(v ?? null))

/**
 * Households (and their members) are matched and written this many at a time, so a county's roster
 * never has all its documents, and their rows, in memory at once.
 */
const HOUSEHOLD_CHUNK = 500

/**
 * The people of some households, read with store.db rather than store.find: inside a transaction the
 * Store remembers the lists of every record it reads (to rewrite only changed child rows), and a
 * county's re-import would keep ~200,000 of them; a member who changed is rewritten whole instead.
 */
const peopleOfHouseholds = async (store: Store, householdIds: string[]): Promise<Person[]> => {
  if (householdIds.length === 0) return []
  const rows: Record<string, unknown>[] = await store.db.selectFrom('people').selectAll().where('householdId', 'in', householdIds).execute()
  return rows.map((row) => docAs('people', row, '')!)
}

/** Writes a clean plan into the township (inside the caller's transaction). */
const applyPlan = async (ctx: HandlerContext, townshipId: string, plan: RosterPlan): Promise<Omit<ImportView, 'coverage'>> => {
  const { store } = ctx
  const [villagesNow, cadresNow, teamsNow, householdCount] = await Promise.all([
    store.find('villages', { townshipId }),
    store.find('people', { townshipId, roles: 'cadre' }),
    store.find('teams', { townshipId }),
    store.count('households', { townshipId }),
  ])
  const groupsNow = villagesNow.length ? await store.find('groups', { villageId: villagesNow.map((v) => v.id) }) : []

  const villageByName = new Map(villagesNow.map((v) => [v.name, v]))
  const newVillages: Village[] = []
  for (const name of plan.villages) {
    if (villageByName.has(name)) continue
    const v = { id: ctx.newId('vil'), townshipId, name }
    villageByName.set(name, v)
    newVillages.push(v)
  }
  const vid = (name: string) => villageByName.get(name)!.id
  await store.insertMany('villages', newVillages)

  const groupByKey = new Map(groupsNow.map((g) => [`${g.villageId}/${g.name}`, g]))
  const newGroups: VillagerGroup[] = []
  for (const g of plan.groups) {
    const key = `${vid(g.village)}/${g.name}`
    if (groupByKey.has(key)) continue
    const group = { id: ctx.newId('grp'), villageId: vid(g.village), name: g.name }
    groupByKey.set(key, group)
    newGroups.push(group)
  }
  await store.insertMany('groups', newGroups)

  const cadreByPhone = new Map(cadresNow.map((p) => [p.phone, p]))
  const cadreId = (phone: string) => cadreByPhone.get(phone)!.id
  const newCadres: Person[] = []
  for (const p of plan.people) {
    if (p.householdKey !== null) continue
    const existing = cadreByPhone.get(p.phone)
    const person: Person = {
      id: existing?.id ?? ctx.newId('person'),
      townshipId,
      name: p.name,
      phone: p.phone,
      roles: p.roles,
      householdId: null,
      villageId: null,
      duty: p.duty,
      title: p.title || (p.duty === 'resident' ? zhCN.duty.resident : zhCN.duty.office),
      photoUrl: existing?.photoUrl ?? null,
      hasPhone: true,
    }
    cadreByPhone.set(p.phone, person)
    if (!existing) newCadres.push(person)
    else if (!unchanged(existing, person)) {
      await store.replace('people', person)
      // A role change ends the person's sessions (they sign in again with what they may now do).
      if (rolesChanged(existing, person)) await endSessionsOf(store, person.id)
    }
  }
  await store.insertMany('people', newCadres)

  const membersOf = new Map<string, PlannedPerson[]>()
  for (const p of plan.people) {
    if (p.householdKey === null) continue
    const list = membersOf.get(p.householdKey)
    if (list) list.push(p)
    else membersOf.set(p.householdKey, [p])
  }
  const secretaryRows = new Set(plan.teams.flatMap((t) => (t.secretaryRow === null ? [] : [t.secretaryRow])))
  const secretaryIdByRow = new Map<number, string>()
  for (let i = 0; i < plan.households.length; i += HOUSEHOLD_CHUNK) {
    const slice = plan.households.slice(i, i + HOUSEHOLD_CHUNK)
    // What the township already has of this chunk: its households (by village and number) and their members.
    const householdsNow =
      householdCount === 0
        ? []
        : await store.find('households', { townshipId, villageId: [...new Set(slice.map((h) => vid(h.village)))], number: [...new Set(slice.map((h) => h.number))] })
    const householdByKey = new Map(householdsNow.map((h) => [`${h.villageId}/${h.number}`, h]))
    const membersNow = await peopleOfHouseholds(store, householdsNow.map((h) => h.id))
    const memberByKey = new Map(membersNow.map((p) => [`${p.householdId}/${p.name}`, p]))
    const newHouseholds: Household[] = []
    const newPeople: Person[] = []
    for (const h of slice) {
      const existing = householdByKey.get(`${vid(h.village)}/${h.number}`)
      const household: Household = {
        id: existing?.id ?? ctx.newId('hh'),
        townshipId,
        villageId: vid(h.village),
        groupId: groupByKey.get(`${vid(h.village)}/${h.group}`)!.id,
        number: h.number,
        headName: h.headName,
        address: h.address,
        cadreId: h.cadrePhone ? cadreId(h.cadrePhone) : null,
      }
      if (!existing) newHouseholds.push(household)
      else if (!unchanged(existing, household)) await store.replace('households', household)
      for (const p of membersOf.get(h.key) ?? []) {
        const member = memberByKey.get(`${household.id}/${p.name}`)
        const person: Person = {
          id: member?.id ?? ctx.newId('person'),
          townshipId,
          name: p.name,
          phone: p.phone,
          roles: p.roles,
          householdId: household.id,
          villageId: household.villageId,
          duty: null,
          title: p.title || (member?.title ?? ''),
          photoUrl: member?.photoUrl ?? null,
          hasPhone: p.phone !== '',
        }
        if (secretaryRows.has(p.row)) secretaryIdByRow.set(p.row, person.id)
        if (!member) newPeople.push(person)
        else if (!unchanged(member, person)) {
          await store.replace('people', person)
          if (rolesChanged(member, person)) await endSessionsOf(store, person.id)
        }
      }
    }
    await store.insertMany('households', newHouseholds)
    await store.insertMany('people', newPeople)
  }

  const teamByVillage = new Map(teamsNow.map((t) => [t.villageId, t]))
  const newTeams: WorkTeam[] = []
  let teams = 0
  for (const t of plan.teams) {
    const secretaryId = t.secretaryRow !== null ? secretaryIdByRow.get(t.secretaryRow) : undefined
    if (!t.leaderPhone || !secretaryId) continue
    const villageId = vid(t.village)
    const existing = teamByVillage.get(villageId)
    const team: WorkTeam = {
      id: existing?.id ?? ctx.newId('team'),
      townshipId,
      villageId,
      name: existing?.name ?? zhCN.office.teamName(t.village),
      leaderId: cadreId(t.leaderPhone),
      secretaryId,
      memberIds: t.memberPhones.map(cadreId),
    }
    teams++
    if (!existing) newTeams.push(team)
    else if (!unchanged(existing, team)) await store.replace('teams', team)
  }
  await store.insertMany('teams', newTeams)
  return {
    villages: plan.villages.length,
    groups: plan.groups.length,
    households: plan.households.length,
    people: plan.people.length,
    teams,
  }
}

/**
 * Reads and checks a roster file: the plan to write, or a refusal naming every row problem. The
 * rows are checked as they are read and not kept (a county's roster has ~200,000).
 */
const planFile = async (file: { bytes: Buffer; fileName: string }, settings: Settings): Promise<RosterPlan> => {
  const planner = rosterPlanner()
  const read = await eachSpreadsheetRow(file.bytes, file.fileName, settings.office.importMaxRows, (row, cells) => planner.add(row, cells))
  if (read === 'tooLarge') return refuse('IMPORT.TOO_LARGE')
  if (read !== 'read') return refuse('IMPORT.NOT_SPREADSHEET')
  const plan = planner.finish()
  if (!plan.ok) {
    const issues = ((plan.detail?.issues ?? []) as ImportIssue[]).slice(0, 500)
    return refuse('IMPORT.INVALID_ROWS', issues.map(issueMessage))
  }
  return plan.value
}

/** The coverage findings of the township, as the import answers them. */
const coverageOf = async (ctx: HandlerContext): Promise<ImportView['coverage']> =>
  (await rosterHandlers['roster.coverage']({}, ctx)).findings.map(({ severity, code, message }) => ({ severity, code, message }))

const mayImport = (actor: Actor | null): Actor => {
  if (!actor || !policies['office:manage'](actor, actor.person.townshipId)) return refuse('AUTH.FORBIDDEN')
  return actor
}

/** Checks and imports a roster file for the actor's township, inside the caller's transaction. */
export const importRoster = async (ctx: HandlerContext, file: { bytes: Buffer; fileName: string }): Promise<ImportView> => {
  const actor = mayImport(ctx.actor)
  const counts = await applyPlan(ctx, actor.person.townshipId, await planFile(file, ctx.settings))
  return { ...counts, coverage: await coverageOf(ctx) }
}

/**
 * The upload route's import: the file is read and checked before the write transaction starts (a
 * county's roster takes seconds to parse, and SQLite's write lock would stop every other writer for
 * that long) and written in one transaction. Then, with the plan let go (a county's is ~70 MB), the
 * planner's statistics are refreshed for the new rows (ANALYZE: after the commit, because MySQL's
 * ANALYZE TABLE would commit the transaction) and the township's coverage is checked.
 */
export const importRosterFile = async (deps: ServerDeps, actor: Actor | null, file: { bytes: Buffer; fileName: string }): Promise<ImportView> => {
  const townshipId = mayImport(actor).person.townshipId
  const ctxOn = (store: Store): HandlerContext => ({ deps, store, settings: deps.settings, now: deps.clock(), newId: deps.newId, actor })
  let plan: RosterPlan | null = await planFile(file, deps.settings)
  const counts = await deps.store.transaction((tx) => applyPlan(ctxOn(tx), townshipId, plan!))
  plan = null
  try {
    await analyze(deps.store.db, deps.store.dialect)
  } catch (error) {
    // The roster is written; stale statistics only make some queries slower until the next ANALYZE.
    console.error('[minqing] ANALYZE after the roster import failed:', error instanceof Error ? error.message : error)
  }
  const coverage = await coverageOf(ctxOn(deps.store))
  return { ...counts, coverage }
}

/** The template: the header and two example rows (a resident cadre and a household member). */
export const TEMPLATE_ROWS: string[][] = [
  [...ROSTER_COLUMNS],
  ['干部', '张伟', '13700001111', '', '包户干部', '包户', '乌兰木伦嘎查', '', '', '', '', ''],
  ['村民', '巴特尔', '13912345678', '', '', '', '乌兰木伦嘎查', '一社', '001', '巴特尔', '一社1号', '13700001111'],
]

export const templateXlsx = async (): Promise<Buffer> => {
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('花名册')
  for (const row of TEMPLATE_ROWS) sheet.addRow(row)
  sheet.getRow(1).font = { bold: true }
  sheet.columns.forEach((c) => (c.width = 14))
  // Phones and numbers as text, so Excel does not turn 001 into 1.
  for (let i = 1; i <= ROSTER_COLUMNS.length; i++) sheet.getColumn(i).numFmt = '@'
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

export const templateCsv = (): string => `\uFEFF${Papa.unparse(TEMPLATE_ROWS)}\r\n`
