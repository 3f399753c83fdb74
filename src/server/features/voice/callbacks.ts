/**
 * Issue 13: bad reviews are called back (政务服务"好差评"): a satisfaction of 1-2 stars, a reopened
 * ticket or a disputed visit enters the supervision group's call-back queue with a deadline
 * (settings.callBacks); its outcome is recorded and shown in the cadre's record; the supervision
 * dashboard counts due, overdue and done.
 * One rule: what enters the queue and when it is due is core (callBackReasonOfStep, callBackDueAt).
 */
import { callBackCounts, callBackDueAt, callBackReasonOfStep, callBackState, type CallBackRecord } from '../../../core/voice'
import type { Household, Ticket, TicketAction, Visit } from '../../../core/model'
import type { CallBackRecordRow, CallBackView } from '../../../contracts/views.voice'
import { actorOf, type HandlerContext } from '../../context'
import { refuse } from '../../errors'
import { policies } from '../../policies'
import type { Handlers } from '../types'
import { personRef } from '../views'

const enqueue = async (ctx: HandlerContext, entry: CallBackRecord): Promise<void> => {
  // One entry per bad review: a retried step finds its entry and adds none.
  if (await ctx.store.get('callBacks', entry.id)) return
  await ctx.store.insert('callBacks', entry)
}

/** Called by ticket.act after a step is stored: a low satisfaction or a reopen is called back. */
export const callBackForStep = async (ctx: HandlerContext, ticket: Ticket, household: Household, action: TicketAction, actorId: string): Promise<void> => {
  const reason = callBackReasonOfStep(action, ticket.satisfaction, ctx.settings)
  if (!reason) return
  const seq = ticket.history[ticket.history.length - 1]?.seq ?? 0
  await enqueue(ctx, {
    id: `cb-${ticket.id}-${seq}`,
    townshipId: ticket.townshipId,
    cadreId: household.cadreId ?? ticket.assigneeId ?? '',
    householdId: ticket.householdId,
    personId: actorId,
    reason,
    ticketId: ticket.id,
    visitId: null,
    stars: reason === 'lowSatisfaction' ? ticket.satisfaction : null,
    at: ctx.now,
    dueAt: callBackDueAt(ctx.now, ctx.settings),
    doneAt: null,
    doneById: null,
    outcome: null,
    note: '',
  })
}

/** Called by visit.dispute after the dispute is stored. */
export const callBackForDispute = async (ctx: HandlerContext, visit: Visit, actorId: string): Promise<void> =>
  enqueue(ctx, {
    id: `cb-${visit.id}`,
    townshipId: visit.townshipId,
    cadreId: visit.cadreId,
    householdId: visit.householdId,
    personId: actorId,
    reason: 'disputedVisit',
    ticketId: null,
    visitId: visit.id,
    stars: null,
    at: ctx.now,
    dueAt: callBackDueAt(ctx.now, ctx.settings),
    doneAt: null,
    doneById: null,
    outcome: null,
    note: '',
  })

/** The township's call-backs, newest deadline first (the (townshipId, dueAt) index). */
const townshipCallBacks = (ctx: HandlerContext, townshipId: string) =>
  ctx.store.find('callBacks', { townshipId }, { orderBy: { field: 'dueAt', direction: 'desc' }, limit: 1000 })

/** The supervision dashboard's counts (supervision.dashboard). */
export const callBackCountsOf = async (ctx: HandlerContext, townshipId: string) => callBackCounts(await townshipCallBacks(ctx, townshipId), ctx.now)

/** The cadre's record (档案): their call-backs, newest first (the (cadreId, at) index). */
export const callBackRecordRows = async (ctx: HandlerContext, cadreId: string): Promise<CallBackRecordRow[]> =>
  (await ctx.store.find('callBacks', { cadreId }, { orderBy: { field: 'at', direction: 'desc' }, limit: 100 })).map((c) => ({
    reason: c.reason,
    at: c.at,
    state: callBackState(c, ctx.now),
    outcome: c.outcome,
    note: c.note,
  }))

const views = async (ctx: HandlerContext, entries: CallBackRecord[]): Promise<CallBackView[]> => {
  const [people, households] = await Promise.all([
    ctx.store.getMany('people', [...new Set(entries.flatMap((e) => [e.cadreId, e.personId]))]),
    ctx.store.getMany('households', [...new Set(entries.map((e) => e.householdId))]),
  ])
  const person = new Map(people.map((p) => [p.id, p]))
  const number = new Map(households.map((h) => [h.id, h.number]))
  return entries.map((e) => {
    const cadre = person.get(e.cadreId)
    const villager = person.get(e.personId)
    return {
      id: e.id,
      reason: e.reason,
      state: callBackState(e, ctx.now),
      cadre: cadre ? personRef(cadre) : { id: e.cadreId, name: '', title: '' },
      householdNumber: number.get(e.householdId) ?? '',
      personName: villager?.name ?? '',
      phone: villager?.phone ?? '',
      ticketId: e.ticketId,
      visitId: e.visitId,
      stars: e.stars,
      at: e.at,
      dueAt: e.dueAt,
      outcome: e.outcome,
      note: e.note,
      doneAt: e.doneAt,
    }
  })
}

const STATE_ORDER = { overdue: 0, due: 1, done: 2 } as const

export const callBackHandlers: Handlers<'callback.list' | 'callback.record'> = {
  'callback.list': async (_input, ctx) => {
    const actor = actorOf(ctx)
    const townshipId = actor.person.townshipId
    if (!policies['supervision:act'](actor, townshipId)) return refuse('AUTH.FORBIDDEN')
    const all = await townshipCallBacks(ctx, townshipId)
    // Open ones first (overdue, then due by deadline), then the latest done.
    const shown = [...all]
      .sort((a, b) => STATE_ORDER[callBackState(a, ctx.now)] - STATE_ORDER[callBackState(b, ctx.now)] || a.dueAt - b.dueAt)
      .slice(0, 100)
    return { counts: callBackCounts(all, ctx.now), entries: await views(ctx, shown) }
  },

  'callback.record': async ({ callBackId, outcome, note }, ctx) => {
    const actor = actorOf(ctx)
    const entry = await ctx.store.get('callBacks', callBackId)
    if (!entry) return refuse('NOT_FOUND')
    if (!policies['supervision:act'](actor, entry.townshipId)) return refuse('AUTH.FORBIDDEN')
    if (entry.cadreId === actor.person.id) return refuse('CALLBACK.OWN_WORK')
    if (entry.doneAt !== null) return refuse('CALLBACK.ALREADY_DONE')
    const done: CallBackRecord = { ...entry, outcome, note, doneAt: ctx.now, doneById: actor.person.id }
    await ctx.store.replace('callBacks', done)
    const [view] = await views(ctx, [done])
    if (!view) throw new Error('call-back view missing')
    return view
  },
}
