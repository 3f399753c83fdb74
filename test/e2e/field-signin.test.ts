/**
 * Sign-in says where the cadre stands before the camera (issue 12 item 7), in a real browser at
 * 390x844: out of range, the page shows the distance to the place and which slot is open; a tap
 * asks first and stores nothing when the cadre declines (the camera never opens); only when he
 * confirms is an invalid sign-in stored. In range it says "已进入签到范围".
 * The slots are set (settings) so that the morning slot is open whenever the test runs and the
 * others are hours away. The browser stands at a GCJ-02 point through its WGS-84 twin (./geo): the
 * page converts GPS to GCJ-02 before asking the server.
 */
import path from 'node:path'
import { DEFAULT_SETTINGS } from '../../src/core/settings'
import { jpegHeader } from '../server/fixtures/images'
import { distanceMeters } from '../../src/core/signin'
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

const pageAs = async (personId: string, at: { latitude: number; longitude: number }) => {
  const token = await tokenOf(personId)
  const context = await h.browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    geolocation: at,
    permissions: ['geolocation'],
  })
  await context.addInitScript((t) => localStorage.setItem('minqing.session', JSON.stringify({ data: t })), token)
  return { context, page: await context.newPage() }
}

/** Resident cadres with no sign-in in the last day in the seed (a slot of theirs would already be signed). */
const freshCadres = async () => {
  const store = h.server.deps.store
  const dayAgo = Date.now() - 24 * 3600_000
  const out = []
  for (const p of await store.find('people', {})) {
    if (!p.roles.includes('cadre') || p.duty !== 'resident') continue
    if ((await store.find('signins', { cadreId: p.id })).every((x) => x.at < dayAgo)) out.push(p)
  }
  return out
}

it('sign-in out of range shows the distance and stores nothing until confirmed', async () => {
  const store = h.server.deps.store
  const [cadre] = await freshCadres()
  if (!cadre) throw new Error('no resident cadre without a sign-in today in the seed')
  const [place] = await store.find('places', { townshipId: cadre.townshipId })
  if (!place) throw new Error('the seed has no sign-in place')
  // About 1.1 km north of the place.
  const c = await pageAs(cadre.id, geolocationAt({ lat: place.lat + 0.01, lng: place.lng }))
  await c.page.goto(`${h.server.url}/#/subpackages/cadre/pages/signin/index`)
  await c.page.locator('.at-button.signin-consent-agree').click()
  const before = await store.count('signins', { cadreId: cadre.id })

  const where = c.page.locator('.signin-where--out')
  await where.waitFor({ timeout: 30_000 })
  expect(await where.textContent()).toMatch(new RegExp(`距${place.name}还有 1\\.1 公里，不在签到范围（需在 ${place.radiusM} 米内）`))
  expect(await c.page.locator('.signin-slot-now--open').textContent()).toMatch(/签到开放中，.+前可签/)
  const button = c.page.locator('.at-button.signin-submit')
  expect(await button.getAttribute('class')).not.toContain('at-button--disabled')
  await c.page.screenshot({ path: path.join(screenshots, 'signin-out-of-range.png') })

  // Declined: nothing stored, no camera.
  let cameraOpened = false
  c.page.on('filechooser', () => {
    cameraOpened = true
  })
  await button.click()
  const modal = c.page.locator('.taro-modal__content')
  await modal.waitFor({ state: 'visible', timeout: 20_000 })
  expect(await modal.textContent()).toContain('1.1 公里')
  await c.page.screenshot({ path: path.join(screenshots, 'signin-confirm.png') })
  await c.page.locator('.taro-model__cancel').click()
  // The answer is in once the dialog has gone (the camera would open right after it): two frames on.
  await modal.waitFor({ state: 'hidden', timeout: 20_000 })
  await c.page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))))
  expect(cameraOpened).toBe(false)
  expect(await store.count('signins', { cadreId: cadre.id })).toBe(before)

  // Confirmed: the camera opens and one invalid sign-in is stored with its reason.
  c.page.removeAllListeners('filechooser')
  await button.click()
  await modal.waitFor({ state: 'visible', timeout: 20_000 })
  const chooser = c.page.waitForEvent('filechooser')
  await c.page.locator('.taro-model__confirm').click()
  await (await chooser).setFiles({ name: 'live.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(jpegHeader(640, 480), 'base64') })
  await c.page.locator('.signin-attempt--invalid .signin-reason').first().waitFor({ timeout: 20_000 })
  expect(await store.count('signins', { cadreId: cadre.id })).toBe(before + 1)
  const [latest] = await store.find('signins', { cadreId: cadre.id }, { orderBy: { field: 'at', direction: 'desc' }, limit: 1 })
  expect(latest).toMatchObject({ valid: false, invalidReason: 'TOO_FAR' })
  await c.context.close()
})

it('in range it says 已进入签到范围 before the camera; once the slot is signed the button is off with the reason', async () => {
  const store = h.server.deps.store
  const cadre = (await freshCadres())[1]
  if (!cadre) throw new Error('no resident cadre without a sign-in today in the seed')
  const [place] = await store.find('places', { townshipId: cadre.townshipId })
  if (!place) throw new Error('the seed has no sign-in place')
  const c = await pageAs(cadre.id, geolocationAt(place))
  await c.page.goto(`${h.server.url}/#/subpackages/cadre/pages/signin/index`)
  await c.page.locator('.at-button.signin-consent-agree').click()
  const where = c.page.locator('.signin-where--in')
  await where.waitFor({ timeout: 30_000 })
  expect(await where.textContent()).toContain('已进入签到范围')
  const chooser = c.page.waitForEvent('filechooser')
  await c.page.locator('.at-button.signin-submit').click()
  await (await chooser).setFiles({ name: 'live.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(jpegHeader(640, 480), 'base64') })
  const reason = c.page.locator('.signin-disabled-reason')
  await reason.waitFor({ timeout: 20_000 })
  expect(await reason.textContent()).toBe('这个时段已经签过到了')
  expect(await c.page.locator('.at-button.signin-submit').getAttribute('class')).toContain('at-button--disabled')
  await c.page.screenshot({ path: path.join(screenshots, 'signin-signed.png') })
  const [latest] = await store.find('signins', { cadreId: cadre.id }, { orderBy: { field: 'at', direction: 'desc' }, limit: 1 })
  expect(latest).toMatchObject({ valid: true, slot: 'morning', datum: 'gcj02' })
  // Stored in GCJ-02: on the place, not the 300-600 m off GPS point the browser reported.
  expect(distanceMeters(latest as { lat: number; lng: number }, place)).toBeLessThan(2)
  await c.context.close()
})
