// Bundles the cloud function: cloudfunctions/api/src/index.ts and the server it calls into one
// cloudfunctions/api/index.js, so the folder deploys on its own. mysql2 (the database driver) is
// bundled; the WeChat SDK stays a dependency in cloudfunctions/api/package.json. better-sqlite3 is
// left out: the store loads it lazily, only for a SQLite path, which a cloud function never has.
// The target is Node 20 (CloudBase cloud functions offer Node.js 16.13, 18.15, 20.19, 22.21, 24.11
// and 26; 20 is what the project runs and tests on, and Kysely 0.28 needs it); the function's
// package.json `engines` says the same.
import { build } from 'esbuild'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'cloudfunctions/api/package.json'), 'utf8'))
const NODE = 'node20'
if (pkg.engines?.node !== '>=20') throw new Error(`cloudfunctions/api/package.json engines.node must be ">=20" to match the ${NODE} target`)
const result = await build({
  entryPoints: [path.join(root, 'cloudfunctions/api/src/index.ts')],
  outfile: path.join(root, 'cloudfunctions/api/index.js'),
  bundle: true,
  platform: 'node',
  target: NODE,
  format: 'cjs',
  external: ['wx-server-sdk', 'better-sqlite3'],
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
})
const inputs = Object.keys(result.metafile.inputs)
if (inputs.some((f) => f.includes('node_modules/better-sqlite3/'))) throw new Error('the cloud bundle must not contain better-sqlite3')
if (!inputs.some((f) => f.includes('node_modules/mysql2/'))) throw new Error('the cloud bundle must carry mysql2')
const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0)
console.log(`cloudfunctions/api/index.js: ${(bytes / 1024).toFixed(0)} KB (${NODE}, mysql2 bundled, better-sqlite3 left out)`)
