import { describe, expect, it } from "vitest";
import { distanceKm, type LatLng } from "~/modules/geo/distance";
import { COMMUTE_RADIUS_KM } from "~/modules/candidates/commute";
import { bandOf, RADIUS_BANDS_KM, reachCell, reachCellsAround } from "./reach-cells";

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
      // Band edges, just above them, and the largest radius a profile may have.
      const radius = [1, 5, 10, 11, 15, 25, 30, 31, 50, 60, 61, 75, 150, 199, COMMUTE_RADIUS_KM.max][n % 15];
      const key = reachCell(home, radius);
      for (let k = 0; k < 20; k++) {
        // Points right at the edge are the hard case; also some inside.
        const km = radius * (k < 12 ? 0.999 : random());
        const workplace = offset(home, km, random() * 2 * Math.PI);
        expect(distanceKm(home, workplace)).toBeLessThanOrEqual(radius);
        if (!reachCellsAround(workplace).includes(key)) {
          throw new Error(`missed: home ${JSON.stringify(home)} radius ${radius} workplace ${JSON.stringify(workplace)}`);
        }
        checked++;
      }
    }
    expect(checked).toBe(60000);
  });

  it("ask for a bounded list, and stay close to the circle", () => {
    const aarhus = { latitude: 56.1572, longitude: 10.2107 };
    const around = reachCellsAround(aarhus);
    expect(around.length).toBeLessThan(400);
    // Homes on a fine grid around Aarhus: those whose key is asked for, against
    // those truly in reach, per radius. The cells are a superset, but a tight one.
    for (const radius of [10, 25, 40, 60]) {
      let inReach = 0;
      let asked = 0;
      for (let dx = -100; dx <= 100; dx += 2) {
        for (let dy = -100; dy <= 100; dy += 2) {
          const home = { latitude: aarhus.latitude + dy / 111.2, longitude: aarhus.longitude + dx / (111.2 * Math.cos((aarhus.latitude * Math.PI) / 180)) };
          if (distanceKm(home, aarhus) <= radius) inReach++;
          if (around.includes(reachCell(home, radius))) asked++;
        }
      }
      expect(asked, `asked at ${radius} km`).toBeGreaterThanOrEqual(inReach);
      expect(asked / inReach, `superset at ${radius} km`).toBeLessThan(2.5);
    }
  });

  it("keep far-apart places apart, and every radius in a band", () => {
    const copenhagen = { latitude: 55.6761, longitude: 12.5683 };
    const aarhus = { latitude: 56.1572, longitude: 10.2107 };
    // About 157 km apart.
    expect(reachCellsAround(copenhagen)).not.toContain(reachCell(aarhus, 30));
    expect(reachCellsAround(copenhagen)).not.toContain(reachCell(aarhus, 40));
    expect(reachCellsAround(copenhagen)).toContain(reachCell(aarhus, COMMUTE_RADIUS_KM.max));
    expect(bandOf(1)).toBe(0);
    expect(bandOf(RADIUS_BANDS_KM[0])).toBe(0);
    expect(bandOf(RADIUS_BANDS_KM[0] + 1)).toBe(1);
    expect(bandOf(COMMUTE_RADIUS_KM.max)).toBe(RADIUS_BANDS_KM.length - 1);
  });
});
