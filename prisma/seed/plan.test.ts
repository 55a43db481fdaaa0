import { describe, expect, it } from "vitest";
import { isValidCvr } from "~/modules/organisations/cvr";
import { DEMO_USERS } from "./demo-users";
import { planDemo } from "./plan";
import type { Place, SeedInput, SeedOccupation } from "./types";

function syntheticInput(): SeedInput {
  const skillLabels = new Map<string, string>();
  const occupations: SeedOccupation[] = Array.from({ length: 12 }, (_, i) => {
    const essential = Array.from({ length: 8 }, (_, k) => `skill-e-${i}-${k}`);
    const optional = Array.from({ length: 4 }, (_, k) => `skill-o-${i}-${k}`);
    for (const s of [...essential, ...optional]) skillLabels.set(s, `label ${s}`);
    return { id: `occ-${i}`, escoUri: `uri-${i}`, labelEn: `occupation ${i}`, labelDa: null, iscoCode: `71${10 + i}`, essential, optional };
  });
  const places = (municipalityCode: string, codes: string[], lat: number, lng: number): Place[] =>
    codes.map((postalCode, k) => ({ postalCode, city: `By ${postalCode}`, latitude: lat + k * 0.01, longitude: lng, municipalityCode }));
  return {
    occupations,
    skillLabels,
    placesByMunicipality: new Map([
      ["0851", places("0851", ["9000", "9200", "9220"], 57.05, 9.92)],
      ["0751", places("0751", ["8000", "8200", "8260"], 56.16, 10.21)],
      ["0461", places("0461", ["5000", "5200", "5220"], 55.4, 10.39)],
    ]),
    today: new Date(Date.UTC(2026, 10, 23)),
  };
}

describe("planDemo", () => {
  it("gives the same rows for the same input and seed, and different rows for another seed", () => {
    const a = planDemo(syntheticInput(), { scale: 0.1 });
    const b = planDemo(syntheticInput(), { scale: 0.1 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const c = planDemo(syntheticInput(), { scale: 0.1, seed: 7 });
    expect(c.candidates.candidates.map((x) => x.pseudonym)).not.toEqual(a.candidates.candidates.map((x) => x.pseudonym));
  });

  it("builds the full demo to the specification", () => {
    const input = syntheticInput();
    const plan = planDemo(input);
    const { organisations: o, vacancies: v, candidates: c, courses: k } = plan;
    const companies = o.organisations.filter((x) => x.kind === "COMPANY");
    expect(companies).toHaveLength(30);
    expect(companies.every((x) => isValidCvr(x.cvr!))).toBe(true);
    expect(new Set(companies.map((x) => x.cvr)).size).toBe(30);
    expect(v.vacancies).toHaveLength(200);
    expect(c.candidates).toHaveLength(2000);
    expect(k.courses).toHaveLength(40);
    expect(k.offerings).toHaveLength(150);

    for (const vacancy of v.vacancies) {
      const skills = v.skills.filter((s) => s.vacancyId === vacancy.id);
      const required = skills.filter((s) => s.requirement === "REQUIRED").length;
      const nice = skills.filter((s) => s.requirement === "NICE_TO_HAVE").length;
      expect(required).toBeGreaterThanOrEqual(3);
      expect(required).toBeLessThanOrEqual(6);
      expect(nice).toBeGreaterThanOrEqual(1);
      expect(nice).toBeLessThanOrEqual(4);
      const weeksAhead = ((vacancy.startDate as Date).getTime() - input.today.getTime()) / (7 * 86_400_000);
      expect(weeksAhead).toBeGreaterThanOrEqual(2);
      expect(weeksAhead).toBeLessThanOrEqual(12);
    }
    const upskilling = v.vacancies.filter((x) => x.acceptsUpskilling).length / v.vacancies.length;
    expect(upskilling).toBeGreaterThan(0.45);
    expect(upskilling).toBeLessThan(0.75);

    expect(new Set(c.candidates.map((x) => x.pseudonym)).size).toBe(2000);
    expect(c.candidates.every((x) => /^Kandidat [2-9A-Z]{4}-[2-9A-Z]{2}$/.test(x.pseudonym))).toBe(true);
    expect(c.candidates.every((x) => x.commuteRadiusKm! >= 10 && x.commuteRadiusKm! <= 60)).toBe(true);
    // Every candidate lives in the municipality of the jobcentre that registered them.
    for (const cand of c.candidates) {
      const jc = o.jobcentres.find((j) => j.id === cand.jobcentreId)!;
      expect(input.placesByMunicipality.get(jc.municipalityCode)!.map((p) => p.postalCode)).toContain(cand.postalCode);
      expect(jc.consultantIds).toContain(cand.consultantId);
    }
    expect(c.consents.filter((x) => x.purpose === "MATCHING")).toHaveLength(2000);
    // Some candidates lack essential skills, and courses teach skills that candidates lack.
    const missing = new Set(c.gaps.flatMap((g) => g.missing));
    expect(c.gaps.filter((g) => g.missing.length > 0).length).toBeGreaterThan(400);
    expect(k.skills.filter((s) => missing.has(s.skillId)).length).toBeGreaterThan(30);

    const orgNames = new Set(o.organisations.map((x) => x.name));
    for (const demo of DEMO_USERS) expect(orgNames).toContain(demo.organisation);
    expect(new Set(o.users.map((u) => u.email)).size).toBe(o.users.length);
  });
});
