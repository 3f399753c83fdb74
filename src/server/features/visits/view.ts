/** Visit views: a visit with its household, cadre and signer names. One rule: built per viewer-safe field only. */
import type { Person, Visit } from '../../../core/model'
import type { Settings } from '../../../core/settings'
import { countsAsVisit, isExpired, signOffDeadline } from '../../../core/visits'
import type { VisitView } from '../../../contracts/views-verdict'
import type { Store } from '../../storage/port'
import { personRef } from '../views'

export const visitViews = async (store: Store, visits: Visit[], settings: Settings, now: number): Promise<VisitView[]> => {
  if (visits.length === 0) return []
  const uniq = (ids: (string | null | undefined)[]) => [...new Set(ids.filter((x): x is string => typeof x === 'string'))]
  const [households, villages, people] = await Promise.all([
    store.getMany('households', uniq(visits.map((v) => v.householdId))),
    store.getMany('villages', uniq(visits.map((v) => v.villageId))),
    store.getMany('people', uniq(visits.flatMap((v) => [v.cadreId, v.signedById, v.onBehalfOfId]))),
  ])
  const hh = new Map(households.map((h) => [h.id, h]))
  const vil = new Map(villages.map((v) => [v.id, v.name]))
  const ppl = new Map<string, Person>(people.map((p) => [p.id, p]))
  const name = (id: string | null | undefined) => (id ? (ppl.get(id)?.name ?? null) : null)
  return visits.map((v): VisitView => {
    const household = hh.get(v.householdId)
    const cadre = ppl.get(v.cadreId)
    return {
      id: v.id,
      householdId: v.householdId,
      householdNumber: household?.number ?? '',
      headName: household?.headName ?? '',
      villageName: vil.get(v.villageId) ?? '',
      cadre: cadre ? personRef(cadre) : { id: v.cadreId, name: '', title: '' },
      at: v.at,
      purpose: v.purpose,
      notes: v.notes,
      problems: v.problems ?? '',
      overnight: v.overnight,
      status: v.status,
      deadline: signOffDeadline(v, settings),
      expired: isExpired(v, now, settings),
      counts: countsAsVisit(v),
      signedByName: name(v.signedById),
      onBehalfOfName: name(v.onBehalfOfId),
      signedAt: v.signedAt,
      disputeReason: v.disputeReason,
      ticketIds: v.ticketIds ?? [],
      location: v.location ?? null,
      hasPhoto: Boolean(v.photoId),
    }
  })
}

export const visitView = async (store: Store, visit: Visit, settings: Settings, now: number): Promise<VisitView> => {
  const [view] = await visitViews(store, [visit], settings, now)
  if (!view) throw new Error('visit view missing')
  return view
}
