// Type of `./transport` for tsc: Taro resolves it to transport.h5.ts or transport.weapp.ts.
import type { Transport } from './transport-types'

declare const transport: Transport
export default transport
