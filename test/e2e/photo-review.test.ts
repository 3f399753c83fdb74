/**
 * images (issue 13 item 2's photos) in a real browser (H5 build, seeded demo township): a report's
 * photo that WeChat's check answered "review" waits on the office's moderation screen with what it
 * belongs to; the office clears it there (asked first, 确定公开), and a follower then sees it in the
 * report's public view. Looked at 390x844 in normal and elder mode, and at a desktop width.
 * Screenshots: .tmp/e2e/images-reporter-waiting.png, images-photo-queue(-elder|-desktop).png, images-confirm.png,
 * images-follower-after.png.
 */
import path from 'node:path'
import type { Page } from 'playwright-core'
import type { Person } from '../../src/core/model'
import { localContentSecurity } from '../../src/server/wechat/content'
import { screenshots, startBrowserHarness, tokenFor, typedApi, type BrowserHarness } from './browser'
import { loadAt, personPages } from './contexts'

jest.setTimeout(180_000)

let h: BrowserHarness
const api = typedApi(() => h)
beforeAll(async () => {
  h = await startBrowserHarness()
}, 120_000)
// One context per person and viewport for the file; every screen here is opened with a full load.
const pages = personPages(() => h)
afterAll(async () => {
  await pages.close()
  await h?.stop()
})

const uploadPhoto = async (personId: string, text: string): Promise<string> => {
  const QRCode = (await import('qrcode')).default
  const png = await QRCode.toBuffer(text, { type: 'png', width: 240 })
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(png)]), 'photo.png')
  const res = await fetch(`${h.server.url}/upload?kind=photo`, { method: 'POST', body: form, headers: { authorization: `Bearer ${await tokenFor(h, personId)}` } })
  const body = (await res.json()) as { ok: boolean; data?: { url: string } }
  if (!body.ok || !body.data) throw new Error(`upload: ${JSON.stringify(body)}`)
  return body.data.url
}

/** The person's page (at a phone's or the given size), signed in, in elder mode or not, loaded at `route`. */
const openAs = async (personId: string, route: string, options: { elder?: boolean; width?: number; height?: number } = {}): Promise<Page> => {
  const page = await pages.page(personId, options.width ? { width: options.width, height: options.height, deviceScaleFactor: 1 } : {})
  await loadAt(h, page, `/${route}`, { 'mq.elder': options.elder ? 'on' : 'off' })
  return page
}

const neighbours = async (): Promise<{ reporter: Person; neighbour: Person; office: Person }> => {
  const people = await h.server.deps.store.find('people', {})
  const office = people.find((p) => p.roles.includes('cadre') && p.duty === 'office' && !p.roles.includes('supervisor') && !p.roles.includes('leader'))
  const plain = people.filter((p) => p.roles.length === 1 && p.roles[0] === 'villager' && p.hasPhone && p.householdId && p.villageId)
  for (const reporter of plain) {
    const household = await h.server.deps.store.get('households', reporter.householdId!)
    if (!household?.cadreId) continue
    const neighbour = plain.find((p) => p.villageId === reporter.villageId && p.householdId !== reporter.householdId)
    if (neighbour && office) return { reporter, neighbour, office }
  }
  throw new Error('no two neighbours and an office hub in the seed')
}

const imageLoaded = (page: Page, selector: string) =>
  page.waitForFunction((s) => Array.from(document.querySelectorAll(`${s} img`)).some((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0), selector, { timeout: 20_000 })

it('the office clears a photo waiting on the moderation screen (asked first); the follower then sees it', async () => {
  const { reporter, neighbour, office } = await neighbours()
  const photo = await uploadPhoto(reporter.id, 'drain-under-the-bridge')
  localContentSecurity.reviewImages.add(photo)
  const ticket = await api('ticket.create', { kind: 'problem', category: 'infrastructure', description: '桥下的排水沟堵了，下雨就漫到路上', photoUrls: [photo] }, await tokenFor(h, reporter.id))
  await api('ticket.follow', { ticketId: ticket.id }, await tokenFor(h, neighbour.id))

  // Before: the follower's public view has no photo.
  const before = await openAs(neighbour.id, `pages/ticket/index?id=${ticket.id}`)
  await before.locator('.public-ticket').first().waitFor({ timeout: 30_000 })
  expect(await before.locator('.public-ticket .public-photo').count()).toBe(0)

  // The reporter reads that the photo waits for the township's own look.
  const own = await openAs(reporter.id, `pages/ticket/index?id=${ticket.id}`)
  await own.locator('.ticket-detail .photo-check-note--office').waitFor({ timeout: 30_000 })
  expect(await own.locator('.photo-check-note--office').textContent()).toBe('有 1 张照片在等镇里人工审核，审核通过后关注这件事的村民才能看到。')
  await own.screenshot({ path: path.join(screenshots, 'images-reporter-waiting.png'), fullPage: true })

  // The office's screen, looked at in elder mode and at a desktop width first.
  for (const look of [{ name: 'elder', elder: true }, { name: 'desktop', width: 1280, height: 900 }]) {
    const page = await openAs(office.id, 'subpackages/voice/moderation/index', look)
    const row = page.locator('.photo-row', { hasText: '反映问题的照片' }).first()
    await row.waitFor({ timeout: 30_000 })
    await imageLoaded(page, '.photo-row')
    await page.screenshot({ path: path.join(screenshots, `images-photo-queue-${look.name}.png`), fullPage: true })
  }

  const page = await openAs(office.id, 'subpackages/voice/moderation/index')
  const row = page.locator('.photo-row', { hasText: '反映问题的照片' }).first()
  await row.waitFor({ timeout: 30_000 })
  await imageLoaded(page, '.photo-row')
  const text = (await row.textContent()) ?? ''
  const village = await h.server.deps.store.get('villages', reporter.villageId!)
  expect(text).toContain(village!.name)
  expect(text).toContain('微信建议人工复核')
  expect(text).toContain('事项：')
  // Nothing on the row names the reporter.
  expect(text).not.toContain(reporter.name)
  await page.screenshot({ path: path.join(screenshots, 'images-photo-queue.png'), fullPage: true })

  // 可以公开 asks first; 取消 changes nothing.
  await row.locator('.at-button.approve-photo').click()
  const dialog = page.locator('.mq-confirm')
  await dialog.waitFor({ timeout: 10_000 })
  expect(await dialog.locator('.mq-confirm__who').textContent()).toContain('关注这件事的村民')
  await page.screenshot({ path: path.join(screenshots, 'images-confirm.png'), fullPage: true })
  await dialog.locator('.at-button.confirm-cancel').click()
  await dialog.waitFor({ state: 'detached', timeout: 10_000 })
  const [stillWaiting] = await h.server.deps.store.find('mediaChecks', { url: photo })
  expect(stillWaiting?.status).toBe('review')

  await row.locator('.at-button.approve-photo').click()
  await page.locator('.mq-confirm .at-button.confirm-ok').click()
  await page.locator('.photo-row', { hasText: '反映问题的照片' }).waitFor({ state: 'detached', timeout: 20_000 })
  const [decided] = await h.server.deps.store.find('mediaChecks', { url: photo })
  expect(decided).toMatchObject({ status: 'pass', decidedById: office.id })

  // After: the follower sees the photo.
  const after = await openAs(neighbour.id, `pages/ticket/index?id=${ticket.id}`)
  await after.locator('.public-ticket .public-photo').first().waitFor({ timeout: 30_000 })
  await imageLoaded(after, '.public-ticket')
  expect(await after.locator('.public-ticket .public-photo').count()).toBe(1)
  await after.screenshot({ path: path.join(screenshots, 'images-follower-after.png'), fullPage: true })
})
