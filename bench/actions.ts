/**
 * Sections 1 and 2: five hot actions through the real local server (HTTP, the county's SQLite file),
 * each measured with autocannon interleaved with a bare Node http server (bare, action, bare,
 * action...), and the SQL statements one call of each makes (the store's onQuery hook).
 * One rule: realistic callers (a villager of a big village, the cadre with the most open tickets,
 * the office of the biggest township), and the server idle before every measurement.
 */
import { fork, type ChildProcess } from 'node:child_process'
import http from 'node:http'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import type { ActionName } from '../src/contracts'
import { isOpen } from '../src/core/tickets'
import { startLocalServer } from '../src/server/local/start'
import type { SeedData } from '../src/server/seed'
import type { LoadJob, LoadResult } from './load'
import { NOW, PERIOD, SEED, callApi, devLogin, fmtMs, freshRequestId, int, mustCall, pct, progress, settle, table, time, type Report, type Scale } from './support'

export const SECTION_ACTIONS = '1. Actions through the local HTTP server vs a bare Node http server (autocannon, interleaved)'
export const SECTION_STATEMENTS = '2. Statements per action (one call, the store onQuery hook)'

export interface ActionFigures {
  action: ActionName
  write: boolean
  rps: number
  bareRps: number
  /** Action req/s over the bare server's req/s measured just before it, all rounds together. */
  share: number
  p50: number
  p99: number
  failures: number
  /** Statements of the caller's first call after signing in, and of the next call. */
  firstStatements: number
  statements: number
}

interface Callers {
  townshipId: string
  townshipHouseholds: number
  villager: { id: string; villageName: string; villageHouseholds: number }
  cadre: { id: string; openTickets: number }
  office: { id: string }
}

/** The callers, from the same generated data the server seeded (same seed, size and time). */
export const pickCallers = (data: SeedData): Callers => {
  const countBy = <T>(items: T[], key: (t: T) => string | null) => {
    const counts = new Map<string, number>()
    for (const item of items) {
      const k = key(item)
      if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1)
    }
    return counts
  }
  const largest = (counts: Map<string, number>) => [...counts].reduce((a, b) => (b[1] > a[1] ? b : a))
  const [townshipId, townshipHouseholds] = largest(countBy(data.households, (h) => h.townshipId))
  const [villageId, villageHouseholds] = largest(countBy(data.households, (h) => (h.townshipId === townshipId ? h.villageId : null)))
  const household = new Map(data.households.map((h) => [h.id, h]))
  const villager = data.people.find((p) => {
    const h = p.householdId ? household.get(p.householdId) : undefined
    return h?.villageId === villageId && h.cadreId !== null && p.hasPhone && p.roles.includes('villager') && !p.roles.includes('cadre')
  })
  const office = data.people.find((p) => p.townshipId === townshipId && p.roles.includes('cadre') && p.duty === 'office' && !p.roles.includes('leader'))
  // The inbox: open tickets the cadre holds plus open ones of the households the cadre covers.
  const inbox = new Map<string, Set<string>>()
  const add = (cadreId: string | null, ticketId: string) => {
    if (!cadreId) return
    if (!inbox.has(cadreId)) inbox.set(cadreId, new Set())
    inbox.get(cadreId)!.add(ticketId)
  }
  for (const t of data.tickets) {
    if (!isOpen(t.status)) continue
    add(t.assigneeId, t.id)
    add(household.get(t.householdId)?.cadreId ?? null, t.id)
  }
  // Resident cadres (包户干部): the inbox's everyday users.
  const cadres = new Set(data.people.filter((p) => p.roles.includes('cadre') && p.duty === 'resident').map((p) => p.id))
  const [cadreId, openTickets] = [...inbox].filter(([id]) => cadres.has(id)).reduce<[string, number]>((a, [id, s]) => (s.size > a[1] ? [id, s.size] : a), ['', -1])
  if (!villager || !office || !cadreId) throw new Error('the generated data has no villager, office staff or cadre with tickets to measure with')
  const villageName = data.villages.find((v) => v.id === villageId)?.name ?? villageId
  return { townshipId, townshipHouseholds, villager: { id: villager.id, villageName, villageHouseholds }, cadre: { id: cadreId, openTickets }, office: { id: office.id } }
}

/** The load generator process: one for the whole section, ended when the section ends. */
const startLoader = async (): Promise<{ run: (job: Omit<LoadJob, 'id'>) => Promise<LoadResult>; stop: () => void }> => {
  const child: ChildProcess = fork(path.join(__dirname, 'load.ts'), [], { cwd: path.join(__dirname, '..'), execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve())
    child.once('exit', (code) => reject(new Error(`the load generator exited with ${code}`)))
  })
  let next = 0
  const run = (job: Omit<LoadJob, 'id'>) =>
    new Promise<LoadResult>((resolve, reject) => {
      const id = next++
      const onMessage = (message: { ok: boolean; result?: LoadResult; id?: number; error?: string }) => {
        if ((message.result?.id ?? message.id) !== id) return
        child.off('message', onMessage)
        if (message.ok && message.result) resolve(message.result)
        else reject(new Error(`load generator: ${message.error}`))
      }
      child.on('message', onMessage)
      child.send({ ...job, id })
    })
  return { run, stop: () => child.kill() }
}

/** A bare Node http server: reads the body, answers a trivial JSON document. The reference. */
const startBare = async (): Promise<{ url: string; close: () => Promise<void> }> => {
  const server = http.createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
      res.end('{"ok":true,"data":null}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/api/bare`, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

const shortSql = (sql: string) => {
  const one = sql.replace(/\s+/g, ' ').trim()
  return one.length > 160 ? `${one.slice(0, 157)}...` : one
}

/** How many of the statements read, write, and begin or end a transaction. */
const kinds = (sqls: string[]) => {
  const of = (re: RegExp) => sqls.filter((s) => re.test(s.trimStart())).length
  const reads = of(/^(select|with)\b/i)
  const writes = of(/^(insert|update|delete|replace)\b/i)
  return `${reads} reads, ${writes} writes, ${sqls.length - reads - writes} other (transaction control)`
}

export const benchActions = async (scale: Scale, report: Report, county: SeedData, dataDir: string): Promise<ActionFigures[]> => {
  let captured: string[] | null = null
  const onQuery = (sql: string) => captured?.push(sql)
  const t0 = Date.now()
  progress(`actions: starting the local server on ${int(scale.households)} households (seeding on first start)`)
  const [server, tStart] = await time(() =>
    startLocalServer({ dataDir, seedHouseholds: scale.households, seed: SEED, clock: () => NOW + (Date.now() - t0), onQuery, demo: true }),
  )
  const bare = await startBare()
  const loader = await startLoader()
  const callers = pickCallers(county)
  report.add(
    SECTION_ACTIONS,
    `server: first start (migrations, seed of ${int(county.households.length)} households / ${int(county.people.length)} people / ${int(county.tickets.length)} tickets, ANALYZE) in ${fmtMs(tStart)}`,
    `callers: villager ${callers.villager.id} of ${callers.villager.villageName} (${callers.villager.villageHouseholds} households) in the biggest township ${callers.townshipId} (${callers.townshipHouseholds} households); cadre ${callers.cadre.id} (resident, ${callers.cadre.openTickets} open tickets in the inbox: the most of any resident cadre); office staff ${callers.office.id} of ${callers.townshipId}`,
    `load: autocannon in its own process, ${scale.connections} connections, ${scale.seconds} s per run, ${scale.rounds} round(s) of (bare Node, action) per action; the server idle before each run; req/s the mean of the rounds, share = action over bare, p50/p99 of the median round`,
  )
  const tokens = {
    villager: await devLogin(server.url, callers.villager.id),
    cadre: await devLogin(server.url, callers.cadre.id),
    office: await devLogin(server.url, callers.office.id),
  }
  const plan: { action: ActionName; who: keyof typeof tokens; input: unknown; write?: boolean; before?: () => Promise<void> }[] = [
    { action: 'villager.myCadre', who: 'villager', input: {} },
    { action: 'ticket.inbox', who: 'cadre', input: {} },
    // The month just ended, not yet closed: what the office looks at before closing it.
    { action: 'office.dashboard', who: 'office', input: { period: PERIOD } },
    {
      action: 'ticket.create',
      who: 'villager',
      write: true,
      input: { kind: 'problem', category: 'infrastructure', description: '村里的路灯坏了，晚上看不见路', anonymous: false },
    },
    {
      action: 'posting.get',
      who: 'villager',
      input: { period: PERIOD },
      // The posting exists once the month is closed: the office closes it first.
      before: async () => {
        const [, t] = await time(() => mustCall(server.url, 'office.closePeriod', { period: PERIOD }, tokens.office, freshRequestId()))
        report.add(SECTION_ACTIONS, `(before posting.get: office.closePeriod ${PERIOD} of ${callers.townshipId} through HTTP took ${fmtMs(t)})`)
      },
    },
  ]
  const figures: ActionFigures[] = []
  const rows: string[][] = []
  const statementLines: string[] = []
  try {
    for (const step of plan) {
      await step.before?.()
      const token = tokens[step.who]
      const once = async () => {
        captured = []
        const answer = await callApi(server.url, step.action, step.input, token, step.write ? freshRequestId() : undefined)
        const sqls = captured
        captured = null
        if (!answer.ok) throw new Error(`${step.action} as ${step.who} answered ${answer.status} ${answer.code ?? ''}`)
        return sqls
      }
      // A fresh session for the count of the first call, then the next call (the steady state).
      tokens[step.who] = await devLogin(server.url, callers[step.who].id)
      const first = await once()
      const next = await once()
      statementLines.push(`${step.action}: ${first.length} on the caller's first call, ${next.length} on the next (${kinds(next)}):`, ...next.map((s, i) => `  ${i + 1}. ${shortSql(s)}`))
      for (let i = 0; i < 3; i++) await once()

      progress(`actions: ${step.action}`)
      const bareRuns: LoadResult[] = []
      const runs: LoadResult[] = []
      for (let round = 0; round < scale.rounds; round++) {
        await settle()
        bareRuns.push(await loader.run({ url: bare.url, token: null, input: {}, write: false, seconds: scale.seconds, connections: scale.connections }))
        await settle()
        const url = `${server.url}/api/${step.action}`
        runs.push(await loader.run({ url, token: tokens[step.who], input: step.input, write: step.write ?? false, seconds: scale.seconds, connections: scale.connections }))
      }
      await settle()
      const sum = (xs: LoadResult[], k: 'total' | 'rps') => xs.reduce((a, r) => a + r[k], 0)
      const rps = sum(runs, 'rps') / runs.length
      const bareRps = sum(bareRuns, 'rps') / bareRuns.length
      // The median run's percentiles: one run slowed by other work on the machine does not decide.
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
      const p50 = median(runs.map((r) => r.p50))
      const p99 = median(runs.map((r) => r.p99))
      const failures = runs.reduce((a, r) => a + r.non2xx + r.errors, 0)
      const codes = runs.flatMap((r) => Object.entries(r.statusCodes).filter(([c]) => c !== '200').map(([c, n]) => `${c} x${n}`))
      figures.push({ action: step.action, write: step.write ?? false, rps, bareRps, share: rps / bareRps, p50, p99, failures, firstStatements: first.length, statements: next.length })
      rows.push([
        step.action,
        step.who,
        int(rps),
        int(bareRps),
        pct(rps / bareRps),
        `${p50} ms`,
        `${p99} ms`,
        failures ? `${failures} (${codes.join(', ') || 'errors'})` : '0',
        runs.map((r, i) => `${int(r.rps)}/${int(bareRuns[i].rps)} ${r.p99}ms`).join(', '),
      ])
    }
  } finally {
    loader.stop()
    await bare.close()
    await server.close()
  }
  report.add(SECTION_ACTIONS, ...table(['action', 'caller', 'req/s', 'bare req/s', 'share of bare', 'p50', 'p99', 'failed requests', 'each round: req/s action/bare, p99'], rows))
  report.add(SECTION_STATEMENTS, ...statementLines)
  return figures
}
