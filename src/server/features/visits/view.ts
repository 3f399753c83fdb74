/**
 * Visit views: a visit with its household, village, cadre and signer names, read in one joined
 * statement (with the visits themselves when a list is asked for). One rule: built per
 * viewer-safe field only.
 */
import type { SelectQueryBuilder } from 'kysely'
import type { Visit } from '../../../core/model'
import type { Settings } from '../../../core/settings'
import { countsAsVisit, isExpired, signOffDeadline } from '../../../core/visits'
import type { VisitView } from '../../../contracts/views-verdict'
import { columnsAs, docAs } from '../../storage/joins'
import type { Store } from '../../storage/port'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type VisitQuery = SelectQueryBuilder<any, any, any>
type Row = Record<string, unknown>

/** Visits (as `v`) with the names their views show. */
const visitsJoined = (store: Store): VisitQuery =>
  store.db
    .selectFrom('visits as v')
    .leftJoin('households as h', 'h.id', 'v.householdId')
    .leftJoin('villages as vil', 'vil.id', 'v.villageId')
    .leftJoin('people as c', 'c.id', 'v.cadreId')
    .leftJoin('people as s', 's.id', 'v.signedById')
    .leftJoin('people as o', 'o.id', 'v.onBehalfOfId')
    .select([
      ...columnsAs('visits', 'v', 'v_'),
      'h.number as householdNumber',
      'h.headName as headName',
      'vil.name as villageName',
      'c.id as cadreFound',
      'c.name as cadreName',
      'c.title as cadreTitle',
      's.name as signedByName',
      'o.name as onBehalfOfName',
    ])

const text = (v: unknown): string => (typeof v === 'string' ? v : '')
const nameOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null)

const viewOf = (v: Visit, names: Row | undefined, settings: Settings, now: number): VisitView => ({
  id: v.id,
  householdId: v.householdId,
  householdNumber: text(names?.householdNumber),
  headName: text(names?.headName),
  villageName: text(names?.villageName),
  cadre: { id: v.cadreId, name: names?.cadreFound ? text(names.cadreName) : '', title: names?.cadreFound ? text(names.cadreTitle) : '' },
  at: v.at,
  purpose: v.purpose,
  notes: v.notes,
  problems: v.problems ?? '',
  overnight: v.overnight,
  status: v.status,
  deadline: signOffDeadline(v, settings),
  expired: isExpired(v, now, settings),
  counts: countsAsVisit(v),
  signedByName: v.signedById ? nameOrNull(names?.signedByName) : null,
  onBehalfOfName: v.onBehalfOfId ? nameOrNull(names?.onBehalfOfName) : null,
  signedAt: v.signedAt,
  disputeReason: v.disputeReason,
  ticketIds: v.ticketIds ?? [],
  location: v.location ?? null,
  hasPhoto: Boolean(v.photoId),
})

/**
 * The visits a filter finds (newest first, at most `limit`), each with its view: one statement.
 * `where` narrows the joined query on `v.` columns.
 */
export const findVisitViews = async (
  store: Store,
  where: (q: VisitQuery) => VisitQuery,
  options: { limit: number },
  settings: Settings,
  now: number,
): Promise<{ visit: Visit; view: VisitView }[]> => {
  const rows: Row[] = await where(visitsJoined(store)).orderBy('v.at', 'desc').orderBy('v.id', 'desc').limit(options.limit).execute()
  return rows.flatMap((row) => {
    const visit = docAs('visits', row, 'v_')
    return visit ? [{ visit, view: viewOf(visit, row, settings, now) }] : []
  })
}

/** Views of visits already read (as they are now, e.g. just changed): their names in one statement. */
export const visitViews = async (store: Store, visits: Visit[], settings: Settings, now: number): Promise<VisitView[]> => {
  if (visits.length === 0) return []
  const ids = [...new Set(visits.map((v) => v.id))]
  const rows: Row[] = await visitsJoined(store).where('v.id', 'in', ids).execute()
  const names = new Map(rows.map((r) => [r.v_id as string, r]))
  return visits.map((v) => viewOf(v, names.get(v.id), settings, now))
}

export const visitView = async (store: Store, visit: Visit, settings: Settings, now: number): Promise<VisitView> => {
  const [view] = await visitViews(store, [visit], settings, now)
  if (!view) throw new Error('visit view missing')
  return view
}
