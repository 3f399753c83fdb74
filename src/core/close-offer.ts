/**
 * Which month the close panel offers 结账 for (issue 12, look-b): months are closed one after
 * another, from the month after the last closed one (or, when none was ever closed, from the month
 * that just ended); a reopened month is offered again so it can be closed once corrected. Every other
 * month says why it has no button. The server still refuses a month not ended, already closed, or
 * without its holiday calendar (office.closePeriod); this is what the office is offered, in order.
 */
import type { PeriodKey } from './model'

export type CloseOffer =
  /** 结账 can be done now. */
  | { kind: 'close' }
  /** Closed: its state is shown, not a button. */
  | { kind: 'closed' }
  /** A later month: `first` is to be closed before it. */
  | { kind: 'after'; first: PeriodKey }
  /** Before the months being closed (never closed, and not reopened): left as it is. */
  | { kind: 'older' }
  /** The holiday calendar lacks these years: it cannot be closed until the township adds them. */
  | { kind: 'calendar'; years: number[] }

export interface MonthState {
  period: PeriodKey
  status: 'open' | 'closed'
  /** It was closed once and reopened. */
  reopened: boolean
}

const nextMonth = (period: PeriodKey): PeriodKey => {
  const [y, m] = period.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

/**
 * The month that is next to close: the month after the latest closed one, or `lastEnded` when no
 * month was ever closed (or the latest closed one is `lastEnded` or later: then nothing is next).
 */
export const nextMonthToClose = (months: readonly MonthState[], lastEnded: PeriodKey): PeriodKey | null => {
  const closed = months.filter((x) => x.status === 'closed').map((x) => x.period)
  if (closed.length === 0) return lastEnded
  const next = nextMonth(closed.reduce((a, b) => (a > b ? a : b)))
  return next <= lastEnded ? next : null
}

/**
 * Rule "only the closable month offers 结账": `months` are every month the township has a record of
 * (closed or reopened) plus the one asked about; `calendarMissing` the years its weeks touch that the
 * holiday calendar lacks.
 */
export const closeOffer = (period: PeriodKey, months: readonly MonthState[], lastEnded: PeriodKey, calendarMissing: readonly number[] = []): CloseOffer => {
  const own = months.find((x) => x.period === period)
  if (own?.status === 'closed') return { kind: 'closed' }
  const next = nextMonthToClose(months, lastEnded)
  const offered = own?.reopened === true || period === next
  if (offered && calendarMissing.length > 0) return { kind: 'calendar', years: [...calendarMissing] }
  if (offered) return { kind: 'close' }
  if (next !== null && period > next) return { kind: 'after', first: next }
  return { kind: 'older' }
}
