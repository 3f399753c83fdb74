/**
 * Roster import from the township's spreadsheet (xlsx via exceljs, csv via papaparse): read the
 * file into rows of text, let the core check and plan them, then write the whole roster in one
 * transaction, matching what exists by natural keys (village name, group name, household number,
 * cadre phone, member name within a household) so importing the same file twice changes nothing.
 * One rule: a file with any problem writes nothing; the answer names the row and column of each.
 */
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { planRosterImport, householdKey, ROSTER_COLUMNS, type ImportIssue, type RosterPlan } from '../../../core/rosterImport'
import type { Household, Person, Village, VillagerGroup, WorkTeam } from '../../../core/model'
import type { FieldIssue } from '../../../contracts/errors'
import type { ImportView } from '../../../contracts/views.office'
import { zhCN } from '../../../i18n/zh-CN'
import type { HandlerContext } from '../../context'
import { refuse } from '../../errors'
import { policies } from '../../policies'
import { rosterHandlers } from '../roster/handlers'

const isZip = (bytes: Buffer) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
    if ('text' in value && typeof value.text === 'string') return value.text
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
  }
  return String(value)
}

/** The first worksheet's rows as text (row n of the array = spreadsheet row n + 1), or null when not a spreadsheet. */
export const readSpreadsheet = async (bytes: Buffer, fileName: string): Promise<string[][] | null> => {
  if (isZip(bytes)) {
    const workbook = new ExcelJS.Workbook()
    try {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
    } catch {
      return null
    }
    const sheet = workbook.worksheets[0]
    if (!sheet) return null
    const rows: string[][] = []
    sheet.eachRow({ includeEmpty: true }, (row, n) => {
      const values = row.values as ExcelJS.CellValue[]
      rows[n - 1] = values.slice(1).map(cellText)
    })
    for (let i = 0; i < rows.length; i++) rows[i] ??= []
    return rows
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
  if (text.includes('\u0000') || !/\.(csv|txt)$/i.test(fileName)) return null
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false })
  return parsed.data.map((r) => r.map((c) => String(c ?? '')))
}

export const issueMessage = (issue: ImportIssue): FieldIssue => ({
  path: `row${issue.row}${issue.column ? `.${issue.column}` : ''}`,
  message: zhCN.office.importIssue(issue.row, issue.column, zhCN.office.importIssues[issue.code], issue.value),
})

/** Writes a clean plan into the township (inside the caller's transaction). */
const applyPlan = async (ctx: HandlerContext, townshipId: string, plan: RosterPlan): Promise<Omit<ImportView, 'coverage'>> => {
  const { store } = ctx
  const [villagesNow, peopleNow, teamsNow, householdsNow] = await Promise.all([
    store.find('villages', { townshipId }),
    store.find('people', { townshipId }),
    store.find('teams', { townshipId }),
    store.find('households', { townshipId }),
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

  const groupByKey = new Map(groupsNow.map((g) => [`${g.villageId}/${g.name}`, g]))
  const newGroups: VillagerGroup[] = []
  for (const g of plan.groups) {
    const key = `${vid(g.village)}/${g.name}`
    if (groupByKey.has(key)) continue
    const group = { id: ctx.newId('grp'), villageId: vid(g.village), name: g.name }
    groupByKey.set(key, group)
    newGroups.push(group)
  }

  const cadreByPhone = new Map(peopleNow.filter((p) => p.roles.includes('cadre')).map((p) => [p.phone, p]))
  const newPeople: Person[] = []
  const changedPeople: Person[] = []
  const cadreId = (phone: string) => cadreByPhone.get(phone)!.id
  for (const p of plan.people.filter((x) => x.householdKey === null)) {
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
    ;(existing ? changedPeople : newPeople).push(person)
  }

  const householdByKey = new Map(householdsNow.map((h) => [`${h.villageId}/${h.number}`, h]))
  const newHouseholds: Household[] = []
  const changedHouseholds: Household[] = []
  const householdIdOf = new Map<string, string>()
  for (const h of plan.households) {
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
    householdIdOf.set(householdKey(h.village, h.number), household.id)
    ;(existing ? changedHouseholds : newHouseholds).push(household)
  }

  const memberByKey = new Map(peopleNow.filter((p) => p.householdId).map((p) => [`${p.householdId}/${p.name}`, p]))
  const villagerByRow = new Map<number, Person>()
  for (const p of plan.people.filter((x) => x.householdKey !== null)) {
    const householdId = householdIdOf.get(p.householdKey!)!
    const existing = memberByKey.get(`${householdId}/${p.name}`)
    const person: Person = {
      id: existing?.id ?? ctx.newId('person'),
      townshipId,
      name: p.name,
      phone: p.phone,
      roles: p.roles,
      householdId,
      villageId: vid(p.village!),
      duty: null,
      title: p.title || (existing?.title ?? ''),
      photoUrl: existing?.photoUrl ?? null,
      hasPhone: p.phone !== '',
    }
    villagerByRow.set(p.row, person)
    ;(existing ? changedPeople : newPeople).push(person)
  }

  const teamByVillage = new Map(teamsNow.map((t) => [t.villageId, t]))
  const newTeams: WorkTeam[] = []
  const changedTeams: WorkTeam[] = []
  for (const t of plan.teams) {
    const secretary = t.secretaryRow !== null ? villagerByRow.get(t.secretaryRow) : undefined
    if (!t.leaderPhone || !secretary) continue
    const villageId = vid(t.village)
    const existing = teamByVillage.get(villageId)
    const team: WorkTeam = {
      id: existing?.id ?? ctx.newId('team'),
      townshipId,
      villageId,
      name: existing?.name ?? zhCN.office.teamName(t.village),
      leaderId: cadreId(t.leaderPhone),
      secretaryId: secretary.id,
      memberIds: t.memberPhones.map(cadreId),
    }
    ;(existing ? changedTeams : newTeams).push(team)
  }

  await store.insertMany('villages', newVillages)
  await store.insertMany('groups', newGroups)
  await store.insertMany('people', newPeople)
  for (const p of changedPeople) await store.replace('people', p)
  await store.insertMany('households', newHouseholds)
  for (const h of changedHouseholds) await store.replace('households', h)
  await store.insertMany('teams', newTeams)
  for (const t of changedTeams) await store.replace('teams', t)
  return {
    villages: plan.villages.length,
    groups: plan.groups.length,
    households: plan.households.length,
    people: plan.people.length,
    teams: newTeams.length + changedTeams.length,
  }
}

/** Checks and imports a roster file for the actor's township; refuses with every row problem. */
export const importRoster = async (ctx: HandlerContext, file: { bytes: Buffer; fileName: string }): Promise<ImportView> => {
  const actor = ctx.actor
  if (!actor || !policies['office:manage'](actor, actor.person.townshipId)) return refuse('AUTH.FORBIDDEN')
  const rows = await readSpreadsheet(file.bytes, file.fileName)
  if (!rows) return refuse('IMPORT.NOT_SPREADSHEET')
  const plan = planRosterImport(rows)
  if (!plan.ok) {
    const issues = ((plan.detail?.issues ?? []) as ImportIssue[]).slice(0, 500)
    return refuse('IMPORT.INVALID_ROWS', issues.map(issueMessage))
  }
  const counts = await applyPlan(ctx, actor.person.townshipId, plan.value)
  const coverage = await rosterHandlers['roster.coverage']({}, ctx)
  return { ...counts, coverage: coverage.findings.map(({ severity, code, message }) => ({ severity, code, message })) }
}

/** The template: the header and two example rows (a resident cadre and a household member). */
export const TEMPLATE_ROWS: string[][] = [
  [...ROSTER_COLUMNS],
  ['干部', '张伟', '13700001111', '', '包户干部', '包户', '乌兰木伦嘎查', '', '', '', '', ''],
  ['村民', '巴特尔', '13912345678', '', '', '', '乌兰木伦嘎查', '一社', '001', '巴特尔', '一社1号', '13700001111'],
]

export const templateXlsx = async (): Promise<Buffer> => {
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
