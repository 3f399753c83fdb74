/**
 * Local uploads (local mode only; in WeChat the client puts files in cloud storage):
 * `POST /upload?kind=photo|voice` (multipart, one file, Bearer session) checks the file's type by its
 * magic bytes and its size, strips photo metadata, stores it under the data folder with a random
 * name and records who uploaded it; `GET /uploads/<name>` serves it, with a session (a Bearer token
 * or the H5 app's session cookie), to its uploader and to whoever may read the ticket it belongs to.
 * One rule: a file is stored only after every check passed, and answers use the contract's errors.
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import multipart from '@fastify/multipart'
import type { ErrorCode } from '../../contracts/errors'
import type { ServerDeps } from '../context'
import { errorAnswer } from '../dispatch'
import { ActionError } from '../errors'
import { loadActor, resolveActor } from '../identity'
import type { Caller } from '../identity'
import { checkUploadQuota, mayReadUpload } from '../features/uploads'
import { sniff, stripMetadata } from '../uploads/files'

const NAME = /^[A-Za-z0-9_-]{8,64}\.(jpg|png|webp|mp3|m4a|aac|webm|ogg|wav|amr)$/
const MIME: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  webm: 'audio/webm',
  ogg: 'audio/ogg',
  wav: 'audio/wav',
  amr: 'audio/amr',
}

const fail = (reply: FastifyReply, code: ErrorCode) => {
  const answer = errorAnswer(code)
  return reply.code(answer.status).type('application/json; charset=utf-8').send(answer.body)
}

/** A refusal before the body was read whole: the connection closes, so the rest is never received. */
const refuseEarly = (reply: FastifyReply, code: ErrorCode) => fail(reply.header('connection', 'close'), code)

/** The H5 app's session cookie (path /uploads): what an <img> sends, as it cannot send a header. */
export const SESSION_COOKIE = 'mq_session'

/** The caller of a file route: the Bearer caller (request.caller), else the H5 session cookie. */
const fileCaller = (request: FastifyRequest): Caller =>
  request.caller.kind === 'token' && !request.caller.token
    ? { kind: 'token', token: new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;\\s]+)`).exec(request.headers.cookie ?? '')?.[1] ?? null }
    : request.caller

export const registerUploads = async (app: FastifyInstance, deps: ServerDeps, uploadDir: string): Promise<void> => {
  fs.mkdirSync(uploadDir, { recursive: true })
  const { maxPhotoBytes, maxVoiceBytes } = deps.settings.tickets.attachments
  const receiveUpload = async (request: FastifyRequest<{ Querystring: { kind?: string } }>, reply: FastifyReply) => {
    const kind = request.query.kind === 'voice' ? 'voice' : request.query.kind === 'photo' ? 'photo' : null
    if (!kind) return refuseEarly(reply, 'VALIDATION.FAILED')
    const max = kind === 'photo' ? maxPhotoBytes : maxVoiceBytes
    let actor
    try {
      actor = await resolveActor(deps, fileCaller(request))
      // The hour's count before a byte is read (the day's bytes once the size is known).
      await checkUploadQuota(deps.store, deps.settings, actor.person.id, deps.clock(), 0)
    } catch (error) {
      if (error instanceof ActionError) return refuseEarly(reply, error.code)
      throw error
    }
    if (!request.isMultipart()) return refuseEarly(reply, 'UPLOAD.MISSING_FILE')
    let buffer: Buffer
    try {
      // One byte over the limit is read, so that a file of exactly the limit passes and any larger
      // one is known to be larger: never cut to the limit and stored.
      const file = await request.file({ limits: { fileSize: max + 1, files: 1, fields: 2, parts: 3 } })
      if (!file) return refuseEarly(reply, 'UPLOAD.MISSING_FILE')
      buffer = await file.toBuffer()
      if (file.file.truncated || buffer.length > max) return refuseEarly(reply, 'UPLOAD.TOO_LARGE')
    } catch (error) {
      const code = (error as { code?: string }).code
      if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') return refuseEarly(reply, 'UPLOAD.TOO_LARGE')
      return refuseEarly(reply, 'UPLOAD.MISSING_FILE')
    }
    const sniffed = sniff(buffer)
    if (!sniffed || sniffed.kind !== kind) return fail(reply, 'UPLOAD.BAD_TYPE')
    const clean = stripMetadata(buffer, sniffed.mime)
    if (!clean) return fail(reply, 'UPLOAD.BAD_TYPE')
    const now = deps.clock()
    try {
      await checkUploadQuota(deps.store, deps.settings, actor.person.id, now, clean.length)
    } catch (error) {
      if (error instanceof ActionError) return fail(reply, error.code)
      throw error
    }
    const name = `${randomUUID().replace(/-/g, '')}.${sniffed.ext}`
    await fs.promises.writeFile(path.join(uploadDir, name), clean, { mode: 0o600 })
    const url = `/uploads/${name}`
    await deps.store.insert('uploads', {
      id: deps.newId('up'),
      townshipId: actor.person.townshipId,
      ownerId: actor.person.id,
      kind,
      mime: sniffed.mime,
      bytes: clean.length,
      url,
      at: now,
    })
    return reply.type('application/json; charset=utf-8').send({ ok: true, data: { url, kind, bytes: clean.length } })
  }

  // Multipart in its own scope, with this route's limits (the roster import has its own).
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { files: 1, fileSize: Math.max(maxPhotoBytes, maxVoiceBytes) + 1, fields: 2, parts: 3 } })
    scope.post<{ Querystring: { kind?: string } }>('/upload', (request, reply) => receiveUpload(request, reply))
  })

  // A file is served only with a session, to its uploader or to whoever may read its ticket; or
  // (selfhost) with a signed URL that `file.urls` made for one reader, re-checked against that reader.
  app.get<{ Params: { name: string }; Querystring: Record<string, unknown> }>('/uploads/:name', async (request, reply) => {
    const { name } = request.params
    let actor
    if (request.query.s !== undefined) {
      const personId = deps.mediaUrls?.verify(name, request.query, deps.clock()) ?? null
      actor = personId ? await loadActor(deps.store, personId) : null
      if (!actor) return fail(reply, 'AUTH.FORBIDDEN')
    } else {
      try {
        actor = await resolveActor(deps, fileCaller(request))
      } catch (error) {
        if (error instanceof ActionError) return fail(reply, error.code)
        throw error
      }
    }
    if (!NAME.test(name)) return fail(reply, 'NOT_FOUND')
    const [upload] = await deps.store.find('uploads', { url: `/uploads/${name}` }, { limit: 1 })
    const file = path.join(uploadDir, name)
    if (!upload || !fs.existsSync(file)) return fail(reply, 'NOT_FOUND')
    if (!(await mayReadUpload(deps.store, actor, upload))) return fail(reply, 'AUTH.FORBIDDEN')
    const ext = name.split('.').pop() ?? ''
    return reply
      .type(MIME[ext] ?? 'application/octet-stream')
      // A signed URL is one reader's for minutes: no shared cache keeps it.
      .header('cache-control', request.query.s !== undefined ? 'private, max-age=300' : 'private, max-age=3600')
      .header('x-content-type-options', 'nosniff')
      .send(fs.createReadStream(file))
  })
}
