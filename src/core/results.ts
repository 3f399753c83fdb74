/**
 * Results (成效): what the work brought, from resolved tickets' result figures (DOMAIN 3.11): funds
 * secured, loans coordinated, villagers benefited, per village. One rule: a ticket counts once, in
 * the period of its latest resolution, and only while it stays resolved or closed.
 */
import type { Ticket } from './model'
import { inRange, type Range } from './time'

export interface ResultTotals {
  fundsYuan: number
  loanYuan: number
  beneficiaries: number
  tickets: number
}

export const emptyTotals = (): ResultTotals => ({ fundsYuan: 0, loanYuan: 0, beneficiaries: 0, tickets: 0 })

const resolvedAt = (t: Ticket): number | null => {
  for (let i = t.history.length - 1; i >= 0; i--) if (t.history[i].action === 'resolve') return t.history[i].at
  return null
}

/** Totals per village (and the township under key ''), of tickets resolved in the range. */
export const resultTotals = (tickets: Ticket[], range: Range): Map<string, ResultTotals> => {
  const out = new Map<string, ResultTotals>([['', emptyTotals()]])
  for (const t of tickets) {
    if ((t.status !== 'resolved' && t.status !== 'closed') || !t.result) continue
    const at = resolvedAt(t)
    if (at === null || !inRange(at, range)) continue
    for (const key of ['', t.villageId]) {
      const sum = out.get(key) ?? emptyTotals()
      sum.fundsYuan += t.result.fundsYuan ?? 0
      sum.loanYuan += t.result.loanYuan ?? 0
      sum.beneficiaries += t.result.beneficiaries ?? 0
      sum.tickets += 1
      out.set(key, sum)
    }
  }
  return out
}
