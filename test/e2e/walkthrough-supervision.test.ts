/** The walkthrough of the supervision group's screens (issue 12): see ./walk.ts for what is measured and asserted. */
import { type Screen, listed, problems, useWalkHarness, walk } from './walk'

useWalkHarness()

it('the supervision group’s screens', async () => {
  const supervisorId = await listed((p) => p.roles.includes('supervisor'))
  const cadreId = await listed((p) => p.roles.includes('cadre') && p.duty === 'resident' && !p.roles.includes('leader') && !p.roles.includes('supervisor'))
  const screens: Screen[] = [
    { name: 'home', hash: '/pages/index/index' },
    { name: 'supervision', hash: '/subpackages/office/supervision/index' },
    { name: 'report', hash: '/subpackages/office/report/index' },
    { name: 'callbacks', hash: '/subpackages/voice/callbacks/index' },
    { name: 'cadres', hash: '/subpackages/office/cadres/index' },
    { name: 'record', hash: `/subpackages/cadre/pages/record/index?cadreId=${cadreId}` },
    { name: 'me', hash: '/pages/me/index' },
  ]
  await walk('supervision', supervisorId, screens, { pc: true })
  expect(problems('supervision', screens, { pc: true })).toEqual([])
})
