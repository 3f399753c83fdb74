// The weapp size budget: WeChat refuses a package over 2 MB; we hold the main package to 600 KB and
// each subpackage to 400 KB (a herder's first open on a weak network). Prints each package's size.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dist = path.join(root, 'dist')
const MAIN_BUDGET = 600 * 1024
const SUB_BUDGET = 400 * 1024

const sizeOf = (dir) => fs.readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => {
  const p = path.join(dir, e.name)
  return sum + (e.isDirectory() ? sizeOf(p) : fs.statSync(p).size)
}, 0)

const app = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8'))
const subRoots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''))
const subSizes = subRoots.map((r) => [r, fs.existsSync(path.join(dist, r)) ? sizeOf(path.join(dist, r)) : 0])
const main = sizeOf(dist) - subSizes.reduce((s, [, n]) => s + n, 0)
const kb = (n) => `${(n / 1024).toFixed(0)} KB`
console.log(`weapp main package: ${kb(main)} (budget ${kb(MAIN_BUDGET)})`)
for (const [r, n] of subSizes) console.log(`weapp subpackage ${r}: ${kb(n)} (budget ${kb(SUB_BUDGET)})`)
const over = [['main', main, MAIN_BUDGET], ...subSizes.map(([r, n]) => [r, n, SUB_BUDGET])].filter(([, n, budget]) => n > budget)
if (over.length) {
  console.error(`over budget: ${over.map(([r]) => r).join(', ')}`)
  process.exit(1)
}
