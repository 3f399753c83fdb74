/**
 * A CPU profile of one hot action under load (not part of `npm run bench`): the local server in its
 * own process on a seeded county (the data folder is kept between runs, so the seed happens once),
 * autocannon from this process, and the V8 CPU profile of the server taken over the load window only
 * (node:inspector), summarised by function and by package.
 *
 *   npx tsx bench/profile.ts --households=20000 --action=villager.myCadre --seconds=10 [--dir=/tmp/minqing-profile]
 *
 * Writes `<dir>/<action>.cpuprofile` (open it in Chrome's DevTools or speedscope) and prints the
 * request rate and the top costs. One rule: measurements only, never assertions.
 */
import { fork } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import autocannon from 'autocannon'
import type { ActionName } from '../src/contracts'
import { generateTownship } from '../src/server/seed'
import { pickCallers } from './actions'
import { NOW, PERIOD, SEED, devLogin, freshRequestId, mustCall } from './support'
import { summarise } from './profile-summary'

type Who = 'villager' | 'cadre' | 'office'

const PLAN: Record<string, { who: Who; input: unknown; write?: boolean }> = {
  'villager.myCadre': { who: 'villager', input: {} },
  'ticket.inbox': { who: 'cadre', input: {} },
  'office.dashboard': { who: 'office', input: { period: PERIOD } },
  'ticket.create': { who: 'villager', input: { kind: 'problem', category: 'infrastructure', description: '村里的路灯坏了，晚上看不见路', anonymous: false }, write: true },
  'posting.get': { who: 'villager', input: { period: PERIOD } },
}

const arg = (name: string, fallback: string): string => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback

/** The server side: started with `--serve`, profiles between the 'start' and 'stop' messages. */
const serve = async () => {
  const { Session } = await import('node:inspector/promises')
  const { startLocalServer } = await import('../src/server/local/start')
  const dataDir = arg('dir', '')
  const households = Number(arg('households', '20000'))
  const t0 = Date.now()
  const server = await startLocalServer({ dataDir, seedHouseholds: households, seed: SEED, clock: () => NOW + (Date.now() - t0), demo: true })
  const session = new Session()
  session.connect()
  process.on('message', async (message: { kind: 'start' | 'stop' | 'cpu'; file?: string }) => {
    if (message.kind === 'cpu') {
      process.send?.({ kind: 'cpu', cpu: process.cpuUsage() })
    } else if (message.kind === 'start') {
      await session.post('Profiler.enable')
      await session.post('Profiler.setSamplingInterval', { interval: 100 })
      await session.post('Profiler.start')
      process.send?.({ kind: 'started' })
    } else {
      if (message.file) {
        const { profile } = await session.post('Profiler.stop')
        fs.writeFileSync(message.file, JSON.stringify(profile))
      }
      await server.close()
      process.send?.({ kind: 'stopped' })
      process.exit(0)
    }
  })
  process.send?.({ kind: 'ready', url: server.url })
}

const drive = async () => {
  const action = arg('action', 'villager.myCadre') as ActionName
  const plan = PLAN[action]
  if (!plan) throw new Error(`--action: one of ${Object.keys(PLAN).join(', ')}`)
  const households = Number(arg('households', '20000'))
  const seconds = Number(arg('seconds', '10'))
  const connections = Number(arg('connections', '20'))
  const dir = arg('dir', `/tmp/minqing-profile-${households}`)
  fs.mkdirSync(dir, { recursive: true })
  // MINQING_PROFILE_NODE_ARGS=--perf-basic-prof: the server's JavaScript named for Linux perf.
  const nodeArgs = (process.env.MINQING_PROFILE_NODE_ARGS ?? '').split(' ').filter(Boolean)
  const child = fork(__filename, ['--serve', `--dir=${dir}`, `--households=${households}`], { execArgv: [...nodeArgs, '--import', 'tsx'], stdio: 'inherit' })
  console.log(`server pid ${child.pid}`)
  const next = (kind: string) => new Promise<{ url?: string; cpu?: NodeJS.CpuUsage }>((resolve) => {
    const on = (m: { kind: string; url?: string; cpu?: NodeJS.CpuUsage }) => {
      if (m.kind !== kind) return
      child.off('message', on)
      resolve(m)
    }
    child.on('message', on)
  })
  const { url } = await next('ready')
  const callers = pickCallers(generateTownship({ seed: SEED, households, now: NOW }))
  const ids = { villager: callers.villager.id, cadre: callers.cadre.id, office: callers.office.id }
  if (action === 'posting.get') {
    const office = await devLogin(url!, ids.office)
    try {
      await mustCall(url!, 'office.closePeriod', { period: PERIOD }, office, freshRequestId())
    } catch {
      // Closed by an earlier run on the same data folder.
    }
  }
  const token = await devLogin(url!, ids[plan.who])
  // --path=/healthz (GET) or --path=/api/<other> (POST with the same body): the same server, another route.
  const other = arg('path', '')
  const load = (duration: number) =>
    autocannon({
      url: other ? `${url}${other}` : `${url}/api/${action}`,
      connections,
      duration,
      requests: [
        {
          method: other.startsWith('/api/') || !other ? 'POST' : 'GET',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ input: plan.input }),
          ...(plan.write ? { setupRequest: (r: autocannon.Request) => ({ ...r, body: JSON.stringify({ input: plan.input, requestId: freshRequestId() }) }) } : {}),
        },
      ],
    })
  await load(2) // warm up: JIT, statement cache
  const file = path.join(dir, `${action}.cpuprofile`)
  const profiling = arg('profile', '1') !== '0'
  if (profiling) {
    child.send({ kind: 'start' })
    await next('started')
  }
  child.send({ kind: 'cpu' })
  const before = (await next('cpu')).cpu!
  const result = await load(seconds)
  child.send({ kind: 'cpu' })
  const after = (await next('cpu')).cpu!
  // The server's own CPU time per request: steadier than req/s on a machine shared with other work.
  const cpuUs = (after.user + after.system - before.user - before.system) / result.requests.total
  console.log(
    `${action}: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, server CPU ${cpuUs.toFixed(0)} µs/request, non-2xx ${result.non2xx}, errors ${result.errors}${profiling ? ' (profiled)' : ''}`,
  )
  child.send({ kind: 'stop', file: profiling ? file : undefined })
  await next('stopped')
  if (!profiling) return
  console.log(`profile: ${file}`)
  console.log(summarise(JSON.parse(fs.readFileSync(file, 'utf8')), Number(arg('top', '40'))))
}

if (process.argv.includes('--serve')) void serve()
else
  drive().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
