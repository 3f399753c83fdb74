/**
 * Roster import rules: a clean sheet becomes villages, groups, households, people and teams; any
 * problem gives every problem with its row (header = row 1) and column, and no plan.
 */
import { planRosterImport, rosterPlanner, ROSTER_COLUMNS } from '../../src/core/rosterImport'

const H = [...ROSTER_COLUMNS]
const row = (o: Partial<Record<(typeof ROSTER_COLUMNS)[number], string>>) => H.map((c) => o[c] ?? '')

const clean = [
  H,
  row({ 类别: '干部', 姓名: '张伟', 手机号: '13700001111', 岗位: '包户', 村: '甲村' }),
  row({ 类别: '干部', 姓名: '赵海', 手机号: '13700002222', 岗位: '机关', 身份: '镇领导', 村: '甲村', 职务: '副镇长' }),
  row({ 类别: '村民', 姓名: '巴特尔', 手机号: '13912345678', 村: '甲村', 村民小组: '一社', 户号: '001', 户主: '巴特尔', 地址: '一社1号', 包户干部手机号: '13700001111' }),
  row({ 类别: '村民', 姓名: '其其格', 村: '甲村', 村民小组: '一社', 户号: '001', 户主: '巴特尔', 地址: '一社1号', 包户干部手机号: '13700001111' }),
  row({ 类别: '村民', 姓名: '乌力吉', 手机号: '13600002222', 身份: '村党支部书记', 村: '甲村', 村民小组: '二社', 户号: '002', 户主: '乌力吉' }),
]

describe('planRosterImport', () => {
  it('plans one village, two groups, two households, five people and the village team', () => {
    const plan = planRosterImport(clean)
    if (!plan.ok) throw new Error(JSON.stringify(plan.detail))
    expect(plan.value.villages).toEqual(['甲村'])
    expect(plan.value.groups).toEqual([{ village: '甲村', name: '一社' }, { village: '甲村', name: '二社' }])
    expect(plan.value.households.map((h) => [h.number, h.cadrePhone])).toEqual([['001', '13700001111'], ['002', null]])
    expect(plan.value.people).toHaveLength(5)
    expect(plan.value.people.find((p) => p.name === '赵海')?.roles).toEqual(['cadre', 'leader'])
    expect(plan.value.teams).toEqual([{ village: '甲村', leaderPhone: '13700002222', secretaryRow: 6, memberPhones: ['13700001111'] }])
  })

  it('names row and column of every problem and plans nothing', () => {
    const bad = [
      ...clean,
      row({ 类别: '村民', 姓名: '', 手机号: '1234', 村: '甲村', 村民小组: '一社', 户号: '003', 户主: '某', 包户干部手机号: '13799999999' }),
      row({ 类别: '干部', 姓名: '重号', 手机号: '13700001111', 岗位: '包户' }),
      row({ 类别: '村民', 姓名: '别人', 村: '甲村', 村民小组: '三社', 户号: '001', 户主: '巴特尔', 地址: '一社1号', 包户干部手机号: '13700001111' }),
      row({ 类别: '工人', 姓名: '某' }),
      row({ 类别: '村民', 姓名: '某', 村: '甲村', 村民小组: '一社', 户号: '004', 户主: '某', 包户干部手机号: '13700002222' }),
    ]
    const plan = planRosterImport(bad)
    expect(plan.ok).toBe(false)
    if (plan.ok) return
    const issues = (plan.detail?.issues as { row: number; column: string; code: string }[]).map((i) => `${i.row}:${i.column}:${i.code}`)
    expect(issues).toEqual([
      '7:姓名:IMPORT.REQUIRED',
      '7:手机号:IMPORT.BAD_PHONE',
      '7:包户干部手机号:IMPORT.UNKNOWN_CADRE',
      '8:手机号:IMPORT.DUPLICATE_PHONE',
      '9:村民小组:IMPORT.INCONSISTENT_HOUSEHOLD',
      '10:类别:IMPORT.BAD_VALUE',
      '11:包户干部手机号:IMPORT.NOT_RESIDENT_CADRE',
    ])
  })

  it('refuses a sheet without the template columns, naming each missing column on row 1', () => {
    const plan = planRosterImport([['名字', '电话']])
    expect(plan.ok).toBe(false)
    if (plan.ok) return
    const issues = plan.detail?.issues as { row: number; column: string }[]
    expect(issues.every((i) => i.row === 1)).toBe(true)
    expect(issues.map((i) => i.column)).toContain('类别')
  })

  it('refuses a sheet with only the header as empty', () => {
    const plan = planRosterImport([H, row({})])
    expect(!plan.ok && (plan.detail?.issues as { code: string }[])[0].code).toBe('IMPORT.EMPTY')
  })
})

describe('rosterPlanner', () => {
  const rowByRow = (rows: [number, string[]][]) => {
    const planner = rosterPlanner()
    for (const [n, cells] of rows) planner.add(n, cells)
    return planner.finish()
  }

  it('plans a sheet fed row by row as planRosterImport plans it whole, rows missing from the sheet counting as empty', () => {
    // A streamed sheet leaves out rows that have no cells (row 3 here) and keeps rows of blank cells (row 5).
    const [header, r1, r2, r3, r4, r5] = clean
    const whole: string[][] = [header, r1, [], r2, row({}), r3, r4, r5]
    const sparse: [number, string[]][] = whole.flatMap((cells, i): [number, string[]][] => (i === 2 ? [] : [[i + 1, cells]]))
    expect(rowByRow(sparse)).toEqual(planRosterImport(whole))
    expect(rowByRow(sparse).ok).toBe(true)
  })

  it('names the same problems row by row, and a sheet without a header row misses every column', () => {
    const bad = [...clean, row({ 类别: '干部', 姓名: '重号', 手机号: '13700001111', 岗位: '包户' })]
    expect(rowByRow(bad.map((cells, i) => [i + 1, cells]))).toEqual(planRosterImport(bad))
    const headless = rowByRow([[2, clean[1]]])
    expect(!headless.ok && (headless.detail?.issues as { row: number; code: string }[]).every((i) => i.row === 1 && i.code === 'IMPORT.MISSING_COLUMN')).toBe(true)
    expect(rowByRow([])).toEqual(planRosterImport([]))
  })
})
