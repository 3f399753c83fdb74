/**
 * File routes of the local server (the cloud function goes through cloud storage instead):
 * the roster template (xlsx, csv), the roster upload (multipart) and the xlsx exports.
 * One rule: the same identity, policies and error shape as `/api`: a Bearer session token, a
 * named policy in the feature code, and every failure answered as an ApiResponse with a stable code.
 */
import multipart from '@fastify/multipart'
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ServerDeps } from '../context'
import { errorAnswer, type Answer } from '../dispatch'
import { ActionError } from '../errors'
import { EXPORT_KINDS, buildExport, type ExportKind } from '../features/office/exports'
import { importRosterFile, mayImport, templateCsv, templateXlsx } from '../features/office/import'
import { resolveActor } from '../identity'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

const send = (reply: FastifyReply, answer: Answer) => reply.code(answer.status).type('application/json; charset=utf-8').send(answer.body)


const attachment = (reply: FastifyReply, fileName: string, type: string) =>
  reply.header('content-disposition', `attachment; filename="export.${fileName.split('.').pop()}"; filename*=UTF-8''${encodeURIComponent(fileName)}`).type(type)

const failure = (reply: FastifyReply, error: unknown) => {
  if (error instanceof ActionError) return send(reply, errorAnswer(error.code, error.issues))
  const code = (error as { code?: string }).code
  if (code === 'FST_REQ_FILE_TOO_LARGE') return send(reply, errorAnswer('IMPORT.TOO_LARGE'))
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' || code === 'FST_NO_FORM_DATA') return send(reply, errorAnswer('IMPORT.NOT_SPREADSHEET'))
  console.error('[minqing] file route failed:', error)
  return send(reply, errorAnswer('SERVER.INTERNAL'))
}

export const registerFileRoutes = async (app: FastifyInstance, deps: ServerDeps): Promise<void> => {
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: deps.settings.office.importMaxBytes, files: 1, fields: 4 } })

    scope.get('/files/roster-template.xlsx', async (_request, reply) => attachment(reply, '花名册模板.xlsx', XLSX).send(await templateXlsx()))
    scope.get('/files/roster-template.csv', async (_request, reply) => attachment(reply, '花名册模板.csv', 'text/csv; charset=utf-8').send(templateCsv()))

    scope.post('/files/roster-import', async (request, reply) => {
      try {
        // The caller and their role before the body: a refused caller's upload is never read (the
        // connection is closed with the answer, so the rest of it is not received either).
        let actor
        try {
          actor = mayImport(await resolveActor(deps, request.caller))
        } catch (error) {
          reply.header('connection', 'close')
          throw error
        }
        const file = await request.file()
        if (!file) return send(reply, errorAnswer('IMPORT.NOT_SPREADSHEET'))
        const bytes = await file.toBuffer()
        const data = await importRosterFile(deps, actor, { bytes, fileName: file.filename })
        return send(reply, { status: 200, body: { ok: true, data } })
      } catch (error) {
        return failure(reply, error)
      }
    })

    scope.get<{ Params: { kind: string }; Querystring: { period?: string } }>('/files/export/:kind', async (request, reply) => {
      try {
        const actor = await resolveActor(deps, request.caller)
        const kind = request.params.kind.replace(/\.xlsx$/, '')
        const period = request.query.period ?? ''
        if (!(EXPORT_KINDS as readonly string[]).includes(kind) || !/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return send(reply, errorAnswer('VALIDATION.FAILED'))
        const ctx = { deps, store: deps.store, settings: deps.settings, now: deps.clock(), newId: deps.newId, actor }
        const { fileName, bytes } = await buildExport(ctx, kind as ExportKind, period)
        return attachment(reply, fileName, XLSX).send(bytes)
      } catch (error) {
        return failure(reply, error)
      }
    })
  })
}
