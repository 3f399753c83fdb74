/** The subscribe events the weapp asks for (core/subscribe's list). */
export type { SubscribeEvent } from '../core/subscribe'
