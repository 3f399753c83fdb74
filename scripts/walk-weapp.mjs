// `npm run walk:weapp`: walks the weapp build's main flows headless in a mini-program runtime
// (Dimina in Chromium: the team's shared weapp-runtime instrument, not WeChat), against a freshly
// seeded local server: the villager home, filing a report, the cadre inbox, the visit sign-off page,
// the office dashboard and the office's month list (its 自动结账 line). Each flow must render its key
// text with no page error; screenshots and the runtime's JSON reports go to .tmp/walk-weapp/.
// Exit 1 when a flow fails.
//   npm run walk:weapp                         (builds dist/ first)
//   npm run walk:weapp -- --no-build           (uses the dist/ there is)
//   MINQING_WEAPP_RUNTIME=/path/to/weapp-runtime npm run walk:weapp   (default ../shared/weapp-runtime)
// Takes 2-4 minutes on 2 cores (the Dimina compile alone is 40-55 s).
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
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
  const villager = db.prepare("SELECT p.id, h.cadreId FROM people p JOIN households h ON h.id = p.householdId WHERE p.roles LIKE '%villager%' AND h.cadreId IS NOT NULL ORDER BY p.id LIMIT 1").get()
  const leader = db.prepare("SELECT id FROM people WHERE roles LIKE '%leader%' ORDER BY id LIMIT 1").get()
  const visit = db.prepare("SELECT v.id, p.id AS personId FROM visits v JOIN people p ON p.householdId = v.householdId WHERE v.status = 'pending' AND p.id <> v.cadreId ORDER BY v.at DESC LIMIT 1").get()
  db.close()

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
  ]
  const pw = path.join(root, 'node_modules', 'playwright-core')
  const results = []
  for (const flow of flows) {
    const file = path.join(out, `${flow.name.replace(/\W+/g, '-')}.png`)
    const r = spawnSync(process.execPath, [runMjs, 'shot', '--url', flow.url, '--out', file, '--playwright', pw, ...(flow.steps ?? [])], { encoding: 'utf8' })
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
