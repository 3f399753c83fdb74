/**
 * A representative run of every handler through the real HTTP server on a seeded county, with the
 * SQL each action makes recorded under the action's name (the EXPLAIN test and the statement
 * counts read it). The cast is picked from the seed: a villager, their household's cadre, the
 * village secretary, the team leader, an office cadre, a supervisor and a public supervisor.
 * One rule: every step must succeed, so that each handler's main path, not an early refusal, is
 * what the statements show.
 */
import type { ActionName, InputOf, OutputOf } from '../../src/contracts'
import type { Household, Person, WorkTeam } from '../../src/core/model'
import { handle } from '../../src/server/dispatch'
import type { Store } from '../../src/server/storage/port'
import { localWechatCodes } from '../../src/server/wechat/local'
import { localContentSecurity } from '../../src/server/wechat/content'
import { jpegHeader, realPng } from './fixtures/images'
import { requestId, startHarness, type Client, type Harness } from './harness'

export interface Statement {
  sql: string
  parameters: readonly unknown[]
}

/** Every statement the server runs, under the label of the step that made it (none outside a step). */
export class StatementLog {
  private label: string | null = null
  private run: Statement[] | null = null
  readonly byLabel = new Map<string, Statement[]>()
  /** Each labelled run (one action call) and its statements, in order. */
  readonly runs: { label: string; statements: Statement[] }[] = []

  readonly onQuery = (sql: string, parameters: readonly unknown[]): void => {
    if (this.label === null || this.run === null) return
    const list = this.byLabel.get(this.label) ?? []
    list.push({ sql, parameters })
    this.byLabel.set(this.label, list)
    this.run.push({ sql, parameters })
  }

  async during<T>(label: string, work: () => Promise<T>): Promise<T> {
    const previous = { label: this.label, run: this.run }
    this.label = label
    this.run = []
    this.runs.push({ label, statements: this.run })
    if (!this.byLabel.has(label)) this.byLabel.set(label, [])
    try {
      return await work()
    } finally {
      this.label = previous.label
      this.run = previous.run
    }
  }

  /** The statements of one run of `work` (also kept under its label). */
  async measure(label: string, work: () => Promise<unknown>): Promise<Statement[]> {
    const before = this.byLabel.get(label)?.length ?? 0
    await this.during(label, work)
    return (this.byLabel.get(label) ?? []).slice(before)
  }
}

/**
 * Households of the seeded county: 5 townships of about 420, so township filters are selective.
 * `MINQING_SCENARIO_HOUSEHOLDS=75000` runs the same at county scale (about a minute).
 */
export const SCENARIO_HOUSEHOLDS = Number(process.env.MINQING_SCENARIO_HOUSEHOLDS ?? 2100)

export interface Cast {
  townshipId: string
  villager: Person
  /** Another villager of the same village (follows the villager's report). */
  neighbour: Person
  household: Household
  /** A member of the household without a phone, when there is one. */
  memberWithoutPhone: Person | null
  cadre: Person
  secretary: Person
  leader: Person
  team: WorkTeam
  office: Person
  supervisor: Person
  publicSupervisor: Person
}

const must = <T>(value: T | undefined | null, what: string): T => {
  if (value === undefined || value === null) throw new Error(`the seed has no ${what}`)
  return value
}

/** The people the scenario acts as, from the seed's first township (read before recording starts). */
export const pickCast = async (store: Store): Promise<Cast> => {
  const [township] = await store.find('townships', {}, { orderBy: { field: 'id' }, limit: 1 })
  const townshipId = must(township, 'township').id
  const [people, teams, households] = await Promise.all([
    store.find('people', { townshipId }),
    store.find('teams', { townshipId }),
    store.find('households', { townshipId }),
  ])
  const byId = new Map(people.map((p) => [p.id, p]))
  const has = (p: Person, role: Person['roles'][number]) => p.roles.includes(role)
  // A household whose cadre is on the village's team, with a plain villager who has a phone.
  let chosen: { household: Household; villager: Person; team: WorkTeam } | null = null
  for (const household of households) {
    const team = teams.find((t) => t.villageId === household.villageId)
    if (!household.cadreId || !team || !team.memberIds.includes(household.cadreId)) continue
    const villager = people.find((p) => p.householdId === household.id && p.roles.length === 1 && has(p, 'villager') && p.hasPhone)
    if (villager) {
      chosen = { household, villager, team }
      break
    }
  }
  const { household, villager, team } = must(chosen, 'household with a cadre on the team and a villager with a phone')
  return {
    townshipId,
    villager,
    neighbour: must(
      people.find((p) => p.villageId === household.villageId && p.householdId !== household.id && p.roles.length === 1 && has(p, 'villager')),
      'neighbour',
    ),
    household,
    memberWithoutPhone: people.find((p) => p.householdId === household.id && !p.hasPhone) ?? null,
    cadre: must(byId.get(household.cadreId ?? ''), 'cadre'),
    secretary: must(byId.get(team.secretaryId), 'secretary'),
    leader: must(byId.get(team.leaderId), 'leader'),
    team,
    office: must(
      people.find((p) => has(p, 'cadre') && p.duty === 'office' && !has(p, 'leader') && !has(p, 'supervisor')) ??
        people.find((p) => has(p, 'leader') && p.id !== team.leaderId && !has(p, 'supervisor')),
      'office cadre',
    ),
    supervisor: must(people.find((p) => has(p, 'supervisor')), 'supervisor'),
    publicSupervisor: must(people.find((p) => has(p, 'publicSupervisor')), 'public supervisor'),
  }
}

export interface Scenario {
  h: Harness
  log: StatementLog
  cast: Cast
  /** A client signed in as the person (the login's statements go under auth.devLogin). */
  as: (person: Person) => Promise<Client>
  /** Calls an action that must succeed, its statements under the action's name. */
  ok: <N extends ActionName>(client: Client, action: N, input: InputOf<N>) => Promise<OutputOf<N>>
  stop: () => Promise<void>
}

/** Starts the server on a seeded county with a statement log, and picks the cast. */
export const startScenario = async (options: { databaseUrl?: string } = {}): Promise<Scenario> => {
  const log = new StatementLog()
  const h = await startHarness({ seedHouseholds: SCENARIO_HOUSEHOLDS, onQuery: log.onQuery, databaseUrl: options.databaseUrl })
  const cast = await pickCast(h.server.deps.store)
  const clients = new Map<string, Client>()
  return {
    h,
    log,
    cast,
    as: async (person) => {
      let client = clients.get(person.id)
      if (!client) {
        client = await log.during('auth.devLogin', () => h.as(person.id))
        clients.set(person.id, client)
      }
      return client
    },
    ok: (client, action, input) => log.during(action, () => client.ok(action, input, requestId())),
    stop: () => h.stop(),
  }
}

/** An HTTP route outside /api, recorded under its own label. */
const route = async (s: Scenario, label: string, person: Person | null, path: string, init: RequestInit = {}): Promise<Response> => {
  const token = person ? (await s.h.anonymous.ok('auth.devLogin', { personId: person.id })).token : null
  const headers = { ...(init.headers as Record<string, string> | undefined), ...(token ? { authorization: `Bearer ${token}` } : {}) }
  const response = await s.log.during(label, () => fetch(`${s.h.server.url}${path}`, { ...init, headers }))
  if (!response.ok) throw new Error(`${label} answered ${response.status}: ${await response.text()}`)
  return response
}

/** The routes outside /api that touch the store, by label. */
export const ROUTES = ['POST /upload', 'GET /uploads/:name', 'POST /files/roster-import', 'GET /files/export/:kind'] as const

/** Runs every action (and file route) once or more, as the person it is meant for. */
export const runScenario = async (s: Scenario): Promise<void> => {
  const { cast, ok } = s
  const day = 24 * 3_600_000
  // One after the other: the log attributes statements to one run at a time.
  const villager = await s.as(cast.villager)
  const neighbour = await s.as(cast.neighbour)
  const cadre = await s.as(cast.cadre)
  const secretary = await s.as(cast.secretary)
  const leader = await s.as(cast.leader)
  const office = await s.as(cast.office)
  const supervisor = await s.as(cast.supervisor)
  const publicSupervisor = await s.as(cast.publicSupervisor)
  const lastMonth = '2026-10'
  const thisMonth = '2026-11'

  await s.log.during('auth.devPeople', () => s.h.anonymous.ok('auth.devPeople', {}))

  // Who am I, my cadre, the roster.
  await ok(villager, 'me.get', {})
  await ok(leader, 'me.get', {})
  await ok(villager, 'villager.myCadre', {})
  const covered = await ok(cadre, 'cadre.households', {})
  await ok(office, 'roster.coverage', {})
  await ok(office, 'roster.assignHousehold', { householdId: cast.household.id, cadreId: cast.cadre.id })

  // A photo upload, then the ticket loop.
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(Buffer.from(jpegHeader(64, 64), 'base64'))]), 'a.jpg')
  const uploaded = (await (await route(s, 'POST /upload', cast.villager, '/upload?kind=photo', { method: 'POST', body: form })).json()) as { data: { url: string } }
  await ok(villager, 'ticket.categories', {})
  await ok(villager, 'ticket.similar', { category: 'infrastructure' })
  let ticket = await ok(villager, 'ticket.create', { kind: 'problem', category: 'infrastructure', description: '村口的路灯坏了', photoUrls: [uploaded.data.url] })
  // The cadre sets his own photo from his own upload.
  const portraitForm = new FormData()
  portraitForm.append('file', new Blob([new Uint8Array(Buffer.from(jpegHeader(64, 64), 'base64'))]), 'me.jpg')
  const portrait = (await (await route(s, 'POST /upload', cast.cadre, '/upload?kind=photo', { method: 'POST', body: portraitForm })).json()) as { data: { url: string } }
  // images: WeChat answers "review" for the portrait: it waits for the office's decision (below).
  localContentSecurity.reviewImages.add(portrait.data.url)
  await ok(cadre, 'cadre.setPhoto', { photoUrl: portrait.data.url })
  // The photo, served to a reader of its ticket (the household's cadre).
  await route(s, 'GET /uploads/:name', cast.cadre, uploaded.data.url)
  if (cast.memberWithoutPhone) {
    await ok(cadre, 'ticket.create', {
      kind: 'problem',
      category: 'infrastructure',
      description: '代老人反映：水管冻裂',
      householdId: cast.household.id,
      onBehalfOfId: cast.memberWithoutPhone.id,
    })
  }
  await ok(neighbour, 'ticket.follow', { ticketId: ticket.id })
  await ok(villager, 'ticket.get', { ticketId: ticket.id })
  await ok(cadre, 'ticket.callReporter', { ticketId: ticket.id })
  await ok(villager, 'ticket.list', {})
  await ok(cadre, 'ticket.list', { open: true })
  await ok(leader, 'ticket.list', {})
  await ok(office, 'ticket.list', { status: 'submitted' })
  await ok(office, 'ticket.list', {})
  await ok(cadre, 'ticket.inbox', {})
  await ok(secretary, 'ticket.inbox', {})
  ticket = await ok(cadre, 'ticket.act', { ticketId: ticket.id, action: 'accept', version: ticket.version, note: '' })
  ticket = await ok(cadre, 'ticket.act', { ticketId: ticket.id, action: 'escalate_secretary', version: ticket.version, note: '需要村里协调' })
  await ok(office, 'ticket.rates', { period: thisMonth })
  await ok(leader, 'ticket.rates', { period: '2026-Q4' })

  // The joint meeting.
  await ok(secretary, 'meeting.desk', {})
  const meeting = await ok(secretary, 'meeting.convene', { ticketIds: [ticket.id], topic: '路灯维修', note: '村里协调不了，提交联系会议' })
  await ok(secretary, 'meeting.record', {
    meetingId: meeting.id,
    version: meeting.version,
    attendeeIds: [cast.secretary.id],
    decisions: [{ ticketId: ticket.id, decision: '由包户干部联系供电所', ownerId: cast.cadre.id }],
  })
  await ok(villager, 'notification.list', {})
  await ok(villager, 'notification.readAll', {})
  await ok(villager, 'notification.subscribeTemplates', {})

  // Visits and the villager's signature.
  const png = await realPng()
  const visit = await ok(cadre, 'visit.create', { householdId: cast.household.id, purpose: '走访', photo: jpegHeader(64, 64) })
  await ok(cadre, 'visit.list', {})
  await ok(cadre, 'visit.list', { householdId: cast.household.id })
  await ok(villager, 'visit.get', { visitId: visit.id })
  await ok(villager, 'visit.waiting', {})
  // first-screen: a planned visit (three days on, in the township's calendar) and the villager's home in one read.
  const planned = new Date(s.h.now() + 8 * 3_600_000 + 3 * 86_400_000).toISOString().slice(0, 10)
  await ok(cadre, 'visit.plan', { householdId: cast.household.id, date: planned })
  await ok(villager, 'villager.home', {})
  await ok(cadre, 'visit.signCode', { visitId: visit.id })
  await ok(villager, 'visit.signOff', { visitId: visit.id, signaturePng: png })
  const disputed = await ok(cadre, 'visit.create', { householdId: cast.household.id, purpose: '政策宣传' })
  await ok(villager, 'visit.dispute', { visitId: disputed.id, reason: '干部没有来过' })
  const problem = await ok(cadre, 'visit.create', { householdId: cast.household.id, purpose: '走访', problems: '院墙倒塌' })
  await ok(cadre, 'visit.toTicket', { visitId: problem.id, category: 'infrastructure' })

  // Sign-in, leave, 543 and the allowance.
  await ok(cadre, 'signin.consent', {})
  await ok(cadre, 'signin.today', {})
  const places = await s.h.server.deps.store.find('places', { townshipId: cast.townshipId })
  const place = places[0]
  if (!place) throw new Error('the seed has no sign-in place')
  await ok(cadre, 'signin.check', { lat: place.lat, lng: place.lng, datum: 'gcj02' })
  const signIn = await ok(cadre, 'signin.submit', { lat: place.lat, lng: place.lng, datum: 'gcj02', photo: jpegHeader(64, 64) })
  await ok(office, 'signin.township', {})
  await ok(supervisor, 'signin.photo', { signInId: signIn.id })
  const leave = await ok(cadre, 'leave.request', { from: '2026-11-25', to: '2026-11-26', reason: '家中有事' })
  await ok(leader, 'leave.decide', { leaveId: leave.id, approve: true })
  await ok(cadre, 'leave.list', {})
  await ok(leader, 'leave.list', {})
  await ok(cadre, 'attendance.week', {})
  await ok(leader, 'attendance.week', { cadreId: cast.cadre.id })
  await ok(leader, 'attendance.team', {})
  await ok(office, 'attendance.team', {})
  await ok(cadre, 'allowance.ledger', {})

  // 1135.
  await ok(villager, 'rating.form', {})
  await ok(leader, 'rating.form', {})
  await ok(secretary, 'rating.form', {})
  await ok(villager, 'rating.submit', { cadreId: cast.cadre.id, band: 'villagers', dimensions: { attitude: 5, effectiveness: 4, presence: 5 }, comment: '' })
  await ok(cadre, 'rating.myScore', {})
  await ok(office, 'rating.township', { period: lastMonth })

  // The office: close, post, dashboards, roster editing, reveals, notices.
  await ok(cadre, 'cadre.selfReview', { period: thisMonth, text: '本月走访了全部包联户' })
  await ok(office, 'office.postingPreview', { period: lastMonth })
  await ok(office, 'office.closePeriod', { period: lastMonth })
  await ok(office, 'office.periods', {})
  await ok(office, 'office.dashboard', { period: lastMonth })
  await ok(office, 'office.dashboard', { period: thisMonth })
  await ok(office, 'office.results', { period: lastMonth })
  await ok(office, 'office.households', {})
  await ok(office, 'office.households', { query: cast.household.number, villageId: cast.household.villageId, limit: 20 })
  await ok(office, 'office.updateHousehold', { householdId: cast.household.id, address: cast.household.address })
  await ok(office, 'office.updatePerson', { personId: cast.villager.id, title: cast.villager.title })
  await ok(office, 'office.reveal', { subjectId: cast.villager.id, field: 'phone' })
  await ok(office, 'office.reveal', { subjectId: cast.household.id, field: 'address' })
  await ok(office, 'office.revealLog', {})
  await ok(office, 'office.postNotice', { villageId: null, title: '通知', body: '下周一开会' })
  await ok(leader, 'office.postNotice', { villageId: cast.household.villageId, title: '通知', body: '嘎查开会' })
  await ok(office, 'office.notices', {})
  await ok(villager, 'notices.forMe', {})
  await ok(villager, 'posting.months', {})
  await ok(villager, 'posting.get', { period: lastMonth })
  for (const kind of ['posting', 'scores', 'allowance', 'tickets']) {
    await route(s, 'GET /files/export/:kind', cast.office, `/files/export/${kind}.xlsx?period=${lastMonth}`)
  }

  // Supervision and the cadre's record.
  await ok(supervisor, 'supervision.dashboard', { month: thisMonth })
  const check = await ok(supervisor, 'supervision.planCheck', { date: '2026-11-24', villageId: cast.household.villageId, note: '' })
  await ok(supervisor, 'supervision.recordCheck', { checkId: check.id, outcome: 'problem', cadreId: cast.cadre.id, note: '不在岗' })
  await ok(supervisor, 'supervision.verifyPresence', { cadreId: cast.cadre.id, villageId: cast.household.villageId, method: 'phone', present: false, note: '电话无人接听' })
  await ok(publicSupervisor, 'supervision.reportTargets', {})
  const report = await ok(publicSupervisor, 'supervision.fileReport', { cadreId: cast.cadre.id, villageId: null, text: '干部工作日不在村' })
  await ok(supervisor, 'supervision.reports', {})
  await ok(supervisor, 'supervision.resolveReport', { reportId: report.id, upheld: true, note: '属实' })
  await ok(supervisor, 'supervision.findings', { cadreId: null })
  await ok(supervisor, 'supervision.findings', { cadreId: cast.cadre.id })
  await ok(leader, 'team.findings', {})
  await ok(cadre, 'cadre.record', { cadreId: cast.cadre.id })
  await ok(leader, 'cadre.record', { cadreId: cast.cadre.id })
  await ok(office, 'records.cadres', {})
  await ok(leader, 'records.cadres', {})
  await ok(leader, 'records.addNote', { cadreId: cast.cadre.id, period: thisMonth, text: '提醒按时在岗' })

  // Issue 13: the villagers' voice (anonymity, public view, moderation, call-backs).
  const anonymous = await ok(villager, 'ticket.create', { kind: 'problem', category: 'infrastructure', description: '有人占用集体草场', anonymous: true })
  await ok(office, 'ticket.revealReporter', { ticketId: anonymous.id, reason: '核查是否冒名反映' })
  await ok(neighbour, 'ticket.publicView', { ticketId: ticket.id })
  await ok(villager, 'rating.submit', { cadreId: cast.cadre.id, band: 'villagers', dimensions: { attitude: 2, effectiveness: 2, presence: 2 }, comment: '电话13912345678打不通' })
  const queue = await ok(office, 'moderation.queue', {})
  if (queue[0]) await ok(office, 'moderation.decide', { moderationId: queue[0].id, approve: true })
  // images: the office's photo queue (the cadre's portrait waits there) and its decision.
  const photos = await ok(office, 'photo.queue', {})
  const waitingPhoto = must(photos.items.find((i) => i.url === portrait.data.url), 'the portrait in the photo queue')
  await ok(office, 'photo.decide', { checkId: waitingPhoto.id, approve: true })
  const callBacks = await ok(supervisor, 'callback.list', {})
  if (callBacks.entries[0]) await ok(supervisor, 'callback.record', { callBackId: callBacks.entries[0].id, outcome: 'satisfied', note: '已电话回访' })

  // Binding accounts: an invitation from the office (never the household's cadre), a phone code in
  // H5, the WeChat phone button in the cloud path; the household's list, supervision's, unbinding.
  const members = await ok(office, 'binding.members', { householdId: cast.household.id })
  const member = members.members.find((m) => m.id !== cast.villager.id) ?? members.members[0]
  if (!member) throw new Error('the household has no members')
  const invitation = await ok(office, 'binding.invite', { personId: member.id, wxacode: true, envVersion: 'trial' })
  await s.log.during('binding.accept', () => s.h.anonymous.ok('binding.accept', { token: invitation.token }))
  const deps = s.h.server.deps
  const sent: string[] = []
  const wechat = deps.wechat
  deps.wechat = { ...localWechatCodes, sendPhoneCode: async (_phone, text) => void sent.push(text), getPhoneNumber: async () => cast.secretary.phone }
  try {
    await s.log.during('binding.sendCode', () => s.h.anonymous.ok('binding.sendCode', { phone: cast.villager.phone }))
    const code = /\d{6}/.exec(sent[0] ?? '')?.[0] ?? ''
    await s.log.during('binding.byCode', () => s.h.anonymous.ok('binding.byCode', { phone: cast.villager.phone, code }))
    const answer = await s.log.during('binding.byPhone', () =>
      handle({ action: 'binding.byPhone', input: { code: 'wx-phone-code' }, requestId: requestId() }, { kind: 'openid', openid: 'o-scenario-secretary' }, { ...deps, mode: 'cloud', sessions: null }),
    )
    if (!answer.body.ok) throw new Error(`binding.byPhone failed: ${answer.body.error.code}`)
  } finally {
    deps.wechat = wechat
  }
  await ok(villager, 'binding.household', {})
  await ok(supervisor, 'binding.audit', {})
  await ok(office, 'binding.unbind', { personId: member.id, reason: '换手机' })

  // The office reopens the month, then imports a roster file.
  await ok(office, 'office.reopenPeriod', { period: lastMonth, reason: '更正' })
  const csv = [
    '类别,姓名,手机号,身份,职务,岗位,村,村民小组,户号,户主,地址,包户干部手机号',
    '干部,新干部,13511110001,,,包户,新建嘎查,,,,,',
    '村民,新户主,13511110003,,,,新建嘎查,一社,101,新户主,新建嘎查一社101号,13511110001',
  ].join('\n')
  const importForm = new FormData()
  importForm.append('file', new Blob([csv]), 'roster.csv')
  await route(s, 'POST /files/roster-import', cast.office, '/files/roster-import', { method: 'POST', body: importForm })

  // Identity off the demo (issue 10 items 4, 5): the web console's QR login, logout, a township's
  // set-up code claimed, the office's villages, groups and sign-in places.
  const qr = await s.log.during('login.qrStart', () => s.h.anonymous.ok('login.qrStart', {}))
  await s.log.during('login.qrPoll', () => s.h.anonymous.ok('login.qrPoll', { code: qr.code, pollToken: qr.pollToken }))
  await ok(office, 'login.qrDetails', { code: qr.code })
  await ok(office, 'login.qrConfirm', { code: qr.code })
  const consoleLogin = await s.log.during('login.qrPoll', () => s.h.anonymous.ok('login.qrPoll', { code: qr.code, pollToken: qr.pollToken }))
  await s.log.during('auth.mode', () => s.h.anonymous.ok('auth.mode', {}))
  if (consoleLogin.status === 'confirmed') await s.log.during('auth.logout', () => s.h.client(consoleLogin.token).ok('auth.logout', {}))
  const { createSetupCode } = await import('../../src/server/features/setup/handlers')
  const setup = await createSetupCode(s.h.server.deps.store, { townshipName: '新设镇', now: s.h.now(), hours: 24, newId: s.h.server.deps.newId })
  const claimed = await s.log.during('setup.claim', () => s.h.anonymous.ok('setup.claim', { code: setup.code, name: '新管理员', phone: '13900000001' }))
  const admin = s.h.client(claimed.sessionToken)
  await ok(office, 'office.places', {})
  const withVillage = await ok(admin, 'office.addVillage', { name: '新村' })
  const village = withVillage.villages[0]
  if (!village) throw new Error('no village added')
  await ok(admin, 'office.addGroup', { villageId: village.id, name: '一社' })
  await ok(admin, 'office.savePlace', { name: '新村村委会', villageId: village.id, lat: 39.1, lng: 109.8, radiusM: 200 })

  s.h.advance(day)
  expect(covered.length).toBeGreaterThan(0)
}
