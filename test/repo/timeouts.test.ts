/**
 * Timeouts sized for a busy 2-core machine (issue 14): no test file gives a test or a hook less
 * time than test/support/timeouts.ts's floor, and every jest project loads that file. Read with
 * TypeScript's own parser: `jest.setTimeout(n)` and the timeout argument of it/test and of the
 * before/after hooks.
 */
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { TEST_TIMEOUT_MS } from '../support/timeouts'

const root = path.resolve(__dirname, '../..')
const HOOKS = new Set(['it', 'test', 'beforeAll', 'beforeEach', 'afterAll', 'afterEach'])

const filesUnder = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(path.join(dir, d.name)) : /\.tsx?$/.test(d.name) ? [path.join(dir, d.name)] : []))

/** A number written as a literal or a product of literals (`16 * 60_000`); null otherwise. */
const numberOf = (node: ts.Expression): number | null => {
  if (ts.isNumericLiteral(node)) return Number(node.text)
  if (ts.isParenthesizedExpression(node)) return numberOf(node.expression)
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AsteriskToken) {
    const [a, b] = [numberOf(node.left), numberOf(node.right)]
    return a === null || b === null ? null : a * b
  }
  return null
}

/** `it`, `test.each(...)`, `it.concurrent`: the name the call starts from. */
const calleeRoot = (node: ts.Expression): string | null => {
  if (ts.isIdentifier(node)) return node.text
  if (ts.isPropertyAccessExpression(node)) return calleeRoot(node.expression)
  if (ts.isCallExpression(node)) return calleeRoot(node.expression)
  return null
}

/** Every timeout the file sets, with its line. */
const timeoutsIn = (file: string, text: string): { line: number; ms: number | null; what: string }[] => {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const found: { line: number; ms: number | null; what: string }[] = []
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1
      if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'jest' && callee.name.text === 'setTimeout') {
        found.push({ line, ms: node.arguments[0] ? numberOf(node.arguments[0]) : null, what: 'jest.setTimeout' })
      } else {
        const name = calleeRoot(callee)
        const last = node.arguments[node.arguments.length - 1]
        const hasFunction = node.arguments.some((a) => ts.isArrowFunction(a) || ts.isFunctionExpression(a))
        if (name && HOOKS.has(name) && hasFunction && last && !ts.isArrowFunction(last) && !ts.isFunctionExpression(last)) {
          found.push({ line, ms: numberOf(last), what: name })
        }
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

describe('timeouts for a busy machine', () => {
  it('reads a hook timeout, a test timeout and jest.setTimeout (the checker itself)', () => {
    const text = "jest.setTimeout(90_000)\nbeforeAll(async () => {}, 60_000)\nit('x', async () => {}, 16 * 60_000)\nit('y', () => {})\nsetTimeout(() => {}, 5)\n"
    expect(timeoutsIn('x.ts', text)).toEqual([
      { line: 1, ms: 90_000, what: 'jest.setTimeout' },
      { line: 2, ms: 60_000, what: 'beforeAll' },
      { line: 3, ms: 960_000, what: 'it' },
    ])
  })

  it(`no test file gives a test or hook less than ${TEST_TIMEOUT_MS / 1000} s`, () => {
    const short: string[] = []
    for (const file of filesUnder(path.join(root, 'test'))) {
      if (file === path.join(root, 'test/support/timeouts.ts')) continue
      for (const t of timeoutsIn(file, fs.readFileSync(file, 'utf8'))) {
        if (t.ms === null || t.ms < TEST_TIMEOUT_MS) short.push(`${path.relative(root, file)}:${t.line} ${t.what} ${t.ms ?? '(not a plain number)'}`)
      }
    }
    expect(short).toEqual([])
  })

  it('every jest project loads test/support/timeouts.ts', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require(path.join(root, 'jest.config.js')) as { projects: { displayName: string; setupFilesAfterEnv?: string[] }[] }
    const without = config.projects.filter((p) => !(p.setupFilesAfterEnv ?? []).includes('<rootDir>/test/support/timeouts.ts')).map((p) => p.displayName)
    expect(config.projects.length).toBeGreaterThanOrEqual(4)
    expect(without).toEqual([])
  })
})
