/**
 * Issue 13 item 2 (guard) in a real browser (H5 build, seeded demo township), looked at 390x844 in
 * normal and elder mode: a follower's public view shows the photo the content check cleared and not
 * the one it refused (the local adapter refuses the photo the test marks); the reporter's ticket
 * page shows both photos and says that one of them others do not see, and why.
 * Screenshots: .tmp/e2e/guard-follower-photos(-elder).png, guard-reporter-photos(-elder).png.
 */
import path from 'node:path'
import type { Page } from 'playwright-core'
import type { ActionName, InputOf, OutputOf } from '../../src/contracts'
import { localContentSecurity } from '../../src/server/wechat/content'
import { realPng } from '../server/fixtures/images'
import { screenshots } from './browser'
import { apiAs, fileHarness, neighbours as neighboursOf } from './contexts2'

jest.setTimeout(180_000)

// The file's harness (started before its tests, stopped after them with its pages).
const h = fileHarness()
// One page per person: normal mode first, then elder mode stored and the app loaded again in the same page.
const pages = h.pages

const tokenOf = async (personId: string): Promise<string> =>
  ((await (await fetch(`${h.server.url}/api/auth.devLogin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ input: { personId } }) })).json()) as { data: { token: string } }).data.token

const api = <N extends ActionName>(personId: string, action: N, input: InputOf<N>): Promise<OutputOf<N>> => apiAs(h, personId, action, input)

const uploadPhoto = async (personId: string, text: string): Promise<string> => {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(Buffer.from(await realPngOf(text), 'base64'))]), 'photo.png')
  const res = await fetch(`${h.server.url}/upload?kind=photo`, { method: 'POST', body: form, headers: { authorization: `Bearer ${await tokenOf(personId)}` } })
  const body = (await res.json()) as { ok: boolean; data?: { url: string } }
  if (!body.ok || !body.data) throw new Error(`upload: ${JSON.stringify(body)}`)
  return body.data.url
}

/** Two different real PNGs (a QR code of the text), so each upload is its own picture. */
const realPngOf = async (text: string): Promise<string> => {
  const QRCode = (await import('qrcode')).default
  return text ? (await QRCode.toBuffer(text, { type: 'png', width: 240 })).toString('base64') : realPng()
}

/** The person's page at `route` in normal or elder mode: the mode is stored, then the app loads (as a launch reads it). */
const signedIn = async (personId: string, route: string, elder = false): Promise<Page> =>
  elder
    ? pages.loadAt(personId, `/${route}`, { 'mq.elder': 'off' }, (page) => page.evaluate(() => localStorage.setItem('mq.elder', JSON.stringify({ data: 'on' }))))
    : pages.at(personId, `/${route}`, { 'mq.elder': 'off' })

const neighbours = () => neighboursOf(h)

/** The loaded images under the selector (an <img> with pixels). */
const loadedImages = (page: Page, selector: string) =>
  page.evaluate((s) => Array.from(document.querySelectorAll(`${s} img`)).filter((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0).length, selector)

it('a follower sees only the cleared photo; the reporter sees both and is told why one is hidden (normal and elder)', async () => {
  const { reporter, neighbour } = await neighbours()
  const cleared = await uploadPhoto(reporter.id, 'bridge-railing')
  const refused = await uploadPhoto(reporter.id, 'refused-photo')
  localContentSecurity.refusedImages.add(refused)
  const ticket = await api(reporter.id, 'ticket.create', { kind: 'problem', category: 'infrastructure', description: '桥头的护栏断了，晚上过桥很危险', photoUrls: [cleared, refused] })
  await api(neighbour.id, 'ticket.follow', { ticketId: ticket.id })

  for (const elder of [false, true]) {
    const suffix = elder ? '-elder' : ''
    const follower = await signedIn(neighbour.id, `pages/ticket/index?id=${ticket.id}`, elder)
    await follower.locator('.public-ticket .public-photo').first().waitFor({ timeout: 30_000 })
    await follower.waitForFunction(() => Array.from(document.querySelectorAll('.public-photo img')).some((img) => (img as HTMLImageElement).naturalWidth > 0), undefined, { timeout: 20_000 })
    expect(await follower.locator('.public-ticket .public-photo').count()).toBe(1)
    expect(await loadedImages(follower, '.public-ticket')).toBe(1)
    expect(await follower.locator('.public-ticket').textContent()).toContain('照片通过内容安全检查后才显示')
    await follower.screenshot({ path: path.join(screenshots, `guard-follower-photos${suffix}.png`), fullPage: true })

    const own = await signedIn(reporter.id, `pages/ticket/index?id=${ticket.id}`, elder)
    await own.locator('.ticket-detail .photo-check-note--hidden').waitFor({ timeout: 30_000 })
    expect(await own.locator('.ticket-detail .ticket-photo').count()).toBe(2)
    expect(await own.locator('.photo-check-note--hidden').textContent()).toBe('有 1 张照片没有通过内容安全检查（其他原因），只有办理的干部能看到，其他村民看不到。')
    await own.waitForFunction(() => Array.from(document.querySelectorAll('.ticket-photo img')).filter((img) => (img as HTMLImageElement).naturalWidth > 0).length === 2, undefined, { timeout: 20_000 })
    await own.screenshot({ path: path.join(screenshots, `guard-reporter-photos${suffix}.png`), fullPage: true })
  }
})
