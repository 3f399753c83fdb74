/**
 * xlsx exports (exceljs) of a month: the public posting, the 1135 table, the allowance ledger and
 * the ticket list. One rule: figures come from the stored close when the month is closed (what was
 * published), otherwise from the records now; phones and addresses never appear.
 */
// exceljs (~30 MB once loaded) is loaded when a workbook is first written, not with the server.
import { postingRows } from '../../../core/close'
import { RATER_BANDS } from '../../../core/evaluation'
import { localDate, periodRange } from '../../../core/time'
import { zhCN } from '../../../i18n/zh-CN'
import type { HandlerContext } from '../../context'
import { refuse } from '../../errors'
import { policies } from '../../policies'
import { monthResult } from './month'

export const EXPORT_KINDS = ['posting', 'scores', 'allowance', 'tickets'] as const
export type ExportKind = (typeof EXPORT_KINDS)[number]

const book = async (sheetName: string, columns: readonly string[], rows: (string | number | null)[][]): Promise<Buffer> => {
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  workbook.creator = zhCN.appName
  const sheet = workbook.addWorksheet(sheetName)
  sheet.addRow([...columns])
  sheet.getRow(1).font = { bold: true }
  for (const r of rows) sheet.addRow(r)
  sheet.columns.forEach((c) => (c.width = 16))
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** The export's file name and bytes, for the actor's township. */
export const buildExport = async (ctx: HandlerContext, kind: ExportKind, period: string): Promise<{ fileName: string; bytes: Buffer }> => {
  const actor = ctx.actor
  if (!actor || !policies['office:read'](actor, actor.person.townshipId)) return refuse('AUTH.FORBIDDEN')
  const townshipId = actor.person.townshipId
  const villages = new Map((await ctx.store.find('villages', { townshipId })).map((v) => [v.id, v.name]))
  const vname = (id: string | null) => (id ? (villages.get(id) ?? '') : '')
  const m = zhCN.office.exports
  const fileName = `${m[kind].file}-${period}.xlsx`
  if (kind === 'tickets') {
    const range = periodRange(period, ctx.settings)
    const tickets = await ctx.store.find('tickets', { townshipId, createdAt: { gte: range.start, lt: range.end } }, { orderBy: { field: 'createdAt' } })
    const households = new Map((await ctx.store.getMany('households', [...new Set(tickets.map((t) => t.householdId))])).map((h) => [h.id, h.number]))
    const rows = tickets.map((t) => [
      t.id,
      vname(t.villageId),
      t.anonymous ? zhCN.voice.anonymous : (households.get(t.householdId) ?? ''),
      zhCN.tickets.kind[t.kind],
      t.category,
      zhCN.tickets.status[t.status],
      localDate(t.createdAt, ctx.settings),
      localDate(t.dueAt, ctx.settings),
      t.result?.fundsYuan ?? null,
      t.result?.loanYuan ?? null,
      t.result?.beneficiaries ?? null,
    ])
    return { fileName, bytes: await book(m.tickets.sheet, m.tickets.columns, rows) }
  }
  const { result } = await monthResult(ctx.store, townshipId, period, ctx.settings)
  if (kind === 'posting') {
    const rows = postingRows(result).map((r) => [
      r.name,
      r.title,
      vname(r.villageId),
      r.signIns.valid,
      r.signIns.times.map((t) => `${t.date.slice(5)} ${t.time}`).join('，'),
      r.signIns.invalid,
      r.leaveDays.length,
      r.absences.length,
      `${r.weeks.filter((w) => w.compliant).length}/${r.weeks.length}`,
      r.villageDays.length,
      r.reviews.self ?? '',
      r.reviews.peers.join('；'),
      r.reviews.mass.join('；'),
    ])
    return { fileName, bytes: await book(m.posting.sheet, m.posting.columns, rows) }
  }
  if (kind === 'scores') {
    const rows = result.cadres.map((c) => [
      c.name,
      vname(c.villageId),
      ...RATER_BANDS.map((b) => (c.score.bands[b].sufficient ? c.score.bands[b].points : m.insufficient)),
      c.score.total,
      c.score.insufficientBands.length,
    ])
    return { fileName, bytes: await book(m.scores.sheet, m.scores.columns, rows) }
  }
  const rows = result.cadres.map((c) => [c.name, vname(c.villageId), c.villageDays.length, c.villageDays.join('，'), c.allowanceYuan])
  return { fileName, bytes: await book(m.allowance.sheet, m.allowance.columns, rows) }
}
