/**
 * Database errors in assertions. better-sqlite3's native part keeps the error class of the first
 * test file that loaded it in a jest worker, so in later files its errors come from another realm:
 * `expect(...).rejects.toThrow()` then reads them as "did not throw". Check the driver's code instead.
 */
import { isUniqueViolation } from '../../src/server/storage/relational'

/** Fails unless `write` is refused by a unique index (SQLite or MySQL/MariaDB). */
export const expectRefusedByUniqueIndex = async (write: Promise<unknown>): Promise<void> => {
  const outcome = await write.then(
    () => 'written',
    (e: unknown) => e,
  )
  if (outcome === 'written') throw new Error('the write was accepted: no unique index refused it')
  if (!isUniqueViolation(outcome)) throw new Error(`refused, but not by a unique index: ${String((outcome as Error)?.message ?? outcome)}`)
}
