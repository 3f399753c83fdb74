/** WeChat: the network status the client reports (Taro.onNetworkStatusChange). */
import Taro from '@tarojs/taro'
import type { Network } from './network-types'

let online = true
Taro.getNetworkType({ success: ({ networkType }) => (online = networkType !== 'none') })

const network: Network = {
  isOnline: () => online,
  onChange: (listener) => {
    const callback = ({ isConnected }: { isConnected: boolean }) => {
      online = isConnected
      listener(isConnected)
    }
    Taro.onNetworkStatusChange(callback)
    return () => Taro.offNetworkStatusChange(callback)
  },
}

export default network
