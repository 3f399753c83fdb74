/**
 * Supervision (督导组): unannounced checks planned and recorded, verification of a cadre said to be
 * in a village, reports from public supervisors (作风建设监督员), and findings that go into the
 * cadre's record (档案), which the cadre's team leader also sees.
 * One rule: a finding is written only by the group (a recorded problem, an absent cadre, an upheld
 * report); nobody else can put anything in a cadre's record.
 */
import type { Finding, FindingCode, SupervisionCheck, SupervisionReport } from '../../../core/model'
import { notInPast } from '../../../core/dates'
import { monthlyCheckStatus } from '../../../core/supervision'
import { localDate } from '../../../core/time'
import type { CheckView, FindingView, ReportView } from '../../../contracts/views.office'
import { actorOf, type HandlerContext } from '../../context'
import { refuse } from '../../errors'
import { policies } from '../../policies'
import { docAs } from '../../storage/joins'
import type { Store } from '../../storage/port'
import type { Handlers } from '../types'
import { callBackCountsOf } from '../voice/callbacks'
import { personRef } from '../views'
import { zhCN } from '../../../i18n/zh-CN'

const nameMaps = async (store: Store, peopleIds: (string | null)[], villageIds: (string | null)[]) => {
  const [people, villages] = await Promise.all([
    store.getMany('people', [...new Set(peopleIds.filter((i): i is string => i !== null))]),
    store.getMany('villages', [...new Set(villageIds.filter((i): i is string => i !== null))]),
  ])
  return { person: new Map(people.map((p) => [p.id, p.name])), village: new Map(villages.map((v) => [v.id, v.name])) }
}

const checkViews = async (store: Store, checks: SupervisionCheck[]): Promise<CheckView[]> => {
  const n = await nameMaps(store, checks.map((c) => c.cadreId), checks.map((c) => c.villageId))
  return checks.map((c) => ({
    id: c.id,
    kind: c.kind,
    date: c.date,
    villageName: c.villageId ? (n.village.get(c.villageId) ?? null) : null,
    cadreName: c.cadreId ? (n.person.get(c.cadreId) ?? null) : null,
    method: c.method,
    status: c.status,
    outcome: c.outcome,
    note: c.note,
  }))
}

const reportViews = async (store: Store, reports: SupervisionReport[]): Promise<ReportView[]> => {
  const n = await nameMaps(store, [...reports.map((r) => r.cadreId), ...reports.map((r) => r.reporterId)], reports.map((r) => r.villageId))
  return reports.map((r) => ({
    id: r.id,
    reporter: n.person.get(r.reporterId) ?? '',
    cadreName: r.cadreId ? (n.person.get(r.cadreId) ?? null) : null,
    villageName: r.villageId ? (n.village.get(r.villageId) ?? null) : null,
    text: r.text,
    at: r.at,
    status: r.status,
  }))
}

export const findingViews = async (store: Store, findings: Finding[]): Promise<FindingView[]> => {
  const n = await nameMaps(store, findings.map((f) => f.cadreId), [])
  return findings.map((f) => ({
    id: f.id,
    cadreId: f.cadreId,
    cadreName: n.person.get(f.cadreId) ?? '',
    source: f.source,
    text: f.text,
    at: f.at,
    ...(f.code ? { code: f.code, params: f.params ?? {} } : {}),
  }))
}

const supervisorTownship = (ctx: HandlerContext): string => {
  const actor = actorOf(ctx)
  if (!policies['supervision:act'](actor, actor.person.townshipId)) return refuse('AUTH.FORBIDDEN')
  return actor.person.townshipId
}

/** A cadre or village of the actor's township, or NOT_FOUND. */
const cadreOf = async (ctx: HandlerContext, townshipId: string, cadreId: string) => {
  const cadre = await ctx.store.get('people', cadreId)
  if (!cadre || cadre.townshipId !== townshipId || !cadre.roles.includes('cadre')) return refuse('NOT_FOUND')
  return cadre
}
const villageOf = async (ctx: HandlerContext, townshipId: string, villageId: string) => {
  const village = await ctx.store.get('villages', villageId)
  if (!village || village.townshipId !== townshipId) return refuse('NOT_FOUND')
  return village
}

/** mongolian (issue 13 item 5): a finding is stored as a code with parameters; `text` is only what a person wrote. */
const addFinding = (ctx: HandlerContext, townshipId: string, cadreId: string, source: Finding['source'], sourceId: string, text: string, code: FindingCode, params: Record<string, string>) =>
  ctx.store.insert('findings', { id: ctx.newId('finding'), townshipId, cadreId, source, sourceId, text, at: ctx.now, byId: actorOf(ctx).person.id, code, params })

export const supervisionHandlers: Handlers<
  | 'supervision.dashboard'
  | 'supervision.planCheck'
  | 'supervision.recordCheck'
  | 'supervision.verifyPresence'
  | 'supervision.reports'
  | 'supervision.resolveReport'
  | 'supervision.fileReport'
  | 'supervision.findings'
  | 'team.findings'
> = {
  'supervision.dashboard': async ({ month }, ctx) => {
    const townshipId = supervisorTownship(ctx)
    const [checks, reports, villages, people, teams] = await Promise.all([
      // The month's checks only: dates YYYY-MM-DD of the month sort between 'YYYY-MM-' and 'YYYY-MM.'.
      ctx.store.find('checks', { townshipId, date: { gte: `${month}-`, lt: `${month}.` } }, { orderBy: { field: 'date', direction: 'desc' } }),
      ctx.store.count('reports', { townshipId, status: 'open' }),
      ctx.store.find('villages', { townshipId }, { orderBy: { field: 'name' } }),
      ctx.store.find('people', { townshipId, roles: 'cadre' }),
      ctx.store.find('teams', { townshipId }),
    ])
    const villageOfCadre = new Map(teams.flatMap((t) => t.memberIds.map((id) => [id, t.villageId] as const)))
    const status = monthlyCheckStatus(checks, month, ctx.settings)
    return {
      ...status,
      checks: await checkViews(ctx.store, checks.filter((c) => c.date.slice(0, 7) === month)),
      openReports: reports,
      villages: villages.map((v) => ({ id: v.id, name: v.name })),
      callBacks: await callBackCountsOf(ctx, townshipId),
      cadres: people.filter((p) => p.roles.includes('cadre') && p.duty === 'resident').map((p) => ({ ...personRef(p), villageId: villageOfCadre.get(p.id) ?? null })),
    }
  },

  'supervision.planCheck': async ({ date, villageId, note }, ctx) => {
    const townshipId = supervisorTownship(ctx)
    const today = localDate(ctx.now, ctx.settings)
    if (!notInPast(date, today).ok) return refuse('DATE.IN_PAST', [{ path: 'date', message: zhCN.field.dates.inPast(today) }])
    if (villageId) await villageOf(ctx, townshipId, villageId)
    const check: SupervisionCheck = {
      id: ctx.newId('check'),
      townshipId,
      kind: 'unannounced',
      date,
      villageId,
      cadreId: null,
      method: 'inPerson',
      status: 'planned',
      outcome: null,
      note,
      createdById: actorOf(ctx).person.id,
      createdAt: ctx.now,
      recordedAt: null,
    }
    await ctx.store.insert('checks', check)
    return (await checkViews(ctx.store, [check]))[0]
  },

  'supervision.recordCheck': async ({ checkId, outcome, cadreId, note }, ctx) => {
    const townshipId = supervisorTownship(ctx)
    const check = await ctx.store.get('checks', checkId)
    if (!check || check.townshipId !== townshipId) return refuse('NOT_FOUND')
    if (check.status === 'done') return refuse('SUPERVISION.ALREADY_RECORDED')
    if (cadreId) await cadreOf(ctx, townshipId, cadreId)
    // An unannounced check is carried out when it is recorded: the day it happened counts.
    const done: SupervisionCheck = { ...check, status: 'done', outcome, cadreId, note, recordedAt: ctx.now, date: localDate(ctx.now, ctx.settings) }
    await ctx.store.replace('checks', done)
    if (outcome === 'problem' && cadreId) await addFinding(ctx, townshipId, cadreId, 'check', check.id, note, 'check.problem', {})
    return (await checkViews(ctx.store, [done]))[0]
  },

  'supervision.verifyPresence': async ({ cadreId, villageId, method, present, note }, ctx) => {
    const townshipId = supervisorTownship(ctx)
    const cadre = await cadreOf(ctx, townshipId, cadreId)
    const village = await villageOf(ctx, townshipId, villageId)
    const check: SupervisionCheck = {
      id: ctx.newId('check'),
      townshipId,
      kind: 'whereabouts',
      date: localDate(ctx.now, ctx.settings),
      villageId,
      cadreId,
      method,
      status: 'done',
      outcome: present ? 'ok' : 'problem',
      note,
      createdById: actorOf(ctx).person.id,
      createdAt: ctx.now,
      recordedAt: ctx.now,
    }
    await ctx.store.insert('checks', check)
    if (!present) {
      await addFinding(ctx, townshipId, cadreId, 'check', check.id, note.trim(), 'check.absent', { method, cadre: cadre.name, village: village.name })
    }
    return (await checkViews(ctx.store, [check]))[0]
  },

  'supervision.reports': async (_input, ctx) => {
    const townshipId = supervisorTownship(ctx)
    return reportViews(ctx.store, await ctx.store.find('reports', { townshipId }, { orderBy: { field: 'at', direction: 'desc' }, limit: 100 }))
  },

  'supervision.resolveReport': async ({ reportId, upheld, note }, ctx) => {
    const townshipId = supervisorTownship(ctx)
    const report = await ctx.store.get('reports', reportId)
    if (!report || report.townshipId !== townshipId) return refuse('NOT_FOUND')
    if (report.status !== 'open') return refuse('SUPERVISION.ALREADY_RECORDED')
    const decided: SupervisionReport = { ...report, status: upheld ? 'upheld' : 'dismissed', decidedById: actorOf(ctx).person.id, decisionNote: note }
    await ctx.store.replace('reports', decided)
    if (upheld && report.cadreId) await addFinding(ctx, townshipId, report.cadreId, 'report', report.id, report.text, 'report.upheld', { note })
    return (await reportViews(ctx.store, [decided]))[0]
  },

  'supervision.fileReport': async ({ cadreId, villageId, text }, ctx) => {
    const actor = actorOf(ctx)
    const townshipId = actor.person.townshipId
    if (!policies['supervision:fileReport'](actor, townshipId)) return refuse('AUTH.FORBIDDEN')
    if (cadreId) await cadreOf(ctx, townshipId, cadreId)
    if (villageId) await villageOf(ctx, townshipId, villageId)
    const report: SupervisionReport = { id: ctx.newId('report'), townshipId, reporterId: actor.person.id, cadreId, villageId, text, at: ctx.now, status: 'open', decidedById: null, decisionNote: '' }
    await ctx.store.insert('reports', report)
    return (await reportViews(ctx.store, [report]))[0]
  },

  'supervision.findings': async ({ cadreId }, ctx) => {
    const townshipId = supervisorTownship(ctx)
    const findings = cadreId ? await ctx.store.find('findings', { cadreId }) : await ctx.store.find('findings', { townshipId })
    return findingViews(ctx.store, findings.filter((f) => f.townshipId === townshipId).sort((a, b) => b.at - a.at))
  },

  'team.findings': async (_input, ctx) => {
    const actor = actorOf(ctx)
    // The teams I lead came with me; their members' findings through the teamMembers index.
    if (actor.ledTeams.length === 0) return refuse('AUTH.FORBIDDEN')
    const members = ctx.store.db
      .selectFrom('teamMembers')
      .select('personId')
      .where('teamId', 'in', actor.ledTeams.map((t) => t.id))
    const rows: Record<string, unknown>[] = await ctx.store.db.selectFrom('findings').selectAll().where('cadreId', 'in', members).execute()
    const findings = rows.flatMap((r) => docAs('findings', r, '') ?? [])
    return findingViews(ctx.store, findings.sort((a, b) => b.at - a.at))
  },
}
