/**
 * Section 3: the month-end close as the office runs it (`office.closePeriod` through the local
 * server's HTTP API, each township's office closing its own township, one after the other) on
 * data sets of growing size, on SQLite and on a throw-away MariaDB; is it linear in the data?
 * One rule: every size is a fresh database seeded by the server's own first start.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { generateTownship, type SeedData } from '../src/server/seed'
import { startLocalServer } from '../src/server/local/start'
import { mariadbAvailable, startMariadb, type MariaDb } from '../test/support/mariadb'
import { NOW, PERIOD, SEED, devLogin, fmtMs, fmtUs, freshRequestId, int, mustCall, progress, table, time, type Report, type Scale } from './support'

export const SECTION_CLOSE = '3. Month-end close (office.closePeriod of every township, one after the other)'

export type DialectName = 'SQLite' | 'MariaDB'

export interface ClosePoint {
  households: number
  townships: number
  seedMs: number
  /** Sum over the townships of office.closePeriod's round trip: the best run. */
  totalMs: number
  /** CPU time of that run: the bench process (server and client) plus, on MariaDB, mariadbd. */
  cpuMs: number
  /** Every run's wall time, the first being the month's first close. */
  runs: number[]
  maxMs: number
}

export interface CloseFigures {
  dialect: DialectName
  points: ClosePoint[]
  /** CPU time per household at the largest size over that at the smallest (1 = perfectly linear). */
  growth: number | null
  /** The same from wall time (noisier on a shared machine). */
  wallGrowth: number | null
  error?: string
}

/** Each size is closed this many times (close; reopen and close again); the figure is the best run. */
export const CLOSE_RUNS = 2

/** Linear enough: the CPU time per household grows by at most this factor from the smallest size to the largest. */
export const LINEAR_TOLERANCE = 1.5

const CLOCK_TICKS = 100 // getconf CLK_TCK on Linux
/** A process's user + system CPU time so far, in ms (Linux /proc), or 0 when it cannot be read. */
const processCpuMs = (pid: number): number => {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS
  } catch {
    return 0
  }
}
const ownCpuMs = () => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

interface CloseRun {
  wallMs: number
  cpuMs: number
  maxMs: number
  cadres: number
}

/**
 * Every township's office closes the month, one after the other; then (the second run) reopens it
 * and closes it again. Two runs, so that a moment of load from elsewhere on the machine shows as
 * a difference between them rather than as the figure.
 */
const closeAll = async (url: string, data: SeedData, dbPid: number | null): Promise<CloseRun[]> => {
  const logins: { townshipId: string; token: string }[] = []
  for (const t of data.townships) {
    const office = data.people.find((p) => p.townshipId === t.id && p.roles.includes('cadre') && p.duty === 'office')
    if (!office) throw new Error(`township ${t.id} has no office staff`)
    logins.push({ townshipId: t.id, token: await devLogin(url, office.id) })
  }
  const runs: CloseRun[] = []
  for (let run = 0; run < CLOSE_RUNS; run++) {
    if (run > 0) for (const { token } of logins) await mustCall(url, 'office.reopenPeriod', { period: PERIOD, reason: 'bench: close again' }, token, freshRequestId())
    const cpu0 = ownCpuMs() + (dbPid ? processCpuMs(dbPid) : 0)
    const out: CloseRun = { wallMs: 0, cpuMs: 0, maxMs: 0, cadres: 0 }
    for (const { token } of logins) {
      const [view, ms] = await time(() => mustCall<{ cadres: number }>(url, 'office.closePeriod', { period: PERIOD }, token, freshRequestId()))
      out.wallMs += ms
      out.maxMs = Math.max(out.maxMs, ms)
      out.cadres += view.cadres
    }
    out.cpuMs = ownCpuMs() + (dbPid ? processCpuMs(dbPid) : 0) - cpu0
    runs.push(out)
  }
  return runs
}

const measure = async (dialect: DialectName, scale: Scale, report: Report, tmp: string, dataFor: (n: number) => SeedData, maria: MariaDb | null): Promise<CloseFigures> => {
  const points: ClosePoint[] = []
  const rows: string[][] = []
  for (const households of scale.closeSizes) {
    progress(`close: ${dialect}, ${int(households)} households`)
    const data = dataFor(households)
    const dataDir = fs.mkdtempSync(path.join(tmp, `close-${dialect}-${households}-`))
    const databaseUrl = maria ? await maria.createDatabase('bench') : undefined
    try {
      const [server, seedMs] = await time(() => startLocalServer({ dataDir, databaseUrl, seedHouseholds: households, seed: SEED, clock: () => NOW, demo: true }))
      try {
        const load = os.loadavg()[0]
        const runs = await closeAll(server.url, data, maria?.pid ?? null)
        const best = runs.reduce((a, r) => (r.wallMs < a.wallMs ? r : a))
        points.push({ households, townships: data.townships.length, seedMs, totalMs: best.wallMs, cpuMs: best.cpuMs, runs: runs.map((r) => r.wallMs), maxMs: best.maxMs })
        rows.push([
          int(households),
          String(data.townships.length),
          int(best.cadres),
          fmtMs(seedMs),
          runs.map((r) => fmtMs(r.wallMs)).join(' / '),
          fmtMs(best.wallMs),
          fmtMs(best.cpuMs),
          fmtMs(best.maxMs),
          `${fmtUs(best.wallMs / households)} / ${fmtUs(best.cpuMs / households)}`,
          load.toFixed(1),
        ])
      } finally {
        await server.close()
      }
    } finally {
      if (maria && databaseUrl) await maria.dropDatabase(databaseUrl)
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  }
  const first = points[0]
  const last = points[points.length - 1]
  const perHousehold = (p: ClosePoint, k: 'cpuMs' | 'totalMs') => p[k] / p.households
  const growth = first && last ? perHousehold(last, 'cpuMs') / perHousehold(first, 'cpuMs') : null
  const wallGrowth = first && last ? perHousehold(last, 'totalMs') / perHousehold(first, 'totalMs') : null
  report.add(
    SECTION_CLOSE,
    `${dialect}:`,
    ...table(
      ['households', 'townships', 'cadres closed', 'seed (first start)', 'close of all townships, each run', 'best run', 'its CPU', 'slowest township', 'per household (wall / CPU)', 'load avg'],
      rows,
    ).map((l) => `  ${l}`),
    growth === null || wallGrowth === null
      ? '  linear: not measured'
      : `  per household, ${int(last.households)} vs ${int(first.households)} households (data x${(last.households / first.households).toFixed(1)}): CPU x${growth.toFixed(2)}, wall x${wallGrowth.toFixed(2)}: ${growth <= LINEAR_TOLERANCE ? 'linear' : 'NOT linear'} (linear = CPU time per household grows at most x${LINEAR_TOLERANCE})`,
  )
  return { dialect, points, growth, wallGrowth }
}

export const benchClose = async (scale: Scale, report: Report, tmp: string, county: SeedData): Promise<CloseFigures[]> => {
  const dataFor = (n: number) => (n === scale.households ? county : generateTownship({ seed: SEED, households: n, now: NOW }))
  report.add(
    SECTION_CLOSE,
    `period ${PERIOD}; each size a fresh database seeded by the server's first start (migrations, seed, ANALYZE); the close timed per township as the HTTP round trip of office.closePeriod by its office staff; ${CLOSE_RUNS} runs (the close, then reopen all and close again), the best one counts. CPU = the bench process (server and client) plus mariadbd; it is what linearity is judged on, as wall time depends on the machine's other load (load avg column: 1-minute load average at the start, ${os.cpus().length} CPUs)`,
  )
  const out: CloseFigures[] = [await measure('SQLite', scale, report, tmp, dataFor, null)]
  if (!mariadbAvailable()) {
    report.add(SECTION_CLOSE, 'MariaDB: not measured (mariadb-server is not installed: apt-get install -y mariadb-server)')
    out.push({ dialect: 'MariaDB', points: [], growth: null, wallGrowth: null, error: 'not installed' })
    return out
  }
  const maria = await startMariadb()
  try {
    out.push(await measure('MariaDB', scale, report, tmp, dataFor, maria))
  } finally {
    await maria.stop()
  }
  return out
}
