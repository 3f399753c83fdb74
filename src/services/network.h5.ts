/** H5: navigator.onLine and the window's online/offline events (every browser has them). */
import type { Network } from './network-types'

const network: Network = {
  isOnline: () => typeof navigator === 'undefined' || navigator.onLine !== false,
  onChange: (listener) => {
    const online = () => listener(true)
    const offline = () => listener(false)
    window.addEventListener('online', online)
    window.addEventListener('offline', offline)
    return () => {
      window.removeEventListener('online', online)
      window.removeEventListener('offline', offline)
    }
  },
}

export default network
