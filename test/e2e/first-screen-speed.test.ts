/**
 * Issue 12 item 11 in a real browser against the production H5 build, on an emulated phone (412x823,
 * touch, text as a phone's browser sizes it, CPU slowed 4x as Lighthouse does):
 * - a browser without a session starts on the login page itself: no home page code, no me.get;
 *   the login page's chunk is preloaded beside the app's scripts, and nothing else is fetched;
 * - nothing moves on the first screen (no layout shift) on the login page nor on the villager home;
 * - the scripts arrive as the build's own brotli files, cached for a year;
 * - the app's name is in the page before any script runs, and gone once the first page is there.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { zhCN } from '../../src/i18n/zh-CN'
import { screenshots, startBrowserHarness, type BrowserHarness } from './browser'

jest.setTimeout(180_000)

const dist = path.resolve(__dirname, '../../dist-h5')

let h: BrowserHarness
beforeAll(async () => {
  h = await startBrowserHarness()
})
afterAll(() => h?.stop())

/** A phone as Lighthouse's mobile run emulates it, with the CPU slowed 4x. */
const phone = async (): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await h.browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true, locale: 'zh-CN' })
  // Every layout shift not caused by input, from the first paint on.
  await context.addInitScript(() => {
    const w = window as unknown as { __shifts: { value: number; sources: string[] }[] }
    w.__shifts = []
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources: { node?: Node }[] }[]) {
        if (!e.hadRecentInput) w.__shifts.push({ value: e.value, sources: e.sources.map((s) => String((s.node as Element | undefined)?.className ?? s.node?.nodeName)) })
      }
    }).observe({ type: 'layout-shift', buffered: true })
  })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  return { context, page }
}

const shifts = (page: Page) => page.evaluate(() => (window as unknown as { __shifts: { value: number; sources: string[] }[] }).__shifts)

const villagerId = async (): Promise<string> => {
  const answer = await fetch(`${h.server.url}/api/auth.devPeople`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"input":{}}' })
  const { groups } = (await answer.json()).data as { groups: { role: string; people: { id: string }[] }[] }
  const villager = groups.find((g) => g.role === 'villager')?.people[0]
  if (!villager) throw new Error('the demo has no villager')
  return villager.id
}

it('without a session the app starts on the login page: its chunk preloaded, no home code, no me.get, nothing moves', async () => {
  const { context, page } = await phone()
  const scripts: string[] = []
  const calls: string[] = []
  page.on('request', (r) => {
    const url = new URL(r.url())
    if (url.pathname.startsWith('/js/')) scripts.push(url.pathname)
    if (url.pathname.startsWith('/api/')) calls.push(url.pathname.slice(5))
  })
  await page.goto(`${h.server.url}/`)
  const id = await villagerId()
  await page.locator(`.person-${id}`).waitFor({ timeout: 60_000 })
  await page.locator('.login-setup').waitFor({ timeout: 10_000 })
  await page.waitForTimeout(1_000)

  expect(new URL(page.url()).hash).toBe('#/pages/login/index')
  // The name painted while the scripts downloaded is gone now that the login page is there.
  expect(await page.locator('.mq-splash').isVisible()).toBe(false)
  expect(calls).not.toContain('me.get')
  expect(calls).toEqual(['auth.mode', 'auth.devPeople'])
  // The app's two entry scripts and the login page's chunk, which index.html preloaded.
  const preloaded = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel=preload]')).map((l) => new URL(l.href).pathname))
  const loginScripts = preloaded.filter((p) => p.endsWith('.js'))
  expect(loginScripts).toHaveLength(1)
  expect(new Set(scripts).size).toBe(3)
  expect(scripts).toContain(loginScripts[0])

  const moved = await shifts(page)
  await page.screenshot({ path: path.join(screenshots, 'first-screen-speed-login.png') })
  expect(moved).toEqual([])
  await context.close()
})

it('the villager home (a session kept from before) does not move as its data arrives', async () => {
  const { context, page } = await phone()
  const id = await villagerId()
  await page.goto(`${h.server.url}/`)
  await page.locator(`.person-${id}`).click({ timeout: 60_000 })
  await page.locator('.cadre-name').waitFor({ timeout: 60_000 })
  // A fresh start of the app with the session kept: the home page's chunk preloaded, then its data.
  await page.goto(`${h.server.url}/?again`)
  await page.locator('.cadre-name').waitFor({ timeout: 60_000 })
  await page.locator('.posting-months').waitFor({ timeout: 30_000 })
  await page.waitForTimeout(1_000)
  const preloaded = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel=preload]')).map((l) => new URL(l.href).pathname))
  expect(preloaded.filter((p) => p.endsWith('.js'))).toHaveLength(1)
  const moved = await shifts(page)
  await page.screenshot({ path: path.join(screenshots, 'first-screen-speed-home.png') })
  expect(moved).toEqual([])
  await context.close()
})

it('the app shell shows the app\'s name (from the catalogue) before any script has run', async () => {
  const html = await (await fetch(`${h.server.url}/`)).text()
  expect(html).toMatch(new RegExp(`<div class="mq-splash" aria-hidden="true">${zhCN.appName}<small>${zhCN.common.loading}</small></div>`))
  const context = await h.browser.newContext({ javaScriptEnabled: false, viewport: { width: 412, height: 823 } })
  const page = await context.newPage()
  await page.goto(`${h.server.url}/`)
  expect(await page.locator('.mq-splash').isVisible()).toBe(true)
  await context.close()
})

it('sends the build\'s own brotli file of every script of the first screen, cached for a year', async () => {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8')
  const entry = [...html.matchAll(/src="(\/js\/[^"]+\.js)"/g)].map((m) => m[1] as string)
  expect(entry.length).toBeGreaterThanOrEqual(2)
  for (const file of entry) {
    const res = await fetch(`${h.server.url}${file}`, { headers: { 'accept-encoding': 'br' } })
    expect(res.headers.get('content-encoding')).toBe('br')
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(Number(res.headers.get('content-length'))).toBe(fs.statSync(path.join(dist, `${file}.br`)).size)
  }
})
