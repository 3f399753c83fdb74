/**
 * Lighthouse mobile (performance, accessibility), median of N runs, on the H5 login page and on a
 * villager's home, with Debian's chromium. Issue 12 item 11 asks for >= 95 on both.
 *
 *   npm install --prefix tools/lighthouse
 *   npm run bench:lighthouse                       # builds nothing; serves dist-h5/ itself
 *   node tools/lighthouse/run.mjs [url] [runs=3]   # against a server already running
 *   LH_SAVE=folder ...                             # also keeps every run's full report (JSON)
 *
 * Without a url it starts the local demo server (tsx src/server/local/main.ts --demo) on a free
 * port with a throw-away data folder, and stops it at the end. Besides the scores it prints the
 * metrics (FCP, LCP, TBT, CLS, speed index), the bytes of JS and CSS sent (compressed, as on the
 * wire) and Lighthouse's unused-JS estimate, so that progress shows even when a loaded machine
 * makes the score noisy.
 *
 * The villager is the first one the login screen lists; the session is made by clicking them on
 * the login screen, and kept (disableStorageReset) for the run on the home. The HTTP cache is
 * cleared before every run (a first visit: nothing cached), also for the signed-in run.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const lighthouse = (await import(require.resolve('lighthouse'))).default
const puppeteer = (await import(require.resolve('puppeteer-core'))).default

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium'
const urlArg = process.argv.slice(2).find((a) => /^https?:/.test(a))
const runs = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 3)

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })

/** The local demo server on a free port (its own data folder), ready when it says so. */
const startServer = async () => {
  if (!fs.existsSync(path.join(root, 'dist-h5', 'index.html'))) throw new Error('dist-h5/ is missing: run `npm run build:h5` first')
  const port = await freePort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-lighthouse-'))
  const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), ['src/server/local/main.ts', '--demo'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), MINQING_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the local server did not start within 120 s')), 120_000)
    child.stdout.on('data', (chunk) => {
      if (String(chunk).includes('running')) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.once('exit', (code) => reject(new Error(`the local server exited (${code})`)))
  })
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => {
      child.kill('SIGTERM')
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

const villagerId = async (base) => {
  const answer = await fetch(`${base}/api/auth.devPeople`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"input":{}}' })
  const { groups } = (await answer.json()).data
  return groups.find((g) => g.role === 'villager').people[0].id
}

const kb = (bytes) => Math.round(bytes / 1024)

const once = async (base, signedIn) => {
  const browser = await puppeteer.launch({
    executablePath: chrome,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  try {
    const page = await browser.newPage()
    if (signedIn) {
      await page.goto(`${base}/`, { waitUntil: 'networkidle0' })
      const id = await villagerId(base)
      await page.waitForSelector(`.person-${id}`, { timeout: 30_000 })
      await page.click(`.person-${id}`)
      await page.waitForSelector('.cadre-name', { timeout: 30_000 })
      const cdp = await page.createCDPSession()
      await cdp.send('Network.clearBrowserCache')
      await cdp.detach()
    }
    const result = await lighthouse(`${base}/`, { output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'], disableStorageReset: true }, undefined, page)
    const lhr = result.lhr
    if (process.env.LH_SAVE) fs.writeFileSync(path.join(process.env.LH_SAVE, `${signedIn ? 'home' : 'login'}-${Date.now()}.json`), JSON.stringify(lhr))
    const audit = (id) => lhr.audits[id]
    const failed = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id && r.weight > 0))
      .map((a) => a.id)
    const items = audit('network-requests').details?.items ?? []
    const sent = (type) => items.filter((r) => r.resourceType === type).reduce((sum, r) => sum + (r.transferSize ?? 0), 0)
    const raw = (type) => items.filter((r) => r.resourceType === type).reduce((sum, r) => sum + (r.resourceSize ?? 0), 0)
    return {
      performance: Math.round(lhr.categories.performance.score * 100),
      accessibility: Math.round(lhr.categories.accessibility.score * 100),
      fcp: audit('first-contentful-paint').numericValue,
      lcp: audit('largest-contentful-paint').numericValue,
      tbt: audit('total-blocking-time').numericValue,
      cls: audit('cumulative-layout-shift').numericValue,
      si: audit('speed-index').numericValue,
      requests: items.length,
      jsSentKB: kb(sent('Script')),
      jsRawKB: kb(raw('Script')),
      cssSentKB: kb(sent('Stylesheet')),
      cssRawKB: kb(raw('Stylesheet')),
      totalKB: kb(audit('total-byte-weight').numericValue ?? 0),
      unusedJsKB: kb(audit('unused-javascript').details?.overallSavingsBytes ?? 0),
      renderBlocking: (audit('render-blocking-resources').details?.items ?? []).map((i) => i.url.replace(base, '')),
      failedA11y: failed,
    }
  } finally {
    await browser.close()
  }
}

const main = async () => {
  const server = urlArg ? { url: urlArg.replace(/\/$/, ''), stop: () => {} } : await startServer()
  try {
    console.log(`Lighthouse ${require('lighthouse/package.json').version}, mobile, ${runs} runs per page, ${server.url} (load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')})`)
    for (const [name, signedIn] of [['login page', false], ['villager home', true]]) {
      const results = []
      for (let i = 0; i < runs; i++) results.push(await once(server.url, signedIn))
      const m = (key) => median(results.map((r) => r[key]))
      console.log(
        JSON.stringify(
          {
            page: name,
            runs: results.map((r) => `${r.performance}/${r.accessibility} FCP ${Math.round(r.fcp)}ms LCP ${Math.round(r.lcp)}ms TBT ${Math.round(r.tbt)}ms CLS ${r.cls.toFixed(3)}`),
            medianPerformance: m('performance'),
            medianAccessibility: m('accessibility'),
            medianFcpMs: Math.round(m('fcp')),
            medianLcpMs: Math.round(m('lcp')),
            medianTbtMs: Math.round(m('tbt')),
            medianCls: Number(m('cls').toFixed(3)),
            medianSpeedIndexMs: Math.round(m('si')),
            requests: m('requests'),
            jsKB: `${m('jsSentKB')} sent / ${m('jsRawKB')} raw`,
            cssKB: `${m('cssSentKB')} sent / ${m('cssRawKB')} raw`,
            totalKB: m('totalKB'),
            unusedJsKB: m('unusedJsKB'),
            renderBlocking: [...new Set(results.flatMap((r) => r.renderBlocking))],
            failedAccessibilityAudits: [...new Set(results.flatMap((r) => r.failedA11y))],
          },
          null,
          1,
        ),
      )
    }
    console.log(`(load after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')})`)
  } finally {
    server.stop()
  }
}

await main()
