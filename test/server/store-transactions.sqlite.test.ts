/**
 * On SQLite, where the store's reads run straight on the one connection when nothing holds it, a read
 * of the outer store never sees what an open transaction wrote: it waits for the commit, and what a
 * transaction rolls back was never there.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Person } from '../../src/core/model'
import type { Store } from '../../src/server/storage/port'
import { openStore } from '../../src/server/storage/relational'

const person = (id: string, townshipId: string, name: string, roles: string[], householdId: string | null = null): Person =>
  ({ id, townshipId, name, phone: `138${id.replace(/\D/g, '').padStart(8, '0')}`, roles, householdId, villageId: null, duty: null, title: '', photoUrl: null, hasPhone: true }) as Person

let dir: string
let store: Store

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-reads-'))
  store = await openStore({ url: path.join(dir, 'reads.db') })
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
  fs.rmSync(dir, { recursive: true, force: true })
})

const ids = (people: { id: string }[]) => people.map((p) => p.id).sort()

describe('reads of the outer store and an open transaction (SQLite)', () => {
  it('a read waits for the commit of an open transaction and then sees it', async () => {
    const events: string[] = []
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const tx = store.transaction(async (t) => {
      await t.insert('people', person('p-10', 'tw-1', '己', ['villager']))
      events.push('written')
      await held
      events.push('committing')
    })
    while (!events.includes('written')) await new Promise((r) => setTimeout(r, 5))
    const read = store.get('people', 'p-10').then((p) => {
      events.push(`read ${p?.name ?? 'nothing'}`)
    })
    await new Promise((r) => setTimeout(r, 50))
    expect(events).toEqual(['written'])
    release()
    await Promise.all([tx, read])
    expect(events).toEqual(['written', 'committing', 'read 己'])
  })

  it('what a transaction rolls back is never read', async () => {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    let written = false
    const tx = store.transaction(async (t) => {
      await t.insert('people', person('p-11', 'tw-1', '庚', ['villager']))
      written = true
      await held
      throw new Error('changed my mind')
    })
    while (!written) await new Promise((r) => setTimeout(r, 5))
    const reads = Promise.all([store.get('people', 'p-11'), store.find('people', { townshipId: 'tw-1', householdId: null }), store.count('people', { townshipId: 'tw-1' })])
    release()
    await expect(tx).rejects.toThrow('changed my mind')
    const [one, some, count] = await reads
    expect(one).toBeNull()
    expect(ids(some)).toEqual(['p-10', 'p-2', 'p-3'].sort())
    expect(count).toBe(4)
  })
})

describe('writes of the outer store and a transaction that starts meanwhile (SQLite)', () => {
  it('a bare write made while a transaction is starting is never rolled back with it', async () => {
    // Bare inserts fired at every microtask offset around the start of a transaction that fails:
    // one that ran on the connection between BEGIN and the store knowing of the transaction would
    // become part of it and vanish with its rollback.
    const bare: Promise<void>[] = []
    const tx = store.transaction(async (t) => {
      await t.insert('people', person('p-900', 'tw-9', '滚', ['villager']))
      throw new Error('rolled back on purpose')
    })
    for (let i = 0; i < 300; i++) {
      let wait: Promise<void> = Promise.resolve()
      for (let k = 0; k < i; k++) wait = wait.then(() => undefined)
      bare.push(wait.then(() => store.insert('bindings', { id: `b-${1000 + i}`, openid: `o-${1000 + i}`, personId: 'p-1', boundAt: i })))
    }
    await expect(tx).rejects.toThrow('rolled back on purpose')
    await Promise.all(bare)
    expect(await store.get('people', 'p-900')).toBeNull()
    const kept = await store.find('bindings', { personId: 'p-1' })
    expect(kept).toHaveLength(300)
  })
})
