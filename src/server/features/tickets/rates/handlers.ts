/**
 * The three public rates (响应率 / 解决率 / 满意率) of a period, per household cadre, work team and
 * village. The township office, leadership and supervision group see the township; a team leader
 * (包片领导) sees the teams they lead.
 * One rule: the numbers come from core ticketRates only (judged as of now: a ticket still inside
 * its deadline is not yet a failure).
 */
import { ticketRates, ticketRatesBy, type TicketRates } from '../../../../core/tickets'
import { parsePeriodKey, periodRange } from '../../../../core/time'
import type { Ticket } from '../../../../core/model'
import type { RatesRow } from '../../../../contracts/views'
import { actorOf } from '../../../context'
import { refuse } from '../../../errors'
import { isSupervisor, isTownshipStaff } from '../../../policies'
import type { Handlers } from '../../types'

const row = (id: string, name: string, tickets: number, r: TicketRates): RatesRow => ({
  id,
  name,
  tickets,
  response: r.response,
  resolution: r.resolution,
  satisfaction: r.satisfaction,
})

export const rateHandlers: Handlers<'ticket.rates'> = {
  'ticket.rates': async ({ period }, ctx) => {
    const actor = actorOf(ctx)
    const { person } = actor
    if (!parsePeriodKey(period).ok) return refuse('PERIOD.BAD_KEY')
    const wholeTownship = isTownshipStaff(actor, person.townshipId) || isSupervisor(actor, person.townshipId)
    if (!wholeTownship && actor.ledVillageIds.length === 0) return refuse('AUTH.FORBIDDEN')
    const range = periodRange(period, ctx.settings)
    // The period's tickets by creation time (the (townshipId, createdAt) index).
    const created = { gte: range.start, lt: range.end }
    const all: Ticket[] = wholeTownship
      ? await ctx.store.find('tickets', { townshipId: person.townshipId, createdAt: created })
      : await ctx.store.find('tickets', { villageId: actor.ledVillageIds, createdAt: created })
    const tickets = all.filter((t) => t.townshipId === person.townshipId && t.createdAt >= range.start && t.createdAt < range.end)
    const [households, villages, teams] = await Promise.all([
      ctx.store.getMany('households', [...new Set(tickets.map((t) => t.householdId))]),
      ctx.store.find('villages', { townshipId: person.townshipId }),
      ctx.store.find('teams', { villageId: [...new Set(tickets.map((t) => t.villageId))] }),
    ])
    const cadreOf = new Map(households.map((h) => [h.id, h.cadreId]))
    const teamOf = new Map(teams.map((t) => [t.villageId, t]))
    const cadreIds = [...new Set(households.map((h) => h.cadreId).filter((id): id is string => id !== null))]
    const cadres = new Map((await ctx.store.getMany('people', cadreIds)).map((p) => [p.id, p.name]))
    const villageName = new Map(villages.map((v) => [v.id, v.name]))
    const count = (key: (t: Ticket) => string | null | undefined) => {
      const n = new Map<string, number>()
      for (const t of tickets) {
        const k = key(t)
        if (k) n.set(k, (n.get(k) ?? 0) + 1)
      }
      return n
    }
    const rows = (key: (t: Ticket) => string | null | undefined, name: (id: string) => string) => {
      const n = count(key)
      return [...ticketRatesBy(tickets, (t) => (key(t) ? [key(t) as string] : []), range, ctx.now)]
        .map(([id, r]) => row(id, name(id), n.get(id) ?? 0, r))
        .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
    }
    return {
      period,
      overall: row('all', '', tickets.length, ticketRates(tickets, range, ctx.now)),
      byCadre: rows((t) => cadreOf.get(t.householdId), (id) => cadres.get(id) ?? ''),
      byTeam: rows((t) => teamOf.get(t.villageId)?.id, (id) => teams.find((t) => t.id === id)?.name ?? ''),
      byVillage: rows((t) => t.villageId, (id) => villageName.get(id) ?? ''),
    }
  },
}
