/**
 * The seam for "is there a network": network.h5.ts (the browser's online/offline events) and
 * network.weapp.ts (WeChat's network status), chosen by Taro at build time.
 */
export interface Network {
  /** The platform's best guess right now. */
  isOnline(): boolean
  /** Calls back on every change; returns the unsubscribe function. */
  onChange(listener: (online: boolean) => void): () => void
}
