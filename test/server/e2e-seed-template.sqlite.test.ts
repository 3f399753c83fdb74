/**
 * The e2e harness copies the demo township from a template seeded once per run and hour
 * (test/support/e2e-seed-template.ts) instead of seeding each file's database: the copy must hold
 * exactly what a fresh seed at the same hour holds, and the server must take it as seeded.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { seedAnchor, startLocalServer } from '../../src/server/local/start'
import { copySeededTownship } from '../support/e2e-seed-template'

const HOUR = 60 * 60 * 1000
let dir: string
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-seed-template-'))
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

/** Every table's rows (the migrations' own bookkeeping aside: it records when they ran): count and digest. */
const contents = (file: string): Record<string, { rows: number; digest: string }> => {
  const db = new Database(file, { readonly: true })
  try {
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' ORDER BY name`)
      .all() as { name: string }[]
    const out: Record<string, { rows: number; digest: string }> = {}
    for (const { name } of tables) {
      const rows = (db.prepare(`SELECT * FROM "${name}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort()
      out[name] = { rows: rows.length, digest: createHash('sha256').update(rows.join('\n')).digest('hex') }
    }
    return out
  } finally {
    db.close()
  }
}

/** Starts the demo server on `dataDir` at `now` and stops it: a fresh seed, or none on a seeded copy. */
const startAndStop = async (dataDir: string, now: number) => {
  const server = await startLocalServer({ dataDir, demo: true, clock: () => now })
  await server.close()
}

it('a copy of the template holds what a fresh seed at the same hour holds, and the server does not seed it again', async () => {
  // Half past some hour: the anchor is that hour, for the fresh seed and the template alike.
  const now = seedAnchor(Date.now()) - 5 * HOUR + HOUR / 2
  const templates = path.join(dir, 'templates')
  fs.mkdirSync(templates)
  const fresh = path.join(dir, 'fresh')
  await startAndStop(fresh, now)

  // Two files at once: one seeds the template, the other waits for it; both get a copy.
  const copies = [path.join(dir, 'copy-1'), path.join(dir, 'copy-2')]
  expect(await Promise.all(copies.map((d) => copySeededTownship(d, { templates, now })))).toEqual([true, true])
  expect(fs.readdirSync(templates).filter((f) => f.endsWith('.db'))).toEqual([`demo-330-1-${seedAnchor(now)}.db`])
  for (const copy of copies) await startAndStop(copy, now)

  const expected = contents(path.join(fresh, 'minqing.db'))
  expect(expected.people.rows).toBeGreaterThan(330)
  expect(expected.tickets.rows).toBeGreaterThan(0)
  expect(expected.meta.rows).toBeGreaterThan(0)
  for (const copy of copies) expect(contents(path.join(copy, 'minqing.db'))).toEqual(expected)
})

it('a start in a later hour gets a template of its own (its seed is anchored at that hour)', async () => {
  const templates = path.join(dir, 'templates-hours')
  fs.mkdirSync(templates)
  const now = seedAnchor(Date.now()) - 3 * HOUR + 1
  expect(await copySeededTownship(path.join(dir, 'hour-1'), { templates, now })).toBe(true)
  expect(await copySeededTownship(path.join(dir, 'hour-2'), { templates, now: now + HOUR })).toBe(true)
  expect(fs.readdirSync(templates).sort()).toEqual([`demo-330-1-${seedAnchor(now)}.db`, `demo-330-1-${seedAnchor(now) + HOUR}.db`, `demo-330-1-${seedAnchor(now)}.db.lock`, `demo-330-1-${seedAnchor(now) + HOUR}.db.lock`].sort())
  const seededAt = (d: string) => {
    const db = new Database(path.join(dir, d, 'minqing.db'), { readonly: true })
    try {
      return JSON.parse((db.prepare(`SELECT * FROM meta WHERE id = 'seeded'`).get() as { value: string }).value) as { at: number }
    } finally {
      db.close()
    }
  }
  expect(seededAt('hour-1').at).toBe(seedAnchor(now))
  expect(seededAt('hour-2').at).toBe(seedAnchor(now) + HOUR)
})

it('without a template folder nothing is copied (the server seeds as before)', async () => {
  expect(await copySeededTownship(path.join(dir, 'none'), { templates: path.join(dir, 'missing') })).toBe(false)
  expect(fs.existsSync(path.join(dir, 'none', 'minqing.db'))).toBe(false)
})
