/** H5 (local demo, office PCs): no WeChat subscribe messages; asking does nothing. */
import type { SubscribeEvent } from './subscribe-types'

export const useSubscribeAsk =
  (_events: readonly SubscribeEvent[]): (() => void) =>
  () =>
    undefined
