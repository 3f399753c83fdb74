/**
 * A database written by the first version (one SQLite table of JSON documents per collection)
 * opened by this version: every document moved into the typed tables. Inherently SQLite-only (the
 * first version had no MySQL), so the integration-mysql project leaves this file out.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { Person } from '../../../src/core/model'
import { openSqliteStore } from '../../../src/server/storage/relational'

const person = (id: string, over: Partial<Person>): Person => ({
  id, townshipId: 'ts-1', name: id, phone: '13300000000', roles: ['villager'], householdId: null, villageId: null,
  duty: null, title: '', photoUrl: null, hasPhone: true, ...over,
})

describe('a first-version database (JSON documents) converted to typed tables', () => {
  it('moves every document and turns joint meeting attendee names into the ids of the people they name', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-legacy-'))
    const file = path.join(dir, 'old.db')
    const db = new Database(file)
    try {
      // The first version's layout: one (id, doc) table per collection and its own migration table.
      db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)')
      for (const t of ['people', 'meetings', 'chainNotes']) db.exec(`CREATE TABLE "${t}" (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`)
      db.exec(`CREATE INDEX people_townshipId ON people (json_extract(doc, '$.townshipId'))`)
      const insert = (table: string, doc: { id: string }) => db.prepare(`INSERT INTO "${table}" (id, doc) VALUES (?, ?)`).run(doc.id, JSON.stringify(doc))
      insert('people', person('p-1', { name: '乌力吉' }))
      insert('people', person('p-2', { name: '张伟' }))
      insert('people', person('p-3', { name: '张伟' }))
      const meeting = { id: 'mt-1', townshipId: 'ts-1', villageId: 'v-1', convenedById: 'p-1', convenedAt: 1, topic: '路灯', ticketIds: [], decisions: [], status: 'recorded', version: 2 }
      insert('meetings', { ...meeting, attendees: ['乌力吉', '张伟', '不认识的人'] } as never)
    } finally {
      db.close()
    }
    const store = await openSqliteStore(file)
    try {
      // 乌力吉 names one person; 张伟 names two (ambiguous) and the third no one: both are dropped.
      expect(await store.get('meetings', 'mt-1')).toEqual({ id: 'mt-1', townshipId: 'ts-1', villageId: 'v-1', convenedById: 'p-1', convenedAt: 1, topic: '路灯', ticketIds: [], attendeeIds: ['p-1'], decisions: [], status: 'recorded', version: 2 })
      expect(await store.get('people', 'p-2')).toEqual(person('p-2', { name: '张伟' }))
      expect(await store.count('people', { townshipId: 'ts-1' })).toBe(3)
      expect(await store.count('chainNotes', {})).toBe(0)
      const tables = (await store.db.introspection.getTables()).map((t) => t.name)
      expect(tables.filter((t) => t.startsWith('legacy_') || t === 'schema_migrations')).toEqual([])
    } finally {
      await store.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
