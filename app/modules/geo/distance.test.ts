import { describe, expect, it } from "vitest";
import { distanceKm } from "./distance";

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
