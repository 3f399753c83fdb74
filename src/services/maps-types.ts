/**
 * The seam for showing a place: maps.weapp.ts opens WeChat's map (Taro.openLocation, with
 * navigation), maps.h5.ts opens a map page in the browser. One rule: features import this seam.
 */
export interface Maps {
  /** Opens the point on a map the person can navigate with. */
  open(point: { lat: number; lng: number }, name: string): void
}
