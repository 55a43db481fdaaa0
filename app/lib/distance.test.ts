import { describe, expect, it } from "vitest";
import { distanceKm, isWithinKm } from "./distance";

const aarhus = { latitude: 56.15674, longitude: 10.21076 };
const aalborg = { latitude: 57.048, longitude: 9.9187 };
const odense = { latitude: 55.39594, longitude: 10.38831 };
const copenhagen = { latitude: 55.67594, longitude: 12.56553 };

describe("distanceKm", () => {
  it("measures Aarhus–Aalborg at about 100–120 km", () => {
    expect(distanceKm(aarhus, aalborg)).toBeGreaterThan(100);
    expect(distanceKm(aarhus, aalborg)).toBeLessThan(120);
  });

  it("measures Odense–Copenhagen at about 140–160 km, the same both ways", () => {
    const d = distanceKm(odense, copenhagen);
    expect(d).toBeGreaterThan(140);
    expect(d).toBeLessThan(160);
    expect(distanceKm(copenhagen, odense)).toBeCloseTo(d, 9);
  });

  it("is zero for the same point and one degree of latitude is about 111 km", () => {
    expect(distanceKm(aarhus, aarhus)).toBe(0);
    expect(distanceKm({ latitude: 56, longitude: 10 }, { latitude: 57, longitude: 10 })).toBeCloseTo(111.2, 0);
  });
});

describe("isWithinKm", () => {
  it("answers exactly as distanceKm(a, b) <= km, on 20,000 seeded pairs near and far", () => {
    let seed = 20261123;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    let within = 0;
    for (let n = 0; n < 20000; n++) {
      const a = { latitude: 54.5 + random() * 3.3, longitude: 8 + random() * 7.2 };
      const b = { latitude: a.latitude + (random() - 0.5) * 2, longitude: a.longitude + (random() - 0.5) * 3 };
      const km = [5, 10, 25, 50, 100][n % 5];
      expect(isWithinKm(a, b, km)).toBe(distanceKm(a, b) <= km);
      if (isWithinKm(a, b, km)) within++;
    }
    // Both answers occur often enough for the comparison to mean something.
    expect(within).toBeGreaterThan(1000);
    expect(within).toBeLessThan(19000);
  });

  it("counts the edge of the radius as inside", () => {
    const d = distanceKm(aarhus, aalborg);
    expect(isWithinKm(aarhus, aalborg, d)).toBe(true);
    expect(isWithinKm(aarhus, aalborg, d - 0.001)).toBe(false);
  });
});
