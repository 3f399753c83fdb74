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

/** The H5 build names its JS and CSS by content hash (config/index.ts: `[name].[contenthash:8]`), also precompressed. */
const HASHED_ASSET = /\.[0-9a-f]{8}\.(js|css)(\.br|\.gz)?$/

/** Cache-Control of a file of the H5 build. */
export const staticCacheControl = (file: string): string => {
  if (HASHED_ASSET.test(file)) return 'public, max-age=31536000, immutable'
  if (/\.html(\.br|\.gz)?$/.test(file)) return 'no-cache'
  return 'public, max-age=3600'
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
    // The build's .br/.gz files (config/precompress.ts) are sent as they are when the browser takes
    // them; files named by their content's hash never change (a year, immutable); the app shell is
    // asked again every time (it names the current hashes); anything else an hour.
    await app.register(fastifyStatic, {
      root: path.resolve(staticDir),
      prefix: '/',
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, file) => {
        res.setHeader('cache-control', staticCacheControl(file))
        // A cache between must keep the brotli, gzip and plain answers apart.
        res.setHeader('vary', 'accept-encoding')
      },
    })
    // The H5 app routes by hash; any other path gets the app shell.
    app.setNotFoundHandler((_request, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile('index.html'))
  }
  return app
}
