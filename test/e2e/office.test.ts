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
import { loginAs, screenshots, startBrowserHarness, type BrowserHarness } from './browser'

jest.setTimeout(120_000)

let h: BrowserHarness
beforeAll(async () => {
  h = await startBrowserHarness()
})
afterAll(() => h?.stop())

/** Someone the login screen lists, matching a test on the stored person. */
const listedPerson = async (match: (p: { roles: string[]; duty: string | null }) => boolean): Promise<string> => {
  const answer = await fetch(`${h.server.url}/api/auth.devPeople`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"input":{}}' })
  const { groups } = (await answer.json()).data as { groups: { people: { id: string }[] }[] }
  for (const id of groups.flatMap((g) => g.people.map((p) => p.id))) {
    const person = await h.server.deps.store.get('people', id)
    if (person && match(person)) return id
  }
  throw new Error('no listed person matches')
}

const click = (page: Page, selector: string) => page.locator(selector).first().click()

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
  const page = await h.newPage()
  await loginAs(h, page, officeId)
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
  await row.locator('.posting-link').waitFor({ timeout: 30_000 })
  expect(await row.locator('.office-row__title').textContent()).toContain('已结账')

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
  expect(await page.locator('.posting__title').textContent()).toContain(period)
  await page.screenshot({ path: path.join(screenshots, 'office-posting.png') })
})

it('a supervisor plans an unannounced check and records it', async () => {
  const supervisorId = await listedPerson((p) => p.roles.includes('supervisor'))
  const page = await h.newPage()
  await loginAs(h, page, supervisorId)
  await page.locator('.entry-supervision').waitFor({ timeout: 20_000 })
  await click(page, '.entry-supervision')
  await page.locator('.plan-check').waitFor({ timeout: 20_000 })
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
  await page.locator('.plan-date input').fill(today)
  await click(page, '.plan-village .mq-choice__item:nth-child(2)')
  await click(page, '.plan-submit')
  const check = page.locator('.check-row--planned').first()
  await check.waitFor({ timeout: 20_000 })
  await check.locator('.check-note textarea').fill('不打招呼，工作组全员在岗。')
  await check.locator('.record-ok').click()
  await page.locator('.check-row--done').first().waitFor({ timeout: 20_000 })
  expect(await page.locator('.checks-status').textContent()).toContain('1/2')
  await page.screenshot({ path: path.join(screenshots, 'supervision-check.png'), fullPage: true })
})
