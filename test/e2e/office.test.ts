/**
 * In a real browser against the H5 build, on the seeded demo township: the office imports a roster
 * and sees the coverage warnings, closes last month, downloads the posting as xlsx (read back with
 * exceljs) and opens the posting; a supervisor plans and records an unannounced check.
 */
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { ROSTER_COLUMNS } from '../../src/core/rosterImport'
import { screenshots, startBrowserHarness, type BrowserHarness } from './browser'
import type { Person } from '../../src/core/model'
import { listedPeople, loginPages, pickOfferedDay } from './contexts'

jest.setTimeout(120_000)

let h: BrowserHarness
beforeAll(async () => {
  h = await startBrowserHarness()
})
afterAll(() => h?.stop())

/** One page per person for the file: signed in on the login screen the first time, then home loaded again. */
const signedIn = loginPages(() => h)

/** Someone the login screen lists, matching a test on the stored person. */
const listedPerson = async (match: (p: Person) => boolean): Promise<string> => (await listedPeople(h, match))[0]!.id

const click = (page: Page, selector: string) => page.locator(selector).first().click()

/** Waits until `read` answers something `ok` accepts (a write seen in the store). */
const until = async <T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> => {
  const end = Date.now() + timeoutMs
  for (;;) {
    const v = await read()
    if (ok(v) || Date.now() > end) return v
    await new Promise((r) => setTimeout(r, 200))
  }
}

const lastMonth = () => {
  const d = new Date(Date.now() + 8 * 3_600_000)
  const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1))
  return `${m.getUTCFullYear()}-${String(m.getUTCMonth() + 1).padStart(2, '0')}`
}

const rosterXlsx = async (): Promise<Buffer> => {
  const row = (o: Partial<Record<(typeof ROSTER_COLUMNS)[number], string>>) => ROSTER_COLUMNS.map((c) => o[c] ?? '')
  const wb = new ExcelJS.Workbook()
  const sheet = wb.addWorksheet('花名册')
  sheet.addRow([...ROSTER_COLUMNS])
  sheet.addRow(row({ 类别: '干部', 姓名: '测试干部', 手机号: '13599990001', 岗位: '包户', 村: '测试嘎查' }))
  sheet.addRow(row({ 类别: '村民', 姓名: '测试户主', 手机号: '13599990002', 村: '测试嘎查', 村民小组: '一社', 户号: '901', 户主: '测试户主', 地址: '测试嘎查一社', 包户干部手机号: '13599990001' }))
  sheet.addRow(row({ 类别: '村民', 姓名: '无人户', 村: '测试嘎查', 村民小组: '二社', 户号: '902', 户主: '无人户' }))
  return Buffer.from(await wb.xlsx.writeBuffer())
}

it('the office imports a roster, sees coverage warnings, closes last month, downloads the posting xlsx and opens the posting', async () => {
  const officeId = await listedPerson((p) => p.roles.includes('cadre') && p.duty === 'office' && !p.roles.includes('supervisor') && !p.roles.includes('leader'))
  const page = await signedIn(officeId)
  await page.locator('.entry-office').waitFor({ timeout: 20_000 })
  await click(page, '.entry-office .at-button, .entry-office')
  await page.locator('.roster-import').waitFor({ timeout: 20_000 })

  // Import: pick a file in the browser's file chooser.
  const chooser = page.waitForEvent('filechooser')
  await click(page, '.import-pick')
  await (await chooser).setFiles({ name: '花名册.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await rosterXlsx() })
  await page.locator('.import-done').waitFor({ timeout: 20_000 })
  expect(await page.locator('.import-done .office-success').textContent()).toContain('3 人')
  const warnings = await page.locator('.import-coverage-warning').allTextContents()
  expect(warnings.some((t) => t.includes('测试干部包联 1 户'))).toBe(true)
  const errors = await page.locator('.import-coverage-error').allTextContents()
  expect(errors.some((t) => t.includes('测试嘎查二社'))).toBe(true)
  await page.screenshot({ path: path.join(screenshots, 'office-import.png'), fullPage: true })

  // Close last month.
  const period = lastMonth()
  const row = page.locator(`.period-${period}`)
  await row.waitFor({ timeout: 20_000 })
  await row.locator('.close-button').click()
  // 结账 shows the posting it will publish, then asks; only the confirm button closes.
  await page.locator('.mq-confirm .mq-confirm__preview .posting-row').first().waitFor({ timeout: 30_000 })
  await page.locator('.mq-confirm .at-button.confirm-ok').click()
  await row.locator('.posting-link').waitFor({ timeout: 30_000 })
  expect(await row.locator('.period-head').textContent()).toContain('已结账')

  // Download the posting as xlsx and read it back.
  const download = page.waitForEvent('download')
  await row.locator('.export-posting').click()
  const file = path.join(screenshots, `posting-${period}.xlsx`)
  await (await download).saveAs(file)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  const sheet = wb.worksheets[0]
  expect(sheet.getRow(1).getCell(1).value).toBe('姓名')
  expect(sheet.rowCount).toBeGreaterThan(2)
  const closed = await h.server.deps.store.find('closeResults', {})
  const firstName = closed[0]?.result.cadres[0]?.name
  expect(sheet.getRow(2).getCell(1).value).toBe(firstName)
  fs.rmSync(file, { force: true })

  // Open the posting.
  await row.locator('.posting-link').click()
  await page.locator('.posting-row').first().waitFor({ timeout: 20_000 })
  expect(await page.locator('.posting__title').textContent()).toContain(`${Number(period.slice(0, 4))}年${Number(period.slice(5, 7))}月`)
  await page.screenshot({ path: path.join(screenshots, 'office-posting.png') })
})

it('a supervisor plans an unannounced check and records it', async () => {
  const supervisorId = await listedPerson((p) => p.roles.includes('supervisor'))
  const page = await signedIn(supervisorId)
  await page.locator('.entry-supervision').waitFor({ timeout: 20_000 })
  await click(page, '.entry-supervision')
  await page.locator('.plan-check').waitFor({ timeout: 20_000 })
  // The date is a picker whose wheel opens on today (earlier days are not offered): today is taken.
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
  await pickOfferedDay(page, '.plan-date')
  expect(await page.locator('.plan-date .mq-date__value').textContent()).toBe(today)
  await click(page, '.plan-village .mq-choice__item:nth-child(2)')
  await click(page, '.plan-submit')
  const check = page.locator('.check-row--planned').first()
  await check.waitFor({ timeout: 20_000 })
  await check.locator('.check-note textarea').fill('不打招呼，工作组全员在岗。')
  await check.locator('.record-ok').click()
  await page.locator('.check-row--done').first().waitFor({ timeout: 20_000 })
  expect(await page.locator('.checks-status').textContent()).toContain('1/2')
  // The township's read log of personal data is on the supervision group's page too (issue 10 item 6).
  await page.locator('.reveal-log').waitFor({ timeout: 20_000 })
  await page.screenshot({ path: path.join(screenshots, 'supervision-check.png'), fullPage: true })
})

it("a public supervisor reports a named cadre; the group upholds it and finds it under that cadre; the office reads the cadre's record and notes it", async () => {
  const publicId = await listedPerson((p) => p.roles.includes('publicSupervisor'))
  const cadreId = await listedPerson((p) => p.roles.includes('cadre') && p.duty === 'resident')
  const cadre = await h.server.deps.store.get('people', cadreId)
  if (!cadre) throw new Error('no cadre')
  const text = `${cadre.name}周三上午不在村，电话也打不通。`

  // 作风建设监督员: find the cadre by name, choose them, send.
  const pub = await signedIn(publicId)
  await click(pub, '.entry-report')
  await pub.locator('.report-form .report-search').waitFor({ timeout: 20_000 })
  await pub.locator('.report-search input').fill(cadre.name)
  await click(pub, `.report-cadre .mq-choice__item--${cadreId}`)
  await pub.locator('.report-text textarea').fill(text)
  await click(pub, '.report-send.at-button')
  expect(await until(async () => (await h.server.deps.store.find('reports', { cadreId })).map((r) => r.text), (texts) => texts.includes(text))).toContain(text)

  // The supervision group upholds it; it is in that cadre's findings and record.
  const sup = await signedIn(await listedPerson((p) => p.roles.includes('supervisor')))
  await click(sup, '.entry-supervision')
  const report = sup.locator('.report-row', { hasText: text })
  await report.waitFor({ timeout: 20_000 })
  await report.locator('.report-uphold').click()
  await sup.locator('.mq-confirm .at-button.confirm-ok').click()
  await click(sup, `.findings-filter .mq-choice__item--${cadreId}`)
  const finding = sup.locator('.findings-panel .finding-row', { hasText: text })
  await finding.waitFor({ timeout: 20_000 })
  expect(await sup.locator('.findings-panel .finding-row').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining(cadre.name)]))
  await finding.locator('.open-record').click()
  await sup.locator('.cadre-record .record-findings', { hasText: text }).waitFor({ timeout: 20_000 })

  // The office: cadres list (phones masked, reveal logged) -> the record with last month's close -> a note.
  const office = await signedIn(await listedPerson((p) => p.roles.includes('cadre') && p.duty === 'office' && !p.roles.includes('supervisor') && !p.roles.includes('leader')))
  await click(office, '.entry-cadres')
  const row = office.locator(`.cadre-row-${cadreId}`)
  await row.waitFor({ timeout: 20_000 })
  expect(await row.locator('.cadre-phone').textContent()).toMatch(/^\d{3}\*{4}\d{4}$/)
  await row.locator('.reveal-phone').click()
  await row.locator('.cadre-phone', { hasText: cadre.phone }).waitFor({ timeout: 20_000 })
  expect((await h.server.deps.store.find('reveals', { subjectId: cadreId })).length).toBeGreaterThan(0)
  await row.locator('.open-record').click()
  await office.locator(`.cadre-record-${cadreId}`).waitFor({ timeout: 20_000 })
  await office.locator(`.record-month-${lastMonth()}`).waitFor({ timeout: 20_000 })
  expect(await office.locator(`.record-month-${lastMonth()}`).textContent()).toContain('1135')
  expect(await office.locator('.record-findings').textContent()).toContain(text)
  await office.locator('.note-text textarea').fill('已约谈，责令整改。')
  await click(office, '.note-add.at-button')
  await office.locator('.record-notes .note-row', { hasText: '已约谈，责令整改。' }).waitFor({ timeout: 20_000 })
  await office.screenshot({ path: path.join(screenshots, 'cadre-record.png'), fullPage: true })

  // The cadre opens their own record from home.
  const own = await signedIn(cadreId)
  await click(own, '.my-record')
  await own.locator('.record-notes .note-row', { hasText: '已约谈，责令整改。' }).waitFor({ timeout: 20_000 })
  expect(await own.locator('.note-add').count()).toBe(0)
})

it('the office takes a household off its cadre on the roster page and the coverage check names it at once', async () => {
  const page = await signedIn(await listedPerson((p) => p.roles.includes('cadre') && p.duty === 'office' && !p.roles.includes('supervisor') && !p.roles.includes('leader')))
  await click(page, '.entry-roster')
  await page.locator('.roster-coverage .coverage-report').waitFor({ timeout: 20_000 })
  const row = page.locator('.roster-row').first()
  await row.waitFor({ timeout: 20_000 })
  const title = (await row.locator('.office-row__title').textContent()) ?? ''
  const [, number, head] = /(\d+)号 (\S+)$/.exec(title.trim()) ?? []
  await row.locator('.assign-open').click()
  await click(page, '.assign-choice .mq-choice__item--')
  await row.locator('.assign-save').click()
  // An unassigned household is a coverage warning naming it (村 + 户号 + 户主).
  await page.locator('.roster-coverage .coverage-finding--warning', { hasText: `${number}号户（${head}）` }).waitFor({ timeout: 20_000 })
  expect(await row.locator('.office-row__meta').first().textContent()).toContain('还没有包户干部')
  await page.screenshot({ path: path.join(screenshots, 'roster-assign.png'), fullPage: true })
})
