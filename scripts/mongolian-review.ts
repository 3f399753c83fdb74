/**
 * Writes the review tables of docs/mongolian.md from src/i18n/mn-Mong.ts: every translated text with
 * its Unicode Mongolian, its Latin reading (the source a native speaker corrects) and the Chinese it
 * stands beside. Texts added in waves 3, 4, 5, 6 and 7 (between the "mongolian wave N" markers) get their own tables.
 * Usage: `npx tsx scripts/mongolian-review.ts` (rewrites the part of the doc after "## Translated texts").
 */
import fs from 'node:fs'
import path from 'node:path'
import { mong } from '../src/i18n/mongolian-script'
import { mnDates, mnDatesLatin, zhDates, type DayParts } from '../src/i18n/dates'

const root = path.resolve(__dirname, '..')
const source = fs.readFileSync(path.join(root, 'src/i18n/mn-Mong.ts'), 'utf8').split('\n')
const docPath = path.join(root, 'docs/mongolian.md')

type Row = { key: string; latin: string; zh: string; wave: number }
const rows: Row[] = []
let wave = 0
let closeAtBrace = false
const cell = (s: string) => s.replace(/\|/g, '\\|')
for (const line of source) {
  const marker = line.match(/^\s*\/\/.*mongolian wave (\d+)/)
  if (/end mongolian wave \d+/.test(line)) wave = 0
  else if (marker) {
    wave = Number(marker[1])
    closeAtBrace = !/----/.test(line)
  }
  if (closeAtBrace && /^}/.test(line)) {
    wave = 0
    closeAtBrace = false
  }
  const plain = line.match(/^\s*('[^']+'|[A-Za-z_]+): bi\('((?:[^'\\]|\\.)*)', (.+)\),?\s*$/)
  if (plain) {
    rows.push({ key: plain[1].replace(/'/g, ''), latin: plain[2], zh: plain[3], wave })
    continue
  }
  const fn = line.match(/^\s*('[^']+'|[A-Za-z_]+): (?:\([^)]*\)|[a-z]+) => `\$\{(?:[^`]*\?\s*)?mn`([^`]*)`\}.*?\$\{([^}]+)\}`,?\s*$/)
  if (fn) {
    rows.push({ key: `${fn[1].replace(/'/g, '')}()`, latin: fn[2], zh: fn[3], wave })
    continue
  }
  // Anything else on one line (one-line objects, ternaries, several parts): each bi('…') and mn`…` found.
  const key = line.match(/^\s*('[^']+'|[A-Za-z_]+)[:(]/)?.[1]?.replace(/'/g, '') ?? '…'
  for (const m of line.matchAll(/([A-Za-z_]+): bi\('((?:[^'\\]|\\.)*)', ([^)]+\)?)\)/g)) rows.push({ key: m[1], latin: m[2], zh: m[3], wave })
  if (!/bi\('/.test(line)) for (const m of line.matchAll(/mn`([^`]*)`/g)) rows.push({ key: `${key}()`, latin: m[1], zh: '(the same key in zh-CN)', wave })
  for (const m of line.matchAll(/mong\('((?:[^'\\]|\\.)*)'\)/g)) rows.push({ key, latin: m[1], zh: '(the same key in zh-CN)', wave })
}

/** Transliterates the Latin reading, leaving template values (`${name}`) as they are. */
const script = (latin: string) =>
  latin
    .split(/(\$\{[^}]*\})/)
    .map((part) => (part.startsWith('${') ? part : mong(part)))
    .join('')

const table = (list: Row[]) =>
  ['| key | Mongolian | Latin reading | Chinese beside it (zh-CN) |', '|---|---|---|---|', ...list.map((r) => `| ${r.key} | ${cell(script(r.latin))} | ${cell(r.latin)} | \`${cell(r.zh)}\` |`)].join('\n')

/** The date forms of src/i18n/dates.ts on sample days (mn3): what a villager reads, with its Latin reading. */
const day = (year: number, month: number, d: number, weekday: number): DayParts => ({ year, month, day: d, weekday })
const samples: Array<[string, (f: typeof mnDates) => string]> = [
  ['date (this year)', (f) => f.date(day(2026, 11, 30, 1), false)],
  ['date (another year)', (f) => f.date(day(2027, 1, 1, 5), true)],
  ['date, day 2 (qoyar: -un)', (f) => f.date(day(2026, 12, 2, 3), false)],
  ['date, day 21 (nigen: -ü)', (f) => f.date(day(2026, 12, 21, 1), false)],
  ['date and weekday', (f) => f.dateWeekday(day(2026, 11, 30, 1), true)],
  ['date and time', (f) => f.dateTime(day(2026, 11, 30, 1), false, 9, 5)],
  ['weekday 1-7', (f) => [1, 2, 3, 4, 5, 6, 7].map((w) => f.weekday(w)).join(' / ')],
  ['month', (f) => f.month(2026, 10)],
  ['quarter', (f) => f.quarter(2026, 4)],
  ['year', (f) => f.year(2026)],
  ['week (Monday to Sunday)', (f) => f.range(day(2026, 9, 28, 1), day(2026, 10, 4, 7))],
  ['N days', (f) => f.days(3)],
]
const datesTable = [
  '| form | Mongolian | Latin reading | Chinese beside it |',
  '|---|---|---|---|',
  ...samples.map(([name, pick]) => `| ${name} | ${cell(pick(mnDates))} | ${cell(pick(mnDatesLatin))} | ${cell(pick(zhDates))} |`),
].join('\n')

const doc = fs.readFileSync(docPath, 'utf8')
const head = doc.split('\n## Translated texts')[0]
const out = `${head}
## Translated texts
(written by \`npx tsx scripts/mongolian-review.ts\` from src/i18n/mn-Mong.ts; ALL AWAIT A NATIVE SPEAKER'S REVIEW)

### Dates (wave 7, new: src/i18n/dates.ts; every date a villager reads in the Mongolian locale, Mongolian first with the Chinese beside)
The day's genitive follows the numeral as read aloud (1 nigen -ü, 2 qoyar -un, 3 γurban -u, …, 30 γučin -u);
each form ends in a word (edür, sar-a, on, uliral), so a suffix after a date in a sentence follows that word
(edür-eče emüne, edür-tür). Please check: the genitive on the day (\`30-u edür\` against a bare \`30\`), the
week \`…-eče … kürtele\`, the quarter \`4-düger uliral\`, and whether Arabic digits are right inside vertical text.
${datesTable}

### Wave 7 (new: the posting card's week lines, a month in words, a comment said by several, one step of a report's public view)
${table(rows.filter((r) => r.wave === 7))}

### Wave 6 (the lines of a villager's monthly posting card: sign-ins, leave, absences, village days, sign-in times, the three comment headings and the empty comment)
${table(rows.filter((r) => r.wave === 6))}

### Wave 5 (a report as other villagers read it (follow page, duplicate hint, its privacy sentence), the anonymous mark, the check of a villager's own rating comment, the posting month in Mongolian form)
${table(rows.filter((r) => r.wave === 5))}

### Wave 4 ( the content check under a villager's own photos and its reasons, the visit state said to the villager who signs, the next visit's day and weekday on the villager card)
${table(rows.filter((r) => r.wave === 4))}

### Wave 3 ( the ticket's holder and timers, notices, posting headings, visit states, roles, logout, binding record, next visit, errors a villager meets, refused answers)
${table(rows.filter((r) => r.wave === 3))}

### Earlier texts
${table(rows.filter((r) => r.wave === 0))}
`
fs.writeFileSync(docPath, out)
console.log(`${rows.length} texts (${rows.filter((r) => r.wave === 7).length} in wave 7, ${rows.filter((r) => r.wave === 6).length} in wave 6, ${rows.filter((r) => r.wave === 5).length} in wave 5, ${rows.filter((r) => r.wave === 4).length} in wave 4, ${rows.filter((r) => r.wave === 3).length} in wave 3) written to docs/mongolian.md`)
