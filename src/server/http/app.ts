/**
 * The local HTTP server: `POST /api/<action>` with `{ input, requestId }` and a Bearer session
 * token, answered by the same dispatcher as the cloud function; it also serves the H5 build.
 * One rule: every failure, including bodies that are not JSON or are too large, answers the
 * contract's error shape with a stable code, and the server keeps serving.
 */
import fs from 'node:fs'
import path from 'node:path'
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify'
import fastifyCompress from '@fastify/compress'
import fastifyStatic from '@fastify/static'
import rateLimit from '@fastify/rate-limit'
import type { ServerDeps } from '../context'
import { errorAnswer, handle, type Answer } from '../dispatch'
import { registerUploads } from './uploads'
import { registerFileRoutes } from './files'
import { registerFontRoutes } from './fonts'
import { callerOfToken, registerWechatLogin, type WechatLoginOptions } from './wechat-login'
import type { Caller } from '../identity'

declare module 'fastify' {
  interface FastifyRequest {
    /** Who the Bearer token names (set for every request before its handler). */
    caller: Caller
  }
}

export interface HttpOptions {
  deps: ServerDeps
  /** The H5 build to serve at `/`, if any. */
  staticDir?: string
  /** Largest JSON body accepted, in bytes. */
  bodyLimit?: number
  logger?: boolean
  /** Local mode: where uploaded photos and voice notes are stored (enables /upload). */
  uploadDir?: string
  /** The self-hosted weapp's WeChat login (`POST /auth/wechat-login`); absent: no such route. */
  wechatLogin?: WechatLoginOptions
  /** gzip/brotli answers (the self-hosted server; behind a proxy that compresses, leave it off). */
  compress?: boolean
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For (logs, limits). */
  trustProxy?: boolean
}

const send = (reply: FastifyReply, answer: Answer) => reply.code(answer.status).type('application/json; charset=utf-8').send(answer.body)

const bearer = (header: string | undefined): string | null => {
  if (!header) return null
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  return match?.[1] ?? null
}

export const buildHttpApp = async ({ deps, staticDir, bodyLimit = 256 * 1024, logger = false, uploadDir, wechatLogin, compress = true, trustProxy = false }: HttpOptions): Promise<FastifyInstance> => {
  const app = Fastify({ logger, bodyLimit, trustProxy })
  // The first screen on a weak mobile network: brotli or gzip for the H5 bundle and JSON answers
  // above 1 KB (the client says what it accepts; small answers are not worth the CPU).
  if (compress) await app.register(fastifyCompress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] })

  // Fastify 5 wants reference-type decorations to start as null; the hook below sets it first thing.
  app.decorateRequest('caller', null as never)
  app.addHook('onRequest', async (request) => {
    const caller = await callerOfToken(bearer(request.headers.authorization), wechatLogin)
    request.caller = { ...caller, client: { userAgent: String(request.headers['user-agent'] ?? '').slice(0, 400), address: request.ip } }
  })
  if (wechatLogin) registerWechatLogin(app, wechatLogin)

  // Per network address, before anything else is done for a request (settings.limits; 0: none).
  const perMinute = deps.settings.limits.requestsPerMinutePerAddress
  if (perMinute > 0) {
    await app.register(rateLimit, {
      max: perMinute,
      timeWindow: 60_000,
      hook: 'onRequest',
      errorResponseBuilder: (_request, context) => Object.assign(new Error('rate limited'), { statusCode: context.statusCode, code: 'LIMIT.TOO_MANY_REQUESTS' }),
    })
  }

  // Fastify's own failures (unparsable JSON, too large, wrong content type) in our error shape.
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) return send(reply, errorAnswer('REQUEST.TOO_LARGE'))
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.statusCode === 415) return send(reply, errorAnswer('REQUEST.UNSUPPORTED_MEDIA_TYPE'))
    if (error.statusCode === 429) return send(reply.header('connection', 'close'), errorAnswer('LIMIT.TOO_MANY_REQUESTS'))
    if (error.statusCode === 400) return send(reply, errorAnswer('REQUEST.MALFORMED_JSON'))
    app.log.error(error)
    return send(reply, errorAnswer('SERVER.INTERNAL'))
  })

  app.get('/healthz', async () => ({ ok: true }))

  app.post<{ Params: { action: string } }>('/api/:action', async (request, reply) => {
    const body = request.body
    if (!body || typeof body !== 'object' || Array.isArray(body)) return send(reply, errorAnswer('REQUEST.MALFORMED_JSON'))
    const { input, requestId, ...rest } = body as Record<string, unknown>
    if (Object.keys(rest).length > 0) return send(reply, errorAnswer('REQUEST.MALFORMED_JSON'))
    const answer = await handle({ action: request.params.action, input, requestId }, request.caller, deps)
    return send(reply, answer)
  })

  if (uploadDir) await registerUploads(app, deps, uploadDir)
  await registerFileRoutes(app, deps)
  registerFontRoutes(app)

  app.all('/api/*', async (_request, reply) => send(reply, errorAnswer('ACTION.UNKNOWN')))

  if (staticDir && fs.existsSync(path.join(staticDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: path.resolve(staticDir), prefix: '/', maxAge: '1h' })
    // The H5 app routes by hash; any other path gets the app shell.
    app.setNotFoundHandler((_request, reply) => reply.type('text/html; charset=utf-8').sendFile('index.html', { maxAge: 0 }))
  }
  return app
}
