/**
 * In the field (issue 12 items 1, 2, 6), in a real browser at 390x844 against the H5 build:
 * - the cadre plays a villager's recorded voice note on the ticket page (a committed WAV file), sees
 *   the place with 导航, and the villager's name, household and a call button;
 * - a villager with no signal reports with a photo: photo and report wait on the phone, the home
 *   still shows the cadre's phone number, and the report arrives once when the signal returns;
 * - a cadre at the door starts a visit from his household list (search by name), and the whole
 *   visit form, save button included, fits on the first screen.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { screenshots } from './browser'
import { fileHarness, freshPageAt, pickOfferedDay } from './contexts2'

jest.setTimeout(180_000)

// The file's harness (started before its tests, stopped after them with its pages).
const h = fileHarness()
// One page per person for the file: each test moves it to its screen (a hash change, no load).
const pages = h.pages

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name))

const tokenOf = async (personId: string): Promise<string> => {
  const res = await fetch(`${h.server.url}/api/auth.devLogin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ input: { personId } }) })
  return ((await res.json()) as { data: { token: string } }).data.token
}

const signedIn = (personId: string, hash = '/pages/index/index'): Promise<Page> => pages.at(personId, hash)

/** A plain villager with a phone and their household's cadre. */
const villagerAndCadre = async (skip: string[] = []) => {
  const store = h.server.deps.store
  for (const p of await store.find('people', {}, { orderBy: { field: 'id' } })) {
    if (skip.includes(p.id) || p.roles.length !== 1 || p.roles[0] !== 'villager' || !p.hasPhone || !p.householdId) continue
    const household = await store.get('households', p.householdId)
    if (household?.cadreId) return { villager: p, household, cadreId: household.cadreId }
  }
  throw new Error('no villager with a cadre in the seed')
}

it('the voice player plays a recorded file; the place has 导航; the cadre sees who reported it with a call button', async () => {
  const { villager, household, cadreId } = await villagerAndCadre()
  const token = await tokenOf(villager.id)
  const form = new FormData()
  form.append('file', new Blob([fixture('voice.wav')], { type: 'audio/wav' }), 'voice.wav')
  const uploaded = (await (await fetch(`${h.server.url}/upload?kind=voice`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } })).json()) as { data: { url: string } }
  const created = (await (
    await fetch(`${h.server.url}/api/ticket.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        input: { kind: 'problem', category: 'infrastructure', description: '（语音反映，请听录音）', voiceUrl: uploaded.data.url, location: { lat: 39.61, lng: 109.78, datum: 'gcj02' } },
        requestId: `e2e-voice-${Date.now()}`,
      }),
    })
  ).json()) as { data: { id: string } }

  const page = await signedIn(cadreId, `/subpackages/cadre/pages/ticket/index?id=${created.data.id}`)
  const player = page.locator('.voice-player')
  await player.waitFor({ timeout: 30_000 })
  // The length comes from the file itself (1.5 s, shown rounded).
  await page.locator('.voice-length', { hasText: '2 秒' }).waitFor({ timeout: 20_000 })
  await page.locator('.at-button.voice-play').click()
  await page.locator('.voice-player--playing').waitFor({ timeout: 20_000 })
  expect(await page.locator('.at-button.voice-play').textContent()).toContain('暂停')
  await page.screenshot({ path: path.join(screenshots, 'field-voice-playing.png') })
  // It plays to the end by itself and the button says 播放 again.
  await page.locator('.voice-player--playing').waitFor({ state: 'detached', timeout: 20_000 })
  expect(await page.locator('.at-button.voice-play').textContent()).toContain('播放')

  expect(await page.locator('.ticket-place__point').textContent()).toBe('北纬 39.6100°，东经 109.7800°')
  const navigate = await page.locator('.at-button.place-navigate').boundingBox()
  expect(navigate?.height ?? 0).toBeGreaterThanOrEqual(60)
  expect((await page.locator('.at-button.voice-play').boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(60)
  const who = page.locator('.ticket-who')
  expect(await who.textContent()).toContain(villager.name)
  expect(await who.textContent()).toContain(`${household.number}号户`)
  const call = page.locator('.at-button.call-reporter')
  expect(await call.textContent()).toContain(villager.name)
  const box = await call.boundingBox()
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(60)
  await page.screenshot({ path: path.join(screenshots, 'field-ticket-cadre.png'), fullPage: true })
})

it('an offline photo report arrives once, and the home keeps the cadre and his phone number offline', async () => {
  const store = h.server.deps.store
  const { villager } = await villagerAndCadre()
  // Its own context: it goes offline and reads what waits in its storage.
  const page = await freshPageAt(h, villager.id, '/pages/index/index')
  await page.locator('.call-button').waitFor({ timeout: 30_000 })
  const cadreName = await page.locator('.cadre-name').textContent()

  await page.goto(`${h.server.url}/#/pages/report/index`)
  const box = page.locator('.report-form .description-input textarea').first()
  await box.waitFor({ timeout: 20_000 })
  const text = '羊圈旁的电线杆歪了，随时会倒'
  await box.fill(text)
  const before = await store.count('tickets', { householdId: villager.householdId ?? '' })

  await page.context().setOffline(true)
  const chooser = page.waitForEvent('filechooser')
  await page.locator('.at-button.add-photo').click()
  await (await chooser).setFiles({ name: 'pole.png', mimeType: 'image/png', buffer: fixture('photo.png') })
  await page.locator('.photo-thumb--waiting').waitFor({ timeout: 20_000 })
  await page.locator('.photos-waiting').waitFor()
  await page.screenshot({ path: path.join(screenshots, 'field-offline-photo.png') })
  await page.locator('.at-button.submit-ticket').click()

  // Home, offline: the waiting report is listed, and the cadre's card with the call button stays.
  const banner = page.locator('.offline-banner')
  await page.locator('.offline-banner__item', { hasText: text.slice(0, 10) }).waitFor({ timeout: 30_000 })
  await page.locator('.call-button').waitFor({ timeout: 20_000 })
  expect(await page.locator('.cadre-name').textContent()).toBe(cadreName)
  await page.screenshot({ path: path.join(screenshots, 'field-offline-home.png') })
  expect(await store.count('tickets', { householdId: villager.householdId ?? '' })).toBe(before)

  await page.context().setOffline(false)
  await banner.waitFor({ state: 'detached', timeout: 40_000 })
  const mine = (await store.find('tickets', { householdId: villager.householdId ?? '' })).filter((t) => t.description === text)
  expect(mine).toHaveLength(1)
  expect(mine[0]?.photoUrls).toHaveLength(1)
  const photoUrl = mine[0]?.photoUrls[0] ?? ''
  expect(photoUrl).toMatch(/^\/uploads\//)
  // Files are served only with a session: the page's own (its /uploads cookie), as an <img> asks.
  expect(await page.evaluate(async (url) => (await fetch(url)).status, photoUrl)).toBe(200)
  const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('minqing.file.') || (k === 'minqing.outbox' && (localStorage.getItem(k) ?? '').includes('羊圈'))))
  expect(left).toEqual([])
  // Still once after the app sends what waits again (e.g. on the next launch).
  await page.reload()
  await page.locator('.call-button').waitFor({ timeout: 30_000 })
  expect((await store.find('tickets', { householdId: villager.householdId ?? '' })).filter((t) => t.description === text)).toHaveLength(1)
  await page.context().close()
})

it('a visit started from the household list: search by name, tap, and the whole form fits one screen', async () => {
  const store = h.server.deps.store
  const cadre = (await store.find('people', {})).find((p) => p.roles.includes('cadre') && p.duty === 'resident')
  if (!cadre) throw new Error('no resident cadre')
  const households = await store.find('households', { cadreId: cadre.id })
  const target = households[households.length - 1]
  if (!target) throw new Error('the cadre covers no household')
  const page = await signedIn(cadre.id)
  const search = page.locator('.household-list .household-search input')
  await search.waitFor({ timeout: 30_000 })
  await search.fill(target.headName)
  const row = page.locator(`.household-start-${target.id}`)
  await row.waitFor({ timeout: 20_000 })
  await page.screenshot({ path: path.join(screenshots, 'field-household-search.png') })
  await row.click()

  const chosen = page.locator('.visit-household-chosen')
  await chosen.waitFor({ timeout: 30_000 })
  expect(await chosen.textContent()).toContain(`${target.number}号 ${target.headName}`)
  await page.locator('.visit-purpose input').fill('了解今年的草场补贴发放情况')
  const save = page.locator('.at-button.visit-save')
  const box = await save.boundingBox()
  // The save button is on the first screen (no scrolling past a list of households).
  expect((box?.y ?? 9999) + (box?.height ?? 0)).toBeLessThanOrEqual(844)
  await page.screenshot({ path: path.join(screenshots, 'field-visit-form.png') })
  const before = await store.count('visits', { householdId: target.id })
  await save.click()
  await page.locator('.visit-created').waitFor({ timeout: 30_000 })
  expect(await store.count('visits', { householdId: target.id })).toBe(before + 1)
})

it('leave dates are picked, and each message stands under its own field', async () => {
  const store = h.server.deps.store
  const cadre = (await store.find('people', {})).filter((p) => p.roles.includes('cadre') && p.duty === 'resident')[2]
  if (!cadre) throw new Error('no third resident cadre')
  const page = await signedIn(cadre.id, '/subpackages/cadre/pages/leave/index')
  const submit = page.locator('.at-button.leave-submit')
  await submit.waitFor({ timeout: 30_000 })
  expect(await page.locator('.leave-from .mq-date__value').textContent()).toBe('请选择日期')
  await submit.click()
  expect(await page.locator('.leave-from .mq-field__error').textContent()).toBe('⚠ 请选择日期')
  expect(await page.locator('.leave-to .mq-field__error').textContent()).toBe('⚠ 请选择日期')
  expect(await page.locator('.leave-reason .mq-field__error').textContent()).toBe('⚠ 请写明请假事由')
  await page.screenshot({ path: path.join(screenshots, 'field-leave-messages.png') })

  // The wheel opens on today (earlier days are not offered); confirming takes it.
  for (const field of ['.leave-from', '.leave-to']) await pickOfferedDay(page, field)
  expect(await page.locator('.leave-from .mq-date__value').textContent()).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  await page.locator('.leave-reason input').fill('家中老人住院')
  await submit.click()
  await page.locator('.leave-row', { hasText: '家中老人住院' }).waitFor({ timeout: 20_000 })
  expect(await page.locator('.mq-field__error').count()).toBe(0)
  expect(await store.count('leaves', { cadreId: cadre.id })).toBeGreaterThanOrEqual(1)
})
