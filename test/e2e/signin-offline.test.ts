/**
 * Sign-in needs signal (docs/signin-offline.md): a sign-in is judged at the server's time, so it is
 * never kept in the outbox. In a real browser at 390x844, a cadre in range with a slot open loses
 * the signal: the page says sign-in needs the network and why, the button is off, a tap never opens
 * the camera and nothing is stored; with the signal back the button returns.
 * The slots are set (settings) so that the morning slot is open whenever the test runs.
 */
import path from 'node:path'
import { DEFAULT_SETTINGS } from '../../src/core/settings'
import { screenshots, startBrowserHarness, type BrowserHarness } from './browser'
import { geolocationAt } from './geo'

jest.setTimeout(150_000)

let h: BrowserHarness
beforeAll(async () => {
  const nowLocal = Math.floor(Date.now() / 60_000 + DEFAULT_SETTINGS.utcOffsetMinutes) % (24 * 60)
  const slots = { morning: nowLocal, afternoon: (nowLocal + 480) % (24 * 60), evening: (nowLocal + 960) % (24 * 60) }
  h = await startBrowserHarness({ settings: { ...DEFAULT_SETTINGS, signIn: { slots, windowMinutes: 120 } } })
})
afterAll(() => h?.stop())

const tokenOf = async (personId: string): Promise<string> => {
  const res = await fetch(`${h.server.url}/api/auth.devLogin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ input: { personId } }) })
  return ((await res.json()) as { data: { token: string } }).data.token
}

it('without signal the sign-in button is off and says sign-in needs the network; nothing is stored and the camera never opens', async () => {
  const store = h.server.deps.store
  const dayAgo = Date.now() - 24 * 3600_000
  let cadre = null
  for (const p of await store.find('people', {})) {
    if (!p.roles.includes('cadre') || p.duty !== 'resident') continue
    if ((await store.find('signins', { cadreId: p.id })).every((x) => x.at < dayAgo)) {
      cadre = p
      break
    }
  }
  if (!cadre) throw new Error('no resident cadre without a sign-in today in the seed')
  const [place] = await store.find('places', { townshipId: cadre.townshipId })
  if (!place) throw new Error('the seed has no sign-in place')
  const token = await tokenOf(cadre.id)
  const context = await h.browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // The place is GCJ-02; the browser reports WGS-84, so it stands at the place's WGS-84 twin.
    geolocation: geolocationAt(place),
    permissions: ['geolocation'],
  })
  await context.addInitScript((t) => localStorage.setItem('minqing.session', JSON.stringify({ data: t })), token)
  const page = await context.newPage()
  await page.goto(`${h.server.url}/#/subpackages/cadre/pages/signin/index`)
  await page.locator('.at-button.signin-consent-agree').click()
  await page.locator('.signin-where--in').waitFor({ timeout: 30_000 })
  const button = page.locator('.at-button.signin-submit')
  expect(await button.getAttribute('class')).not.toContain('at-button--disabled')
  const before = await store.count('signins', { cadreId: cadre.id })

  await context.setOffline(true)
  const offline = page.locator('.signin-offline')
  await offline.waitFor({ timeout: 20_000 })
  expect(await offline.textContent()).toContain('签到需要网络：现在没有信号，连上网络后再签到。')
  expect(await offline.textContent()).toContain('以镇里服务器收到的时间为准')
  expect(await button.getAttribute('class')).toContain('at-button--disabled')
  await page.screenshot({ path: path.join(screenshots, 'signin-offline.png') })
  let cameraOpened = false
  page.on('filechooser', () => {
    cameraOpened = true
  })
  await button.click({ force: true })
  await page.waitForTimeout(1500)
  expect(cameraOpened).toBe(false)
  expect(await store.count('signins', { cadreId: cadre.id })).toBe(before)
  expect(await page.evaluate(() => localStorage.getItem('minqing.outbox') ?? '')).not.toContain('signin')

  // The signal returns: the page locates again and the button is back.
  await context.setOffline(false)
  await offline.waitFor({ state: 'detached', timeout: 30_000 })
  await page.locator('.signin-where--in').waitFor({ timeout: 30_000 })
  expect(await button.getAttribute('class')).not.toContain('at-button--disabled')
  await context.close()
})
