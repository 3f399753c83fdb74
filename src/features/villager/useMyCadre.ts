/** The villager's own cadre card (villager.myCadre) and the phone call to them. */
import Taro from '@tarojs/taro'
import { toast } from '../../components/feedback'
import { msg } from '../../i18n'
import { useCall } from '../../services/useCall'

/** Kept on the phone: offline, the home still shows the cadre and his phone number. */
export const useMyCadre = () => useCall('villager.myCadre', {}, true, { keep: true })

export const callPhone = (phoneNumber: string): void => {
  Taro.makePhoneCall({ phoneNumber }).catch((error: unknown) => {
    // The person closing the dial sheet is not a failure worth a message.
    const message = error && typeof error === 'object' ? String((error as { errMsg?: unknown }).errMsg ?? '') : ''
    if (!message.includes('cancel')) toast(msg.cadreCard.callFailed)
  })
}

/** 办事 / 反映问题 / 评价 are not built yet: say so honestly instead of a dead button. */
export const comingSoon = (): void => toast(msg.comingSoon)
