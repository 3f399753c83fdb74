/**
 * The office hub through the real HTTP server and SQLite file: roster import (xlsx and csv, all or
 * nothing, not-a-spreadsheet, too large), the month-end close and its digest, the public posting,
 * results, reveals, notices, xlsx exports read back with exceljs, and the authorization wall:
 * villagers and resident cadres reach no office.* or supervision.* action.
 */
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { ROSTER_COLUMNS } from '../../src/core/rosterImport'
import { DEFAULT_SETTINGS } from '../../src/core/settings'
import { actions, type ActionName, type InputOf } from '../../src/contracts'
import { refreshCadreDays } from '../../src/server/features/facts'
import { requestId, startHarness, type Harness } from './harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ settings: { ...DEFAULT_SETTINGS, office: { ...DEFAULT_SETTINGS.office, importMaxBytes: 64 * 1024 } } })
})
afterAll(() => h.stop())

const tokenOf = async (personId: string) => (await h.anonymous.ok('auth.devLogin', { personId })).token

const upload = async (personId: string, bytes: Buffer | string, fileName: string) => {
  const form = new FormData()
  form.append('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), fileName)
  const response = await fetch(`${h.server.url}/files/roster-import`, { method: 'POST', body: form, headers: { authorization: `Bearer ${await tokenOf(personId)}` } })
  return { status: response.status, json: (await response.json()) as { ok: boolean; data?: Record<string, unknown>; error?: { code: string; issues?: { path: string; message: string }[] } } }
}

const row = (o: Partial<Record<(typeof ROSTER_COLUMNS)[number], string>>) => ROSTER_COLUMNS.map((c) => o[c] ?? '')
const ROWS = [
  [...ROSTER_COLUMNS],
  row({ 类别: '干部', 姓名: '新干部', 手机号: '13511110001', 岗位: '包户', 村: '新建嘎查' }),
  row({ 类别: '干部', 姓名: '新组长', 手机号: '13511110002', 岗位: '机关', 身份: '镇领导', 村: '新建嘎查', 职务: '副镇长' }),
  row({ 类别: '村民', 姓名: '新户主', 手机号: '13511110003', 村: '新建嘎查', 村民小组: '一社', 户号: '101', 户主: '新户主', 地址: '新建嘎查一社101号', 包户干部手机号: '13511110001' }),
  row({ 类别: '村民', 姓名: '新家人', 村: '新建嘎查', 村民小组: '一社', 户号: '101', 户主: '新户主', 地址: '新建嘎查一社101号', 包户干部手机号: '13511110001' }),
  row({ 类别: '村民', 姓名: '新书记', 手机号: '13511110004', 身份: '村党支部书记', 村: '新建嘎查', 村民小组: '二社', 户号: '102', 户主: '新书记' }),
]

const xlsxOf = async (rows: string[][]) => {
  const wb = new ExcelJS.Workbook()
  const sheet = wb.addWorksheet('花名册')
  rows.forEach((r) => sheet.addRow(r))
  return Buffer.from(await wb.xlsx.writeBuffer())
}

const readXlsx = async (bytes: ArrayBuffer) => {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes)
  const rows: string[][] = []
  wb.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))))
  return rows
}

describe('roster import', () => {
  it('imports a valid xlsx exactly, builds the team, and answers the coverage findings', async () => {
    const { status, json } = await upload('office-1', await xlsxOf(ROWS), '花名册.xlsx')
    expect(status).toBe(200)
    expect(json.data).toMatchObject({ villages: 1, groups: 2, households: 2, people: 5, teams: 1 })
    // The new cadre covers 1 household, far below 60: a coverage warning names them; 二社 has no cadre: an error.
    const coverage = json.data?.coverage as { severity: string; message: string }[]
    expect(coverage.some((f) => f.severity === 'warning' && f.message.includes('新干部'))).toBe(true)
    expect(coverage.some((f) => f.severity === 'error' && f.message.includes('新建嘎查二社'))).toBe(true)

    const store = h.server.deps.store
    const [village] = await store.find('villages', { townshipId: 'ts-1', name: '新建嘎查' })
    const households = await store.find('households', { villageId: village.id }, { orderBy: { field: 'number' } })
    const cadre = (await store.find('people', { townshipId: 'ts-1', phone: '13511110001' }))[0]
    expect(households.map((x) => [x.number, x.headName, x.address, x.cadreId])).toEqual([
      ['101', '新户主', '新建嘎查一社101号', cadre.id],
      ['102', '新书记', '', null],
    ])
    const members = await store.find('people', { householdId: households[0].id }, { orderBy: { field: 'name' } })
    expect(members.map((m) => [m.name, m.phone, m.hasPhone, m.roles])).toEqual([
      ['新家人', '', false, ['villager']],
      ['新户主', '13511110003', true, ['villager']],
    ])
    const [team] = await store.find('teams', { villageId: village.id })
    const leader = (await store.find('people', { townshipId: 'ts-1', phone: '13511110002' }))[0]
    expect(team).toMatchObject({ leaderId: leader.id, memberIds: [cadre.id] })
    expect(cadre).toMatchObject({ roles: ['cadre'], duty: 'resident' })

    // The same file again changes nothing (natural keys), and a csv of it too.
    const before = await store.count('people', {})
    expect((await upload('office-1', await xlsxOf(ROWS), '花名册.xlsx')).status).toBe(200)
    const csv = `\uFEFF${Papa.unparse(ROWS)}`
    expect((await upload('office-1', csv, '花名册.csv')).status).toBe(200)
    expect(await store.count('people', {})).toBe(before)
  })

  it('rejects a sheet with errors, naming the row numbers, and imports nothing', async () => {
    const store = h.server.deps.store
    const before = { people: await store.count('people', {}), households: await store.count('households', {}), villages: await store.count('villages', {}) }
    const bad = [
      ...ROWS.map((r) => r.map((c) => c.replace('新建嘎查', '坏村'))).map((r, i) => (i === 0 ? ROWS[0] : r.map((c) => c.replace(/^1351111/, '1361111')))),
      row({ 类别: '村民', 姓名: '缺户号', 村: '坏村', 村民小组: '一社', 户主: '某' }),
      row({ 类别: '村民', 姓名: '错号', 手机号: '12345', 村: '坏村', 村民小组: '一社', 户号: '201', 户主: '错号' }),
    ]
    const { status, json } = await upload('office-1', await xlsxOf(bad), '花名册.xlsx')
    expect(status).toBe(422)
    expect(json.error?.code).toBe('IMPORT.INVALID_ROWS')
    expect(json.error?.issues?.map((i) => i.path)).toEqual(['row7.户号', 'row8.手机号'])
    expect(json.error?.issues?.[0].message).toContain('第 7 行「户号」')
    expect({ people: await store.count('people', {}), households: await store.count('households', {}), villages: await store.count('villages', {}) }).toEqual(before)
  })

  it('refuses a file that is not a spreadsheet', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])
    const answer = await upload('office-1', png, 'photo.png')
    expect([answer.status, answer.json.error?.code]).toEqual([415, 'IMPORT.NOT_SPREADSHEET'])
    const brokenZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 1)])
    expect((await upload('office-1', brokenZip, 'x.xlsx')).json.error?.code).toBe('IMPORT.NOT_SPREADSHEET')
  })

  it('refuses a file larger than the setting (64 KB here)', async () => {
    const answer = await upload('office-1', Buffer.alloc(65 * 1024, 0x41), 'big.csv')
    expect([answer.status, answer.json.error?.code]).toEqual([413, 'IMPORT.TOO_LARGE'])
  })

  it('refuses villagers and resident cadres', async () => {
    for (const who of ['villager-a1', 'cadre-a']) expect((await upload(who, await xlsxOf(ROWS), 'x.xlsx')).json.error?.code).toBe('AUTH.FORBIDDEN')
  })

  it('serves the template in xlsx and csv with the columns the import reads', async () => {
    const xlsx = await fetch(`${h.server.url}/files/roster-template.xlsx`)
    expect((await readXlsx(await xlsx.arrayBuffer()))[0]).toEqual([...ROSTER_COLUMNS])
    const csv = await (await fetch(`${h.server.url}/files/roster-template.csv`)).text()
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(ROSTER_COLUMNS.join(','))
  })
})

describe('month-end close', () => {
  const october = Date.UTC(2026, 9, 14, 2, 0) // 2026-10-14 10:00 township time
  beforeAll(async () => {
    const store = h.server.deps.store
    const visit = { townshipId: 'ts-1', cadreId: 'cadre-a', householdId: 'hh-a1', villageId: 'vil-a', purpose: '走访', notes: '', overnight: false, disputeReason: null, status: 'signed' as const, signedById: 'villager-a1', signedAt: october }
    await store.insert('visits', { ...visit, id: 'oct-visit-1', at: october })
    await store.insert('visits', { ...visit, id: 'oct-visit-2', at: october + 86_400_000 })
    await store.insert('signins', { id: 'oct-si', townshipId: 'ts-1', cadreId: 'cadre-a', at: october - 2 * 3_600_000, lat: 0, lng: 0, placeId: null, slot: 'morning', valid: true, invalidReason: null })
    // Like every writer of sign-ins and visits, the days' facts are refreshed with them.
    await refreshCadreDays(store, { townshipId: 'ts-1', cadreId: 'cadre-a' }, ['2026-10-14', '2026-10-15'], DEFAULT_SETTINGS)
    await store.insert('ratings', { id: 'oct-r1', townshipId: 'ts-1', period: '2026-10', band: 'villagers', cadreId: 'cadre-a', raterId: 'villager-a1', householdId: 'hh-a1', stars: 5, comment: '常来我家', at: october, publicComment: '常来我家' })
  })

  it('refuses a month that has not ended', async () => {
    expect((await (await h.as('office-1')).call('office.closePeriod', { period: '2026-11' }, requestId())).body).toMatchObject({ error: { code: 'PERIOD.NOT_ENDED' } })
  })

  it('previews the posting of an ended open month without storing anything; the close then publishes the same rows (issue 12: 结账 shows the posting first)', async () => {
    const office = await h.as('office-1')
    const store = h.server.deps.store
    expect((await office.call('office.postingPreview', { period: '2026-11' }, requestId())).body).toMatchObject({ error: { code: 'PERIOD.NOT_ENDED' } })
    const preview = await office.ok('office.postingPreview', { period: '2026-10' })
    expect(preview.rows.find((r) => r.cadreId === 'cadre-a')).toBeDefined()
    // Nothing was closed, stored or published by looking.
    expect(await store.get('closeResults', 'ts-1:2026-10')).toBeNull()
    expect((await office.ok('office.periods', {})).find((p) => p.period === '2026-10')).toMatchObject({ status: 'open' })
    expect((await (await h.as('villager-b1')).call('posting.get', { period: '2026-10' }, requestId())).body).toMatchObject({ error: { code: 'PERIOD.NOT_CLOSED' } })
  })

  it('closing the same data twice gives identical results and digest; a change after reopening changes the digest', async () => {
    const office = await h.as('office-1')
    const store = h.server.deps.store
    const first = await office.ok('office.closePeriod', { period: '2026-10' })
    expect(first).toMatchObject({ status: 'closed', closedBy: '赵敏', repairedDays: 0 })
    expect(first.digest).toMatch(/^[0-9a-f]{64}$/)
    const firstResult = (await store.get('closeResults', 'ts-1:2026-10'))?.result
    // Read once closed (a server keeps the closes it read, by their digest): a later close is read afresh.
    const readPosting = async () => (await (await h.as('villager-b1')).ok('posting.get', { period: '2026-10' })).rows.find((r) => r.cadreId === 'cadre-a')?.reviews.self
    expect(await readPosting()).toBeNull()
    expect((await office.call('office.closePeriod', { period: '2026-10' }, requestId())).body).toMatchObject({ error: { code: 'PERIOD.ALREADY_CLOSED' } })
    // Ratings and self-reviews of a closed month are frozen.
    expect((await (await h.as('cadre-a')).call('cadre.selfReview', { period: '2026-10', text: '补写' }, requestId())).body).toMatchObject({ error: { code: 'PERIOD.ALREADY_CLOSED' } })

    expect((await office.call('office.reopenPeriod', { period: '2026-10', reason: '' }, requestId())).body).toMatchObject({ error: { code: 'VALIDATION.FAILED' } })
    const reopened = await office.ok('office.reopenPeriod', { period: '2026-10', reason: '核对签到' })
    expect(reopened).toMatchObject({ status: 'open', reopenings: [{ by: '赵敏', reason: '核对签到', digest: first.digest }] })
    const second = await office.ok('office.closePeriod', { period: '2026-10' })
    expect(second.digest).toBe(first.digest)
    expect((await store.get('closeResults', 'ts-1:2026-10'))?.result).toEqual(firstResult)

    await office.ok('office.reopenPeriod', { period: '2026-10', reason: '补录走访' })
    await (await h.as('cadre-a')).ok('cadre.selfReview', { period: '2026-10', text: '本月入户两次，还不够。' })
    const third = await office.ok('office.closePeriod', { period: '2026-10' })
    expect(third.digest).not.toBe(first.digest)
    expect(await readPosting()).toBe('本月入户两次，还不够。')
    expect((await office.ok('office.periods', {})).find((p) => p.period === '2026-10')).toMatchObject({ status: 'closed', reopenings: [{}, {}] })
  })

  it('publishes the posting to the whole township, villagers included, without raters or scores', async () => {
    const villager = await h.as('villager-b1')
    expect(await villager.ok('posting.months', {})).toEqual(['2026-10'])
    const posting = await villager.ok('posting.get', { period: '2026-10' })
    // A closed month has no preview: what was posted is the posting.
    expect((await (await h.as('office-1')).call('office.postingPreview', { period: '2026-10' }, requestId())).body).toMatchObject({ error: { code: 'PERIOD.ALREADY_CLOSED' } })
    const row = posting.rows.find((r) => r.cadreId === 'cadre-a')
    expect(row).toMatchObject({ name: '张伟', villageName: '乌兰木伦嘎查', villageDays: ['2026-10-14', '2026-10-15'], reviews: { self: '本月入户两次，还不够。', mass: ['常来我家'] } })
    expect(row?.signIns.times).toEqual([{ date: '2026-10-14', slot: 'morning', time: '08:00' }])
    const text = JSON.stringify(posting)
    expect(text).not.toMatch(/villager-a1|hh-a1|raterId|"score"/)
    expect((await villager.call('posting.get', { period: '2026-09' })).body).toMatchObject({ error: { code: 'PERIOD.NOT_CLOSED' } })
    expect((await (await h.as('villager-x1')).ok('posting.months', {}))).toEqual([])
  })

  it('exports the posting, the 1135 table, the allowance ledger and the tickets as xlsx that exceljs reads back', async () => {
    const token = await tokenOf('office-1')
    for (const [kind, header, cell] of [
      ['posting', '姓名', '张伟'],
      ['scores', '姓名', '张伟'],
      ['allowance', '姓名', '70'],
      ['tickets', '编号', null],
    ] as const) {
      const response = await fetch(`${h.server.url}/files/export/${kind}.xlsx?period=2026-10`, { headers: { authorization: `Bearer ${token}` } })
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toContain('spreadsheetml')
      const rows = await readXlsx(await response.arrayBuffer())
      expect(rows[0][0]).toBe(header)
      if (cell) expect(rows.flat()).toContain(cell)
    }
    const villagerToken = await tokenOf('villager-a1')
    const refused = await fetch(`${h.server.url}/files/export/posting.xlsx?period=2026-10`, { headers: { authorization: `Bearer ${villagerToken}` } })
    expect(refused.status).toBe(403)
  })

  it('the dashboard filters by village and shows the supervision checks of the month', async () => {
    const office = await h.as('office-1')
    const all = await office.ok('office.dashboard', { period: '2026-10' })
    expect(all.status).toBe('closed')
    expect(all.cadres.map((c) => c.cadreId)).toEqual(expect.arrayContaining(['cadre-a', 'cadre-b']))
    const b = await office.ok('office.dashboard', { period: '2026-10', villageId: 'vil-b' })
    expect(b.cadres.map((c) => c.cadreId)).toEqual(['cadre-b'])
    expect(all.villageDaysByVillage[0]).toEqual({ label: '乌兰木伦嘎查', value: 2 })
    expect(all.supervision).toEqual({ required: 2, done: 0, met: false })
  })
})

describe('results, reveals and notices', () => {
  it('totals funds, loans and beneficiaries of confirmed tickets by village', async () => {
    const store = h.server.deps.store
    const t = (await store.find('tickets', {})).length
    const resolvedAt = Date.UTC(2026, 9, 20, 2, 0)
    await store.insert('tickets', {
      id: `tk-result-${t}`, townshipId: 'ts-1', villageId: 'vil-a', householdId: 'hh-a1', kind: 'service', category: 'loan', description: '贷款', reporterId: 'villager-a1',
      filedOnBehalf: false, anonymous: false, status: 'closed', assigneeId: 'cadre-a', createdAt: resolvedAt - 86_400_000, dueAt: resolvedAt + 86_400_000, version: 3,
      history: [
        { seq: 1, action: 'resolve', from: 'accepted', to: 'resolved', actorId: 'cadre-a', actorRole: 'cadre', at: resolvedAt, note: '已放款' },
        { seq: 2, action: 'confirm', from: 'resolved', to: 'closed', actorId: 'villager-a1', actorRole: 'reporter', at: resolvedAt + 3_600_000, note: '' },
      ],
      satisfaction: 5, result: { loanYuan: 50_000, beneficiaries: 4 }, photoUrls: [],
    })
    const results = await (await h.as('office-1')).ok('office.results', { period: '2026-10' })
    expect(results.township).toEqual({ fundsYuan: 0, loanYuan: 50_000, beneficiaries: 4, tickets: 1 })
    expect(results.villages.find((v) => v.villageId === 'vil-a')).toMatchObject({ loanYuan: 50_000 })
  })

  it('masks phones and addresses in the roster list; revealing one is logged who, whose, when', async () => {
    const office = await h.as('office-1')
    const rows = await office.ok('office.households', { villageId: 'vil-a' })
    const a1 = rows.find((r) => r.id === 'hh-a1')!
    expect(a1.phoneMasked).toBe('139****5678')
    expect(a1.addressMasked).toMatch(/\*\*\*\*$/)
    expect(JSON.stringify(rows)).not.toContain('13912345678')
    expect(await office.ok('office.reveal', { subjectId: 'villager-a1', field: 'phone' })).toEqual({ value: '13912345678' })
    expect(await office.ok('office.reveal', { subjectId: 'hh-a1', field: 'address' })).toEqual({ value: 'vil-a hh-a1' })
    const log = await office.ok('office.revealLog', {})
    expect(log.map((r) => [r.actor, r.subject, r.field, r.at]).sort()).toEqual([
      ['赵敏', '001号户（hh-a1户主）', 'address', h.now()],
      ['赵敏', '巴特尔', 'phone', h.now()],
    ])
    // Another township's office cannot reveal ours.
    expect((await (await h.as('office-x')).call('office.reveal', { subjectId: 'villager-a1', field: 'phone' }, requestId())).body).toMatchObject({ error: { code: 'AUTH.FORBIDDEN' } })
  })

  it('edits the roster in the app', async () => {
    const office = await h.as('office-1')
    await office.ok('office.updateHousehold', { householdId: 'hh-b1', address: '巴音敖包嘎查一社8号' })
    await office.ok('office.updatePerson', { personId: 'villager-b1', phone: '13722223333' })
    expect((await h.server.deps.store.get('households', 'hh-b1'))?.address).toBe('巴音敖包嘎查一社8号')
    expect((await h.server.deps.store.get('people', 'villager-b1'))?.phone).toBe('13722223333')
    expect((await (await h.as('office-x')).call('office.updateHousehold', { householdId: 'hh-b1', address: 'x' }, requestId())).body).toMatchObject({ error: { code: 'AUTH.FORBIDDEN' } })
  })

  it("posts a notice to one village and to the township; villagers see their village's and the township's", async () => {
    const office = await h.as('office-1')
    await office.ok('office.postNotice', { villageId: null, title: '全镇通知', body: '本月 25 日发放补贴。' })
    await office.ok('office.postNotice', { villageId: 'vil-b', title: '巴音敖包村务', body: '修路款公示。' })
    await (await h.as('leader-a')).ok('office.postNotice', { villageId: 'vil-a', title: '乌兰木伦村务', body: '工作组例会。' })
    const a = await (await h.as('villager-a1')).ok('notices.forMe', {})
    expect(a.map((n) => n.title).sort()).toEqual(['乌兰木伦村务', '全镇通知'])
    expect((await (await h.as('villager-x1')).ok('notices.forMe', {}))).toEqual([])
    // A village secretary posts to their own village only.
    expect((await (await h.as('secretary-a')).call('office.postNotice', { villageId: 'vil-b', title: 'x', body: 'y' }, requestId())).body).toMatchObject({ error: { code: 'AUTH.FORBIDDEN' } })
  })
})

describe('authorization: villagers and resident cadres reach no office or supervision action', () => {
  const SAMPLE: { [N in ActionName]?: InputOf<N> } = {
    // office-files (cloud mode only): refused by role before the mode is looked at
    'office.importFile': { fileId: 'cloud://env/u/x/r.xlsx', fileName: 'r.xlsx' },
    'office.exportFile': { kind: 'tickets', period: '2026-11' },
    'office.closePeriod': { period: '2026-10' },
    'office.postingPreview': { period: '2026-10' },
    'office.reopenPeriod': { period: '2026-10', reason: '试试' },
    'office.periods': {},
    'office.dashboard': { period: '2026-10' },
    'office.results': { period: '2026-10' },
    'office.households': {},
    'office.updateHousehold': { householdId: 'hh-a1', address: 'x' },
    'office.updatePerson': { personId: 'villager-a1', name: 'x' },
    'office.reveal': { subjectId: 'villager-a2', field: 'phone' },
    'office.revealLog': {},
    'office.postNotice': { villageId: null, title: 'x', body: 'y' },
    'office.notices': {},
    'supervision.dashboard': { month: '2026-11' },
    'supervision.planCheck': { date: '2026-11-25', villageId: null, note: '' },
    'supervision.recordCheck': { checkId: 'nope', outcome: 'ok', cadreId: null, note: 'x' },
    'supervision.verifyPresence': { cadreId: 'cadre-a', villageId: 'vil-a', method: 'phone', present: false, note: '电话无人接听' },
    'supervision.reports': {},
    'supervision.resolveReport': { reportId: 'nope', upheld: true, note: 'x' },
    'supervision.fileReport': { cadreId: 'cadre-a', villageId: null, text: 'x' },
    'supervision.findings': { cadreId: null },
    'supervision.reportTargets': {},
    // a township's villages, groups and sign-in places (issue 10 item 4)
    'office.places': {},
    'office.addVillage': { name: '新村' },
    'office.addGroup': { villageId: 'vil-a', name: '新组' },
    'office.savePlace': { name: '地点', villageId: null, lat: 39, lng: 109, radiusM: 100 },
  }

  it('lists a sample input for every office.* and supervision.* action', () => {
    const names = Object.keys(actions).filter((n) => n.startsWith('office.') || n.startsWith('supervision.'))
    expect(Object.keys(SAMPLE).sort()).toEqual(names.sort())
  })

  it.each(['villager-a1', 'secretary-a', 'cadre-a'])('%s is refused every one, and nothing is written', async (who) => {
    const client = await h.as(who)
    const store = h.server.deps.store
    const counts = async () => Promise.all((['checks', 'findings', 'reports', 'notices', 'reveals', 'periods'] as const).map((c) => store.count(c, {})))
    const before = await counts()
    for (const [name, input] of Object.entries(SAMPLE)) {
      const { status, body } = await client.call(name as ActionName, input as never, requestId())
      expect([name, status, body.ok ? 'ok' : body.error.code]).toEqual([name, 403, 'AUTH.FORBIDDEN'])
    }
    expect(await counts()).toEqual(before)
  })
})
