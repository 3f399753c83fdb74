// `npm test`: every check the team claims, in order, and one last line `N passed, N failed` that
// sums them all: lint, typecheck, unit, integration (on SQLite, then again on a MariaDB the run
// starts itself), both builds with the size budget, and the browser tests against the H5 build.
// A check that is not a jest test counts as one test.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => path.join(root, 'node_modules', '.bin', name)
const tmp = path.join(root, '.tmp')
fs.mkdirSync(tmp, { recursive: true })

let passed = 0
let failed = 0
const summary = []

// The committed lockfiles: an install during the run (the WeChat compiler's tools package) must
// leave them as they were; a rewrite means the next clone resolves something else (issue 14).
const LOCKFILES = ['package-lock.json', 'tools/weapp-check/package-lock.json']
const readLock = (file) => (fs.existsSync(path.join(root, file)) ? fs.readFileSync(path.join(root, file), 'utf8') : null)
const locksBefore = new Map(LOCKFILES.map((file) => [file, readLock(file)]))

const run = (label, command, args, env = {}) => {
  const started = Date.now()
  console.log(`\n=== ${label}: ${[path.basename(command), ...args].join(' ')}`)
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  return { ok: result.status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) }
}

const check = (label, command, args, env) => {
  const { ok, seconds } = run(label, command, args, env)
  if (ok) passed++
  else failed++
  summary.push(`${ok ? 'PASS' : 'FAIL'} ${label} (${seconds} s)`)
  return ok
}

const jest = (label, projects) => {
  const out = path.join(tmp, `jest-${label}.json`)
  fs.rmSync(out, { force: true })
  const args = ['--selectProjects', ...projects, '--json', `--outputFile=${out}`]
  const { ok, seconds } = run(label, bin('jest'), args)
  if (!fs.existsSync(out)) {
    failed++
    summary.push(`FAIL ${label}: jest wrote no report (${seconds} s)`)
    return
  }
  const report = JSON.parse(fs.readFileSync(out, 'utf8'))
  // A suite that fails to load has no test results: count it as one failure.
  const broken = report.numRuntimeErrorTestSuites ?? 0
  passed += report.numPassedTests
  failed += report.numFailedTests + broken
  const pending = report.numPendingTests + report.numTodoTests
  if (pending > 0) failed += pending // skipped or todo tests hide failures: they fail the run
  summary.push(`${ok && pending === 0 ? 'PASS' : 'FAIL'} ${label}: ${report.numPassedTests} passed, ${report.numFailedTests + broken + pending} failed (${seconds} s)`)
}

check('lint', bin('eslint'), ['.'])
check('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit'])
jest('unit', ['unit'])
jest('integration', ['integration'])
jest('integration-mysql', ['integration-mysql'])
if (check('build weapp', bin('taro'), ['build', '--type', 'weapp'])) {
  check('weapp size budget', process.execPath, [path.join(root, 'scripts/size-budget.mjs')])
  // WeChat's own compiler lives in a separate tools package (~280 MB): installed on first use.
  if (!fs.existsSync(path.join(root, 'tools/weapp-check/node_modules/miniprogram-ci'))) {
    run('install WeChat compiler', 'npm', ['install', '--prefix', 'tools/weapp-check', '--no-audit', '--no-fund'])
  }
  check('weapp WeChat compiler and audit', process.execPath, [path.join(root, 'scripts/weapp-check.mjs')])
}
if (check('build h5', bin('taro'), ['build', '--type', 'h5'])) {
  jest('e2e', ['e2e'])
} else {
  failed++
  summary.push('FAIL e2e: not run, the H5 build failed')
}

{
  const changed = LOCKFILES.filter((file) => readLock(file) !== locksBefore.get(file))
  if (changed.length === 0) passed++
  else failed++
  summary.push(changed.length === 0 ? 'PASS lockfiles unchanged by the run' : `FAIL the run rewrote ${changed.join(', ')} (see git diff)`)
}

console.log(`\n${summary.join('\n')}`)
const line = `${passed} passed, ${failed} failed`
fs.writeFileSync(path.join(tmp, 'test-summary.txt'), `${line}\n`)
console.log(line)
process.exit(failed === 0 ? 0 : 1)
