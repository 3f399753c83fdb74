/**
 * The store's reads of a fixed shape reuse their compiled text with new values (get, getMany, find,
 * count, statement()): every call answers for its own values, whatever the shape seen before.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Person } from '../../src/core/model'
import type { Store } from '../../src/server/storage/port'
import { openStore } from '../../src/server/storage/relational'
import { statement } from '../../src/server/storage/statements'
import { freshDatabase, type TestDatabase } from '../support/test-database'

const person = (id: string, townshipId: string, name: string, roles: string[], householdId: string | null = null): Person =>
  ({ id, townshipId, name, phone: `138${id.replace(/\D/g, '').padStart(8, '0')}`, roles, householdId, villageId: null, duty: null, title: '', photoUrl: null, hasPhone: true }) as Person

let dir: string
let database: TestDatabase
let store: Store
const statements: string[] = []

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-reads-'))
  database = await freshDatabase(dir, { prefix: 'reads' })
  store = await openStore({ url: database.url, onQuery: (sql) => statements.push(sql) })
  await store.insertMany('people', [
    person('p-1', 'tw-1', '甲', ['villager'], 'hh-1'),
    person('p-2', 'tw-1', '乙', ['cadre']),
    person('p-3', 'tw-1', '丙', ['cadre', 'leader']),
    person('p-4', 'tw-2', '丁', ['villager'], 'hh-2'),
    person('p-5', 'tw-2', '戊', ['villager', 'cadre'], null),
  ])
})
afterAll(async () => {
  await store?.close()
  await database?.drop()
  fs.rmSync(dir, { recursive: true, force: true })
})

const ids = (people: { id: string }[]) => people.map((p) => p.id).sort()

describe('reads of one shape with new values', () => {
  it('get and getMany answer for each call, lists of any length', async () => {
    expect((await store.get('people', 'p-1'))?.name).toBe('甲')
    expect((await store.get('people', 'p-4'))?.name).toBe('丁')
    expect(await store.get('people', 'p-9')).toBeNull()
    expect(ids(await store.getMany('people', ['p-1', 'p-2', 'p-3']))).toEqual(['p-1', 'p-2', 'p-3'])
    expect(ids(await store.getMany('people', ['p-5', 'p-4', 'p-9']))).toEqual(['p-4', 'p-5'])
    expect((await store.getMany('people', ['p-3', 'p-1', 'p-3'])).map((p) => p.id)).toEqual(['p-3', 'p-1', 'p-3'])
    expect(ids(await store.getMany('people', ['p-1', 'p-2', 'p-3', 'p-4', 'p-5']))).toEqual(['p-1', 'p-2', 'p-3', 'p-4', 'p-5'])
  })

  it('find and count: equality, null, lists with and without null, ranges, list fields, order and limit', async () => {
    expect(ids(await store.find('people', { townshipId: 'tw-1' }))).toEqual(['p-1', 'p-2', 'p-3'])
    expect(ids(await store.find('people', { townshipId: 'tw-2' }))).toEqual(['p-4', 'p-5'])
    expect(ids(await store.find('people', { householdId: null }))).toEqual(['p-2', 'p-3', 'p-5'])
    expect(ids(await store.find('people', { householdId: ['hh-1', null] }))).toEqual(['p-1', 'p-2', 'p-3', 'p-5'])
    expect(ids(await store.find('people', { householdId: ['hh-2', 'hh-1', 'hh-9'] }))).toEqual(['p-1', 'p-4'])
    expect(ids(await store.find('people', { householdId: ['hh-2'] }))).toEqual(['p-4'])
    expect(await store.find('people', { householdId: [] })).toEqual([])
    expect(ids(await store.find('people', { id: { gte: 'p-2', lt: 'p-4' } }))).toEqual(['p-2', 'p-3'])
    expect(ids(await store.find('people', { id: { gt: 'p-3' } }))).toEqual(['p-4', 'p-5'])
    expect(ids(await store.find('people', { roles: 'cadre', townshipId: 'tw-1' }))).toEqual(['p-2', 'p-3'])
    expect(ids(await store.find('people', { roles: 'cadre', townshipId: 'tw-2' }))).toEqual(['p-5'])
    expect(ids(await store.find('people', { roles: ['leader', 'villager'] }))).toEqual(['p-1', 'p-3', 'p-4', 'p-5'])
    expect((await store.find('people', { townshipId: 'tw-1' }, { orderBy: { field: 'id', direction: 'desc' }, limit: 2 })).map((p) => p.id)).toEqual(['p-3', 'p-2'])
    expect((await store.find('people', { townshipId: 'tw-2' }, { orderBy: { field: 'id', direction: 'desc' }, limit: 2 })).map((p) => p.id)).toEqual(['p-5', 'p-4'])
    expect((await store.find('people', { townshipId: 'tw-1' }, { orderBy: { field: 'id' }, limit: 1, skip: 1 })).map((p) => p.id)).toEqual(['p-2'])
    expect((await store.find('people', { townshipId: 'tw-1' }, { orderBy: { field: 'id' }, limit: 1, skip: 2 })).map((p) => p.id)).toEqual(['p-3'])
    expect(await store.count('people', { townshipId: 'tw-1' })).toBe(3)
    expect(await store.count('people', { townshipId: 'tw-2' })).toBe(2)
    expect(await store.count('people', { householdId: ['hh-1', 'hh-2', 'hh-3'] })).toBe(2)
    expect(await store.count('people', { householdId: [] })).toBe(0)
    await expect(store.find('people', { townshipId: undefined } as never)).rejects.toThrow(/undefined/)
    await expect(store.find('people', { nosuch: 1 } as never)).rejects.toThrow(/unknown field/)
  })

  it('statement(): one text per dialect and list length, each call with its own values', async () => {
    const names = statement((db, townshipId: string, roles: readonly string[]) =>
      db.selectFrom('people').select(['id', 'name']).where('townshipId', '=', townshipId).where('id', 'in', db.selectFrom('personRoles').select('personId').where('role', 'in', roles)).orderBy('id'),
    )
    expect(await names(store, 'tw-1', ['cadre'])).toEqual([
      { id: 'p-2', name: '乙' },
      { id: 'p-3', name: '丙' },
    ])
    expect(await names(store, 'tw-2', ['cadre'])).toEqual([{ id: 'p-5', name: '戊' }])
    expect(await names(store, 'tw-1', ['villager', 'leader'])).toEqual([
      { id: 'p-1', name: '甲' },
      { id: 'p-3', name: '丙' },
    ])
    const before = statements.length
    await names(store, 'tw-2', ['villager'])
    expect(statements.slice(before)).toHaveLength(1)
  })
})
