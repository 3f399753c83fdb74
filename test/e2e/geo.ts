/**
 * Browser geolocation for a point on a map (issue 11 item 4): a browser reports GPS (WGS-84), and the
 * app converts it to GCJ-02, the datum places are stored in. To stand a browser at a GCJ-02 place,
 * give it the WGS-84 point whose conversion lands there (core/geo's inverse).
 */
import { gcj02ToWgs84, type LatLng } from '../../src/core/geo'

/** The `geolocation` option of a browser context standing at a GCJ-02 point. */
export const geolocationAt = (gcj02: LatLng): { latitude: number; longitude: number } => {
  const wgs = gcj02ToWgs84(gcj02)
  return { latitude: wgs.lat, longitude: wgs.lng }
}
