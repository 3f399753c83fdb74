/**
 * The load generator, in its own process (forked by bench/actions.ts): autocannon against one URL
 * for a bounded time, answering req/s and latency percentiles over IPC. Being a separate process,
 * its work does not share the server's event loop, only the machine's cores.
 * One rule: loopback only; every write gets a fresh request id (autocannon's setupRequest hook).
 */
import autocannon from 'autocannon'

export interface LoadJob {
  id: number
  url: string
  /** Bearer token, if any. */
  token: string | null
  /** The action's input; `write` sends a fresh requestId with each request. */
  input: unknown
  write: boolean
  seconds: number
  connections: number
}

export interface LoadResult {
  id: number
  /** Mean requests per second over the run. */
  rps: number
  total: number
  p50: number
  p99: number
  max: number
  non2xx: number
  errors: number
  timeouts: number
  statusCodes: Record<string, number>
}

const run = async (job: LoadJob): Promise<LoadResult> => {
  const target = new URL(job.url)
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)) throw new Error(`loopback only: ${job.url}`)
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(job.token ? { authorization: `Bearer ${job.token}` } : {}) }
  let n = 0
  const body = JSON.stringify({ input: job.input })
  const result = await autocannon({
    url: job.url,
    connections: job.connections,
    duration: job.seconds,
    // A request slower than this counts as a timeout (and a sign the action is far off its goal).
    timeout: 30,
    requests: [
      {
        method: 'POST',
        headers,
        body,
        ...(job.write
          ? { setupRequest: (request: autocannon.Request) => ({ ...request, body: JSON.stringify({ input: job.input, requestId: `load-${process.pid}-${job.id}-${(n++).toString(36)}` }) }) }
          : {}),
      },
    ],
  })
  const statusCodes: Record<string, number> = {}
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = (stat as { count: number }).count
  return {
    id: job.id,
    rps: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
  }
}

process.on('message', (job: LoadJob) => {
  run(job).then(
    (result) => process.send?.({ ok: true, result }),
    (error: unknown) => process.send?.({ ok: false, id: job.id, error: String(error) }),
  )
})
process.send?.({ ready: true })
