/**
 * Roster import (花名册导入): the township's own spreadsheet, one row per person, checked row by row
 * and turned into villages, villager groups, households, people and work teams.
 * One rule: a file with any problem gives the full list of problems (row number as the township's
 * spreadsheet shows it, and the column) and no plan at all; only a clean file gives a plan.
 */
import type { CadreDuty, Role } from './model'
import { fail, ok, type Result } from './result'

/** The template's columns, in order, as the township writes them. */
export const ROSTER_COLUMNS = ['类别', '姓名', '手机号', '身份', '职务', '岗位', '村', '村民小组', '户号', '户主', '地址', '包户干部手机号'] as const
export type RosterColumn = (typeof ROSTER_COLUMNS)[number]

/** Codes of row problems (each has a Chinese sentence in the catalogue). */
export const IMPORT_ISSUE_CODES = [
  'IMPORT.MISSING_COLUMN',
  'IMPORT.REQUIRED',
  'IMPORT.BAD_VALUE',
  'IMPORT.BAD_PHONE',
  'IMPORT.DUPLICATE_PHONE',
  'IMPORT.DUPLICATE_PERSON',
  'IMPORT.UNKNOWN_CADRE',
  'IMPORT.NOT_RESIDENT_CADRE',
  'IMPORT.INCONSISTENT_HOUSEHOLD',
  'IMPORT.EMPTY',
] as const
export type ImportIssueCode = (typeof IMPORT_ISSUE_CODES)[number]

export interface ImportIssue {
  /** Spreadsheet row number (the header is row 1). */
  row: number
  column: RosterColumn | null
  code: ImportIssueCode
  value: string
}

const CATEGORY: Record<string, 'cadre' | 'villager'> = { 干部: 'cadre', 镇干部: 'cadre', 村民: 'villager' }
const DUTY: Record<string, CadreDuty> = { 包户: 'resident', 包户干部: 'resident', 机关: 'office', 机关合署办公: 'office' }
const EXTRA_ROLE: Record<string, Role> = {
  镇领导: 'leader',
  督导组: 'supervisor',
  作风建设监督员: 'publicSupervisor',
  村党支部书记: 'secretary',
  村支书: 'secretary',
  村两委委员: 'committee',
  村民代表: 'representative',
}
const CADRE_ROLES: Role[] = ['leader', 'supervisor', 'publicSupervisor']
const VILLAGE_ROLES: Role[] = ['secretary', 'committee', 'representative', 'publicSupervisor']

const PHONE = /^1\d{10}$/

export interface PlannedPerson {
  row: number
  name: string
  phone: string
  roles: Role[]
  title: string
  duty: CadreDuty | null
  /** Villagers: the household key; cadres: null. */
  householdKey: string | null
  /** The village a cadre works in (resident: team member; leader: team leader) or a villager lives in. */
  village: string | null
}

export interface PlannedHousehold {
  key: string
  village: string
  group: string
  number: string
  headName: string
  address: string
  /** The phone of the resident cadre covering it, or null. */
  cadrePhone: string | null
}

export interface RosterPlan {
  villages: string[]
  /** `${village}/${group}` keys. */
  groups: { village: string; name: string }[]
  households: PlannedHousehold[]
  people: PlannedPerson[]
  /** Per village: the leader's phone (镇领导 with 村), the secretary's row, the resident members' phones. */
  teams: { village: string; leaderPhone: string | null; secretaryRow: number | null; memberPhones: string[] }[]
}

export const householdKey = (village: string, number: string): string => `${village}/${number}`

const splitList = (value: string): string[] =>
  value
    .split(/[,，、;；\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '')

/**
 * Checks rows (first row = header, matched by column name in any order; cells as text) and plans
 * the roster. Villager rows of one household (same 村 + 户号) must agree on 村民小组, 户主, 地址 and
 * 包户干部手机号. Phones are unique among cadres and among the people who have one.
 */
export const planRosterImport = (rows: string[][]): Result<RosterPlan, 'IMPORT.INVALID_ROWS'> => {
  const planner = rosterPlanner()
  rows.forEach((cells, i) => planner.add(i + 1, cells))
  return planner.finish()
}

/** planRosterImport one row at a time, for a sheet read as a stream: rows are checked as they come and not kept. */
export interface RosterPlanner {
  /** Row `row` of the sheet (the header is row 1); rows come in ascending order, missing rows count as empty. */
  add(row: number, cells: readonly string[]): void
  /** The plan, or every problem found (sorted by row and column). */
  finish(): Result<RosterPlan, 'IMPORT.INVALID_ROWS'>
}

/** The same rules as planRosterImport (which is built on it), applied row by row. */
export const rosterPlanner = (): RosterPlanner => {
  const issues: ImportIssue[] = []
  let col: Map<RosterColumn, number> | null = null
  let headerMissing = false
  let dataRows = 0
  const people: PlannedPerson[] = []
  // Per household: the row that planned it and its members' names so far (a list; a Set when long).
  const households = new Map<string, PlannedHousehold & { row: number; names: string[] | Set<string> }>()
  const phones = new Map<string, number>()
  // Village, group and cadre-phone texts repeat on every row: one string each instead of ~200,000.
  const texts = new Map<string, string>()
  const intern = (text: string): string => {
    const known = texts.get(text)
    if (known !== undefined) return known
    texts.set(text, text)
    return text
  }

  const readHeader = (cells: readonly string[]) => {
    const header = cells.map((c) => c.trim())
    col = new Map<RosterColumn, number>()
    for (const name of ROSTER_COLUMNS) {
      const i = header.indexOf(name)
      if (i >= 0) col.set(name, i)
      else if (name !== '职务' && name !== '地址' && name !== '身份') issues.push({ row: 1, column: name, code: 'IMPORT.MISSING_COLUMN', value: '' })
    }
    headerMissing = issues.length > 0
  }

  const addData = (row: number, cells: readonly string[], columns: Map<RosterColumn, number>) => {
    if (!cells.some((c) => c.trim() !== '')) return
    dataRows++
    const get = (c: RosterColumn): string => {
      const i = columns.get(c)
      return i === undefined ? '' : (cells[i] ?? '').trim()
    }
    const problem = (column: RosterColumn, code: ImportIssueCode) => issues.push({ row, column, code, value: get(column) })
    const required = (column: RosterColumn): string => {
      const v = get(column)
      if (v === '') problem(column, 'IMPORT.REQUIRED')
      return v
    }
    const categoryText = required('类别')
    const category = CATEGORY[categoryText]
    if (categoryText !== '' && !category) problem('类别', 'IMPORT.BAD_VALUE')
    const name = required('姓名')
    const phone = get('手机号')
    if (phone !== '' && !PHONE.test(phone)) problem('手机号', 'IMPORT.BAD_PHONE')
    const roleNames = splitList(get('身份'))
    const extra: Role[] = []
    for (const r of roleNames) {
      const role = EXTRA_ROLE[r]
      if (!role || (category === 'cadre' && !CADRE_ROLES.includes(role)) || (category === 'villager' && !VILLAGE_ROLES.includes(role))) {
        problem('身份', 'IMPORT.BAD_VALUE')
        break
      }
      if (!extra.includes(role)) extra.push(role)
    }
    if (!category) return
    if (category === 'cadre') {
      if (phone === '') problem('手机号', 'IMPORT.REQUIRED')
      const dutyText = required('岗位')
      const duty = DUTY[dutyText] ?? null
      if (dutyText !== '' && !duty) problem('岗位', 'IMPORT.BAD_VALUE')
      const village = get('村') || null
      people.push({ row, name, phone, roles: ['cadre', ...extra], title: get('职务'), duty, householdKey: null, village })
    } else {
      const village = intern(required('村'))
      const group = intern(required('村民小组'))
      const number = required('户号')
      const headName = required('户主')
      const cadrePhoneText = get('包户干部手机号')
      const cadrePhone = cadrePhoneText === '' ? null : intern(cadrePhoneText)
      if (cadrePhone !== null && !PHONE.test(cadrePhone)) problem('包户干部手机号', 'IMPORT.BAD_PHONE')
      if (village !== '' && number !== '') {
        const key = householdKey(village, number)
        const seen = households.get(key)
        const household = seen ?? { key, village, group, number, headName, address: get('地址'), cadrePhone, row, names: [] }
        if (!seen) households.set(key, household)
        else {
          for (const [column, a, b] of [
            ['村民小组', seen.group, group],
            ['户主', seen.headName, headName],
            ['地址', seen.address, get('地址')],
            ['包户干部手机号', seen.cadrePhone ?? '', cadrePhone ?? ''],
          ] as const) {
            if (a !== b) problem(column, 'IMPORT.INCONSISTENT_HOUSEHOLD')
          }
        }
        const names = household.names
        if (name !== '' && (Array.isArray(names) ? names.includes(name) : names.has(name))) problem('姓名', 'IMPORT.DUPLICATE_PERSON')
        if (!Array.isArray(names)) names.add(name)
        else if (names.push(name) > 16) household.names = new Set(names)
        // The household's key and village strings, shared by all its members.
        people.push({ row, name, phone, roles: ['villager', ...extra], title: '', duty: null, householdKey: household.key, village: household.village })
      }
    }
    if (phone !== '' && PHONE.test(phone)) {
      if (phones.has(phone)) problem('手机号', 'IMPORT.DUPLICATE_PHONE')
      else phones.set(phone, row)
    }
  }

  return {
    add(row, cells) {
      if (row === 1) return readHeader(cells)
      if (col === null) readHeader([])
      if (headerMissing) return
      addData(row, cells, col!)
    },
    finish() {
      if (col === null) readHeader([])
      if (headerMissing) return fail('IMPORT.INVALID_ROWS', { issues })
      if (dataRows === 0) return fail('IMPORT.INVALID_ROWS', { issues: [{ row: 2, column: null, code: 'IMPORT.EMPTY', value: '' }] })
      const cadreByPhone = new Map(people.filter((p) => p.roles.includes('cadre')).map((p) => [p.phone, p]))
      for (const h of households.values()) {
        if (h.cadrePhone === null || !PHONE.test(h.cadrePhone)) continue
        const cadre = cadreByPhone.get(h.cadrePhone)
        if (!cadre) issues.push({ row: h.row, column: '包户干部手机号', code: 'IMPORT.UNKNOWN_CADRE', value: h.cadrePhone })
        else if (cadre.duty !== 'resident') issues.push({ row: h.row, column: '包户干部手机号', code: 'IMPORT.NOT_RESIDENT_CADRE', value: h.cadrePhone })
      }
      if (issues.length > 0) {
        issues.sort((a, b) => a.row - b.row || ROSTER_COLUMNS.indexOf(a.column ?? '类别') - ROSTER_COLUMNS.indexOf(b.column ?? '类别'))
        return fail('IMPORT.INVALID_ROWS', { issues })
      }
      return ok(assemble(people, [...households.values()].map(({ row: _row, names: _names, ...h }) => h)))
    },
  }
}

/** The plan of a clean sheet: its villages, groups, households, people and the teams they make. */
const assemble = (people: PlannedPerson[], hhList: PlannedHousehold[]): RosterPlan => {
  const villages = [...new Set([...hhList.map((h) => h.village)])]
  const groupKeys = new Map<string, { village: string; name: string }>()
  for (const h of hhList) groupKeys.set(`${h.village}/${h.group}`, { village: h.village, name: h.group })
  // One pass over people (a county has ~1,500 villages and ~200,000 people: no per-village scans).
  const leaderOf = new Map<string, string>()
  const secretaryOf = new Map<string, number>()
  const membersOf = new Map<string, string[]>()
  for (const p of people) {
    if (p.village === null) continue
    if (p.roles.includes('leader') && !leaderOf.has(p.village)) leaderOf.set(p.village, p.phone)
    if (p.roles.includes('secretary') && !secretaryOf.has(p.village)) secretaryOf.set(p.village, p.row)
    if (p.roles.includes('cadre') && p.duty === 'resident') membersOf.set(p.village, [...(membersOf.get(p.village) ?? []), p.phone])
  }
  const teams = villages.map((village) => ({
    village,
    leaderPhone: leaderOf.get(village) ?? null,
    secretaryRow: secretaryOf.get(village) ?? null,
    memberPhones: membersOf.get(village) ?? [],
  }))
  return { villages, groups: [...groupKeys.values()], households: hhList, people, teams }
}
