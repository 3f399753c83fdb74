/**
 * WeChat: hands every onNeedPrivacyAuthorization to the app's privacy gate (base library 2.32.3+;
 * older ones have no such event and need no consent flow). Called once at launch.
 */
import Taro from '@tarojs/taro'
import { privacyGate } from './privacy-gate'

export const initPrivacy = (): void => {
  if (typeof Taro.onNeedPrivacyAuthorization !== 'function') return
  Taro.onNeedPrivacyAuthorization((resolve) => privacyGate.need(resolve))
}

/** Opens WeChat's page of the privacy guide declared in the admin console. */
export const openPrivacyGuide = (): void => {
  if (typeof Taro.openPrivacyContract === 'function') Taro.openPrivacyContract({})
}
