/**
 * Map datums (issue 10 item 4): sign-in places are stored in GCJ-02, the datum WeChat's maps and
 * `getLocation({ type: 'gcj02' })` give and every map published in China uses. A browser's
 * geolocation gives WGS-84 (GPS), converted here with the published GCJ-02 offset formula (the same
 * as the coordtransform / gcoord libraries). Outside China the two are the same.
 * One rule: pure arithmetic on degrees.
 */
export interface LatLng {
  lat: number
  lng: number
}

const A = 6378245.0
const EE = 0.006693421622965943

/** GCJ-02 applies only inside China's rough bounding box. */
export const outsideChina = ({ lat, lng }: LatLng): boolean => lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271

const transformLat = (x: number, y: number): number => {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0
  r += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0
  return r
}

const transformLng = (x: number, y: number): number => {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0
  r += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0
  return r
}

/** WGS-84 (GPS, a browser's geolocation) to GCJ-02 (WeChat's and China's maps). */
export const wgs84ToGcj02 = (point: LatLng): LatLng => {
  if (outsideChina(point)) return { ...point }
  const { lat, lng } = point
  let dLat = transformLat(lng - 105.0, lat - 35.0)
  let dLng = transformLng(lng - 105.0, lat - 35.0)
  const radLat = (lat / 180.0) * Math.PI
  let magic = Math.sin(radLat)
  magic = 1 - EE * magic * magic
  const sqrtMagic = Math.sqrt(magic)
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI)
  dLng = (dLng * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI)
  return { lat: lat + dLat, lng: lng + dLng }
}
