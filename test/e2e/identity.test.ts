/**
 * Issue 10 in a real browser against the H5 build, on a self-hosted start without demo mode and an
 * empty database: set-up from zero (`npm run setup` -> the first administrator binds with the code
 * -> a village and a group -> a sign-in place with "use my current location" -> roster import -> a
 * villager of the imported roster binds by phone and the one-time code -> files a problem report,
 * which the office then reads), and
 * the web console's QR login confirmed by the administrator's logged-in session in another browser
 * context (standing in for the phone).
 */
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { ROSTER_COLUMNS } from '../../src/core/rosterImport'
import { wgs84ToGcj02 } from '../../src/core/geo'
import { localWechatCodes } from '../../src/server/wechat/local'
import { screenshots, startBrowserHarness, type BrowserHarness } from './browser'
import { goTo } from './contexts'

jest.setTimeout(180_000)

const run = promisify(execFile)
const root = path.resolve(__dirname, '../..')

let h: BrowserHarness
let admin: Page
/** The "SMS" the local WeChat port sends (it prints them on the console; here they are kept). */
const sent: { phone: string; text: string }[] = []
beforeAll(async () => {
  h = await startBrowserHarness({ demo: false })
  h.server.deps.wechat = { ...localWechatCodes, sendPhoneCode: async (phone, text) => void sent.push({ phone, text }) }
})
afterAll(() => h?.stop())

const click = (page: Page, selector: string) => page.locator(selector).first().click()
const fill = (page: Page, selector: string, value: string) => page.locator(`${selector} input`).first().fill(value)

const rosterXlsx = async (): Promise<Buffer> => {
  const row = (o: Partial<Record<(typeof ROSTER_COLUMNS)[number], string>>) => ROSTER_COLUMNS.map((c) => o[c] ?? '')
  const wb = new ExcelJS.Workbook()
  const sheet = wb.addWorksheet('花名册')
  sheet.addRow([...ROSTER_COLUMNS])
  sheet.addRow(row({ 类别: '干部', 姓名: '乌兰干部', 手机号: '13599980001', 岗位: '包户', 村: '乌兰村' }))
  sheet.addRow(row({ 类别: '村民', 姓名: '乌兰户主', 手机号: '13599980002', 村: '乌兰村', 村民小组: '一社', 户号: '101', 户主: '乌兰户主', 地址: '乌兰村一社', 包户干部手机号: '13599980001' }))
  return Buffer.from(await wb.xlsx.writeBuffer())
}

it('set-up from zero: empty database -> npm run setup -> first administrator -> a village -> a sign-in place -> roster import -> a villager binds by phone code -> files a report the office reads', async () => {
  // No person picker on a self-hosted start: the login screen is the QR login.
  const first = await h.newPage()
  await first.goto(`${h.server.url}/`)
  await first.locator('.qr-login .qr-login__code').waitFor({ timeout: 30_000 })
  expect(await first.locator('.person-list, [class*="person-"]').count()).toBe(0)

  // `npm run setup` on the server's database prints the one-time code.
  const { stdout } = await run('npx', ['tsx', 'scripts/setup.ts', '--name', '乌兰镇'], { cwd: root, env: { ...process.env, MINQING_DATA_DIR: h.dataDir, MINQING_DATABASE_URL: '' } })
  const code = /\b([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})\b/.exec(stdout)?.[1]
  if (!code) throw new Error(`no code in: ${stdout}`)

  // The administrator, in a browser with a location (GPS: WGS-84), opens 设置乡镇 and binds with it;
  // "use my current location" stores the place in GCJ-02, the browser's point converted.
  const context = await h.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', geolocation: { latitude: 39.2, longitude: 109.8 }, permissions: ['geolocation'] })
  admin = await context.newPage()
  await admin.goto(`${h.server.url}/`)
  await click(admin, '.login-setup')
  await admin.locator('.setup-form').waitFor({ timeout: 20_000 })
  await fill(admin, '.setup-code', code.toLowerCase())
  await fill(admin, '.setup-name', '王管理')
  await fill(admin, '.setup-phone', '13900000001')
  await admin.screenshot({ path: path.join(screenshots, 'setup-form.png'), fullPage: true })
  await click(admin, '.setup-submit')

  // Home: the office's doors; the villages, groups and places screen.
  await admin.locator('.entry-places').waitFor({ timeout: 30_000 })
  await click(admin, '.entry-places')
  await admin.locator('.places-editor').waitFor({ timeout: 20_000 })
  await fill(admin, '.village-name', '乌兰村')
  await click(admin, '.village-add')
  await admin.locator('.village-row', { hasText: '乌兰村' }).waitFor({ timeout: 20_000 })
  await fill(admin, '.group-name', '一社')
  await click(admin, '.group-add')
  await admin.locator('.village-row', { hasText: '一社' }).waitFor({ timeout: 20_000 })
  await fill(admin, '.place-name', '乌兰村村委会')
  await click(admin, '.place-village .mq-choice__item:not(.mq-choice__item--)')
  await click(admin, '.place-here')
  const expected = wgs84ToGcj02({ lat: 39.2, lng: 109.8 })
  await admin.waitForFunction((lat) => (document.querySelector('.place-lat input') as HTMLInputElement | null)?.value === lat, expected.lat.toFixed(6), { timeout: 20_000 })
  await fill(admin, '.place-radius', '150')
  await click(admin, '.place-save')
  await admin.locator('.place-row', { hasText: '乌兰村村委会' }).waitFor({ timeout: 20_000 })
  await admin.screenshot({ path: path.join(screenshots, 'setup-places.png'), fullPage: true })
  const store = h.server.deps.store
  const [place] = await store.find('places', {})
  expect(place).toMatchObject({ name: '乌兰村村委会', radiusM: 150, datum: 'gcj02' })
  expect(place?.lat).toBeCloseTo(expected.lat, 5)
  expect(place?.lng).toBeCloseTo(expected.lng, 5)
  const [village] = await store.find('villages', {})
  expect(place?.villageId).toBe(village?.id)

  // The roster import (the office workbench).
  await admin.goBack()
  await click(admin, '.entry-office')
  await admin.locator('.roster-import').waitFor({ timeout: 20_000 })
  const chooser = admin.waitForEvent('filechooser')
  await click(admin, '.import-pick')
  await (await chooser).setFiles({ name: '花名册.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await rosterXlsx() })
  await admin.locator('.import-done').waitFor({ timeout: 30_000 })
  expect(await store.count('people', { name: '乌兰户主' })).toBe(1)
  expect(await store.count('villages', { name: '乌兰村' })).toBe(1)

  // A villager of the imported roster binds on their own phone by the roster phone and the code
  // (the browser that showed the login screen at the start, never signed in: the bind page in its app).
  const villager = first
  await goTo(h, villager, '/pages/bind/index')
  await villager.locator('.bind-phone').waitFor({ timeout: 30_000 })
  await fill(villager, '.bind-phone-input', '13599980002')
  await click(villager, '.bind-send')
  await villager.locator('.bind-sent').waitFor({ timeout: 20_000 })
  const smsCode = /\d{6}/.exec(sent.find((x) => x.phone === '13599980002')?.text ?? '')?.[0]
  if (!smsCode) throw new Error('no code was sent to the villager')
  await fill(villager, '.bind-code-input', smsCode)
  await click(villager, '.bind-submit')
  await villager.locator('.bind-done').waitFor({ timeout: 20_000 })
  expect(await villager.locator('.bind-done').textContent()).toContain('乌兰户主')
  const [person] = await store.find('people', { name: '乌兰户主' })
  expect(await store.find('bindings', { personId: person?.id ?? '' })).toMatchObject([{ method: 'phone' }])

  // Home -> 反映问题 -> write -> 提交: the report is filed to the household's cadre.
  await click(villager, '.bind-home')
  await villager.locator('.villager-action--report').waitFor({ timeout: 30_000 })
  await click(villager, '.villager-action--report')
  const box = villager.locator('.report-form .description-input textarea').first()
  await box.waitFor({ timeout: 20_000 })
  await box.fill('乌兰村一社的水井坏了，全组吃水困难')
  await click(villager, '.at-button.submit-ticket')
  await villager.locator('.ticket-detail .ticket-status--submitted').waitFor({ timeout: 20_000 })
  await villager.screenshot({ path: path.join(screenshots, 'setup-villager-report.png'), fullPage: true })
  const ticketId = /id=([A-Za-z0-9_-]+)/.exec(villager.url())?.[1]
  if (!ticketId) throw new Error(`no ticket id in ${villager.url()}`)
  const [cadre] = await store.find('people', { name: '乌兰干部' })
  expect(await store.get('tickets', ticketId)).toMatchObject({ reporterId: person?.id, assigneeId: cadre?.id, status: 'submitted' })

  // The office reads it (the township sees every ticket).
  await admin.goto(`${h.server.url}/#/subpackages/cadre/pages/ticket/index?id=${ticketId}`)
  await admin.locator('.ticket-detail').getByText('乌兰村一社的水井坏了').first().waitFor({ timeout: 30_000 })
  await admin.screenshot({ path: path.join(screenshots, 'setup-office-reads-report.png'), fullPage: true })
})

it("the web console's QR login: confirmed on the administrator's logged-in session, the browser gets its own", async () => {
  const console_ = await h.newPage()
  await console_.goto(`${h.server.url}/`)
  const codeText = console_.locator('.qr-login__code')
  await codeText.waitFor({ timeout: 30_000 })
  await console_.screenshot({ path: path.join(screenshots, 'qr-login.png'), fullPage: true })
  const code = (await codeText.textContent())?.trim() ?? ''
  expect(code).toMatch(/^[A-Za-z0-9_-]{16}$/)

  // The "phone": the administrator confirms (never on opening the page alone).
  await admin.goto(`${h.server.url}/#/subpackages/office/login-confirm/index?code=${code}`)
  await admin.locator('.confirm-login__ok').waitFor({ timeout: 20_000 })
  // Which browser asks (the console's own, headless Chromium on Linux) and from where.
  expect(await admin.locator('.confirm-login__browser').textContent()).toMatch(/^Linux 上的 (Headless )?Chrome$/)
  expect(await admin.locator('.confirm-login__address').textContent()).toMatch(/127\.0\.0\.1/)
  expect(await h.server.deps.store.get('loginRequests', code)).toMatchObject({ userAgent: expect.stringContaining('Chrome'), address: expect.stringMatching(/127\.0\.0\.1/) })
  expect(await h.server.deps.store.get('loginRequests', code)).toMatchObject({ confirmedById: null })
  await admin.screenshot({ path: path.join(screenshots, 'qr-confirm.png'), fullPage: true })
  await click(admin, '.confirm-login__ok')
  await admin.locator('.confirm-login__done').waitFor({ timeout: 20_000 })

  // The console signs in as the administrator within a poll or two.
  await console_.locator('.entry-places').waitFor({ timeout: 30_000 })
  // The administrator's set-up session, the villager's (bound by phone code) and the console's.
  const sessions = await h.server.deps.store.find('sessions', {})
  expect(sessions.map((x) => x.via).sort()).toEqual(['phone', 'qr', 'setup'])
})
