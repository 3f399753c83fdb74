// Bundles the self-hosted server (src/server/hosted/main.ts and everything it calls) into one
// dist-server/main.js for Node 20, so the Docker image needs no node_modules: mysql2 is bundled,
// better-sqlite3 is left out (the store loads it lazily, only for a SQLite path; the image runs on
// MySQL/MariaDB). `npm run doctor` is bundled beside it as dist-server/doctor.js.
import { build } from 'esbuild'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const out = path.join(root, 'dist-server')
fs.rmSync(out, { recursive: true, force: true })
const result = await build({
  entryPoints: { main: path.join(root, 'src/server/hosted/main.ts'), doctor: path.join(root, 'scripts/doctor.ts') },
  outdir: out,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['better-sqlite3'],
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
})
const inputs = Object.keys(result.metafile.inputs)
if (inputs.some((f) => f.includes('node_modules/better-sqlite3/'))) throw new Error('the server bundle must not contain better-sqlite3')
if (inputs.some((f) => f.includes('src/server/local/start'))) throw new Error('the server bundle must not contain the local demo (development login, seed)')
for (const [file, o] of Object.entries(result.metafile.outputs)) console.log(`${path.relative(root, file)}: ${(o.bytes / 1024).toFixed(0)} KB`)
