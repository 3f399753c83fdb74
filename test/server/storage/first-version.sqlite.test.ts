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

  it('a conversion that fails leaves the first-version file as it was, and runs to the end once the document is fixed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-legacy-'))
    const file = path.join(dir, 'old.db')
    const db = new Database(file)
    try {
      db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)')
      for (const t of ['households', 'people']) db.exec(`CREATE TABLE "${t}" (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`)
      const insert = (table: string, doc: { id: string }) => db.prepare(`INSERT INTO "${table}" (id, doc) VALUES (?, ?)`).run(doc.id, JSON.stringify(doc))
      insert('households', { id: 'hh-1', townshipId: 'ts-1', villageId: 'v-1', groupId: 'g-1', number: '001', headName: '户主', address: '', cadreId: null } as never)
      insert('people', person('p-1', { name: '乌力吉' }))
      // A person without a name: the typed column refuses it, after the households moved.
      const { name: _name, ...nameless } = person('p-2', {})
      insert('people', nameless as never)
    } finally {
      db.close()
    }
    const error = (await openSqliteStore(file).catch((e: unknown) => e)) as Error
    expect(error.message).toMatch(/database migration 0001_typed_tables failed: people.name is required/)
    const after = new Database(file, { readonly: true })
    try {
      // Nothing half done: the first version's tables, as they were.
      const tables = (after.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'kysely_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name)
      expect(tables).toEqual(['households', 'people', 'schema_migrations'])
      expect(after.prepare('SELECT COUNT(*) AS n FROM people').get()).toEqual({ n: 2 })
    } finally {
      after.close()
    }
    const fix = new Database(file)
    try {
      fix.prepare('UPDATE people SET doc = ? WHERE id = ?').run(JSON.stringify(person('p-2', { name: '其其格' })), 'p-2')
    } finally {
      fix.close()
    }
    const store = await openSqliteStore(file)
    try {
      expect(await store.count('households', {})).toBe(1)
      expect((await store.getMany('people', ['p-1', 'p-2'])).map((p) => p.name)).toEqual(['乌力吉', '其其格'])
    } finally {
      await store.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
