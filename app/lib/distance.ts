// Great-circle distance on a spherical Earth (haversine). Good to well under 1%
// at Danish distances, which is far finer than postal-code coordinates.
export interface LatLng {
  latitude: number;
  longitude: number;
}

const EARTH_RADIUS_KM = 6371.0088; // IUGG mean radius

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

export function distanceKm(a: LatLng, b: LatLng): number {
  const dLat = toRadians(b.latitude - a.latitude);
  const dLng = toRadians(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.latitude)) * Math.cos(toRadians(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Kilometres per degree of latitude on the same sphere: no two points are closer than their latitude gap times this. */
const KM_PER_DEGREE_LATITUDE = (EARTH_RADIUS_KM * Math.PI) / 180;

/**
 * Whether b lies within `km` of a. Same answer as distanceKm(a, b) <= km, but
 * most far-apart pairs are ruled out by their latitude gap alone, without
 * trigonometry: matching asks this of every offering for every candidate.
 */
export function isWithinKm(a: LatLng, b: LatLng, km: number): boolean {
  if (Math.abs(a.latitude - b.latitude) * KM_PER_DEGREE_LATITUDE > km) return false;
  return distanceKm(a, b) <= km;
}
