// `npm run walk:weapp`: walks the weapp build's main flows headless in a mini-program runtime
// (Dimina in Chromium: the team's shared weapp-runtime instrument, not WeChat), against a freshly
// seeded local server: the villager home, filing a report, the cadre inbox, the visit sign-off page,
// the office dashboard and the office's month list (its 自动结账 line); and, in traditional Mongolian
// chosen on 我的 as a villager would (the runtime keeps storage only for one page load), the villager
// home, the report form and last month's posting. Each flow must render its key text with no page
// error; screenshots and the runtime's JSON reports go to .tmp/walk-weapp/.
// Dimina has no wx.loadFontFace: for the Mongolian flows the app's own Noto Sans Mongolian file
// (assets/fonts) is offered to Chromium as a system font (FONTCONFIG_FILE), so the glyphs can be
// looked at; whether WeChat loads it from locale.fontUrl is not something this runtime can show.
// Exit 1 when a flow fails.
//   npm run walk:weapp                         (builds dist/ first)
//   npm run walk:weapp -- --no-build           (uses the dist/ there is)
//   MINQING_WEAPP_RUNTIME=/path/to/weapp-runtime npm run walk:weapp   (default ../shared/weapp-runtime)
// Takes 2-4 minutes on 2 cores (the Dimina compile alone is 40-55 s).
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const runtime = path.resolve(process.env.MINQING_WEAPP_RUNTIME ?? path.join(root, '..', 'shared', 'weapp-runtime'))
const runMjs = path.join(runtime, 'run.mjs')
if (!fs.existsSync(runMjs)) {
  console.error(`no weapp-runtime at ${runtime}: set MINQING_WEAPP_RUNTIME to the folder holding run.mjs`)
  process.exit(2)
}
const out = path.join(root, '.tmp', 'walk-weapp')
fs.rmSync(out, { recursive: true, force: true })
fs.mkdirSync(out, { recursive: true })
const data = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-walk-'))
const API_PORT = Number(process.env.WALK_API_PORT ?? 8741)
const RT_PORT = Number(process.env.WALK_RUNTIME_PORT ?? 9341)
const children = []
const stopAll = () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM')
}
process.on('exit', stopAll)

const waitFor = async (url, timeoutMs, method = 'GET') => {
  const end = Date.now() + timeoutMs
  for (;;) {
    try {
      const r = await fetch(url, { method })
      if (r.status < 500) return
    } catch {
      // not up yet
    }
    if (Date.now() > end) throw new Error(`${url} did not come up within ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 500))
  }
}

const lastMonth = () => {
  const d = new Date(Date.now() + 8 * 3_600_000)
  const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1))
  return `${m.getUTCFullYear()}-${String(m.getUTCMonth() + 1).padStart(2, '0')}`
}

/** The Mongolian halves the Mongolian flows must show, from the catalogue itself (src/i18n, through tsx). */
const mongolianTexts = (period) => {
  const script = `
    import { mnMong } from './src/i18n/mn-Mong'
    import { mnDates } from './src/i18n/dates'
    import { splitBilingual } from './src/i18n/mongolian-script'
    const half = (t: string) => splitBilingual(t)?.mongolian ?? t
    console.log(JSON.stringify({
      localeState: half(mnMong.locale.names['mn-Mong']),
      cadreCardTitle: half(mnMong.cadreCard.title),
      chooseCategory: half(mnMong.ticketLoop.chooseCategory),
      postingMonth: mnDates.month(${Number(period.slice(0, 4))}, ${Number(period.slice(5, 7))}),
      mass: half(mnMong.office.ui.posting.mass),
    }))`
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), '-e', script], { cwd: root, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`reading the Mongolian catalogue failed:\n${r.stderr}`)
  return JSON.parse(r.stdout.trim().split('\n').pop())
}

/**
 * The app's WOFF (1.0) as a plain OpenType file: Chromium takes system fonts from fontconfig but
 * not in WOFF. Each table is zlib-inflated when stored compressed (the WOFF 1.0 layout, W3C).
 */
const woffToOtf = (woff) => {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 file')
  const numTables = woff.readUInt16BE(12)
  const tables = []
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20
    const [offset, compLength, origLength] = [woff.readUInt32BE(at + 4), woff.readUInt32BE(at + 8), woff.readUInt32BE(at + 12)]
    const raw = woff.subarray(offset, offset + compLength)
    tables.push({ tag: woff.subarray(at, at + 4), checksum: woff.readUInt32BE(at + 16), data: compLength < origLength ? zlib.inflateSync(raw) : raw })
  }
  const pow = 2 ** Math.floor(Math.log2(numTables))
  const head = Buffer.alloc(12 + 16 * numTables)
  woff.copy(head, 0, 4, 8) // the flavor (TrueType or CFF)
  head.writeUInt16BE(numTables, 4)
  head.writeUInt16BE(pow * 16, 6)
  head.writeUInt16BE(Math.log2(pow), 8)
  head.writeUInt16BE(numTables * 16 - pow * 16, 10)
  const bodies = []
  let offset = head.length
  tables.forEach((t, i) => {
    t.tag.copy(head, 12 + i * 16)
    head.writeUInt32BE(t.checksum, 12 + i * 16 + 4)
    head.writeUInt32BE(offset, 12 + i * 16 + 8)
    head.writeUInt32BE(t.data.length, 12 + i * 16 + 12)
    const padded = Buffer.alloc(Math.ceil(t.data.length / 4) * 4)
    t.data.copy(padded)
    bodies.push(padded)
    offset += padded.length
  })
  return Buffer.concat([head, ...bodies])
}

/** A fontconfig that adds the app's Noto Sans Mongolian (assets/fonts, as OpenType) to the system's fonts, for Chromium. */
const mongolianFontconfig = () => {
  const fonts = path.join(out, 'fonts')
  fs.mkdirSync(fonts, { recursive: true })
  fs.writeFileSync(path.join(fonts, 'noto-sans-mongolian.otf'), woffToOtf(fs.readFileSync(path.join(root, 'assets', 'fonts', 'noto-sans-mongolian.woff'))))
  const file = path.join(out, 'fonts.conf')
  fs.writeFileSync(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <dir>${fonts}</dir>\n  <cachedir>${path.join(out, 'fontconfig-cache')}</cachedir>\n</fontconfig>\n`,
  )
  return file
}

const main = async () => {
  if (!process.argv.includes('--no-build')) {
    console.log('building the weapp (taro build --type weapp)…')
    const b = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    if (b.status !== 0) throw new Error(`the weapp build failed:\n${b.stderr.slice(-4000)}`)
  }
  console.log('starting the local server (seeding the demo township)…')
  const api = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/server/local/main.ts', '--demo'], {
    cwd: root,
    env: { ...process.env, PORT: String(API_PORT), MINQING_DATA_DIR: data },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  children.push(api)
  await waitFor(`http://127.0.0.1:${API_PORT}/healthz`, 180_000)

  console.log('compiling with Dimina and serving…')
  const serve = spawn(process.execPath, [runMjs, 'serve', '--dist', path.join(root, 'dist'), '--api', `http://127.0.0.1:${API_PORT}`, '--port', String(RT_PORT), '--quiet'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  children.push(serve)
  await waitFor(`http://127.0.0.1:${RT_PORT}/manifest.json`, 240_000)

  // People and a visit from the seeded database (the demo township's seed is fixed).
  const Database = require('better-sqlite3')
  const db = new Database(path.join(data, 'minqing.db'), { readonly: true })
  const office = db.prepare("SELECT id FROM people WHERE roles LIKE '%cadre%' AND duty = 'office' AND roles NOT LIKE '%supervisor%' ORDER BY id LIMIT 1").get()
  const villager = db.prepare("SELECT p.id, h.cadreId FROM people p JOIN households h ON h.id = p.householdId WHERE p.roles LIKE '%villager%' AND h.cadreId IS NOT NULL ORDER BY p.id LIMIT 1").get()
  const leader = db.prepare("SELECT id FROM people WHERE roles LIKE '%leader%' ORDER BY id LIMIT 1").get()
  const visit = db.prepare("SELECT v.id, p.id AS personId FROM visits v JOIN people p ON p.householdId = v.householdId WHERE v.status = 'pending' AND p.id <> v.cadreId ORDER BY v.at DESC LIMIT 1").get()
  db.close()

  // mn3: last month closed, so the villagers' posting has a month (as after 结账).
  const period = lastMonth()
  const officeToken = (await (await fetch(`http://127.0.0.1:${API_PORT}/api/auth.devLogin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ input: { personId: office.id } }) })).json()).data.token
  await fetch(`http://127.0.0.1:${API_PORT}/api/office.closePeriod`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${officeToken}` },
    body: JSON.stringify({ input: { period }, requestId: `walk-close-${Date.now()}` }),
  })
  const mn = mongolianTexts(period)
  const monthZh = `${Number(period.slice(0, 4))}年${Number(period.slice(5, 7))}月`

  const base = `http://127.0.0.1:${RT_PORT}/?manifestUrl=/manifest.json`
  const stack = `http://127.0.0.1:${RT_PORT}/?appId=touristappid&entry=pages/index/index`
  const flows = [
    { name: 'villager home', url: `${base}&person=${villager.id}`, expect: ['我的包户干部', '反映问题', '办事'] },
    {
      name: 'filing a report',
      url: `${base}&person=${villager.id}`,
      steps: ['--click', '反映问题', '--fill', '遇到了什么问题，写几句就行（也可以只录音、拍照）=门口的路灯坏了三天了（walk:weapp）', '--click', '道路', '--click', '提交'],
      expect: ['已提交', '门口的路灯坏了三天了'],
    },
    { name: 'cadre inbox', url: `${stack}&page=subpackages/cadre/pages/inbox/index&person=${villager.cadreId}`, expect: ['工单', '门口的路灯坏了三天了'] },
    { name: 'visit sign-off page', url: `${base}&person=${visit.personId}&entry=${encodeURIComponent(`pages/sign/index?visit=${visit.id}`)}`, expect: ['走访签字确认', '走访时间'] },
    { name: 'office dashboard', url: `${stack}&page=subpackages/office/dashboard/index&person=${leader.id}`, expect: ['统计看板', '响应率', '各村下村天数'] },
    // selfhost (issue 11 item 7): the month list with the automatic close's line (due, or done by the local server's timer).
    { name: 'office month close', url: `${stack}&page=subpackages/office/index/index&person=${leader.id}`, expect: ['月末结账', '自动结账'] },
    // mn3: Mongolian, chosen on 我的 (the switch reopens the app on 我的), then the villager screens.
    {
      name: 'mongolian home and report',
      mongolian: true,
      url: `${base}&person=${villager.id}`,
      steps: ['--click', '我的', '--click', '蒙古文', '--click', '首页', '--click', '反映问题'],
      expect: [mn.localeState, mn.cadreCardTitle, mn.chooseCategory],
    },
    {
      name: 'mongolian posting',
      mongolian: true,
      url: `${base}&person=${villager.id}`,
      steps: ['--click', '我的', '--click', '蒙古文', '--click', '首页', '--click', `查看${monthZh}公示`],
      expect: [mn.postingMonth, mn.mass],
    },
    {
      name: 'mongolian elder home and report',
      mongolian: true,
      url: `${base}&person=${villager.id}`,
      steps: ['--click', '我的', '--click', '蒙古文', '--click', '打开长辈版', '--click', '首页', '--click', '反映问题'],
      expect: [mn.cadreCardTitle, mn.chooseCategory],
    },
  ]
  const fontconfig = mongolianFontconfig()
  const pw = path.join(root, 'node_modules', 'playwright-core')
  const results = []
  for (const flow of flows) {
    const file = path.join(out, `${flow.name.replace(/\W+/g, '-')}.png`)
    const env = flow.mongolian ? { ...process.env, FONTCONFIG_FILE: fontconfig } : process.env
    const r = spawnSync(process.execPath, [runMjs, 'shot', '--url', flow.url, '--out', file, '--playwright', pw, ...(flow.steps ?? [])], { encoding: 'utf8', env })
    const report = fs.existsSync(file.replace(/\.png$/, '.json')) ? JSON.parse(fs.readFileSync(file.replace(/\.png$/, '.json'), 'utf8')) : null
    const text = report ? `${report.text}\n${report.steps.map((s) => s.text ?? '').join('\n')}` : ''
    const missing = flow.expect.filter((t) => !text.includes(t))
    const problems = [
      ...(r.status !== 0 ? [`runtime exit ${r.status}`] : []),
      ...missing.map((t) => `missing text "${t}"`),
      ...(report?.pageErrors ?? []).map((e) => `page error: ${String(e.message ?? e).slice(0, 160)}`),
      ...(report?.failedRequests ?? []).map((e) => `failed request: ${JSON.stringify(e).slice(0, 160)}`),
    ]
    results.push({ flow: flow.name, ok: problems.length === 0, problems, screenshot: path.relative(root, file), consoleErrors: report?.consoleErrors?.length ?? null })
    console.log(`${problems.length === 0 ? '✔' : '✘'} ${flow.name}${problems.length ? `: ${problems.join('; ')}` : ''} (${path.relative(root, file)})`)
  }
  fs.writeFileSync(path.join(out, 'walk.json'), JSON.stringify(results, null, 2))
  stopAll()
  fs.rmSync(data, { recursive: true, force: true })
  process.exit(results.every((r) => r.ok) ? 0 : 1)
}

main().catch((error) => {
  console.error(error)
  stopAll()
  process.exit(1)
})
