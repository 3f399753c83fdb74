/**
 * WeChat sensors: Taro.getLocation (gcj02: WeChat converts) and Taro.chooseMedia from the camera only, read as
 * base64 through the file system manager. One rule: no album, so the photo is taken now.
 */
import Taro from '@tarojs/taro'
import { DeviceError, type Device } from './device-types'

const device: Device = {
  async locationGcj02() {
    try {
      const r = await Taro.getLocation({ type: 'gcj02', isHighAccuracy: true })
      return { lat: r.latitude, lng: r.longitude, datum: 'gcj02' }
    } catch {
      throw new DeviceError('location')
    }
  },
  async livePhoto() {
    let path: string
    try {
      const r = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sourceType: ['camera'], sizeType: ['compressed'], camera: 'front' })
      path = r.tempFiles[0]?.tempFilePath ?? ''
    } catch {
      throw new DeviceError('cancelled')
    }
    if (!path) throw new DeviceError('cancelled')
    const data = Taro.getFileSystemManager().readFileSync(path, 'base64')
    return typeof data === 'string' ? data : ''
  },
}

export default device
