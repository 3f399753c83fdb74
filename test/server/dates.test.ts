/**
 * A past date is refused with a reason next to the field (issue 12 item 5), through the real HTTP
 * server: a leave starting yesterday and a supervision check planned for last year change nothing
 * and name the field and today's date.
 */
import { requestId, startHarness, type Harness } from './harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
  h.advance(Date.parse('2026-11-30T09:00:00+08:00') - h.now())
})
afterAll(() => h.stop())

it('a leave starting before today is refused with the reason on the from field; nothing stored', async () => {
  const cadre = await h.as('cadre-a')
  const r = await cadre.call('leave.request', { from: '2026-11-29', to: '2026-12-01', reason: '家中有事' }, requestId())
  expect(r.body).toMatchObject({ ok: false, error: { code: 'DATE.IN_PAST', issues: [{ path: 'from', message: '不能早于今天（2026-11-30）' }] } })
  expect(await h.server.deps.store.count('leaves', { cadreId: 'cadre-a' })).toBe(0)
  expect(await cadre.ok('leave.request', { from: '2026-11-30', to: '2026-12-01', reason: '家中有事' })).toMatchObject({ from: '2026-11-30' })
})

it('a check planned for a past year is refused with the reason on the date field; nothing stored', async () => {
  const supervisor = await h.as('supervisor-1')
  const before = await h.server.deps.store.count('checks', {})
  const r = await supervisor.call('supervision.planCheck', { date: '2025-12-05', villageId: null, note: '' }, requestId())
  expect(r.body).toMatchObject({ ok: false, error: { code: 'DATE.IN_PAST', issues: [{ path: 'date' }] } })
  expect(await h.server.deps.store.count('checks', {})).toBe(before)
})
