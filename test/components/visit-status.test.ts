/** A visit's state speaks to the person reading it (walkthrough, issue 12): the villager who signs
 * is asked to look and sign, never told "等待农户签字确认" as if he were someone else. */
import { visitStatusForVillager, visitStatusText } from '../../src/features/visits/visitStatus'

it('the signing villager reads his own part; the cadre reads the household’s', () => {
  expect(visitStatusText({ status: 'pending', expired: false })).toBe('等待农户签字确认')
  expect(visitStatusForVillager({ status: 'pending', expired: false })).toBe('请看一下走访的内容，没有问题就在下面签字')
  expect(visitStatusForVillager({ status: 'signed', expired: false })).toBe('您已签字确认，这次走访算数')
  expect(visitStatusForVillager({ status: 'disputed', expired: false })).toBe('您提出了异议，这次走访不算数')
  expect(visitStatusForVillager({ status: 'pending', expired: true })).toBe('已超过 24 小时，不能再签字，这次走访不算数')
  for (const status of ['pending', 'signed', 'disputed'] as const) expect(visitStatusForVillager({ status, expired: false })).not.toContain('农户')
})
