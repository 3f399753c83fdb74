/**
 * Issue 14's one submit hook: every write a screen makes goes through `useSubmit` (request id kept
 * until the write succeeds, so a second press or a dropped answer never writes twice). A write is an
 * action whose contract says `write: true` (src/contracts/action.ts). This reads the screens' source:
 * wherever `call` is imported from services/api, each `call(...)` must name a read; no screen mints a
 * request id or reaches the outbox or the transport itself.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { actions, type ActionName } from '../../src/contracts'

const src = join(__dirname, '../../src')
/** Not screens: the services (where the hook lives), the server, the contract, the core, the texts. */
const NOT_SCREENS = ['services', 'server', 'contracts', 'core', 'i18n'].map((d) => join(src, d))

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (NOT_SCREENS.includes(path)) return []
    if (statSync(path).isDirectory()) return filesUnder(path)
    return /\.(ts|tsx)$/.test(name) ? [path] : []
  })

const screens = filesUnder(src).map((path) => ({ file: relative(src, path), text: readFileSync(path, 'utf8') }))
const importsApiCall = (text: string) => /import\s*\{[^}]*\bcall\b[^}]*\}\s*from\s*'[./]*services\/api'/.test(text)

/** Every `call(` in a file that imports the api's call: the action named (null: not a string literal). */
const callsOf = (text: string): (string | null)[] =>
  [...text.matchAll(/(?<![\w.])call\(\s*([^)\s,]*)/g)].map((m) => {
    const literal = /^['"`]([\w.]+)['"`]$/.exec(m[1] ?? '')
    return literal ? (literal[1] ?? null) : null
  })

describe('every write of a screen goes through the one submit hook', () => {
  it('finds the screens and the reads they make (the check reads real source)', () => {
    expect(screens.length).toBeGreaterThan(50)
    const reads = screens.filter((s) => importsApiCall(s.text)).flatMap((s) => callsOf(s.text))
    expect(reads).toContain('signin.check')
  })

  it('no screen calls a write action with call() directly', () => {
    const offenders = screens
      .filter((s) => importsApiCall(s.text))
      .flatMap((s) =>
        callsOf(s.text).flatMap((name) => {
          if (name === null) return [`${s.file}: call() with an action that is not a string literal`]
          const def = actions[name as ActionName]
          if (!def) return [`${s.file}: call('${name}') names no action`]
          return def.write ? [`${s.file}: call('${name}') is a write; use useSubmit('${name}')`] : []
        }),
      )
    expect(offenders).toEqual([])
  })

  it('no screen mints a request id or reaches the outbox or the transport itself', () => {
    const offenders = screens.filter((s) => /\bnewRequestId\b|\bsendOrQueue\b|services\/transport'/.test(s.text)).map((s) => s.file)
    expect(offenders).toEqual([])
  })

  it('the actions moved onto the hook are writes (so the check above covers them)', () => {
    for (const name of ['ticket.follow', 'ticket.revealReporter', 'moderation.decide', 'callback.record', 'login.qrStart', 'auth.logout'] as const) {
      expect(actions[name].write).toBe(true)
    }
  })
})
