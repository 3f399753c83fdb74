/**
 * Writes the review tables of docs/mongolian.md from src/i18n/mn-Mong.ts: every translated text with
 * its Unicode Mongolian, its Latin reading (the source a native speaker corrects) and the Chinese it
 * stands beside. Texts added in wave 3 (between the "mongolian wave 3" markers) get their own table.
 * Usage: `npx tsx scripts/mongolian-review.ts` (rewrites the part of the doc after "## Translated texts").
 */
import fs from 'node:fs'
import path from 'node:path'
import { mong } from '../src/i18n/mongolian-script'

const root = path.resolve(__dirname, '..')
const source = fs.readFileSync(path.join(root, 'src/i18n/mn-Mong.ts'), 'utf8').split('\n')
const docPath = path.join(root, 'docs/mongolian.md')

type Row = { key: string; latin: string; zh: string; wave3: boolean }
const rows: Row[] = []
let wave3 = false
let closeAtBrace = false
const cell = (s: string) => s.replace(/\|/g, '\\|')
for (const line of source) {
  if (/end mongolian wave 3/.test(line)) wave3 = false
  else if (/mongolian wave 3/.test(line) && /^\s*\/\//.test(line)) {
    wave3 = true
    closeAtBrace = !/----/.test(line)
  }
  if (closeAtBrace && /^}/.test(line)) {
    wave3 = false
    closeAtBrace = false
  }
  const plain = line.match(/^\s*('[^']+'|[A-Za-z_]+): bi\('((?:[^'\\]|\\.)*)', (.+)\),?\s*$/)
  if (plain) {
    rows.push({ key: plain[1].replace(/'/g, ''), latin: plain[2], zh: plain[3], wave3 })
    continue
  }
  const fn = line.match(/^\s*('[^']+'|[A-Za-z_]+): (?:\([^)]*\)|[a-z]+) => `\$\{(?:[^`]*\?\s*)?mn`([^`]*)`\}.*?\$\{([^}]+)\}`,?\s*$/)
  if (fn) {
    rows.push({ key: `${fn[1].replace(/'/g, '')}()`, latin: fn[2], zh: fn[3], wave3 })
    continue
  }
  // Anything else on one line (one-line objects, ternaries, several parts): each bi('…') and mn`…` found.
  const key = line.match(/^\s*('[^']+'|[A-Za-z_]+)[:(]/)?.[1]?.replace(/'/g, '') ?? '…'
  for (const m of line.matchAll(/([A-Za-z_]+): bi\('((?:[^'\\]|\\.)*)', ([^)]+\)?)\)/g)) rows.push({ key: m[1], latin: m[2], zh: m[3], wave3 })
  if (!/bi\('/.test(line)) for (const m of line.matchAll(/mn`([^`]*)`/g)) rows.push({ key: `${key}()`, latin: m[1], zh: '(the same key in zh-CN)', wave3 })
  for (const m of line.matchAll(/mong\('((?:[^'\\]|\\.)*)'\)/g)) rows.push({ key, latin: m[1], zh: '(the same key in zh-CN)', wave3 })
}

/** Transliterates the Latin reading, leaving template values (`${name}`) as they are. */
const script = (latin: string) =>
  latin
    .split(/(\$\{[^}]*\})/)
    .map((part) => (part.startsWith('${') ? part : mong(part)))
    .join('')

const table = (list: Row[]) =>
  ['| key | Mongolian | Latin reading | Chinese beside it (zh-CN) |', '|---|---|---|---|', ...list.map((r) => `| ${r.key} | ${cell(script(r.latin))} | ${cell(r.latin)} | \`${cell(r.zh)}\` |`)].join('\n')

const doc = fs.readFileSync(docPath, 'utf8')
const head = doc.split('\n## Translated texts')[0]
const out = `${head}
## Translated texts
(written by \`npx tsx scripts/mongolian-review.ts\` from src/i18n/mn-Mong.ts; ALL AWAIT A NATIVE SPEAKER'S REVIEW)

### Wave 3 (new: the ticket's holder and timers, notices, posting headings, visit states, roles, logout, binding record, next visit, errors a villager meets, refused answers)
${table(rows.filter((r) => r.wave3))}

### Earlier texts
${table(rows.filter((r) => !r.wave3))}
`
fs.writeFileSync(docPath, out)
console.log(`${rows.length} texts (${rows.filter((r) => r.wave3).length} new in wave 3) written to docs/mongolian.md`)
