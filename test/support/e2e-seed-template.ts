/**
 * The demo township of the e2e files, seeded once per run and hour and copied: each browser test
 * file runs its own server on its own SQLite file, and seeding 330 households there (migrations,
 * seed, tamper-evidence chain, ANALYZE: ~0.6 CPU-s) costs about a hundred times more than copying a
 * file seeded the same way. The seed's history is anchored at the hour of the first start
 * (startLocalServer's `seedAnchor`), so a template belongs to one anchor: a
 * start in a later hour makes (and keeps) a template of its own. Templates live in the run's folder
 * (MINQING_E2E_RUN_DIR, made by the e2e globalSetup and removed by its teardown), so a template is
 * never older than the code of the run that copies it.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DEMO_HOUSEHOLDS, DEMO_SEED, seedAnchor, seedIfEmpty } from '../../src/server/local/start'
import { openStore } from '../../src/server/storage/relational'
import { RUN_DIR_ENV } from './e2e-env'

/** How long a file waits for a template that another worker is seeding before it seeds its own. */
const WAIT_FOR_OTHER_MS = 60_000

/** Where a file's data folder goes: in the run's folder (removed with it, also after a killed run), else the temp folder. */
export const dataFolderParent = (): string => {
  const run = process.env[RUN_DIR_ENV]
  return run && fs.existsSync(run) ? run : os.tmpdir()
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Seeds the demo township at `anchor` into `file` as one SQLite file (closing the store checkpoints its log away). */
const seedTemplate = async (file: string, anchor: number): Promise<void> => {
  const tmp = `${file}.${process.pid}.tmp`
  try {
    const store = await openStore({ url: tmp })
    try {
      await seedIfEmpty(store, DEMO_HOUSEHOLDS, DEMO_SEED, anchor)
    } finally {
      await store.close()
    }
    for (const suffix of ['-wal', '-shm']) if (fs.existsSync(tmp + suffix)) throw new Error(`the template ${tmp} kept its ${suffix} file after closing`)
    // Atomic: a reader sees no template or a whole one.
    fs.renameSync(tmp, file)
  } finally {
    fs.rmSync(tmp, { force: true })
  }
}

/**
 * Puts the demo township (default households and seed) seeded at the hour of `now` into
 * `dataDir/minqing.db`, where startLocalServer then finds `meta/seeded` and does not seed again.
 * The first file of the run (of the hour) seeds the template; a file that finds another one seeding it
 * waits for it. Answers false, having copied nothing, when there is no template folder (the harness
 * used outside the e2e project) or the other seeder gave up: then the server seeds as usual.
 */
export const copySeededTownship = async (dataDir: string, options: { templates?: string; now?: number } = {}): Promise<boolean> => {
  const templates = options.templates ?? process.env[RUN_DIR_ENV]
  if (!templates || !fs.existsSync(templates)) return false
  const anchor = seedAnchor(options.now ?? Date.now())
  const file = path.join(templates, `demo-${DEMO_HOUSEHOLDS}-${DEMO_SEED}-${anchor}.db`)
  if (!fs.existsSync(file)) {
    let lock: number | null = null
    try {
      lock = fs.openSync(`${file}.lock`, 'wx')
    } catch {
      // Another worker seeds this template: wait for it.
    }
    if (lock !== null) {
      fs.closeSync(lock)
      try {
        await seedTemplate(file, anchor)
      } catch {
        // Let the waiting files seed on their own, and this one too (its own seed shows the error).
        fs.rmSync(`${file}.lock`, { force: true })
        return false
      }
    } else {
      const deadline = Date.now() + WAIT_FOR_OTHER_MS
      while (!fs.existsSync(file)) {
        if (Date.now() > deadline || !fs.existsSync(`${file}.lock`)) return fs.existsSync(file) ? copyInto(file, dataDir) : false
        await sleep(50)
      }
    }
  }
  return copyInto(file, dataDir)
}

const copyInto = (file: string, dataDir: string): true => {
  fs.mkdirSync(dataDir, { recursive: true })
  fs.copyFileSync(file, path.join(dataDir, 'minqing.db'))
  return true
}
