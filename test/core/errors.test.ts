/**
 * Tests that the published code lists match the code: every `fail('X.Y')` in src/core is listed in
 * CORE_ERROR_CODES, and every listed code is used. One rule: codes cannot drift from the list.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { CORE_ERROR_CODES, COVERAGE_FINDING_CODES, isCoreErrorCode } from '../../src/core/errors'
import * as core from '../../src/core'

const coreDir = join(__dirname, '../../src/core')
const sources = readdirSync(coreDir)
  .filter((f) => f.endsWith('.ts') && f !== 'errors.ts')
  .map((f) => readFileSync(join(coreDir, f), 'utf8'))
  .join('\n')

const used = (pattern: RegExp) => new Set([...sources.matchAll(pattern)].map((m) => m[1]))

describe('CORE_ERROR_CODES', () => {
  it('lists every code a core function fails with, and nothing else', () => {
    const failed = used(/fail\('([A-Z_]+\.[A-Z_]+)'/g)
    expect([...failed].sort()).toEqual([...CORE_ERROR_CODES].sort())
  })

  it('has no duplicates', () => {
    expect(new Set(CORE_ERROR_CODES).size).toBe(CORE_ERROR_CODES.length)
  })

  it('recognises its own codes only', () => {
    expect(isCoreErrorCode('TICKET.INVALID_TRANSITION')).toBe(true)
    expect(isCoreErrorCode('TICKET.NOPE')).toBe(false)
  })

  it('lists every coverage finding code the roster produces', () => {
    const found = used(/code: '(COVERAGE\.[A-Z_]+)'/g)
    expect([...found].sort()).toEqual([...COVERAGE_FINDING_CODES].sort())
  })
})

describe('the core index', () => {
  it('re-exports the modules', () => {
    for (const name of ['localDate', 'coverageCheck', 'applyTransition', 'signOff', 'evaluateSignIn', 'weekly543', 'cadreDayFact', 'factDrift', 'score1135', 'monthlyLedger', 'ok', 'DEFAULT_SETTINGS']) {
      expect(core).toHaveProperty(name)
    }
  })
})

describe('purity of src/core', () => {
  const files = readdirSync(coreDir).filter((f) => f.endsWith('.ts'))

  it.each(files)('%s reads no clock, no randomness and imports nothing outside the core but dayjs and gcoord (pure arithmetic)', (file) => {
    const text = readFileSync(join(coreDir, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
    expect(text).not.toMatch(/Date\.now\(|new Date\(\)|Math\.random\(|dayjs\(\)/)
    const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1])
    for (const spec of imports) expect(spec.startsWith('./') || spec === 'dayjs' || spec.startsWith('dayjs/plugin/') || spec === 'gcoord').toBe(true)
  })

  it.each(files)('%s starts with a comment saying what it is for', (file) => {
    expect(readFileSync(join(coreDir, file), 'utf8').startsWith('/**')).toBe(true)
  })
})
