// Who can reach a workplace, as a plain facet filter instead of geo maths.
//
// Matching asks "which candidates have this workplace inside their OWN commuting
// radius?". A geo filter in Meilisearch evaluates a circle around the workplace,
// and with one radius per candidate the engine needed a query per radius band
// (8 per vacancy), each walking every candidate inside its circle. Instead, each
// candidate document lists the grid cells its commuting circle touches
// (`reachCells`), and a vacancy asks for its own cell: one cheap facet lookup.
//
// The cells are a superset of the circle (a cell counts when any part of it is
// within reach), so no one in reach is missed; the exact distance check against
// each candidate's radius still happens in TypeScript (app/modules/matching).
// Cell size grows with the radius, so that a document lists tens of cells, not
// thousands: small radii get fine cells (few extra hits), large radii coarse ones.
// See docs/decisions/017-reach-cells.md.
import type { LatLng } from "~/lib/distance";

const EARTH_RADIUS_KM = 6371.0088;
/** Denmark lies around 56°N; the projection is exact in east–west scale there. */
const REFERENCE_LATITUDE = 56;
const COS_REFERENCE = Math.cos((REFERENCE_LATITUDE * Math.PI) / 180);

/** Levels: a candidate with radius ≤ maxRadiusKm uses cells of sizeKm. Ordered, last is unbounded. */
export const REACH_LEVELS = [
  { sizeKm: 5, maxRadiusKm: 15 },
  { sizeKm: 10, maxRadiusKm: 30 },
  { sizeKm: 20, maxRadiusKm: 75 },
  { sizeKm: 50, maxRadiusKm: 200 },
  { sizeKm: 200, maxRadiusKm: Number.POSITIVE_INFINITY },
] as const;

interface Projected {
  x: number;
  y: number;
}

/** Equirectangular projection in km. */
function project(point: LatLng): Projected {
  const rad = Math.PI / 180;
  return { x: EARTH_RADIUS_KM * point.longitude * rad * COS_REFERENCE, y: EARTH_RADIUS_KM * point.latitude * rad };
}

function cellId(sizeKm: number, i: number, j: number): string {
  return `${sizeKm}:${i}:${j}`;
}

/** The cell of a point at every level: what a vacancy asks for. */
export function pointCells(point: LatLng): string[] {
  const p = project(point);
  return REACH_LEVELS.map(({ sizeKm }) => cellId(sizeKm, Math.floor(p.x / sizeKm), Math.floor(p.y / sizeKm)));
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

export function levelFor(radiusKm: number): (typeof REACH_LEVELS)[number] {
  return REACH_LEVELS.find((level) => radiusKm <= level.maxRadiusKm) ?? REACH_LEVELS[REACH_LEVELS.length - 1];
}

/** Every cell (at the radius's level) that any point within `radiusKm` of `center` can fall in. */
export function reachCells(center: LatLng, radiusKm: number): string[] {
  const { sizeKm } = levelFor(radiusKm);
  const c = project(center);
  const reach = projectedReach(center, radiusKm);
  const cells: string[] = [];
  const iMin = Math.floor((c.x - reach) / sizeKm);
  const iMax = Math.floor((c.x + reach) / sizeKm);
  const jMin = Math.floor((c.y - reach) / sizeKm);
  const jMax = Math.floor((c.y + reach) / sizeKm);
  for (let i = iMin; i <= iMax; i++) {
    // Distance from the centre to the cell's nearest edge, per axis.
    const dx = Math.max(i * sizeKm - c.x, 0, c.x - (i + 1) * sizeKm);
    for (let j = jMin; j <= jMax; j++) {
      const dy = Math.max(j * sizeKm - c.y, 0, c.y - (j + 1) * sizeKm);
      if (dx * dx + dy * dy <= reach * reach) cells.push(cellId(sizeKm, i, j));
    }
  }
  return cells;
}
