/**
 * Issue 12 items 3, 8, 9, 10 through the screens, in a real browser against the H5 build on the
 * seeded demo township:
 * - 结账 shows the posting first (weeks named by dates, each comment once), then a confirmation
 *   saying what happens and who sees it; 取消 closes nothing, only the confirm button closes;
 * - the supervision desk preselects nothing but the chosen cadre's own village, refuses a finding
 *   without a note, and asks before recording 不在村;
 * - the dashboard offers the current month so far;
 * - the villager home shows the cadre's portrait and the village days in plain words;
 * - elder mode (长辈版), switched on 我的 and remembered, measured on the villager home: body text
 *   >= 18 px, key text >= 30 px, every target >= 60x60, reachable by keyboard.
 * Screenshots (normal and elder, 390x844) go to .tmp/e2e/.
 */
import path from 'node:path'
import type { Page } from 'playwright-core'
import { screenshots } from './browser'
import { fileHarness, until } from './contexts2'

jest.setTimeout(180_000)

// The file's harness (started before its tests, stopped after them with its pages).
const h = fileHarness()
// One page per person for the file, signed in on the home: each test moves it there (a hash change, no load).
const pages = h.pages
const homeOf = (personId: string) => pages.at(personId, '/pages/index/index')

const listedPerson = async (match: (p: { roles: string[]; duty: string | null; householdId: string | null }) => boolean): Promise<string> => {
  const answer = await fetch(`${h.server.url}/api/auth.devPeople`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"input":{}}' })
  const { groups } = (await answer.json()).data as { groups: { people: { id: string }[] }[] }
  for (const id of groups.flatMap((g) => g.people.map((p) => p.id))) {
    const person = await h.server.deps.store.get('people', id)
    if (person && match(person)) return id
  }
  throw new Error('no listed person matches')
}

const lastMonth = () => {
  const d = new Date(Date.now() + 8 * 3_600_000)
  const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1))
  return `${m.getUTCFullYear()}-${String(m.getUTCMonth() + 1).padStart(2, '0')}`
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true })

it('结账: the posting preview first, then a confirmation; 取消 closes nothing, the confirm button closes', async () => {
  const officeId = await listedPerson((p) => p.roles.includes('cadre') && p.duty === 'office' && !p.roles.includes('supervisor') && !p.roles.includes('leader'))
  const page = await homeOf(officeId)
  await page.locator('.entry-office').first().click()
  const period = lastMonth()
  const row = page.locator(`.period-${period}`)
  await row.waitFor({ timeout: 30_000 })
  const closed = async () => (await h.server.deps.store.find('periods', {})).some((p) => p.period === period && p.status === 'closed')

  await row.locator('.close-button').click()
  const dialog = page.locator('.mq-confirm')
  await dialog.locator('.mq-confirm__preview .posting-row').first().waitFor({ timeout: 30_000 })
  expect(await dialog.locator('.mq-confirm__who').textContent()).toContain('全镇')
  expect(await dialog.locator('.mq-confirm__what').textContent()).toContain('重新打开')
  // The preview speaks plain words: weeks by their dates, no ISO week codes.
  const weeks = await dialog.locator('.posting-weeks').first().textContent()
  expect(weeks).toMatch(/\d+月\d+日至\d+月\d+日：(做到了|没做到)/)
  expect(await dialog.locator('.mq-confirm__preview').textContent()).not.toMatch(/\d{4}-W\d{2}/)
  await shot(page, 'office-close-preview')

  await dialog.locator('.at-button.confirm-cancel').click()
  await dialog.waitFor({ state: 'detached', timeout: 10_000 })
  expect(await closed()).toBe(false)

  await row.locator('.close-button').click()
  await dialog.locator('.mq-confirm__preview .posting-row').first().waitFor({ timeout: 30_000 })
  await dialog.locator('.at-button.confirm-ok').click()
  await row.locator('.posting-link').waitFor({ timeout: 30_000 })
  expect(await closed()).toBe(true)

  // The published posting: each mass comment once.
  await row.locator('.posting-link').click()
  await page.locator('.posting-row').first().waitFor({ timeout: 20_000 })
  for (const line of await page.locator('.posting-mass').allTextContents()) {
    const comments = line.replace(/^[^：]*：/, '').split('；').map((c) => c.replace(/（\d+ 人这样说）$/, ''))
    expect(new Set(comments).size).toBe(comments.length)
  }
  await shot(page, 'office-posting-plain')
})

it('supervision: the cadre’s own village is preselected, a note is required, 不在村 asks before it is recorded', async () => {
  const supervisorId = await listedPerson((p) => p.roles.includes('supervisor'))
  const page = await homeOf(supervisorId)
  await page.locator('.entry-supervision').first().click()
  const form = page.locator('.verify-presence')
  await form.waitFor({ timeout: 30_000 })
  // Nothing is chosen until the supervisor chooses.
  expect(await form.locator('.mq-choice__item--on').count()).toBe(1) // only the method (电话核实)

  const store = h.server.deps.store
  const teams = await store.find('teams', {})
  const team = teams.find((t) => t.memberIds.length > 0)
  if (!team) throw new Error('no team with members')
  const cadreId = team.memberIds[0] as string
  const cadre = await store.get('people', cadreId)
  const village = await store.get('villages', team.villageId)
  await form.locator(`.verify-cadre .mq-choice__item--${cadreId}`).click()
  expect(await form.locator(`.verify-village .mq-choice__item--${team.villageId}`).getAttribute('class')).toContain('mq-choice__item--on')
  expect(await form.locator('.verify-own-village').textContent()).toContain(village?.name ?? '?')

  const findings = async () => (await store.find('findings', {})).filter((f) => f.cadreId === cadreId).length
  const before = await findings()
  // Without a note: no dialog, nothing recorded.
  await form.locator('.at-button.verify-absent').click()
  // The tap is answered by the message asking for the note (a toast), not by a dialog.
  await page.locator('.taro__toast', { hasText: '请先写核实情况' }).waitFor({ state: 'attached', timeout: 10_000 })
  expect(await page.locator('.mq-confirm').count()).toBe(0)

  await form.locator('.verify-note textarea').fill('电话打了三次无人接听，村支书说今天没见到他')
  await form.locator('.at-button.verify-absent').click()
  const dialog = page.locator('.mq-confirm')
  await dialog.waitFor({ timeout: 10_000 })
  expect(await dialog.locator('.mq-confirm__title').textContent()).toContain(`${cadre?.name}不在${village?.name}`)
  expect(await dialog.locator('.mq-confirm__who').textContent()).toContain('他本人')
  await shot(page, 'supervision-absent-confirm')
  await dialog.locator('.at-button.confirm-cancel').click()
  await dialog.waitFor({ state: 'detached', timeout: 10_000 })
  expect(await findings()).toBe(before)

  await form.locator('.at-button.verify-absent').click()
  await dialog.locator('.at-button.confirm-ok').click()
  await until(async () => (await findings()) !== before)
  expect(await findings()).toBe(before + 1)
})

it('the dashboard offers the current month so far', async () => {
  const officeId = await listedPerson((p) => p.roles.includes('cadre') && p.duty === 'office' && !p.roles.includes('supervisor') && !p.roles.includes('leader'))
  const page = await homeOf(officeId)
  await page.locator('.entry-dashboard').first().click()
  const current = page.locator('.filter-period .mq-choice__item', { hasText: '本月至今' })
  await current.waitFor({ timeout: 30_000 })
  await current.click()
  await page.locator('.dashboard-body').waitFor({ timeout: 30_000 })
  expect(await page.locator('.dashboard .office-note').first().textContent()).toContain('未结账')
})

/** Every visible text element's font size (CSS px) on the page's main content. */
const textSizes = (page: Page) =>
  page.evaluate(() => {
    const out: { text: string; size: number }[] = []
    const walker = document.createTreeWalker(document.querySelector('.home-page') ?? document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim()
      const el = n.parentElement
      if (!text || !el) continue
      const box = el.getBoundingClientRect()
      if (box.width === 0 || box.height === 0) continue
      out.push({ text, size: parseFloat(getComputedStyle(el).fontSize) })
    }
    return out
  })

/** Every tappable thing's box on the villager home: buttons, the three actions, the tab bar. */
const targetBoxes = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('.home-page .at-button, .home-page .villager-action, .weui-tabbar__item'))
      .map((el) => ({ name: (el.textContent ?? '').trim().slice(0, 20), box: el.getBoundingClientRect() }))
      .filter((t) => t.box.width > 0 && t.box.height > 0)
      .map((t) => ({ name: t.name, width: Math.round(t.box.width), height: Math.round(t.box.height) })),
  )

it('the villager home: portrait, village days in plain words; elder mode measured (text, targets, keyboard), remembered', async () => {
  const villagerId = await listedPerson((p) => p.roles.includes('villager') && p.householdId !== null)
  const page = await homeOf(villagerId)
  const card = page.locator('.cadre-card')
  await card.locator('.cadre-name').waitFor({ timeout: 30_000 })
  // The seeded cadre has a generated portrait, drawn as an image.
  expect(await card.locator('.mq-avatar--photo img').getAttribute('alt')).toContain('的照片')
  expect(await card.locator('.village-days').textContent()).toMatch(/这个月来村里 \d+ 天，这周 \d+ 天（每周应不少于 \d+ 天）/)
  expect(await page.locator('.home-page').textContent()).not.toMatch(/1135|考核周期|数据指纹|\d{3,} 小时/)
  await shot(page, 'villager-home-normal')

  // Normal mode already gives villager-sized targets.
  expect((await targetBoxes(page)).filter((t) => t.height < 60 || t.width < 60)).toEqual([])

  // 我的 -> 长辈版.
  await page.locator('.weui-tabbar__item').nth(2).click()
  await page.locator('.at-button.elder-switch').click()
  await page.locator('.elder-state--on').waitFor({ timeout: 10_000 })
  await shot(page, 'villager-me-elder')
  await page.locator('.weui-tabbar__item').nth(0).click()
  await card.locator('.cadre-name').waitFor({ timeout: 30_000 })
  // Remembered across a reload.
  await page.reload()
  await card.locator('.cadre-name').waitFor({ timeout: 30_000 })
  expect(await page.evaluate(() => document.documentElement.classList.contains('mq-elder'))).toBe(true)
  await shot(page, 'villager-home-elder')

  const sizes = await textSizes(page)
  expect(sizes.length).toBeGreaterThan(10)
  const small = sizes.filter((s) => s.size < 18)
  expect(small).toEqual([])
  const sizeOf = async (selector: string) => page.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  expect(await sizeOf('.cadre-card .cadre-name')).toBeGreaterThanOrEqual(30)
  expect(await sizeOf('.call-button .at-button__text')).toBeGreaterThanOrEqual(30)
  const targets = await targetBoxes(page)
  expect(targets.length).toBeGreaterThanOrEqual(5)
  expect(targets.filter((t) => t.height < 60 || t.width < 60)).toEqual([])
  // Nothing runs off the right edge at the larger text.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)

  // Keyboard: Tab reaches the call button and the three actions, each with a name.
  const reached = new Set<string>()
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab')
    const name = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      if (!el || el === document.body) return ''
      return (el.getAttribute('aria-label') ?? el.textContent ?? '').trim()
    })
    if (name) reached.add(name)
  }
  const names = [...reached].join(' | ')
  for (const action of ['打电话', '办事', '反映问题', '评价']) expect(names).toContain(action)
})
