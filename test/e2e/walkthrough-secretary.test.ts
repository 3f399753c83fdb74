/** The walkthrough of the village secretary's screens (issue 12): see ./walk.ts for what is measured and asserted. */
import { type Screen, listed, problems, useWalkHarness, walk } from './walk'

useWalkHarness()

it('the village secretary’s screens', async () => {
  const secretaryId = await listed((p) => p.roles.includes('secretary'))
  const screens: Screen[] = [
    { name: 'home', hash: '/pages/index/index' },
    { name: 'desk', hash: '/subpackages/cadre/pages/desk/index' },
    { name: 'items', hash: '/pages/items/index' },
    { name: 'me', hash: '/pages/me/index' },
  ]
  await walk('secretary', secretaryId, screens)
  expect(problems('secretary', screens)).toEqual([])
})
