/** The walkthrough of the township office's screens (issue 12): see ./walk.ts for what is measured and asserted. */
import { type Screen, listed, problems, useWalkHarness, walk } from './walk'

useWalkHarness()

it('the township office’s screens', async () => {
  const officeId = await listed((p) => p.roles.includes('cadre') && p.duty === 'office' && !p.roles.includes('supervisor') && !p.roles.includes('leader'))
  const screens: Screen[] = [
    { name: 'home', hash: '/pages/index/index' },
    { name: 'workbench', hash: '/subpackages/office/index/index' },
    { name: 'dashboard', hash: '/subpackages/office/dashboard/index' },
    { name: 'roster', hash: '/subpackages/office/roster/index' },
    { name: 'cadres', hash: '/subpackages/office/cadres/index' },
    { name: 'places', hash: '/subpackages/office/places/index' },
    { name: 'tickets', hash: '/subpackages/office/pages/tickets/index' },
    { name: 'ratings', hash: '/subpackages/office/pages/ratings/index' },
    { name: 'signins', hash: '/subpackages/office/pages/signins/index' },
    { name: 'moderation', hash: '/subpackages/voice/moderation/index' },
    { name: 'me', hash: '/pages/me/index' },
  ]
  await walk('office', officeId, screens, { pc: true })
  expect(problems('office', screens, { pc: true })).toEqual([])
})
