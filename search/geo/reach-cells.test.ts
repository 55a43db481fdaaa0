import { describe, expect, it } from "vitest";
import { distanceKm, type LatLng } from "~/lib/distance";
import { levelFor, pointCells, reachCells, REACH_LEVELS } from "./reach-cells";

// A small deterministic PRNG, so that a failure can be reproduced.
function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A point at `km` from `from` in direction `bearing` (radians), on the sphere. */
function offset(from: LatLng, km: number, bearing: number): LatLng {
  const R = 6371.0088;
  const d = km / R;
  const φ1 = (from.latitude * Math.PI) / 180;
  const λ1 = (from.longitude * Math.PI) / 180;
  const φ2 = Math.asin(Math.sin(φ1) * Math.cos(d) + Math.cos(φ1) * Math.sin(d) * Math.cos(bearing));
  const λ2 = λ1 + Math.atan2(Math.sin(bearing) * Math.sin(d) * Math.cos(φ1), Math.cos(d) - Math.sin(φ1) * Math.sin(φ2));
  return { latitude: (φ2 * 180) / Math.PI, longitude: (λ2 * 180) / Math.PI };
}

describe("reach cells", () => {
  it("never miss a workplace inside the commuting radius (Denmark and beyond)", () => {
    const random = mulberry32(20261123);
    let checked = 0;
    for (let n = 0; n < 3000; n++) {
      // Mostly Denmark (54.5–57.8°N, 8–15.2°E), some far south and north of it.
      const wide = n % 10 === 0;
      const home = {
        latitude: wide ? 35 + random() * 30 : 54.5 + random() * 3.3,
        longitude: wide ? -10 + random() * 40 : 8 + random() * 7.2,
      };
      const radius = [5, 10, 15, 16, 25, 30, 31, 50, 60, 75, 76, 150, 200, 201, 500][n % 15];
      const cells = new Set(reachCells(home, radius));
      for (let k = 0; k < 20; k++) {
        // Points right at the edge are the hard case; also some inside.
        const km = radius * (k < 12 ? 0.999 : random());
        const workplace = offset(home, km, random() * 2 * Math.PI);
        expect(distanceKm(home, workplace)).toBeLessThanOrEqual(radius);
        const hit = pointCells(workplace).some((cell) => cells.has(cell));
        if (!hit) throw new Error(`missed: home ${JSON.stringify(home)} radius ${radius} workplace ${JSON.stringify(workplace)}`);
        checked++;
      }
    }
    expect(checked).toBe(60000);
  });

  it("list few cells and stay close to the circle", () => {
    const aarhus = { latitude: 56.1572, longitude: 10.2107 };
    for (const radius of [10, 15, 25, 30, 50, 60, 100, 500]) {
      const cells = reachCells(aarhus, radius);
      expect(cells.length, `cells for ${radius} km`).toBeLessThanOrEqual(60);
      // Covered area ÷ circle area: the superset is bounded.
      const size = levelFor(radius).sizeKm;
      const ratio = (cells.length * size * size) / (Math.PI * radius * radius);
      if (radius <= 75) expect(ratio, `area ratio at ${radius} km`).toBeLessThan(3.5);
    }
  });

  it("give a point one cell per level, and far-apart points different cells", () => {
    const copenhagen = { latitude: 55.6761, longitude: 12.5683 };
    const skagen = { latitude: 57.7209, longitude: 10.5839 };
    expect(pointCells(copenhagen)).toHaveLength(REACH_LEVELS.length);
    expect(new Set(reachCells(copenhagen, 30)).has(pointCells(skagen)[1])).toBe(false);
  });
});
