/**
 * `npm run bench` (`npm run bench -- --quick` for a small, short smoke run; `-- --only=close` (or
 * actions, import, comma-separated) for some parts only): the figures of issue 9's
 * goals, measured at county scale (generateTownship({ households: 75000 }): 75,000 households,
 * 1,248 resident cadres, a month of history).
 * 1. Five hot actions through the real local HTTP server: req/s, p50/p99, share of a bare Node
 *    http server measured interleaved (autocannon, 20 connections).
 * 2. Statements per action (the store's onQuery hook).
 * 3. The month-end close (office.closePeriod) at three sizes on SQLite and on MariaDB: linear?
 * 4. The county's roster imported from xlsx: time and peak RSS of the importing process.
 * 5. The summary against the goals, each met or not met.
 * One rule: measurements only (printed), never assertions; tests live in test/.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { generateTownship } from '../src/server/seed'
import { SECTION_ACTIONS, SECTION_STATEMENTS, benchActions, type ActionFigures } from './actions'
import { LINEAR_TOLERANCE, SECTION_CLOSE, benchClose, type CloseFigures } from './close'
import { SECTION_IMPORT, benchImport, type ImportFigures } from './roster'
import { NOW, PARTS, Report, SEED, elapsedMs, fmtMs, int, mb, pct, progress, scaleOf, table, time } from './support'

const SECTION_SUMMARY = '5. Summary against the goals of issue 9'

/** The goals of issue 9 ("Done when"). */
export const GOALS = {
  readShare: 0.5,
  writeShare: 0.25,
  p99Ms: 10,
  readStatements: 3,
  closeMs: 500,
  importRssBytes: 400 * 1024 * 1024,
} as const

const verdict = (met: boolean | null) => (met === null ? 'not measured' : met ? 'met' : 'NOT MET')

const summary = (
  scale: ReturnType<typeof scaleOf>,
  actions: ActionFigures[] | null,
  closes: CloseFigures[] | null,
  imported: ImportFigures | null,
): string[] => {
  const rows: string[][] = []
  for (const a of actions ?? []) {
    const shareGoal = a.write ? GOALS.writeShare : GOALS.readShare
    rows.push([`${a.action}: share of bare Node >= ${pct(shareGoal)}`, pct(a.share), verdict(a.failures === 0 ? a.share >= shareGoal : false) + (a.failures ? ` (${a.failures} failed requests)` : '')])
    rows.push([`${a.action}: p99 <= ${GOALS.p99Ms} ms`, `${a.p99} ms`, verdict(a.p99 <= GOALS.p99Ms)])
    if (a.write) rows.push([`${a.action}: statements (a write adds only its own writes)`, String(a.statements), 'see section 2'])
    else rows.push([`${a.action}: <= ${GOALS.readStatements} statements`, String(a.statements), verdict(a.statements <= GOALS.readStatements)])
  }
  if (!actions) rows.push(['actions (section 1)', '-', verdict(null)])
  for (const c of closes ?? []) {
    const last = c.points[c.points.length - 1]
    if (c.dialect === 'SQLite') {
      rows.push([`close of ${last ? int(last.households) : '?'} households on SQLite <= ${GOALS.closeMs} ms`, last ? `${fmtMs(last.totalMs)} (CPU ${fmtMs(last.cpuMs)})` : '-', verdict(last ? last.totalMs <= GOALS.closeMs : null)])
    } else if (last) {
      rows.push([`close of ${int(last.households)} households on MariaDB (no goal)`, `${fmtMs(last.totalMs)} (CPU ${fmtMs(last.cpuMs)})`, '-'])
    }
    rows.push([
      `close linear on ${c.dialect} (CPU per household x<=${LINEAR_TOLERANCE})`,
      c.growth === null || c.wallGrowth === null ? '-' : `x${c.growth.toFixed(2)} (wall x${c.wallGrowth.toFixed(2)})`,
      verdict(c.growth === null ? null : c.growth <= LINEAR_TOLERANCE),
    ])
  }
  if (!closes) rows.push(['close (section 3)', '-', verdict(null)])
  rows.push([
    `import of ${int(imported?.households ?? scale.households)} households: peak RSS <= ${mb(GOALS.importRssBytes)}`,
    imported ? `${mb(imported.peakRssBytes)} (${fmtMs(imported.ms)})` : '-',
    verdict(imported && !imported.error ? imported.peakRssBytes <= GOALS.importRssBytes : imported ? false : null) + (imported?.error ? ` (refused: ${imported.error})` : ''),
  ])
  const lines = table(['goal', 'measured', 'verdict'], rows)
  if (scale.quick) lines.unshift('QUICK RUN (--quick): small data and short runs, a smoke test; the figures say nothing about the goals.')
  return lines
}

const main = async () => {
  const start = process.hrtime.bigint()
  const scale = scaleOf(process.argv.slice(2), process.env)
  const report = new Report([SECTION_ACTIONS, SECTION_STATEMENTS, SECTION_CLOSE, SECTION_IMPORT, SECTION_SUMMARY])
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-bench-'))
  console.log(`# minqing bench${scale.quick ? ' (quick)' : ''}: ${int(scale.households)} households`)
  console.log(`node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`)
  const failures: string[] = []
  const attempt = async <T>(name: (typeof PARTS)[number], section: string, work: () => Promise<T>): Promise<T | null> => {
    if (scale.only && !scale.only.has(name)) {
      for (const title of name === 'actions' ? [section, SECTION_STATEMENTS] : [section]) report.add(title, `skipped (--only=${[...scale.only].join(',')})`)
      return null
    }
    try {
      return await work()
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error)
      report.add(section, `FAILED: ${message.split('\n').slice(0, 4).join(' / ')}`)
      failures.push(name)
      return null
    }
  }
  try {
    progress(`generating the data set (${int(scale.households)} households)`)
    const [county, tGen] = await time(async () => generateTownship({ seed: SEED, households: scale.households, now: NOW }))
    const residents = county.people.filter((p) => p.roles.includes('cadre') && p.duty === 'resident').length
    console.log(
      `data set: generateTownship({ seed: ${SEED}, households: ${scale.households} }): ${int(county.townships.length)} townships, ${int(county.villages.length)} villages, ${int(county.households.length)} households, ${int(county.people.length)} people, ${int(residents)} resident cadres, ${int(county.signins.length)} sign-ins, ${int(county.visits.length)} visits, ${int(county.ratings.length)} ratings, ${int(county.tickets.length)} tickets (generated in ${fmtMs(tGen)})`,
    )
    const actions = await attempt('actions', SECTION_ACTIONS, () => benchActions(scale, report, county, fs.mkdtempSync(path.join(tmp, 'actions-'))))
    const closes = await attempt('close', SECTION_CLOSE, () => benchClose(scale, report, tmp, county))
    const imported = await attempt('import', SECTION_IMPORT, () => benchImport(report, county, tmp))
    report.add(SECTION_SUMMARY, ...summary(scale, actions, closes, imported))
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true })
  }
  report.print()
  console.log(`\nbench finished in ${fmtMs(elapsedMs(start))} (bench process peak RSS ${mb(process.resourceUsage().maxRSS * 1024)})${failures.length ? `; FAILED sections: ${failures.join(', ')}` : ''}`)
  if (failures.length) process.exitCode = 1
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
