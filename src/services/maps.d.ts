/** Declaration shared by maps.h5.ts and maps.weapp.ts (Taro picks one per build). */
import type { Maps } from './maps-types'

declare const maps: Maps
export default maps
