/**
 * In a real browser against the H5 build: a villager binds by phone. The bind page asks for the
 * roster phone, the server "sends" a one-time code (the local adapter prints it; here the test
 * reads it from the port), the villager types it and is signed in to their home. A wrong code is
 * answered in words and binds nobody. Screenshots at 390x844, normal and with text at 1.5x.
 */
import path from 'node:path'
import type { Page } from 'playwright-core'
import { localWechatCodes } from '../../src/server/wechat/local'
import { screenshots, startBrowserHarness, type BrowserHarness } from './browser'

jest.setTimeout(120_000)

let h: BrowserHarness
const sent: { phone: string; text: string }[] = []
beforeAll(async () => {
  h = await startBrowserHarness()
  h.server.deps.wechat = { ...localWechatCodes, sendPhoneCode: async (phone, text) => void sent.push({ phone, text }) }
}, 120_000)
afterAll(() => h?.stop())

/** Types into a Taro H5 input (a custom element wrapping a native input). */
const type = async (page: Page, selector: string, text: string) => {
  const input = page.locator(`${selector} input`)
  await input.click()
  await input.fill(text)
}

it('a villager binds by phone and a one-time code, and lands on their home', async () => {
  const store = h.server.deps.store
  // A plain villager of the seed whose phone names only them.
  const villagers = await store.find('people', { roles: 'villager' }, { limit: 200 })
  let villager = null
  for (const p of villagers) {
    if (p.roles.length === 1 && p.hasPhone && (await store.count('people', { phone: p.phone })) === 1) {
      villager = p
      break
    }
  }
  if (!villager) throw new Error('the seed has no villager with a phone of their own')

  const page = await h.newPage()
  await page.goto(`${h.server.url}/#/pages/bind/index`)
  await page.locator('.bind-phone').waitFor({ timeout: 30_000 })
  await page.screenshot({ path: path.join(screenshots, 'bind-phone.png'), fullPage: true })
  // Elder-sized text (the app's elder mode is still to come): the same fresh page at 1.5x, then back.
  const zoom = await page.addStyleTag({ content: 'html { zoom: 1.5 }' })
  await page.screenshot({ path: path.join(screenshots, 'bind-phone-elder.png'), fullPage: true })
  await zoom.evaluate((el) => (el as HTMLStyleElement).remove())
  await zoom.dispose()
  await type(page, '.bind-phone-input', villager.phone)
  await page.locator('.bind-send').click()
  await page.locator('.bind-sent').waitFor({ timeout: 20_000 })
  const code = /\d{6}/.exec(sent.find((s) => s.phone === villager.phone)?.text ?? '')?.[0]
  if (!code) throw new Error('no code was sent')

  // A wrong code: told in words, nothing bound.
  await type(page, '.bind-code-input', code === '000000' ? '000001' : '000000')
  await page.locator('.bind-submit').click()
  await page.getByText('验证码不对').waitFor({ timeout: 20_000 })
  expect(await store.find('bindings', { personId: villager.id })).toEqual([])
  await page.screenshot({ path: path.join(screenshots, 'bind-phone-wrong.png'), fullPage: true })

  await type(page, '.bind-code-input', code)
  await page.locator('.bind-submit').click()
  await page.locator('.bind-done').waitFor({ timeout: 20_000 })
  expect(await page.locator('.bind-done').textContent()).toContain(villager.name)
  expect(await store.find('bindings', { personId: villager.id })).toMatchObject([{ method: 'phone' }])
  await page.screenshot({ path: path.join(screenshots, 'bind-phone-done.png'), fullPage: true })

  await page.locator('.bind-home').click()
  await page.locator('.cadre-card .cadre-name').waitFor({ timeout: 30_000 })
})
