// Who can reach a workplace, as a plain facet filter instead of geo maths.
//
// Matching asks "which candidates have this workplace inside their OWN commuting
// radius?". A geo filter in Meilisearch evaluates one circle around the
// workplace, so the engine needed a query per radius. Instead, radii are grouped
// in bands, each band has a grid of square cells sized to its radius, and each
// candidate document carries one key: their band and the cell their home lies in
// (`reachCell`). A workplace asks, for every band, for the cells that a home
// within the band's largest radius could lie in: one `IN` list, plain facet
// lookups, and a document that stays small (Meilisearch's cost per hit grows
// with the size of the document).
//
// The cells are a superset (a cell counts when any part of it can be in reach),
// so no one in reach is missed; the exact distance check against each
// candidate's own radius still happens in TypeScript (app/modules/matching).
// See docs/decisions/017-reach-cells.md.
import { COMMUTE_RADIUS_KM } from "~/modules/candidates/commute";
import type { LatLng } from "~/modules/geo/distance";

const EARTH_RADIUS_KM = 6371.0088;
/** Denmark lies around 56°N; the projection is exact in east–west scale there. */
const REFERENCE_LATITUDE = 56;
const COS_REFERENCE = Math.cos((REFERENCE_LATITUDE * Math.PI) / 180);

/**
 * Upper bounds of the radius bands, in km. Fine where people's radii are (and
 * on the round numbers they choose), so that a band's largest radius is close
 * to its members' own; the last is the largest radius a profile may have.
 */
export const RADIUS_BANDS_KM = [10, 15, 20, 25, 30, 40, 50, 60, 75, 100, 150, COMMUTE_RADIUS_KM.max] as const;

/**
 * A band's cells measure a third of its radius: smaller cells hug the circle
 * closer (fewer candidates retrieved only to fail the exact check) but lengthen
 * the list a workplace asks for. With a third, the cells within reach cover
 * about 1.5 times the circle and a workplace asks for ≈ 50 cells per band.
 */
const CELLS_PER_RADIUS = 2;

interface Projected {
  x: number;
  y: number;
}

/** Equirectangular projection in km. */
function project(point: LatLng): Projected {
  const rad = Math.PI / 180;
  return { x: EARTH_RADIUS_KM * point.longitude * rad * COS_REFERENCE, y: EARTH_RADIUS_KM * point.latitude * rad };
}

/** The band of a radius: the first whose bound is at least the radius (larger radii than the last bound are not allowed, and count as it). */
export function bandOf(radiusKm: number): number {
  const band = RADIUS_BANDS_KM.findIndex((bound) => radiusKm <= bound);
  return band === -1 ? RADIUS_BANDS_KM.length - 1 : band;
}

function cellSizeKm(band: number): number {
  return RADIUS_BANDS_KM[band] / CELLS_PER_RADIUS;
}

function cellKey(band: number, i: number, j: number): string {
  return `${band}:${i}:${j}`;
}

/** A candidate's key: their radius band and the cell of that band's grid their home lies in. */
export function reachCell(home: LatLng, radiusKm: number): string {
  const band = bandOf(radiusKm);
  const size = cellSizeKm(band);
  const p = project(home);
  return cellKey(band, Math.floor(p.x / size), Math.floor(p.y / size));
}

/**
 * How far the projection can stretch a true distance within `radiusKm` of
 * `center`: north of the reference latitude, east–west distances come out too
 * long by cos(56°)/cos(φ). A 2 % and 1 km cushion covers the difference between
 * the straight projected line and the great circle at these distances.
 */
function projectedReach(center: LatLng, radiusKm: number): number {
  const farthestLatitude = Math.min(89, Math.abs(center.latitude) + (radiusKm / EARTH_RADIUS_KM) * (180 / Math.PI));
  const stretch = Math.max(1, COS_REFERENCE / Math.cos((farthestLatitude * Math.PI) / 180));
  return radiusKm * stretch * 1.02 + 1;
}

/**
 * Every key a candidate who can reach `workplace` may have: per band, each
 * cell with some point within the band's largest radius of the workplace.
 */
export function reachCellsAround(workplace: LatLng): string[] {
  const c = project(workplace);
  const keys: string[] = [];
  RADIUS_BANDS_KM.forEach((bound, band) => {
    const size = cellSizeKm(band);
    const reach = projectedReach(workplace, bound);
    const iMin = Math.floor((c.x - reach) / size);
    const iMax = Math.floor((c.x + reach) / size);
    const jMin = Math.floor((c.y - reach) / size);
    const jMax = Math.floor((c.y + reach) / size);
    for (let i = iMin; i <= iMax; i++) {
      // Distance from the workplace to the cell's nearest edge, per axis.
      const dx = Math.max(i * size - c.x, 0, c.x - (i + 1) * size);
      for (let j = jMin; j <= jMax; j++) {
        const dy = Math.max(j * size - c.y, 0, c.y - (j + 1) * size);
        if (dx * dx + dy * dy <= reach * reach) keys.push(cellKey(band, i, j));
      }
    }
  });
  return keys;
}
