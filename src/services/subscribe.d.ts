// Type of the platform file Taro picks (subscribe.h5.ts or subscribe.weapp.ts).
import type { SubscribeEvent } from './subscribe-types'

/**
 * A function that asks WeChat (wx.requestSubscribeMessage) for the events' messages; call it
 * directly in a tap handler, before any await (WeChat allows the dialog only from a tap). H5: no-op.
 */
export declare const useSubscribeAsk: (events: readonly SubscribeEvent[]) => () => void
