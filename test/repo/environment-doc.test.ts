/**
 * docs/environment.md lists every environment variable the code reads (issue 14): a `MINQING_`
 * name anywhere in the sources, scripts, build configuration, deployment files or test support
 * that the page does not name fails here, so a new variable cannot go undocumented.
 */
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(__dirname, '../..')
const SCANNED = ['src', 'scripts', 'cloudfunctions/api/src', 'config', 'bench', 'test', 'deploy', 'docker-compose.yml', 'Dockerfile']
const SKIPPED = new Set(['node_modules', 'dist', 'dist-h5', 'dist-server'])

const filesUnder = (entry: string): string[] => {
  const full = path.join(root, entry)
  if (!fs.existsSync(full)) return []
  if (!fs.statSync(full).isDirectory()) return [full]
  return fs
    .readdirSync(full, { withFileTypes: true })
    .filter((d) => !SKIPPED.has(d.name))
    .flatMap((d) => filesUnder(path.join(entry, d.name)))
}

const variablesIn = (text: string): string[] => text.match(/\bMINQING_[A-Z0-9_]*[A-Z0-9]\b/g) ?? []

describe('docs/environment.md', () => {
  const doc = fs.readFileSync(path.join(root, 'docs/environment.md'), 'utf8')
  const documented = new Set(variablesIn(doc))

  it('names every MINQING_ variable the code reads', () => {
    const used = new Map<string, string>()
    for (const file of SCANNED.flatMap(filesUnder)) {
      for (const name of variablesIn(fs.readFileSync(file, 'utf8'))) if (!used.has(name)) used.set(name, path.relative(root, file))
    }
    expect(used.size).toBeGreaterThan(20)
    const missing = [...used].filter(([name]) => !documented.has(name)).map(([name, file]) => `${name} (${file})`)
    expect(missing).toEqual([])
  })

  it('names no variable the code no longer reads', () => {
    const everywhere = SCANNED.flatMap(filesUnder).map((file) => fs.readFileSync(file, 'utf8')).join('\n')
    const stale = [...documented].filter((name) => !everywhere.includes(name))
    expect(stale).toEqual([])
  })
})
