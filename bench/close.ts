/**
 * Section 3: the month-end close as the office runs it (`office.closePeriod` through the local
 * server's HTTP API, each township's office closing its own township, one after the other) on
 * data sets of growing size, on SQLite and on a throw-away MariaDB; is it linear in the data?
 * One rule: every size is a fresh database seeded by the server's own first start.
 */
import fs from 'node:fs'
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
  /** Sum over the townships of office.closePeriod's round trip. */
  totalMs: number
  maxMs: number
}

export interface CloseFigures {
  dialect: DialectName
  points: ClosePoint[]
  /** Time per household at the largest size over that at the smallest (1 = perfectly linear). */
  growth: number | null
  error?: string
}

/** Linear enough: the time per household grows by at most this factor from the smallest size to the largest. */
export const LINEAR_TOLERANCE = 1.5

const closeAll = async (url: string, data: SeedData): Promise<{ totalMs: number; maxMs: number; cadres: number }> => {
  const logins: { townshipId: string; token: string }[] = []
  for (const t of data.townships) {
    const office = data.people.find((p) => p.townshipId === t.id && p.roles.includes('cadre') && p.duty === 'office')
    if (!office) throw new Error(`township ${t.id} has no office staff`)
    logins.push({ townshipId: t.id, token: await devLogin(url, office.id) })
  }
  let totalMs = 0
  let maxMs = 0
  let cadres = 0
  for (const { token } of logins) {
    const [view, ms] = await time(() => mustCall<{ cadres: number }>(url, 'office.closePeriod', { period: PERIOD }, token, freshRequestId()))
    totalMs += ms
    maxMs = Math.max(maxMs, ms)
    cadres += view.cadres
  }
  return { totalMs, maxMs, cadres }
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
      const [server, seedMs] = await time(() => startLocalServer({ dataDir, databaseUrl, seedHouseholds: households, seed: SEED, clock: () => NOW }))
      try {
        const { totalMs, maxMs, cadres } = await closeAll(server.url, data)
        points.push({ households, townships: data.townships.length, seedMs, totalMs, maxMs })
        rows.push([
          int(households),
          String(data.townships.length),
          int(cadres),
          fmtMs(seedMs),
          fmtMs(totalMs),
          fmtMs(maxMs),
          fmtUs(totalMs / households),
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
  const growth = first && last ? last.totalMs / last.households / (first.totalMs / first.households) : null
  report.add(
    SECTION_CLOSE,
    `${dialect}:`,
    ...table(['households', 'townships', 'cadres closed', 'seed (first start)', 'close, all townships', 'slowest township', 'per household'], rows).map((l) => `  ${l}`),
    growth === null
      ? '  linear: not measured'
      : `  time per household ${int(last.households)} vs ${int(first.households)}: x${growth.toFixed(2)} (data x${(last.households / first.households).toFixed(1)}, time x${(last.totalMs / first.totalMs).toFixed(1)}): ${growth <= LINEAR_TOLERANCE ? 'linear' : 'NOT linear'} (linear = per-household time grows at most x${LINEAR_TOLERANCE})`,
  )
  return { dialect, points, growth }
}

export const benchClose = async (scale: Scale, report: Report, tmp: string, county: SeedData): Promise<CloseFigures[]> => {
  const dataFor = (n: number) => (n === scale.households ? county : generateTownship({ seed: SEED, households: n, now: NOW }))
  report.add(SECTION_CLOSE, `period ${PERIOD}; each size a fresh database seeded by the server's first start (migrations, seed, ANALYZE); the close timed per township as the HTTP round trip of office.closePeriod by its office staff`)
  const out: CloseFigures[] = [await measure('SQLite', scale, report, tmp, dataFor, null)]
  if (!mariadbAvailable()) {
    report.add(SECTION_CLOSE, 'MariaDB: not measured (mariadb-server is not installed: apt-get install -y mariadb-server)')
    out.push({ dialect: 'MariaDB', points: [], growth: null, error: 'not installed' })
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
