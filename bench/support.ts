/**
 * What every part of the bench shares: the scale it runs at (`--quick`), timing and formatting,
 * the report's sections (printed in order at the end, whatever order they were measured in),
 * a client of the local server's HTTP API, and waiting for the server to fall idle.
 * One rule: measurements only, never assertions; tests live in test/.
 */
import { performance } from 'node:perf_hooks'

/** The bench's scale: `--quick` (or MINQING_BENCH_QUICK=1) runs the same code small and short. */
export interface Scale {
  quick: boolean
  /** Households of the data set the actions and the import run on (the county). */
  households: number
  /** The close is measured at these sizes (households), smallest first. */
  closeSizes: number[]
  /** Seconds per autocannon measurement. */
  seconds: number
  /** Interleaved rounds per action: (bare Node, action) x rounds. */
  rounds: number
  connections: number
  /** `--only=actions,close,import`: measure only these parts (default: all). */
  only: ReadonlySet<string> | null
}

export const PARTS = ['actions', 'close', 'import'] as const

export const scaleOf = (argv: readonly string[], env: NodeJS.ProcessEnv): Scale => {
  const quick = argv.includes('--quick') || env.MINQING_BENCH_QUICK === '1'
  const onlyArg = argv.find((a) => a.startsWith('--only='))
  const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',').filter(Boolean)) : null
  for (const part of only ?? []) if (!(PARTS as readonly string[]).includes(part)) throw new Error(`--only: unknown part ${part} (one of ${PARTS.join(', ')})`)
  return quick
    ? { quick, households: 1000, closeSizes: [250, 500, 1000], seconds: 1, rounds: 1, connections: 20, only }
    : { quick, households: 75_000, closeSizes: [10_000, 30_000, 75_000], seconds: 3, rounds: 3, connections: 20, only }
}

/** The seed's history ends here (2026-12-02 10:00 township time): November lies just behind. */
export const NOW = Date.UTC(2026, 11, 2, 2, 0)
export const PERIOD = '2026-11'
/** The seed the local server generates its data from (the bench generates the same data to pick callers). */
export const SEED = 1

export const elapsedMs = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6
export const time = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const start = process.hrtime.bigint()
  const out = await work()
  return [out, elapsedMs(start)]
}

export const fmtMs = (n: number): string => (n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : n >= 100 ? `${n.toFixed(0)} ms` : `${n.toFixed(n >= 10 ? 1 : 2)} ms`)
export const fmtUs = (n: number): string => `${(n * 1000).toFixed(1)} µs`
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`
export const pct = (x: number): string => `${(x * 100).toFixed(x < 0.01 ? 2 : 1)}%`
export const int = (n: number): string => Math.round(n).toLocaleString('en-US')

/** A plain text table: columns padded to the widest cell (CJK counted double). */
export const table = (head: string[], rows: string[][]): string[] => {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) && ch !== 'µ' ? 2 : 1), 0)
  const cols = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))))
  const line = (r: string[]) => r.map((c, i) => c + ' '.repeat(cols[i] - width(c))).join(' | ')
  return [line(head), cols.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)]
}

/** The report: sections in a fixed order, each a list of lines; progress goes to stderr meanwhile. */
export class Report {
  private readonly sections = new Map<string, string[]>()
  constructor(private readonly order: readonly string[]) {
    for (const title of order) this.sections.set(title, [])
  }
  add(title: string, ...lines: string[]): void {
    this.sections.get(title)!.push(...lines)
    for (const line of lines) process.stderr.write(`  [${title.split(' ')[0]}] ${line}\n`)
  }
  print(): void {
    for (const title of this.order) {
      console.log(`\n## ${title}`)
      const lines = this.sections.get(title)!
      console.log(lines.length ? lines.join('\n') : '(not measured)')
    }
  }
}

export const progress = (message: string): void => {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`)
}

export interface ApiAnswer<T> {
  status: number
  ok: boolean
  data: T
  code?: string
}

/** One call of an action through the local server's HTTP API, as the mini-program makes it. */
export const callApi = async <T = unknown>(url: string, action: string, input: unknown, token: string | null, requestId?: string): Promise<ApiAnswer<T>> => {
  const response = await fetch(`${url}/api/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ input, requestId }),
  })
  const body = (await response.json()) as { ok: boolean; data?: T; error?: { code: string; message: string } }
  return { status: response.status, ok: body.ok, data: body.data as T, code: body.error?.code }
}

/** Like callApi, but a refusal stops the bench with the action and the error code named. */
export const mustCall = async <T = unknown>(url: string, action: string, input: unknown, token: string | null, requestId?: string): Promise<T> => {
  const answer = await callApi<T>(url, action, input, token, requestId)
  if (!answer.ok) throw new Error(`${action} answered ${answer.status} ${answer.code ?? ''}`)
  return answer.data
}

/** A session token through the development login (local mode), as test/server/harness.ts does. */
export const devLogin = async (url: string, personId: string): Promise<string> =>
  (await mustCall<{ token: string }>(url, 'auth.devLogin', { personId }, null)).token

let requestCounter = 0
/** A fresh request id for a write (the dispatcher wants 8-64 of [A-Za-z0-9_-]). */
export const freshRequestId = (): string => `bench-${process.pid}-${Date.now().toString(36)}-${(requestCounter++).toString(36)}`

/**
 * Waits until this process's event loop has been nearly idle for a while: after a load run, a slow
 * action may still be working through requests whose clients are gone, and the next measurement
 * must not share the CPU with them. Bounded: gives up after `maxMs`.
 */
export const settle = async (maxMs = 120_000): Promise<number> => {
  const start = Date.now()
  let quiet = 0
  while (Date.now() - start < maxMs && quiet < 3) {
    const before = performance.eventLoopUtilization()
    await new Promise((r) => setTimeout(r, 100))
    const used = performance.eventLoopUtilization(before).utilization
    quiet = used < 0.05 ? quiet + 1 : 0
  }
  return Date.now() - start
}
