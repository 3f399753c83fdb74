/**
 * `npm run bench -- --quick` end to end, as a child process: every section of the report is
 * printed and measured (no FAILED section, nothing left unmeasured). No timing is asserted: speed
 * is the bench's to report, not the tests'.
 */
import { execFile } from 'node:child_process'
import path from 'node:path'

const root = path.join(__dirname, '..', '..')

const runQuickBench = () =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join('bench', 'run.ts'), '--quick'],
      { cwd: root, maxBuffer: 64 * 1024 * 1024, timeout: 15 * 60_000, env: { ...process.env, MINQING_BENCH_QUICK: '1' } },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    )
  })

/** The report's sections, each `## <title>` followed by its lines up to the next section. */
const sectionsOf = (stdout: string): Map<string, string> => {
  const out = new Map<string, string>()
  for (const part of stdout.split(/^## /m).slice(1)) {
    const [title, ...body] = part.split('\n')
    out.set(title.trim(), body.join('\n'))
  }
  return out
}

describe('npm run bench -- --quick', () => {
  let result: { code: number | null; stdout: string; stderr: string }
  let sections: Map<string, string>

  beforeAll(async () => {
    result = await runQuickBench()
    sections = sectionsOf(result.stdout)
  }, 16 * 60_000)

  it('runs to the end without a failed section', () => {
    if (result.code !== 0) throw new Error(`the bench exited with ${result.code}:\n${result.stdout}\n${result.stderr.slice(-4000)}`)
    expect(result.stdout).toMatch(/^bench finished in /m)
    expect(result.stdout).not.toMatch(/FAILED/)
    expect(result.stdout).toMatch(/QUICK RUN/)
  })

  it('prints every section, each with figures', () => {
    const titles = [...sections.keys()]
    expect(titles).toEqual([
      expect.stringMatching(/^1\. Actions/),
      expect.stringMatching(/^2\. Statements per action/),
      expect.stringMatching(/^3\. Month-end close/),
      expect.stringMatching(/^4\. Roster import/),
      expect.stringMatching(/^5\. Summary/),
    ])
    for (const body of sections.values()) expect(body).not.toMatch(/^\(not measured\)$/m)
  })

  it('measures the five actions, their statements, the close on both dialects and the import', () => {
    const [actions, statements, close, imported, summary] = [...sections.values()]
    for (const action of ['villager.myCadre', 'ticket.inbox', 'ticket.create', 'office.dashboard', 'posting.get']) {
      expect(actions).toMatch(new RegExp(`^${action.replace('.', '\\.')}\\s+\\|`, 'm'))
      expect(statements).toMatch(new RegExp(`^${action.replace('.', '\\.')}: \\d+ on the caller's first call, \\d+ on the next`, 'm'))
      expect(summary).toContain(`${action}: p99 <=`)
    }
    expect(close).toMatch(/^SQLite:$/m)
    expect(close).toMatch(/^MariaDB:$/m)
    expect(close.match(/: (linear|NOT linear) \(/g)).toHaveLength(2)
    expect(imported).toMatch(/^imported 1,000 households, /m)
    expect(imported).toMatch(/peak RSS \d+\.\d MB/)
    expect(summary).toMatch(/peak RSS <= 400\.0 MB/)
    expect(summary).toMatch(/close linear on SQLite/)
    expect(summary).toMatch(/close linear on MariaDB/)
    expect(summary).not.toMatch(/not measured/)
  })
})
