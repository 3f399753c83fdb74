/**
 * Lighthouse mobile (performance, accessibility), median of N runs, on the H5 login page and on a
 * villager's home, against a running local server (`npm start` or `npm run serve`) and Debian's
 * chromium. Issue 12 item 11 asks for >= 95 on both.
 *
 *   npm install --prefix tools/lighthouse
 *   node tools/lighthouse/run.mjs http://127.0.0.1:8710 [runs=3]
 *
 * The villager is the first one the login screen lists; the session is made by clicking them on
 * the login screen, and kept (disableStorageReset) for the run on the home.
 */
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const lighthouse = (await import(require.resolve('lighthouse'))).default
const puppeteer = (await import(require.resolve('puppeteer-core'))).default

const base = process.argv[2] ?? 'http://127.0.0.1:8710'
const runs = Number(process.argv[3] ?? 3)
const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium'

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

const villagerId = async () => {
  const answer = await fetch(`${base}/api/auth.devPeople`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"input":{}}' })
  const { groups } = (await answer.json()).data
  return groups.find((g) => g.role === 'villager').people[0].id
}

const once = async (signedIn) => {
  const browser = await puppeteer.launch({
    executablePath: chrome,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  try {
    const page = await browser.newPage()
    if (signedIn) {
      await page.goto(`${base}/`, { waitUntil: 'networkidle0' })
      const id = await villagerId()
      await page.waitForSelector(`.person-${id}`, { timeout: 30_000 })
      await page.click(`.person-${id}`)
      await page.waitForSelector('.cadre-name', { timeout: 30_000 })
    }
    const result = await lighthouse(`${base}/`, { output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'], disableStorageReset: true }, undefined, page)
    const lhr = result.lhr
    const failed = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id && r.weight > 0))
      .map((a) => a.id)
    return {
      performance: Math.round(lhr.categories.performance.score * 100),
      accessibility: Math.round(lhr.categories.accessibility.score * 100),
      lcp: lhr.audits['largest-contentful-paint'].numericValue,
      tbt: lhr.audits['total-blocking-time'].numericValue,
      transferKB: Math.round((lhr.audits['total-byte-weight'].numericValue ?? 0) / 1024),
      failedA11y: failed,
    }
  } finally {
    await browser.close()
  }
}

for (const [name, signedIn] of [['login page', false], ['villager home', true]]) {
  const results = []
  for (let i = 0; i < runs; i++) results.push(await once(signedIn))
  console.log(
    JSON.stringify({
      page: name,
      runs: results.map((r) => `${r.performance}/${r.accessibility} LCP ${Math.round(r.lcp)}ms TBT ${Math.round(r.tbt)}ms ${r.transferKB}KB`),
      medianPerformance: median(results.map((r) => r.performance)),
      medianAccessibility: median(results.map((r) => r.accessibility)),
      failedAccessibilityAudits: [...new Set(results.flatMap((r) => r.failedA11y))],
    }),
  )
}
