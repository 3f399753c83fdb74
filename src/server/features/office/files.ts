/**
 * Office files inside WeChat (issue 11 item 6): the roster import from a spreadsheet the office put
 * in cloud storage, and exports (and the roster template) the function writes to cloud storage and
 * hands back as a temporary URL the phone opens with Taro.openDocument.
 * One rule: the same checks and row-and-field report as the local /files routes; a file is read
 * only when the caller registered it as their own, and an export's URL goes only to its office.
 */
import { localDate } from '../../../core/time'
import type { HandlerContext } from '../../context'
import { refuse } from '../../errors'
import { policies } from '../../policies'
import type { WechatStorage } from '../../wechat/port'
import type { Handlers } from '../types'
import { TEMP_URL_SECONDS } from '../uploads'
import { buildExport } from './exports'
import { importRoster, mayImport, templateXlsx } from './import'

const storageOf = (ctx: HandlerContext): WechatStorage => {
  if (ctx.deps.mode !== 'cloud' || !ctx.deps.storage) return refuse('ACTION.UNKNOWN')
  return ctx.deps.storage
}

export const officeFileHandlers: Handlers<'office.importFile' | 'office.exportFile'> = {
  'office.importFile': async ({ fileId, fileName }, ctx) => {
    // The role before the mode: a villager is refused the same way in every deployment.
    const actor = mayImport(ctx.actor)
    const storage = storageOf(ctx)
    const [upload] = await ctx.store.find('uploads', { url: fileId }, { limit: 1 })
    if (!upload || upload.ownerId !== actor.person.id || upload.kind !== 'sheet') return refuse('TICKET.ATTACHMENT_NOT_YOURS')
    const bytes = Buffer.from(await storage.downloadFile(fileId))
    if (bytes.length > ctx.settings.office.importMaxBytes) return refuse('IMPORT.TOO_LARGE')
    return importRoster(ctx, { bytes, fileName })
  },

  'office.exportFile': async ({ kind, period }, ctx) => {
    const actor = ctx.actor
    if (!actor || !policies['office:read'](actor, actor.person.townshipId)) return refuse('AUTH.FORBIDDEN')
    const storage = storageOf(ctx)
    const townshipId = actor.person.townshipId
    const month = period ?? localDate(ctx.now, ctx.settings).slice(0, 7)
    const file =
      kind === 'template'
        ? { fileName: '花名册模板.xlsx', bytes: await templateXlsx() }
        : await buildExport(ctx, kind, month)
    const id = ctx.newId('exp')
    // ASCII paths (the Chinese name is the answer's fileName): office/<township>/<id>-<kind>.xlsx.
    const fileId = await storage.uploadFile(`office/${townshipId}/${id}-${kind}${kind === 'template' ? '' : `-${month}`}.xlsx`, file.bytes)
    await ctx.store.insert('uploads', {
      id,
      townshipId,
      ownerId: actor.person.id,
      kind: 'sheet',
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes: file.bytes.length,
      url: fileId,
      at: ctx.now,
      objectKind: 'export',
      objectId: townshipId,
    })
    return { fileName: file.fileName, url: await storage.tempUrl(fileId, TEMP_URL_SECONDS) }
  },
}
