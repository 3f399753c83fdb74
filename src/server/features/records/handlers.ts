/**
 * A cadre's record (档案, DOMAIN 3.8): per closed month the stored close's attendance (543 weeks,
 * sign-ins, absences, leave, signed village days) and 1135 band scores, the supervision group's
 * findings, self-reviews and responsibility notes (责任追究) by the team leader or the township;
 * the list of cadres a viewer may open; the cadres a public supervisor may name in a report.
 * One rule: months come from the stored closes only (what was posted is what the record says), and
 * a score carries band figures and counts, never a rater.
 */
import type { CadreMonth } from '../../../core/close'
import type { Person, RaterBand, ResponsibilityNote, WorkTeam } from '../../../core/model'
import type { CadreListRow, ChainNoteView, RecordMonth } from '../../../contracts/views.records'
import { actorOf, type HandlerContext } from '../../context'
import { refuse } from '../../errors'
import { policies } from '../../policies'
import type { Store } from '../../storage/port'
import type { Handlers } from '../types'
import { callBackRecordRows } from '../voice/callbacks'
import { maskPhone, personRef } from '../views'
import { findingViews } from '../supervision/handlers'

/** How many closed months a record shows (newest first). */
const RECORD_MONTHS = 12

const BANDS: readonly RaterBand[] = ['leaders', 'peers', 'committees', 'villagers']

/** A stored close's row as the record shows it: band figures and counts, no rater, no comment. */
export const recordMonth = (period: string, c: CadreMonth): RecordMonth => ({
  period,
  signIns: { valid: c.signIns.valid, invalid: c.signIns.invalid },
  leaveDays: c.leaveDays,
  absences: c.absences,
  villageDays: c.villageDays,
  allowanceYuan: c.allowanceYuan,
  weeks: c.weeks.map((w) => ({
    weekKey: w.weekKey,
    workDays: w.workDays,
    nights: w.nights,
    villageDays: w.villageDays,
    leaveDays: w.leaveDays,
    required: { workDays: w.required.workDays, nights: w.required.nights, villageDays: w.required.villageDays },
    compliant: w.compliant,
  })),
  score: {
    total: c.score.total,
    insufficientBands: c.score.insufficientBands,
    bands: Object.fromEntries(
      BANDS.map((b) => {
        const s = c.score.bands[b]
        return [b, { raters: s.raters, points: s.points === null ? null : Math.round(s.points * 100) / 100, sufficient: s.sufficient, weight: s.weight }]
      }),
    ) as RecordMonth['score']['bands'],
  },
})

const noteViews = async (store: Store, notes: ResponsibilityNote[]): Promise<ChainNoteView[]> => {
  const who = new Map((await store.getMany('people', [...new Set(notes.map((n) => n.byId))])).map((p) => [p.id, p.name]))
  return notes.map((n) => ({ id: n.id, period: n.period, text: n.text, by: who.get(n.byId) ?? '', at: n.at }))
}

/** A cadre of any township, with the township's teams, or NOT_FOUND. */
const cadreWithTeams = async (ctx: HandlerContext, cadreId: string): Promise<{ cadre: Person; teams: WorkTeam[] }> => {
  const cadre = await ctx.store.get('people', cadreId)
  if (!cadre || !cadre.roles.includes('cadre')) return refuse('NOT_FOUND')
  return { cadre, teams: await ctx.store.find('teams', { townshipId: cadre.townshipId }) }
}

/** How many rows of the table name each cadre (households covered, findings), by cadre id. */
const countByCadre = async (store: Store, table: 'households' | 'findings', cadreIds: string[]): Promise<Map<string, number>> => {
  if (cadreIds.length === 0) return new Map()
  const rows: Record<string, unknown>[] = await store.db
    .selectFrom(table)
    .select((eb) => ['cadreId', eb.fn.countAll().as('n')])
    .where('cadreId', 'in', cadreIds)
    .groupBy('cadreId')
    .execute()
  return new Map(rows.map((r) => [String(r.cadreId), Number(r.n)]))
}

export const recordHandlers: Handlers<'cadre.record' | 'records.cadres' | 'records.addNote' | 'supervision.reportTargets'> = {
  'cadre.record': async ({ cadreId }, ctx) => {
    const actor = actorOf(ctx)
    const { cadre, teams } = await cadreWithTeams(ctx, cadreId)
    if (!policies['cadre:record'](actor, cadre, teams)) return refuse('AUTH.FORBIDDEN')
    const townshipId = cadre.townshipId
    const [closed, findings, reviews, notes] = await Promise.all([
      ctx.store.find('periods', { townshipId, status: 'closed' }, { orderBy: { field: 'period', direction: 'desc' }, limit: RECORD_MONTHS }),
      ctx.store.find('findings', { cadreId }),
      ctx.store.find('selfReviews', { cadreId }),
      ctx.store.find('chainNotes', { cadreId }),
    ])
    const stored = await ctx.store.getMany('closeResults', closed.map((p) => p.id))
    const months = stored
      .flatMap((r) => {
        const row = r.result.cadres.find((c) => c.cadreId === cadreId)
        return row ? [recordMonth(r.period, row)] : []
      })
      .sort((a, b) => (a.period < b.period ? 1 : -1))
    const team = teams.find((t) => t.memberIds.includes(cadreId)) ?? null
    const [village, leader] = await Promise.all([
      team ? ctx.store.get('villages', team.villageId) : Promise.resolve(null),
      team ? ctx.store.get('people', team.leaderId) : Promise.resolve(null),
    ])
    return {
      cadre: { ...personRef(cadre), duty: cadre.duty },
      villageName: village?.name ?? null,
      teamName: team?.name ?? null,
      responsible: leader ? personRef(leader) : null,
      months,
      findings: await findingViews(ctx.store, findings.filter((f) => f.townshipId === townshipId).sort((a, b) => b.at - a.at)),
      selfReviews: reviews.sort((a, b) => (a.period < b.period ? 1 : -1)).map((r) => ({ period: r.period, text: r.text, at: r.at })),
      chainNotes: await noteViews(ctx.store, notes.sort((a, b) => b.at - a.at)),
      canAddNote: policies['cadre:addNote'](actor, cadre, teams),
      callBacks: await callBackRecordRows(ctx, cadreId),
    }
  },

  'records.cadres': async (_input, ctx) => {
    const actor = actorOf(ctx)
    const townshipId = actor.person.townshipId
    const teams = await ctx.store.find('teams', { townshipId })
    let cadres: Person[]
    if (policies['office:read'](actor, townshipId)) {
      cadres = await ctx.store.find('people', { townshipId, roles: 'cadre' })
    } else {
      // A team leader: the members of the teams they lead; a cadre: themselves.
      const ids = new Set(teams.filter((t) => t.leaderId === actor.person.id).flatMap((t) => t.memberIds))
      if (actor.person.roles.includes('cadre')) ids.add(actor.person.id)
      if (ids.size === 0) return refuse('AUTH.FORBIDDEN')
      cadres = (await ctx.store.getMany('people', [...ids])).filter((p) => p.townshipId === townshipId && policies['cadre:record'](actor, p, teams))
    }
    const ids = cadres.map((c) => c.id)
    // Counted per cadre in the database, on the (cadreId...) indexes: no household or finding is read.
    const [load, found, villages] = await Promise.all([
      countByCadre(ctx.store, 'households', ids),
      countByCadre(ctx.store, 'findings', ids),
      ctx.store.find('villages', { townshipId }),
    ])
    const villageName = new Map(villages.map((v) => [v.id, v.name]))
    const duty = (p: Person) => (p.duty === 'resident' ? 0 : 1)
    return cadres
      .sort((a, b) => duty(a) - duty(b) || a.name.localeCompare(b.name, 'zh-CN') || (a.id < b.id ? -1 : 1))
      .map((c): CadreListRow => {
        const team = teams.find((t) => t.memberIds.includes(c.id)) ?? null
        return {
          id: c.id,
          name: c.name,
          title: c.title,
          duty: c.duty,
          villageName: team ? (villageName.get(team.villageId) ?? null) : null,
          teamName: team?.name ?? null,
          households: load.get(c.id) ?? 0,
          findings: found.get(c.id) ?? 0,
          phoneMasked: maskPhone(c.phone),
        }
      })
  },

  'records.addNote': async ({ cadreId, period, text }, ctx) => {
    const actor = actorOf(ctx)
    const { cadre, teams } = await cadreWithTeams(ctx, cadreId)
    if (!policies['cadre:addNote'](actor, cadre, teams)) return refuse('AUTH.FORBIDDEN')
    const note: ResponsibilityNote = { id: ctx.newId('note'), townshipId: cadre.townshipId, cadreId, period, text, byId: actor.person.id, at: ctx.now }
    await ctx.store.insert('chainNotes', note)
    return (await noteViews(ctx.store, [note]))[0]
  },

  'supervision.reportTargets': async (_input, ctx) => {
    const actor = actorOf(ctx)
    const townshipId = actor.person.townshipId
    if (!policies['supervision:reportTargets'](actor, townshipId)) return refuse('AUTH.FORBIDDEN')
    const [people, villages] = await Promise.all([
      ctx.store.find('people', { townshipId, roles: 'cadre' }),
      ctx.store.find('villages', { townshipId }, { orderBy: { field: 'name' } }),
    ])
    const cadres = people.filter((p) => p.roles.includes('cadre')).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || (a.id < b.id ? -1 : 1))
    return { cadres: cadres.map(personRef), villages: villages.map((v) => ({ id: v.id, name: v.name })) }
  },
}
