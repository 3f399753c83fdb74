/**
 * SQLite's WAL checkpoints run in a worker thread, not on the connection that serves requests: that
 * connection never checkpoints (wal_autocheckpoint 0), and what it commits still reaches the database
 * file, the worker copying it there; closing the store stops the worker.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { openStore } from '../../src/server/storage/relational'

let dir: string
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-checkpoints-'))
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('WAL checkpoints in a worker', () => {
  it('the serving connection never checkpoints, and its commits reach the database file', async () => {
    const file = path.join(dir, 'wal.db')
    const store = await openStore({ url: file })
    try {
      const { rows } = await sql<{ wal_autocheckpoint: number }>`PRAGMA wal_autocheckpoint`.execute(store.db)
      expect(rows[0]?.wal_autocheckpoint).toBe(0)
      const before = fs.statSync(file).size
      for (let i = 0; i < 300; i++) {
        await store.insert('townships', { id: `tw-${i}`, name: `${'乡'.repeat(400)}${i}` })
      }
      // The worker copies the log into the file a few times a second.
      const deadline = Date.now() + 30_000
      while (fs.statSync(file).size <= before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
      expect(fs.statSync(file).size).toBeGreaterThan(before)
      expect(await store.count('townships', {})).toBe(300)
    } finally {
      await store.close()
    }
    // Closed: every commit is in the file, readable by a new connection.
    const again = await openStore({ url: file })
    try {
      expect(await again.count('townships', {})).toBe(300)
    } finally {
      await again.close()
    }
  })
})
