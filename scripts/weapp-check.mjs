// WeChat's own compiler and code audit on the weapp build (dist/), offline, through miniprogram-ci
// installed in tools/weapp-check (kept out of the app's dependencies: ~280 MB). A dummy key and a
// local `attr` keep it from asking WeChat's servers. Fails on any compile error.
import { createRequire } from 'node:module'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(path.join(root, 'tools/weapp-check/package.json'))
const ci = require('miniprogram-ci')

const project = new ci.Project({
  appid: 'wx0000000000000000',
  type: 'miniProgram',
  projectPath: root,
  privateKey: 'dummy',
  attr: async () => ({ appType: 0, platform: false, setting: {}, gameApp: false, isSandbox: false, released: false }),
  ignores: ['node_modules/**/*', 'tools/**/*', 'cloudfunctions/**/*', 'dist-h5/**/*', 'dist-server/**/*', 'deploy/**/*', 'backups/**/*', 'src/**/*', 'test/**/*', '.data/**/*', '.tmp/**/*'],
})

const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-check-')), 'compiled.zip')
await ci.getCompiledResult({ project, setting: { es6: true, minify: true } }, out)
console.log(`WeChat compiler: ok (${(fs.statSync(out).size / 1024).toFixed(0)} KB compiled)`)

// The devtools' audit (package size, compression, lazy code loading, images, stray code): any
// failed item fails the check, as it would block a clean upload review.
const quality = await ci.checkCodeQuality(project)
const failedItems = quality.filter((item) => item.success === false)
for (const item of quality) console.log(`audit ${item.success === false ? 'FAIL' : 'ok'}: ${item.name} (${item.text})`)
process.exit(failedItems.length === 0 ? 0 : 1)
