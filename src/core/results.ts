/**
 * Results (成效): what the work brought, from tickets' result figures (DOMAIN 3.11): funds secured,
 * loans coordinated, villagers benefited, per village. One rule: a ticket counts once the villager
 * confirms it (in the period of the confirmation), or once the confirmation window has passed after
 * its latest resolution with no answer from the villager; a reopened ticket counts again only when
 * resolved and confirmed (or left unanswered) again.
 */
import type { Millis, Ticket } from './model'
import type { Settings } from './settings'
import { HOUR_MS, inRange, type Range } from './time'

export interface ResultTotals {
  fundsYuan: number
  loanYuan: number
  beneficiaries: number
  tickets: number
}

export const emptyTotals = (): ResultTotals => ({ fundsYuan: 0, loanYuan: 0, beneficiaries: 0, tickets: 0 })

const lastAt = (t: Pick<Ticket, 'history'>, action: string): number | null => {
  for (let i = t.history.length - 1; i >= 0; i--) if (t.history[i].action === action) return t.history[i].at
  return null
}

/**
 * The instant a ticket's results count, or null while they do not: a closed ticket at its
 * confirmation; a resolved one when the confirmation window after its latest resolution has passed
 * by `now` (the villager did not answer); anything else never.
 */
export const resultsCountAt = (t: Pick<Ticket, 'status' | 'history'>, now: Millis, settings: Pick<Settings, 'tickets'>): Millis | null => {
  if (t.status === 'closed') return lastAt(t, 'confirm')
  if (t.status !== 'resolved') return null
  const resolved = lastAt(t, 'resolve')
  if (resolved === null) return null
  const due = resolved + settings.tickets.confirmWindowHours * HOUR_MS
  return due <= now ? due : null
}

/** Totals per village (and the township under key ''), of tickets whose results count in the range (resultsCountAt). */
export const resultTotals = (tickets: Ticket[], range: Range, now: Millis, settings: Pick<Settings, 'tickets'>): Map<string, ResultTotals> => {
  const out = new Map<string, ResultTotals>([['', emptyTotals()]])
  for (const t of tickets) {
    if (!t.result) continue
    const at = resultsCountAt(t, now, settings)
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
