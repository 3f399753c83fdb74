/**
 * WeChat transport: WeChat cloud (`wx.cloud.callFunction`) or HTTPS to a self-hosted server
 * (`wx.request` + `wx.login`), as the build chose (MINQING_WEAPP_BACKEND / MINQING_API_BASE, read by
 * config/index.ts into build constants). The logic lives in transport-weapp-core.ts; this file only
 * hands it Taro's platform.
 */
import Taro from '@tarojs/taro'
import { backendOf, makeWeappTransport } from './transport-weapp-core'

const transport = makeWeappTransport(backendOf(MINQING_WEAPP_BACKEND, MINQING_API_BASE), {
  initCloud: () => {
    if (Taro.cloud) Taro.cloud.init({ traceUser: false })
  },
  callFunction: (options) => Taro.cloud.callFunction(options),
  request: async (options) => {
    const { statusCode, data } = await Taro.request(options)
    return { statusCode, data: data as unknown }
  },
  login: async () => ({ code: (await Taro.login()).code }),
  storage: {
    get: (key) => Taro.getStorageSync(key) as unknown,
    set: (key, value) => Taro.setStorageSync(key, value),
    remove: (key) => Taro.removeStorageSync(key),
  },
})

export default transport
