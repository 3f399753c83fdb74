/** Declaration shared by device.h5.ts and device.weapp.ts (Taro picks one per build). */
import type { Device } from './device-types'

declare const device: Device
export default device
