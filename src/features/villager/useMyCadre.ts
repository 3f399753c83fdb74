/** The villager's home in one request (villager.home), and the phone call to their cadre. */
import Taro from '@tarojs/taro'
import { toast } from '../../components/feedback'
import { msg } from '../../i18n'
import { useCall, useReloadOnReturn } from '../../services/useCall'
import { useReloadOnSent } from '../../services/useOutbox'

/**
 * Kept on the phone: offline, the home still shows the cadre and his phone number. Reloaded when
 * the person comes back to the home (after signing a visit or confirming a ticket).
 */
export const useVillagerHome = () => {
  const home = useCall('villager.home', {}, true, { keep: true })
  useReloadOnReturn(home.reload)
  // A signature, objection or confirmation made without signal: reload once the outbox has sent it.
  useReloadOnSent(home.reload)
  return home
}

export const callPhone = (phoneNumber: string): void => {
  Taro.makePhoneCall({ phoneNumber }).catch((error: unknown) => {
    // The person closing the dial sheet is not a failure worth a message.
    const message = error && typeof error === 'object' ? String((error as { errMsg?: unknown }).errMsg ?? '') : ''
    if (!message.includes('cancel')) toast(msg.cadreCard.callFailed)
  })
}

/** 办事 / 反映问题 / 评价 are not built yet: say so honestly instead of a dead button. */
export const comingSoon = (): void => toast(msg.comingSoon)
