/**
 * Loads generated seed data into a Store.
 * One rule: all of it or none of it — one transaction, so a failed seed never leaves half a township.
 */
import type { Store } from '../storage/port'
import type { SeedCollection, SeedData } from './generate'

/** Insert order: places and people before the records that point at them (for readers of a log). */
export const SEED_ORDER: readonly SeedCollection[] = [
  'townships',
  'villages',
  'groups',
  'households',
  'people',
  'teams',
  'places',
  'bindings',
  'leaves',
  'signins',
  'visits',
  'tickets',
  'ratings',
  'meta',
  'meetings',
  'notifications',
  'uploads',
  'periods',
  'closeResults',
  'selfReviews',
  'checks',
  'reports',
  'findings',
  'notices',
  'reveals',
  'invitations',
  'images',
  'consents',
  'chainNotes',
  'cadreDays',
]

/** Inserts every document; fails with DuplicateKeyError (and writes nothing) if any id exists. */
export const seedStore = async (store: Store, data: SeedData): Promise<void> => {
  await store.transaction(async (tx) => {
    for (const c of SEED_ORDER) {
      const docs = data[c]
      // The generic Store signature cannot see that data[c] matches c; this helper restates it.
      await insertAll(tx, c, docs)
    }
  })
}

const insertAll = <C extends SeedCollection>(tx: Store, collection: C, docs: SeedData[C]): Promise<void> =>
  tx.insertMany(collection, docs)
