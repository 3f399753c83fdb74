/**
 * The build this mini-program runs as (wx.getAccountInfoSync().miniProgram.envVersion): a 小程序码
 * made from it opens the same build (a trial build's code opens the trial build). H5: release.
 */
import Taro from '@tarojs/taro'

export const currentEnvVersion = (): 'release' | 'trial' | 'develop' => {
  if (process.env.TARO_ENV !== 'weapp') return 'release'
  const v = Taro.getAccountInfoSync?.().miniProgram.envVersion
  return v === 'trial' || v === 'develop' ? v : 'release'
}
