/** WeChat: the built-in map with the place marked; its own 导航 button starts navigation. */
import Taro from '@tarojs/taro'
import type { Maps } from './maps-types'

const maps: Maps = {
  open: (point, name) => {
    // openLocation expects GCJ-02 in mainland China; the point was taken with getLocation('gcj02')
    // on the phone (H5 points are WGS-84 and a few hundred metres off, enough to find the place).
    void Taro.openLocation({ latitude: point.lat, longitude: point.lng, name, scale: 16 })
  },
}

export default maps
