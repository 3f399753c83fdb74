// Type of the platform file Taro picks (network.h5.ts or network.weapp.ts).
import type { Network } from './network-types'

declare const network: Network
export default network
