/**
 * Issue 11 items 3, 5 and 7 through the real local server: the WeChat calls that go out (recorded by
 * the local WeChat adapter in WeChat's own field names) — subscribe messages with the configured
 * template ids and Beijing time, a failed send that never undoes the write, the visit sign-off's
 * 小程序码 with its scene and env_version — and the automatic month close: once, not twice; never a
 * month the office closed or reopened; a broken record chain logged and told to the office.
 */
import type { TicketView } from '../../src/contracts'
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings'
import { runAutoClose } from '../../src/server/features/office/auto-close'
import { AUTO_CLOSER } from '../../src/server/features/office/month'
import { sceneOf } from '../../src/server/features/visits/handlers'
import { recordingWechat, type RecordingWechat, type WechatCall } from '../../src/server/wechat/local'
import { realPng } from './fixtures/images'
import { requestId, startHarness, type Harness } from './harness'

const DAY = 24 * 3_600_000
const templates = Object.fromEntries(
  Object.entries(DEFAULT_SETTINGS.subscribe.templates).map(([event, t]) => [event, { ...t, templateId: `TPL-${event}` }]),
) as Settings['subscribe']['templates']
// December 2026 reads into January 2027: a 2027 calendar stands in for the State Council's notice
// (MINQING_HOLIDAYS in a deployment), so the months below may close.
const calendar = { years: { ...DEFAULT_SETTINGS.calendar.years, '2027': { holidays: ['2027-01-01'], workdays: [] } } }
const settings: Settings = { ...DEFAULT_SETTINGS, subscribe: { miniprogramState: 'trial', templates }, monthClose: { autoDay: 5 }, calendar }

let h: Harness
let wechat: RecordingWechat
beforeAll(async () => {
  h = await startHarness({ settings })
  wechat = recordingWechat()
  h.server.deps.wechat = wechat
  h.server.deps.wechatMessages = wechat
  const store = h.server.deps.store
  for (const [personId, openid] of [
    ['villager-a1', 'o-villager-a1'],
    ['cadre-a', 'o-cadre-a'],
    ['office-1', 'o-office-1'],
  ]) {
    await store.insert('bindings', { id: `b-${personId}`, openid: openid as string, personId: personId as string, boundAt: 0 })
  }
})
afterAll(() => h.stop())

type Sent = Extract<WechatCall, { api: 'subscribeMessage.send' }>
const sent = (): Sent[] => wechat.calls.filter((c): c is Sent => c.api === 'subscribeMessage.send')
/** Messages sent after the call is answered (the sends run after the commit). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50))

const act = async (personId: string, t: TicketView, action: 'accept' | 'resolve' | 'confirm', extra: Record<string, unknown> = {}) =>
  (await h.as(personId)).ok('ticket.act', { ticketId: t.id, action, version: t.version, note: action === 'resolve' ? '已修好' : '', ...extra })

describe('subscribe messages (订阅消息)', () => {
  it('sends each event with its template id, the fields in Beijing time, to the bound people concerned', async () => {
    let t = await (await h.as('villager-a1')).ok('ticket.create', { kind: 'problem', category: 'infrastructure', description: '自来水管冻裂了' })
    await settle()
    expect(sent()).toEqual([]) // filing: the cadre's news is in-app; no event of the list
    t = await act('cadre-a', t, 'accept')
    await settle()
    expect(sent()).toEqual([
      {
        api: 'subscribeMessage.send',
        touser: 'o-villager-a1',
        template_id: 'TPL-taken',
        page: `pages/ticket/index?id=${encodeURIComponent(t.id)}`,
        // The harness clock: 2026-11-23 02:00 UTC is 10:00 in Beijing.
        data: { thing1: { value: '反映问题：道路水电' }, phrase2: { value: '已受理' }, time3: { value: '2026年11月23日 10:00' }, thing4: { value: '干部已接手，会尽快办理' } },
        miniprogram_state: 'trial',
        lang: 'zh_CN',
      },
    ])
    h.advance(3_600_000)
    t = await act('cadre-a', t, 'resolve')
    await settle()
    expect(sent().slice(1)).toMatchObject([{ touser: 'o-villager-a1', template_id: 'TPL-confirm', data: { phrase2: { value: '待您确认' }, time3: { value: '2026年11月23日 11:00' } } }])
    t = await act('villager-a1', t, 'confirm', { satisfaction: 5 })
    await settle()
    // The villager's verdict is the handling's outcome for the cadre who handled it.
    expect(sent().slice(2)).toMatchObject([{ touser: 'o-cadre-a', template_id: 'TPL-resolved', data: { phrase2: { value: '群众已确认' } } }])
    expect(t.status).toBe('closed')
  })

  it('logs a send WeChat refuses (43101) and keeps the write', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    wechat.refuseSubscribe = true
    try {
      const t = await (await h.as('villager-a1')).ok('ticket.create', { kind: 'problem', category: 'dispute', description: '邻里因为排水沟吵架' })
      const before = sent().length
      const accepted = await act('cadre-a', t, 'accept')
      await settle()
      expect(accepted.status).toBe('accepted')
      expect((await h.server.deps.store.get('tickets', t.id))?.status).toBe('accepted')
      expect(sent().length).toBe(before + 1) // tried once, refused
      expect(warn.mock.calls.some((c) => String(c[0]).includes('subscribe message taken to villager-a1 not sent') && String(c[1]).includes('43101'))).toBe(true)
    } finally {
      wechat.refuseSubscribe = false
      warn.mockRestore()
    }
  })

  it('tells the household a visit waits for its signature, and makes the sign-off 小程序码 with scene and env_version', async () => {
    const before = sent().length
    const cadre = await h.as('cadre-a')
    const visit = await cadre.ok('visit.create', { householdId: 'hh-a1', purpose: '了解冬季取暖', notes: '煤已备好' })
    await settle()
    expect(sent().slice(before)).toEqual([
      {
        api: 'subscribeMessage.send',
        touser: 'o-villager-a1',
        template_id: 'TPL-visitToSign',
        page: `pages/sign/index?visit=${encodeURIComponent(visit.id)}`,
        data: { name1: { value: '张伟' }, time2: { value: '2026年11月23日 11:00' }, thing3: { value: '请为这次走访签字确认' } },
        miniprogram_state: 'trial',
        lang: 'zh_CN',
      },
    ])
    const code = await cadre.ok('visit.signCode', { visitId: visit.id, wxacode: true, envVersion: 'trial' })
    expect(code.scene).toBe(sceneOf(visit.id))
    expect(code.scene.length).toBeLessThanOrEqual(32)
    expect(code.imageBase64).toBeTruthy()
    expect(wechat.calls.filter((c) => c.api === 'wxacode.getUnlimited')).toEqual([
      { api: 'wxacode.getUnlimited', scene: sceneOf(visit.id), page: 'pages/sign/index', width: 430, env_version: 'trial', check_path: false },
    ])
    // The invitation's code goes through the same port (release build when none is named).
    await (await h.as('secretary-a')).ok('binding.invite', { personId: 'villager-a1b', wxacode: true })
    expect(wechat.calls.filter((c) => c.api === 'wxacode.getUnlimited').at(-1)).toMatchObject({ page: 'pages/bind/index', env_version: 'release' })
    // Someone else's visit gets no code.
    expect((await (await h.as('cadre-b')).call('visit.signCode', { visitId: visit.id, wxacode: true, envVersion: 'trial' }, requestId())).body).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
    // The villager signs it (it counts for November, which the close below reads).
    h.advance(10 * 60_000)
    await (await h.as('villager-a1')).ok('visit.signOff', { visitId: visit.id, signaturePng: await realPng() })
  })
})

describe('an unbinding is told through WeChat too', () => {
  it("sends the 'unbound' template to the account that was bound, with the office's reason, in Beijing time", async () => {
    const before = sent().length
    const store = h.server.deps.store
    await store.insert('bindings', { id: 'b-villager-a2', openid: 'o-villager-a2', personId: 'villager-a2', boundAt: 0 })
    await (await h.as('office-1')).ok('binding.unbind', { personId: 'villager-a2', reason: '换了手机号' }, requestId())
    await settle()
    expect(sent().slice(before)).toEqual([
      {
        api: 'subscribeMessage.send',
        touser: 'o-villager-a2',
        template_id: 'TPL-unbound',
        page: 'pages/bind/index',
        data: { thing1: { value: '微信绑定' }, phrase2: { value: '已解绑' }, time3: { value: expect.stringMatching(/^2026年11月23日 \d\d:\d\d$/) }, thing4: { value: '换了手机号' } },
        miniprogram_state: 'trial',
        lang: 'zh_CN',
      },
    ])
    expect(await store.count('bindings', { personId: 'villager-a2' })).toBe(0)
  })
})

describe('the automatic month close (自动结账)', () => {
  it('refuses a month whose record chain is broken: logged, kept, told to the office once, and never a crash', async () => {
    const store = h.server.deps.store
    const [visit] = await store.find('visits', { householdId: 'hh-a1' })
    if (!visit) throw new Error('no visit')
    await store.db.updateTable('visits').set({ notes: '没来过' }).where('id', '=', visit.id).execute()
    h.advance(12 * DAY) // 2026-12-05: November is due
    // selfhost: before the job's run, the office's month list says from when November closes by itself.
    expect((await (await h.as('office-1')).ok('office.periods', {})).find((p) => p.period === '2026-11')?.autoCloseOn).toBe('2026-12-05')
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      const before = sent().length
      const runs = await Promise.all([runAutoClose(h.server.deps), runAutoClose(h.server.deps)])
      expect(runs.flatMap((r) => r.refused).filter((t) => t === 'ts-1')).toEqual(['ts-1'])
      expect(runs.flatMap((r) => r.closed)).not.toContain('ts-1')
      expect(error.mock.calls.some((c) => String(c[0]).includes('automatic close of ts-1 2026-11 refused (CHAIN.BROKEN)'))).toBe(true)
      expect(await store.get('periods', 'ts-1:2026-11')).toBeNull()
      expect(await store.get('autoCloses', 'ts-1:2026-11')).toMatchObject({ outcome: 'refused' })
      const office = await h.as('office-1')
      const november = (await office.ok('office.periods', {})).find((p) => p.period === '2026-11')
      expect(november).toMatchObject({ status: 'open' })
      expect(november?.autoClose).toContain('自动结账没有完成')
      // The attempt was made: no "will close" line any more (the office decides now).
      expect(november?.autoCloseOn).toBeUndefined()
      // The office's bound staff hear of it (subscribe message monthClose).
      expect(sent().slice(before).filter((m) => m.template_id === 'TPL-monthClose')).toMatchObject([{ touser: 'o-office-1', data: { phrase2: { value: '未能结账' } }, page: 'subpackages/office/index/index' }])
      // The next run leaves it to the office: no second attempt, no second message.
      const after = sent().length
      expect((await runAutoClose(h.server.deps)).refused).toEqual([])
      expect(sent().length).toBe(after)
      // Put back, the office closes it by hand.
      await store.db.updateTable('visits').set({ notes: visit.notes }).where('id', '=', visit.id).execute()
      expect((await office.ok('office.closePeriod', { period: '2026-11' })).closedBy).toBe('赵敏')
    } finally {
      error.mockRestore()
    }
  })

  it('closes the previous month once, not twice, as 自动结账, and leaves a reopened month to the office', async () => {
    const store = h.server.deps.store
    h.advance(31 * DAY) // 2027-01-05: December is due
    expect((await runAutoClose(h.server.deps)).period).toBe('2026-12')
    // (that run closed it: a second and third run, one at a time and at once, close nothing)
    const again = await Promise.all([runAutoClose(h.server.deps), runAutoClose(h.server.deps)])
    expect(again.flatMap((r) => r.closed)).toEqual([])
    const record = await store.get('periods', 'ts-1:2026-12')
    expect(record).toMatchObject({ status: 'closed', closedById: AUTO_CLOSER })
    expect(await store.get('closeResults', 'ts-1:2026-12')).not.toBeNull()
    const office = await h.as('office-1')
    const december = (await office.ok('office.periods', {})).find((p) => p.period === '2026-12')
    expect(december).toMatchObject({ status: 'closed', closedBy: '自动结账' })
    expect(december?.autoClose).toContain('已自动结账')
    expect(december?.autoCloseOn).toBeUndefined()
    // The posting is published to the villagers.
    expect(await (await h.as('villager-a1')).ok('posting.months', {})).toContain('2026-12')
    // Reopened by the office: the timer does not close it again.
    await office.ok('office.reopenPeriod', { period: '2026-12', reason: '补录一条请假' })
    h.advance(DAY)
    expect((await runAutoClose(h.server.deps)).closed).toEqual([])
    expect((await store.get('periods', 'ts-1:2026-12'))?.status).toBe('open')
  })

  it('skips a month the office closed itself', async () => {
    const store = h.server.deps.store
    h.advance(27 * DAY) // 2027-02-01
    const office = await h.as('office-1')
    await office.ok('office.closePeriod', { period: '2027-01' })
    expect((await runAutoClose(h.server.deps)).period).toBeNull() // before day 5
    h.advance(5 * DAY) // 2027-02-06
    const run = await runAutoClose(h.server.deps)
    expect(run.period).toBe('2027-01')
    expect(run.closed).not.toContain('ts-1')
    expect(await store.get('periods', 'ts-1:2027-01')).toMatchObject({ status: 'closed', closedById: 'office-1' })
    expect(await store.get('autoCloses', 'ts-1:2027-01')).toBeNull()
  })
})
