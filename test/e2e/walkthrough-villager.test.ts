/** The walkthrough of the villager's screens (issue 12): see ./walk.ts for what is measured and asserted. */
import { type Screen, api, lastMonth, listed, problems, tokenOf, useWalkHarness, walk } from './walk'

const { harness } = useWalkHarness()

it('the villager’s screens', async () => {
  const villagerId = await listed((p) => p.roles.includes('villager') && !p.roles.includes('secretary') && p.householdId !== null)
  const token = await tokenOf(villagerId)
  const villager = (await harness().server.deps.store.get('people', villagerId))!
  const household = (await harness().server.deps.store.get('households', villager.householdId!))!
  // Something to sign and a ticket of my own, as a villager would have.
  const cadreToken = await tokenOf(household.cadreId!)
  const visit = await api<{ id: string }>('visit.create', { householdId: household.id, purpose: '了解今年的草场补贴', notes: '', problems: '' }, cadreToken)
  const ticket = await api<{ id: string }>('ticket.create', { kind: 'problem', category: 'infrastructure', description: '村口的路灯坏了三天了' }, token)
  // Last month's posting, as every villager sees it from the 1st on.
  const officeId = await listed((p) => p.roles.includes('cadre') && p.duty === 'office' && !p.roles.includes('supervisor') && !p.roles.includes('leader'))
  if ((await api<string[]>('posting.months', {}, token)).length === 0) await api('office.closePeriod', { period: lastMonth() }, await tokenOf(officeId))
  const months = await api<string[]>('posting.months', {}, token)
  const screens: Screen[] = [
    { name: 'home', hash: '/pages/index/index', villager: true },
    { name: 'items', hash: '/pages/items/index', villager: true },
    { name: 'me', hash: '/pages/me/index', villager: true },
    { name: 'service', hash: '/pages/service/index', villager: true },
    { name: 'report', hash: '/pages/report/index', villager: true },
    { name: 'ticket', hash: `/pages/ticket/index?id=${ticket.id}`, villager: true },
    { name: 'sign', hash: `/pages/sign/index?visit=${visit.id}`, villager: true },
    { name: 'rate', hash: '/pages/rate/index', villager: true },
    { name: 'posting', hash: `/pages/posting/index${months[0] ? `?period=${months[0]}` : ''}`, villager: true },
  ]
  await walk('villager', villagerId, screens)
  expect(problems('villager', screens)).toEqual([])
})
