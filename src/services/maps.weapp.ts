/** WeChat: the built-in map with the place marked; its own 导航 button starts navigation. */
import Taro from '@tarojs/taro'
import type { Maps } from './maps-types'

const maps: Maps = {
  open: (point, name) => {
    // openLocation expects GCJ-02; every reading is stored in GCJ-02 (core/geo), the H5 ones converted.
    void Taro.openLocation({ latitude: point.lat, longitude: point.lng, name, scale: 16 })
  },
}

export default maps
