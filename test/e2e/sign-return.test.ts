/**
 * Issue 12: after signing or disputing a visit, going back to the home never shows the stale
 * "请签字确认" for it. Through the screens a villager uses, in a real browser at 390x844: the home
 * lists the visit, the villager signs (or disputes) it, goes back, and the entry is gone without a
 * reload. Offline, the signature waits in the outbox: the home does not ask for it again meanwhile,
 * and once the signal returns it is sent and the visit stays answered.
 */
import path from 'node:path'
import type { Page } from 'playwright-core'
import type { Person } from '../../src/core/model'
import { screenshots, startBrowserHarness, typedApi, type BrowserHarness } from './browser'
import { contextAs, drawSignature, nextAnswer, settledBox } from './contexts2'

jest.setTimeout(180_000)

let h: BrowserHarness
beforeAll(async () => {
  h = await startBrowserHarness()
})
afterAll(() => h?.stop())

const api = typedApi(() => h)
const tokenOf = async (personId: string) => (await api('auth.devLogin', { personId })).token

/** A fresh context per test: each test is another household's member (one load, signed in by token). */
const pageAs = async (personId: string): Promise<Page> => (await contextAs(h, personId)).newPage()

/** Distinct households (each with a member with a phone) of resident cadres: one per test. */
const households: { cadre: Person; member: Person }[] = []
const nextHousehold = async () => {
  if (households.length === 0) {
    const store = h.server.deps.store
    const people = await store.find('people', {})
    for (const cadre of people.filter((p) => p.roles.includes('cadre') && p.duty === 'resident')) {
      for (const household of await store.find('households', { cadreId: cadre.id })) {
        const member = people.find((p) => p.householdId === household.id && p.hasPhone && p.roles.includes('villager') && !p.roles.includes('cadre'))
        if (member && (await store.find('visits', { householdId: household.id, status: 'pending' })).length === 0) households.push({ cadre, member })
        if (households.length >= 6) break
      }
      if (households.length >= 6) break
    }
  }
  const next = households.shift()
  if (!next) throw new Error('the demo township has no household left for this test')
  return next
}

/** The cadre logs a visit to the member's household (through the API: the cadre's screens have their own tests). */
const visitFor = async (cadre: Person, member: Person) =>
  api('visit.create', { householdId: member.householdId ?? '', purpose: '了解冬季取暖情况', notes: '', problems: '', overnight: false }, await tokenOf(cadre.id))

const entryOf = (page: Page, visitId: string) => page.locator(`.waiting-visit-${visitId.replace(/[^A-Za-z0-9_-]/g, '')}`)

/** From the home's waiting list to the sign-off page, with the canvas settled after the slide-in. */
const openFromHome = async (page: Page, visitId: string) => {
  await page.goto(`${h.server.url}/#/pages/index/index`)
  const entry = entryOf(page, visitId)
  await entry.waitFor({ timeout: 30_000 })
  expect(await entry.textContent()).toContain('请签字确认')
  await entry.locator('.at-button.waiting-visit__sign').click()
  const canvas = page.locator('.signature-canvas')
  await canvas.waitFor({ timeout: 30_000 })
  return settledBox(canvas)
}

const draw = drawSignature

/** Back to the home with the browser's back (the page history, not a reload), then the home again. */
const back = async (page: Page) => {
  await page.goBack()
  await page.locator('.home').waitFor({ timeout: 30_000 })
}

it('after signing a visit, going back to the home no longer asks to sign it', async () => {
  const { cadre, member } = await nextHousehold()
  const visit = await visitFor(cadre, member)
  const page = await pageAs(member.id)
  const box = await openFromHome(page, visit.id)
  await draw(page, box)
  await page.locator('.at-button.sign-confirm').click()
  await page.locator('.sign-result').waitFor({ timeout: 30_000 })
  expect((await h.server.deps.store.get('visits', visit.id))?.status).toBe('signed')

  const homeAnswered = nextAnswer(page, 'villager.home')
  await back(page)
  await entryOf(page, visit.id).waitFor({ state: 'detached', timeout: 20_000 })
  // And it stays gone (no late answer puts it back): the home's own reload on return has answered.
  await homeAnswered()
  expect(await entryOf(page, visit.id).count()).toBe(0)
  await page.screenshot({ path: path.join(screenshots, 'sign-return-home.png'), fullPage: true })
  await page.context().close()
})

it('after disputing a visit, going back to the home no longer asks to sign it', async () => {
  const { cadre, member } = await nextHousehold()
  const visit = await visitFor(cadre, member)
  const page = await pageAs(member.id)
  await openFromHome(page, visit.id)
  await page.locator('.at-button.sign-dispute-open').click()
  await page.locator('.dispute-reason textarea').fill('干部那天没有来过我家')
  await page.locator('.at-button.dispute-submit').click()
  await page.locator('.sign-result').waitFor({ timeout: 30_000 })
  expect((await h.server.deps.store.get('visits', visit.id))?.status).toBe('disputed')

  const homeAnswered = nextAnswer(page, 'villager.home')
  await back(page)
  await entryOf(page, visit.id).waitFor({ state: 'detached', timeout: 20_000 })
  await homeAnswered()
  expect(await entryOf(page, visit.id).count()).toBe(0)
  await page.context().close()
})

it('a signature made without signal is not asked for again while it waits, and is sent once the signal returns', async () => {
  const store = h.server.deps.store
  const { cadre, member } = await nextHousehold()
  const visit = await visitFor(cadre, member)
  const page = await pageAs(member.id)
  const box = await openFromHome(page, visit.id)
  await draw(page, box)
  await page.context().setOffline(true)
  await page.locator('.at-button.sign-confirm').click()

  // Home, offline: the signature is listed as waiting, and the visit is not asked for again.
  await page.locator('.offline-banner__item', { hasText: '走访签字确认' }).waitFor({ timeout: 30_000 })
  await page.locator('.home').waitFor({ timeout: 20_000 })
  expect(await entryOf(page, visit.id).count()).toBe(0)
  expect((await store.get('visits', visit.id))?.status).toBe('pending')
  await page.screenshot({ path: path.join(screenshots, 'sign-return-offline.png'), fullPage: true })

  // The home's load that failed offline loads again once the signal returns: its answer is awaited.
  const homeAnswered = nextAnswer(page, 'villager.home')
  await page.context().setOffline(false)
  await page.locator('.offline-banner').waitFor({ state: 'detached', timeout: 40_000 })
  expect((await store.get('visits', visit.id))?.status).toBe('signed')
  await homeAnswered()
  expect(await entryOf(page, visit.id).count()).toBe(0)
  await page.context().close()
})
