/**
 * Small geodesy for reports: great-circle distance and the bounding box of a radius, so a "within 50 m"
 * query can use the GiST index on the point (box first) and then the exact distance.
 */
const EARTH_RADIUS_M = 6_371_008.8;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Haversine distance in metres between two [longitude, latitude] points. */
export function distanceMetres(a: { lng: number; lat: number }, b: { lng: number; lat: number }): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLng = toRadians(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The box (in degrees) that contains every point within `metres` of the centre. */
export function boxAround(centre: { lng: number; lat: number }, metres: number): { minLng: number; minLat: number; maxLng: number; maxLat: number } {
  const dLat = (metres / EARTH_RADIUS_M) * (180 / Math.PI);
  const dLng = dLat / Math.max(0.01, Math.cos(toRadians(centre.lat)));
  return { minLng: centre.lng - dLng, minLat: centre.lat - dLat, maxLng: centre.lng + dLng, maxLat: centre.lat + dLat };
}
