/**
 * Reading a month for the close: gathers the township's records into CloseInputs, hashes their
 * canonical form (sha256, the close's digest), and answers whether a period is closed (other
 * features ask `isPeriodClosed` before changing a month's records, e.g. ratings and self-reviews).
 * One rule: the inputs are read once, the digest is over exactly what closeMonth reads.
 */
import { createHash } from 'node:crypto'
import { canonicalCloseInputs, closeMonth, closeReadRange, type CloseInputs, type CloseResult } from '../../../core/close'
import type { PeriodRecord } from '../../../core/model'
import type { Settings } from '../../../core/settings'
import type { Store } from '../../storage/port'

export const periodId = (townshipId: string, period: string): string => `${townshipId}:${period}`

export const periodRecord = async (store: Store, townshipId: string, period: string): Promise<PeriodRecord | null> =>
  store.get('periods', periodId(townshipId, period))

/** True when the township's month (or the month of a quarter/year key's... months only) is closed. */
export const isPeriodClosed = async (store: Store, townshipId: string, period: string): Promise<boolean> =>
  (await periodRecord(store, townshipId, period))?.status === 'closed'

/** The records a close of this month reads (records by time are narrowed to the month's full weeks). */
export const gatherCloseInputs = async (store: Store, townshipId: string, period: string, settings: Settings): Promise<CloseInputs> => {
  const range = closeReadRange(period, settings)
  const inRange = (at: number) => at >= range.start && at < range.end
  const [people, teams, households, signIns, visits, leaves, ratings, tickets, selfReviews] = await Promise.all([
    store.find('people', { townshipId }),
    store.find('teams', { townshipId }),
    store.find('households', { townshipId }),
    store.find('signins', { townshipId }),
    store.find('visits', { townshipId }),
    store.find('leaves', { townshipId }),
    store.find('ratings', { townshipId, period }),
    store.find('tickets', { townshipId }),
    store.find('selfReviews', { townshipId, period }),
  ])
  const first = new Date(range.start + settings.utcOffsetMinutes * 60_000).toISOString().slice(0, 10)
  const last = new Date(range.end - 1 + settings.utcOffsetMinutes * 60_000).toISOString().slice(0, 10)
  return {
    period,
    settings: { utcOffsetMinutes: settings.utcOffsetMinutes, rule543: settings.rule543, evaluation: settings.evaluation, allowance: settings.allowance },
    cadres: people.filter((p) => p.roles.includes('cadre')).map(({ id, name, title, roles, duty }) => ({ id, name, title, roles, duty })),
    teams: teams.map(({ id, villageId, memberIds }) => ({ id, villageId, memberIds })),
    households: households.map(({ id, cadreId, villageId }) => ({ id, cadreId, villageId })),
    signIns: signIns.filter((s) => inRange(s.at)).map(({ id, cadreId, at, slot, valid }) => ({ id, cadreId, at, slot, valid })),
    visits: visits.filter((v) => inRange(v.at)).map(({ id, cadreId, at, status, overnight }) => ({ id, cadreId, at, status, overnight })),
    leaves: leaves.filter((l) => l.to >= first && l.from <= last).map(({ id, cadreId, from, to, status }) => ({ id, cadreId, from, to, status })),
    ratings,
    tickets: tickets.filter((t) => inRange(t.createdAt) || t.history.some((e) => inRange(e.at))),
    selfReviews: selfReviews.map(({ id, cadreId, period: p, text }) => ({ id, cadreId, period: p, text })),
  }
}

export const digestOf = (inputs: CloseInputs): string => createHash('sha256').update(canonicalCloseInputs(inputs)).digest('hex')

/** The month's result: the stored close when the month is closed, else computed now from the records. */
export const monthResult = async (store: Store, townshipId: string, period: string, settings: Settings): Promise<{ closed: boolean; result: CloseResult }> => {
  const record = await periodRecord(store, townshipId, period)
  if (record?.status === 'closed') {
    const stored = await store.get('closeResults', record.id)
    if (stored) return { closed: true, result: stored.result }
  }
  return { closed: false, result: closeMonth(await gatherCloseInputs(store, townshipId, period, settings)) }
}
