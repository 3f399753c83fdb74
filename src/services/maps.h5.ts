/** H5: the place on AMap's public marker page (no key needed), in a new tab; points are GCJ-02 (AMap's own "gaode" datum). */
import type { Maps } from './maps-types'

export const mapUrl = (point: { lat: number; lng: number }, name: string): string =>
  `https://uri.amap.com/marker?position=${point.lng},${point.lat}&name=${encodeURIComponent(name)}&coordinate=gaode&callnative=1`

const maps: Maps = {
  open: (point, name) => {
    window.open(mapUrl(point, name), '_blank', 'noopener')
  },
}

export default maps
