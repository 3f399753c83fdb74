/**
 * Issue 13 item 5: the server stores codes with parameters, never sentences, so a villager who reads
 * Mongolian gets every text in Mongolian. A scripted flow through the real HTTP server (a report filed,
 * handled and confirmed with one star, a rated cadre with a comment, a visit disputed, supervision
 * findings, an unbinding), then every row it wrote is scanned: no code column (`key` kind) holds
 * Chinese, no text column holds a sentence from the Chinese catalogue, findings are codes with the
 * supervisor's own note as text; and refusals carry codes the client words in its locale.
 */
import { TABLES } from '../../src/server/storage/schema'
import type { CollectionName } from '../../src/server/storage/port'
import { zhCN } from '../../src/i18n/zh-CN'
import { mnMong } from '../../src/i18n/mn-Mong'
import { hasMongolian } from '../../src/i18n/mongolian-script'
import { catalogue, issueMessage, setCurrentLocale } from '../../src/i18n'
import { findingText } from '../../src/features/supervision/finding-text'
import type { TicketView } from '../../src/contracts'
import { requestId, startHarness, type Harness } from './harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.stop())

const CJK = /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/

/** Every row of every table, by table, keyed by id. */
const snapshot = async (): Promise<Map<CollectionName, Map<string, Record<string, unknown>>>> => {
  const out = new Map<CollectionName, Map<string, Record<string, unknown>>>()
  for (const name of Object.keys(TABLES) as CollectionName[]) {
    const rows = (await h.server.deps.store.find(name, {} as never)) as unknown as Record<string, unknown>[]
    out.set(name, new Map(rows.map((r) => [String(r.id), r])))
  }
  return out
}

/** The Chinese catalogue's fixed sentences (6 characters or more) and the coded texts' words: none may be stored in a row. */
const catalogueSentences = (): string[] => {
  const out: string[] = [...Object.values(zhCN.coded.findings.method), zhCN.coded.findings.reportUpheld('').slice(0, 3)]
  const walk = (node: unknown) => {
    if (typeof node === 'string') {
      if (node.length >= 6 && CJK.test(node)) out.push(node)
    } else if (node && typeof node === 'object') Object.values(node).forEach(walk)
  }
  walk(zhCN)
  return out
}

/**
 * Key columns that hold what people wrote or the roster's own words (names, numbers, titles), not codes.
 * Everything else of `key` kind is an identifier or a code and must never hold Chinese.
 */
const NAME_COLUMNS = new Set(['people.name', 'people.title', 'households.headName', 'households.number', 'villages.name', 'townships.name', 'groups.name', 'workTeams.name'])

it('a scripted villager flow writes codes with parameters, never sentences (issue 13 item 5)', async () => {
  const before = await snapshot()
  const villager = await h.as('villager-a1')
  const cadre = await h.as('cadre-a')
  const sup = await h.as('supervisor-1')
  const office = await h.as('office-1')

  // A report: filed, accepted, resolved, confirmed with one star (a call-back), and a reopened one.
  let t: TicketView = await villager.ok('ticket.create', { kind: 'problem', category: 'infrastructure', description: '村口水井坏了', anonymous: false })
  t = await cadre.ok('ticket.act', { ticketId: t.id, action: 'accept', version: t.version, note: '' })
  t = await cadre.ok('ticket.act', { ticketId: t.id, action: 'resolve', version: t.version, note: '换了水泵' })
  await villager.ok('ticket.act', { ticketId: t.id, action: 'confirm', version: t.version, note: '', satisfaction: 1 })
  // A rating with a comment (held for moderation), a disputed visit, supervision findings, an unbinding.
  await villager.ok('rating.submit', { cadreId: 'cadre-a', band: 'villagers', dimensions: { attitude: 2, effectiveness: 2, presence: 2 }, comment: '来得太少' })
  const visit = await cadre.ok('visit.create', { householdId: 'hh-a1', purpose: '冬季取暖' })
  await villager.ok('visit.dispute', { visitId: visit.id, reason: '没来过' })
  await sup.ok('supervision.verifyPresence', { cadreId: 'cadre-a', villageId: 'vil-a', method: 'phone', present: false, note: '电话无人接听' })
  const report = await sup.ok('supervision.fileReport', { cadreId: 'cadre-a', villageId: 'vil-a', text: '周三没有到岗' })
  await sup.ok('supervision.resolveReport', { reportId: report.id, upheld: true, note: '属实' })
  await office.ok('binding.unbind', { personId: 'villager-a2', reason: '换手机' })

  const after = await snapshot()
  const sentences = catalogueSentences()
  const problems: string[] = []
  let written = 0
  for (const [table, rows] of after) {
    const def = TABLES[table]
    for (const [id, row] of rows) {
      const old = before.get(table)?.get(id)
      if (old && JSON.stringify(old) === JSON.stringify(row)) continue
      written += 1
      for (const [column, value] of Object.entries(row)) {
        const kind = def.columns[column]?.kind
        const text = typeof value === 'string' ? value : JSON.stringify(value ?? '')
        if (kind === 'key' && !NAME_COLUMNS.has(`${table}.${column}`) && CJK.test(text)) problems.push(`${table}.${column} holds Chinese: ${text}`)
        const sentence = sentences.find((s) => text.includes(s))
        if (sentence) problems.push(`${table}.${column} holds the catalogue's sentence "${sentence}"`)
      }
    }
  }
  expect(written).toBeGreaterThan(10)
  expect(problems).toEqual([])

  // Findings: a code with parameters; the text is only what the supervisor (or the report) wrote.
  const findings = await h.server.deps.store.find('findings', { cadreId: 'cadre-a' })
  expect(findings.map((f) => ({ code: f.code, text: f.text })).sort((a, b) => String(a.code).localeCompare(String(b.code)))).toEqual([
    { code: 'check.absent', text: '电话无人接听' },
    { code: 'report.upheld', text: '周三没有到岗' },
  ])
  const absent = findings.find((f) => f.code === 'check.absent')!
  expect(absent.params).toMatchObject({ method: 'phone' })
  expect(findingText(absent)).toBe(`电话核实：${absent.params?.cadre}不在${absent.params?.village}。电话无人接听`)
  // The notifications and call-backs a villager's screens read: codes only.
  const notes = await h.server.deps.store.find('notifications', { personId: 'villager-a1' })
  expect(notes.length).toBeGreaterThan(0)
  for (const n of notes) expect(CJK.test(`${n.action}${n.status}`)).toBe(false)
})

describe('refusals carry codes the client words in the villager language', () => {
  afterEach(() => setCurrentLocale('zh-CN'))

  it('a validation issue has a code and numbers; in Mongolian it reads Mongolian first, then the same Chinese', async () => {
    const villager = await h.as('villager-a1')
    const long = 'x'.repeat(5000)
    const { body } = await villager.call('ticket.create', { kind: 'problem', category: 'infrastructure', description: long, anonymous: false }, requestId())
    expect(body.ok).toBe(false)
    if (body.ok) return
    const issue = body.error.issues?.find((i) => i.path === 'description')
    expect(issue).toMatchObject({ code: 'validation.tooLong', params: { max: expect.any(Number) } })
    setCurrentLocale('mn-Mong')
    const worded = issueMessage(issue!)
    expect(hasMongolian(worded)).toBe(true)
    expect(worded).toBe(mnMong.validation.tooLong(issue!.params!.max!))
    expect(worded.endsWith(issue!.message)).toBe(true) // the server's Chinese sentence, beside it
    expect(catalogue('mn-Mong').errors[body.error.code]).toContain(body.error.message)
  })

  it('a service request answer refused: one code per answer, worded in Mongolian', async () => {
    const villager = await h.as('villager-a1')
    const { body } = await villager.call('ticket.create', { kind: 'service', category: 'certificate', description: '开证明', anonymous: false, answers: {} }, requestId())
    expect(body.ok).toBe(false)
    if (body.ok) return
    expect(body.error.code).toBe('TICKET.ANSWERS_INVALID')
    const issues = body.error.issues ?? []
    expect(issues.length).toBeGreaterThan(0)
    setCurrentLocale('mn-Mong')
    for (const issue of issues) {
      expect(issue.code).toMatch(/^answer\./)
      expect(hasMongolian(issueMessage(issue))).toBe(true)
    }
  })
})
