/** The walkthrough of the resident cadre's screens (issue 12): see ./walk.ts for what is measured and asserted. */
import { type Screen, api, dayFromNow, listed, problems, tokenOf, useWalkHarness, walk } from './walk'

useWalkHarness()

it('the resident cadre’s screens', async () => {
  const cadreId = await listed((p) => p.roles.includes('cadre') && p.duty === 'resident' && !p.roles.includes('leader') && !p.roles.includes('supervisor'))
  const token = await tokenOf(cadreId)
  const tickets = await api<{ id: string }[]>('ticket.list', { open: true }, token)
  // Two visits planned (today and in ten days), so 这周要去的 and 以后约好的 have rows.
  const households = await api<{ id: string }[]>('cadre.households', {}, token)
  await api('visit.plan', { householdId: households[0]!.id, date: dayFromNow(0), note: '带上医保缴费单' }, token)
  await api('visit.plan', { householdId: households[1]!.id, date: dayFromNow(10) }, token)
  const screens: Screen[] = [
    { name: 'home', hash: '/pages/index/index' },
    { name: 'inbox', hash: '/subpackages/cadre/pages/inbox/index' },
    ...(tickets[0] ? [{ name: 'ticket', hash: `/subpackages/cadre/pages/ticket/index?id=${tickets[0].id}` }] : []),
    { name: 'file-for', hash: '/subpackages/cadre/pages/file-for/index' },
    { name: 'visit', hash: '/subpackages/cadre/pages/visit/index' },
    { name: 'visit-household', hash: `/subpackages/cadre/pages/visit/index?household=${households[0]!.id}` },
    { name: 'plan', hash: `/subpackages/cadre/pages/plan/index?household=${households[0]!.id}` },
    { name: 'signin', hash: '/subpackages/cadre/pages/signin/index' },
    { name: 'leave', hash: '/subpackages/cadre/pages/leave/index' },
    { name: 'attendance', hash: '/subpackages/cadre/pages/attendance/index' },
    { name: 'scores', hash: '/subpackages/cadre/pages/scores/index' },
    { name: 'record', hash: '/subpackages/cadre/pages/record/index' },
    { name: 'items', hash: '/pages/items/index' },
    { name: 'me', hash: '/pages/me/index' },
  ]
  await walk('cadre', cadreId, screens)
  expect(problems('cadre', screens)).toEqual([])
})
