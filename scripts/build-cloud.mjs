// Bundles the cloud function: cloudfunctions/api/src/index.ts and the server it calls into one
// cloudfunctions/api/index.js, so the folder deploys on its own (its package.json lists the two
// packages that cannot be bundled: the WeChat SDK and the native SQLite binding).
import { build } from 'esbuild'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const result = await build({
  entryPoints: [path.join(root, 'cloudfunctions/api/src/index.ts')],
  outfile: path.join(root, 'cloudfunctions/api/index.js'),
  bundle: true,
  platform: 'node',
  target: 'node16',
  format: 'cjs',
  external: ['wx-server-sdk', 'better-sqlite3'],
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
})
const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0)
console.log(`cloudfunctions/api/index.js: ${(bytes / 1024).toFixed(0)} KB`)
