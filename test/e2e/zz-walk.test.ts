import path from 'node:path'
import { loginAs, screenshots, startBrowserHarness } from './browser'
jest.setTimeout(300000)
it('walk', async () => {
  const h = await startBrowserHarness()
  const people = await h.server.deps.store.find('people', {})
  const answer = await fetch(`${h.server.url}/api/auth.devPeople`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"input":{}}' })
  const { groups } = (await answer.json()).data as { groups: { people: { id: string }[] }[] }
  const listed = new Set(groups.flatMap((g) => g.people.map((p) => p.id)))
  const pick = (f: (p: (typeof people)[number]) => boolean) => people.find((p) => listed.has(p.id) && f(p))?.id ?? ''
  const who = {
    secretary: pick((p) => p.roles.includes('secretary')),
    cadre: pick((p) => p.roles.includes('cadre') && p.duty === 'resident' && !p.roles.includes('leader')),
    office: pick((p) => p.roles.includes('cadre') && p.duty === 'office' && !p.roles.includes('supervisor') && !p.roles.includes('leader')),
    supervisor: pick((p) => p.roles.includes('supervisor')),
  }
  for (const [role, id] of Object.entries(who)) {
    for (const elder of [false, true]) {
      const page = await h.newPage()
      await loginAs(h, page, id)
      await page.waitForTimeout(2500)
      if (elder) {
        await page.locator('.weui-tabbar__item').nth(2).click()
        await page.locator('.at-button.elder-switch').click()
        if (role === 'cadre') await page.screenshot({ path: path.join(screenshots, `walk-${role}-me-elder.png`) })
        await page.locator('.weui-tabbar__item').nth(0).click()
        await page.waitForTimeout(1500)
      }
      await page.screenshot({ path: path.join(screenshots, `walk-${role}-home${elder ? '-elder' : ''}.png`) })
      if (role === 'supervisor') {
        await page.locator('.entry-supervision').first().click()
        await page.waitForTimeout(2500)
        await page.screenshot({ path: path.join(screenshots, `walk-${role}-desk${elder ? '-elder' : ''}.png`) })
      }
      if (role === 'office') {
        await page.locator('.entry-office').first().click()
        await page.waitForTimeout(2500)
        await page.screenshot({ path: path.join(screenshots, `walk-${role}-hub${elder ? '-elder' : ''}.png`) })
      }
      await page.context().close()
    }
  }
  await h.stop()
})
