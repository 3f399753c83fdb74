// `npm test`: every check the team claims, and one last line `N passed, N failed` that sums them
// all: lint, typecheck, unit, integration (on SQLite, then again on a MariaDB the run starts
// itself), both builds with the size budget and WeChat's own compiler, and the browser tests
// against the H5 build. A check that is not a jest test counts as one test.
//
// The checks are independent processes that each keep about one core busy (jest runs a project in
// band on a 2-core machine; tsc, eslint and webpack are mostly single-threaded), so they run side by
// side, as many at a time as the machine has cores (MINQING_TEST_JOBS overrides it; 1 runs them one
// after another), longest first, each one as soon as what it needs has passed. Each check's output
// goes to .tmp/logs/<check>.log and is printed whole when the check ends, so the log reads as before.
//
// The committed lockfiles are guarded: if anything during the run (e.g. the install of WeChat's
// compiler) changed package-lock.json or tools/weapp-check/package-lock.json, the run fails and
// names the file (issue 14: an install that rewrites a lockfile means the next clone resolves
// something other than what was tested).
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => path.join(root, 'node_modules', '.bin', name)
const tmp = path.join(root, '.tmp')
const logs = path.join(tmp, 'logs')
fs.mkdirSync(logs, { recursive: true })

const jobsSetting = Number(process.env.MINQING_TEST_JOBS)
const jobs = Number.isInteger(jobsSetting) && jobsSetting > 0 ? jobsSetting : Math.max(1, os.availableParallelism())

// ------------------------------------------------------------------ the lockfile guard

const LOCKFILES = ['package-lock.json', 'tools/weapp-check/package-lock.json']
const readLock = (file) => (fs.existsSync(path.join(root, file)) ? fs.readFileSync(path.join(root, file), 'utf8') : null)
const locksBefore = new Map(LOCKFILES.map((file) => [file, readLock(file)]))
const rewrittenLocks = () => LOCKFILES.filter((file) => readLock(file) !== locksBefore.get(file))

// ------------------------------------------------------------------ the checks

const weappCheckTools = path.join(root, 'tools/weapp-check')
const hasWeappCheckTools = fs.existsSync(path.join(weappCheckTools, 'node_modules/miniprogram-ci'))

/**
 * label, command, args; `needs`: checks that must pass first; `jest`: the jest project (its JSON
 * report gives the counts); `counts: false`: a preparation step that counts only when it fails;
 * `background`: mostly waits on the network or disk, so it runs beside the others without taking
 * one of the `jobs` places; `workers`: jest workers for the project (default: jest's own choice, one
 * on a 2-core machine); `shard`: this part of the project's files (jest --shard). Listed longest
 * chain first: that is the order in which they start.
 */
const checks = [
  // The H5 build and the browser tests after it are the longest chain: they start first.
  { label: 'build h5', command: bin('taro'), args: ['build', '--type', 'h5'] },
  // Two test files at a time: a browser test spends much of its time waiting on the page.
  { label: 'e2e', jest: 'e2e', needs: ['build h5'], workers: 2 },
  // The integration projects in halves (jest --shard): whichever place frees first takes the next
  // half, so the run does not end with one project's last files on one core.
  { label: 'integration-mysql 1/2', jest: 'integration-mysql', shard: '1/2' },
  { label: 'integration-mysql 2/2', jest: 'integration-mysql', shard: '2/2' },
  { label: 'integration 1/2', jest: 'integration', shard: '1/2' },
  { label: 'integration 2/2', jest: 'integration', shard: '2/2' },
  { label: 'build weapp', command: bin('taro'), args: ['build', '--type', 'weapp'] },
  { label: 'weapp size budget', command: process.execPath, args: [path.join(root, 'scripts/size-budget.mjs')], needs: ['build weapp'] },
  // WeChat's own compiler lives in a separate tools package (~280 MB), installed on first use with
  // `npm ci`: it installs exactly what tools/weapp-check/package-lock.json lists and never writes
  // a lockfile. `--legacy-peer-deps=false` because `npm test` hands every child the root .npmrc's
  // settings as npm_config_* variables (legacy-peer-deps=true), which tools/weapp-check/.npmrc
  // does not want: the command line outranks them.
  ...(hasWeappCheckTools
    ? []
    : [{ label: 'install WeChat compiler', command: 'npm', args: ['ci', '--legacy-peer-deps=false', '--no-audit', '--no-fund'], cwd: weappCheckTools, counts: false, background: true }]),
  {
    label: 'weapp WeChat compiler and audit',
    command: process.execPath,
    args: [path.join(root, 'scripts/weapp-check.mjs')],
    needs: ['build weapp', ...(hasWeappCheckTools ? [] : ['install WeChat compiler'])],
  },
  // Both keep what they learnt in .tmp/ (tsc's build info, eslint's cache): a run after a small
  // change checks again what the change touches, in a few seconds instead of half a minute.
  { label: 'typecheck', command: bin('tsc'), args: ['-p', 'tsconfig.json', '--noEmit', '--incremental', '--tsBuildInfoFile', path.join(tmp, 'tsc.tsbuildinfo')] },
  { label: 'lint', command: bin('eslint'), args: ['--cache', '--cache-location', path.join(tmp, 'eslintcache'), '.'] },
  { label: 'unit', jest: 'unit' },
]

// `npm test -- --only=lint,e2e`: those checks and what they need (the lockfile guard always runs);
// a jest project's name (`--only=integration`) stands for all of its parts.
const expand = (name) => {
  if (checks.some((c) => c.label === name)) return [name]
  const parts = checks.filter((c) => c.jest === name).map((c) => c.label)
  return parts.length > 0 ? parts : [name]
}
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',')
  .flatMap(expand)
if (only) {
  const known = new Set(checks.map((c) => c.label))
  const unknown = only.filter((label) => !known.has(label))
  if (unknown.length > 0) {
    console.error(`--only: no check named ${unknown.join(', ')}; the checks: ${[...known].join(', ')}`)
    process.exit(2)
  }
  const wanted = new Set()
  const want = (label) => {
    if (wanted.has(label)) return
    wanted.add(label)
    for (const need of checks.find((c) => c.label === label)?.needs ?? []) want(need)
  }
  only.forEach(want)
  checks.splice(0, checks.length, ...checks.filter((c) => wanted.has(c.label)))
}

let passed = 0
let failed = 0
const summary = new Map()
const state = new Map(checks.map((c) => [c.label, 'waiting']))

/** The cores' busy and idle time so far (clock ticks, from /proc/stat), or null off Linux. */
const cpuTimes = () => {
  try {
    const [user, nice, system, idle, iowait, irq, softirq] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number)
    return { busy: user + nice + system + irq + softirq, idle: idle + iowait }
  } catch {
    return null
  }
}
const cpuAtStart = cpuTimes()
const startedAt = Date.now()
const clock = () => `${((Date.now() - startedAt) / 1000).toFixed(0).padStart(4)} s`

/** Runs one check to its end; answers whether it passed. Output goes to its log file. */
const runCheck = (check) =>
  new Promise((resolve) => {
    const log = path.join(logs, `${check.label.replace(/[^a-z0-9-]+/gi, '-')}.log`)
    const report = check.jest ? path.join(tmp, `jest-${check.label.replace(/[^a-z0-9-]+/gi, '-')}.json`) : null
    if (report) fs.rmSync(report, { force: true })
    const command = check.jest ? bin('jest') : check.command
    const args = check.jest
      ? [
          '--selectProjects',
          check.jest,
          '--json',
          `--outputFile=${report}`,
          ...(check.workers ? [`--maxWorkers=${check.workers}`] : []),
          ...(check.shard ? [`--shard=${check.shard}`] : []),
        ]
      : check.args
    const header = `=== ${check.label}: ${[path.basename(command), ...args].join(' ')}`
    console.log(`[${clock()}] start ${check.label}`)
    const out = fs.openSync(log, 'w')
    fs.writeSync(out, `${header}\n`)
    const started = Date.now()
    const child = spawn(command, args, { cwd: check.cwd ?? root, stdio: ['ignore', out, out] })
    const finish = (status) => {
      fs.closeSync(out)
      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      console.log(`\n[${clock()}] end ${check.label} (${seconds} s)\n${fs.readFileSync(log, 'utf8')}`)
      resolve(account(check, status === 0, seconds, report))
    }
    child.once('error', (error) => {
      fs.writeSync(out, `${error.message}\n`)
      finish(1)
    })
    child.once('exit', (code) => finish(code))
  })

/** Adds a finished check to the counts and the summary; answers whether it passed. */
const account = (check, ok, seconds, report) => {
  if (!report) {
    if (!ok) failed++
    else if (check.counts !== false) passed++
    summary.set(check.label, `${ok ? 'PASS' : 'FAIL'} ${check.label} (${seconds} s)`)
    return ok
  }
  if (!fs.existsSync(report)) {
    failed++
    summary.set(check.label, `FAIL ${check.label}: jest wrote no report (${seconds} s)`)
    return false
  }
  const result = JSON.parse(fs.readFileSync(report, 'utf8'))
  // A suite that fails to load has no test results: count it as one failure.
  const broken = result.numRuntimeErrorTestSuites ?? 0
  // Skipped or todo tests hide failures: they fail the run.
  const pending = result.numPendingTests + result.numTodoTests
  passed += result.numPassedTests
  failed += result.numFailedTests + broken + pending
  const good = ok && pending === 0
  summary.set(check.label, `${good ? 'PASS' : 'FAIL'} ${check.label}: ${result.numPassedTests} passed, ${result.numFailedTests + broken + pending} failed (${seconds} s)`)
  return good
}

/** Starts every check whose needs have passed while places are free; resolves when all are done. */
const schedule = () =>
  new Promise((resolve) => {
    let running = 0
    const pump = () => {
      for (const check of checks) {
        if (state.get(check.label) !== 'waiting') continue
        const needs = check.needs ?? []
        const blocked = needs.filter((n) => state.get(n) === 'failed' || state.get(n) === 'not run')
        if (blocked.length > 0) {
          state.set(check.label, 'not run')
          failed++
          summary.set(check.label, `FAIL ${check.label}: not run, ${blocked.join(' and ')} failed`)
          continue
        }
        if (!needs.every((n) => state.get(n) === 'passed')) continue
        if (!check.background && running >= jobs) continue
        state.set(check.label, 'running')
        if (!check.background) running++
        runCheck(check).then((ok) => {
          if (!check.background) running--
          state.set(check.label, ok ? 'passed' : 'failed')
          // A failure may block checks listed before the one that failed: look again from the top.
          pump()
        })
      }
      if ([...state.values()].every((s) => s !== 'waiting' && s !== 'running')) resolve()
    }
    pump()
  })

console.log(`npm test: ${checks.length} checks, ${jobs} at a time (MINQING_TEST_JOBS), logs in .tmp/logs/`)
await schedule()

{
  const changed = rewrittenLocks()
  if (changed.length === 0) passed++
  else {
    failed++
    console.error(`\nThe run rewrote the committed ${changed.join(' and ')}: an install changed what a fresh clone resolves. See \`git diff -- ${changed.join(' ')}\`.`)
  }
  summary.set('lockfiles', changed.length === 0 ? 'PASS lockfiles unchanged by the run' : `FAIL the run rewrote ${changed.join(', ')} (see git diff)`)
}

/**
 * How busy the machine's cores were during the run (Linux, /proc/stat: every process, the checks'
 * and anything else running): a run near 100% is bound by the cores, not by waiting.
 */
function busyShare(before, after) {
  if (!before || !after) return ''
  const busy = after.busy - before.busy
  const all = busy + after.idle - before.idle
  return all > 0 ? `, the cores ${Math.round((100 * busy) / all)}% busy` : ''
}

// The summary in the order of the list, whatever order the checks ended in.
const lines = [...checks.map((c) => c.label), 'lockfiles'].filter((l) => summary.has(l)).map((l) => summary.get(l))
console.log(`\n${lines.join('\n')}\nnpm test took ${((Date.now() - startedAt) / 1000).toFixed(0)} s with ${jobs} checks at a time${busyShare(cpuAtStart, cpuTimes())}`)
const line = `${passed} passed, ${failed} failed`
fs.writeFileSync(path.join(tmp, 'test-summary.txt'), `${line}\n`)
console.log(line)
process.exit(failed === 0 ? 0 : 1)
