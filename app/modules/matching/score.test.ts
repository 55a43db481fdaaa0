import { describe, expect, it } from "vitest";
import { evaluatePair, rankMatches } from "./score";
import { OfferingCatalogue } from "./upskilling";
import { distanceKm } from "~/modules/geo/distance";
import type { CandidateForMatching, OfferingForMatching, ScoredMatch, VacancyForMatching } from "./types";

const AARHUS = { latitude: 56.1567, longitude: 10.2108 };
const NEAR_AARHUS = { latitude: 56.2, longitude: 10.25 }; // ~5.5 km
const AALBORG = { latitude: 57.048, longitude: 9.9187 };

const vacancy = (over: Partial<VacancyForMatching> = {}): VacancyForMatching => ({
  id: "v1",
  requiredSkillIds: ["a", "b", "c"],
  niceSkillIds: ["n1", "n2"],
  startDate: new Date("2027-02-01"),
  location: AARHUS,
  requiresDrivingLicence: false,
  acceptsUpskilling: true,
  ...over,
});
const candidate = (over: Partial<CandidateForMatching> = {}): CandidateForMatching => ({
  id: "c1",
  skillIds: ["a", "b", "c"],
  availableFrom: new Date("2027-01-01"),
  location: NEAR_AARHUS,
  commuteRadiusKm: 30,
  hasDrivingLicence: true,
  active: true,
  hasMatchingConsent: true,
  ...over,
});
const offering = (over: Partial<OfferingForMatching> = {}): OfferingForMatching => ({
  id: "o1",
  courseId: "k1",
  skillIds: ["c"],
  startDate: new Date("2027-01-10"),
  endDate: new Date("2027-01-20"),
  online: false,
  location: AARHUS,
  seatsLeft: 5,
  cancelled: false,
  ...over,
});
const matchOf = (r: ReturnType<typeof evaluatePair>): ScoredMatch => {
  if (!("match" in r)) throw new Error(`expected a match, got ${r.excluded}`);
  return r.match;
};

describe("evaluatePair", () => {
  it("explains a full match skill by skill, with distance and dates", () => {
    const m = matchOf(evaluatePair(vacancy(), candidate({ skillIds: ["a", "b", "c", "n1"] }), []));
    expect(m.kind).toBe("FULL");
    expect(m.explanation.required.map((s) => [s.skillId, s.met])).toEqual([["a", true], ["b", true], ["c", true]]);
    expect(m.explanation.niceToHave).toEqual([{ skillId: "n1", met: true }, { skillId: "n2", met: false }]);
    expect(m.explanation.distanceKm).toBeGreaterThan(4);
    expect(m.explanation.distanceKm).toBeLessThan(7);
    expect(m.explanation.startDate).toBe("2027-02-01");
    expect(m.explanation.availableFrom).toBe("2027-01-01");
  });

  it("excludes on each hard requirement", () => {
    expect(evaluatePair(vacancy(), candidate({ active: false }), [])).toEqual({ excluded: "inactive" });
    expect(evaluatePair(vacancy(), candidate({ hasMatchingConsent: false }), [])).toEqual({ excluded: "no-consent" });
    expect(evaluatePair(vacancy(), candidate({ availableFrom: new Date("2027-02-02") }), [])).toEqual({ excluded: "not-available-by-start" });
    expect(evaluatePair(vacancy(), candidate({ location: AALBORG }), [])).toEqual({ excluded: "outside-radius" });
    expect(evaluatePair(vacancy({ requiresDrivingLicence: true }), candidate({ hasDrivingLicence: false }), [])).toEqual({ excluded: "driving-licence" });
    expect(evaluatePair(vacancy(), candidate({ skillIds: ["x"] }), [])).toEqual({ excluded: "no-shared-skill" });
    expect(evaluatePair(vacancy(), candidate({ skillIds: ["a", "b"] }), [])).toEqual({ excluded: "missing-skills-without-course" });
  });

  it("uses the candidate's own radius, not a global one", () => {
    const far = { latitude: 56.45, longitude: 10.21 }; // ~33 km north of Aarhus
    expect("match" in evaluatePair(vacancy(), candidate({ location: far, commuteRadiusKm: 40 }), [])).toBe(true);
    expect(evaluatePair(vacancy(), candidate({ location: far, commuteRadiusKm: 30 }), [])).toEqual({ excluded: "outside-radius" });
  });

  it("finds an upskilling path only through a course that ends before the start", () => {
    const c = candidate({ skillIds: ["a", "b"] });
    const m = matchOf(evaluatePair(vacancy(), c, [offering()]));
    expect(m.kind).toBe("UPSKILLING");
    expect(m.explanation.upskilling.map((u) => u.offeringId)).toEqual(["o1"]);
    expect(m.explanation.required.find((s) => s.skillId === "c")).toEqual({ skillId: "c", met: false, viaOfferingId: "o1" });
    const late = offering({ endDate: new Date("2027-02-01") });
    expect(evaluatePair(vacancy(), c, [late])).toEqual({ excluded: "missing-skills-without-course" });
  });

  it("ignores full, cancelled, too distant or too early offerings but accepts online ones", () => {
    const c = candidate({ skillIds: ["a", "b"] });
    for (const bad of [
      offering({ seatsLeft: 0 }),
      offering({ cancelled: true }),
      offering({ location: AALBORG }),
      offering({ startDate: new Date("2026-12-20") }),
    ]) {
      expect(evaluatePair(vacancy(), c, [bad])).toEqual({ excluded: "missing-skills-without-course" });
    }
    expect(matchOf(evaluatePair(vacancy(), c, [offering({ online: true, location: null })])).kind).toBe("UPSKILLING");
  });

  it("covers several missing skills with the fewest courses", () => {
    const c = candidate({ skillIds: ["a"] });
    const both = offering({ id: "both", skillIds: ["b", "c"] });
    const onlyB = offering({ id: "onlyB", skillIds: ["b"] });
    const m = matchOf(evaluatePair(vacancy(), c, [onlyB, both]));
    expect(m.explanation.upskilling.map((u) => u.offeringId)).toEqual(["both"]);
  });
});

describe("ranking", () => {
  it("ranks every full match above every upskilling match", () => {
    const worstFull = matchOf(
      evaluatePair(vacancy(), candidate({ id: "full", location: { latitude: 56.42, longitude: 10.21 }, availableFrom: new Date("2027-02-01") }), []),
    );
    const bestUpskill = matchOf(evaluatePair(vacancy(), candidate({ id: "up", skillIds: ["a", "b", "n1", "n2"], location: AARHUS }), [offering()]));
    expect(worstFull.score).toBeGreaterThan(bestUpskill.score);
    expect(rankMatches([bestUpskill, worstFull]).map((m) => m.candidateId)).toEqual(["full", "up"]);
  });

  it("ranks upskilling matches higher when the company accepts upskilling", () => {
    const c = candidate({ skillIds: ["a", "b"] });
    const accepted = matchOf(evaluatePair(vacancy({ acceptsUpskilling: true }), c, [offering()]));
    const notAccepted = matchOf(evaluatePair(vacancy({ acceptsUpskilling: false }), c, [offering()]));
    expect(accepted.score).toBeGreaterThan(notAccepted.score);
  });

  it("prefers nice-to-have skills, then nearer, then earlier available", () => {
    const withNice = matchOf(evaluatePair(vacancy(), candidate({ id: "n", skillIds: ["a", "b", "c", "n1"] }), []));
    const without = matchOf(evaluatePair(vacancy(), candidate({ id: "w" }), []));
    expect(withNice.score).toBeGreaterThan(without.score);
    const near = matchOf(evaluatePair(vacancy(), candidate({ location: AARHUS }), []));
    expect(near.score).toBeGreaterThan(without.score);
    const early = matchOf(evaluatePair(vacancy(), candidate({ availableFrom: new Date("2026-12-01") }), []));
    const late = matchOf(evaluatePair(vacancy(), candidate({ availableFrom: new Date("2027-01-30") }), []));
    expect(early.score).toBeGreaterThan(late.score);
  });

  it("breaks ties by id so the order is stable", () => {
    const a = { ...matchOf(evaluatePair(vacancy(), candidate({ id: "b" }), [])) };
    const b = { ...a, candidateId: "a" };
    expect(rankMatches([a, b]).map((m) => m.candidateId)).toEqual(["a", "b"]);
  });
});

describe("OfferingCatalogue", () => {
  // The engine decides with canLearn for every candidate retrieved and builds
  // the path with pathFor only for the matches it keeps: the two must agree.
  it("canLearn holds exactly when pathFor finds a path", () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const skills = ["a", "b", "c", "d"];
    const v = vacancy({ requiredSkillIds: skills });
    const offerings = Array.from({ length: 40 }, (_, i) =>
      offering({
        id: `o${i}`,
        skillIds: skills.filter(() => rand() < 0.3),
        online: rand() < 0.2,
        location: { latitude: 56 + rand() * 0.8, longitude: 9.6 + rand() * 1.2 },
        endDate: new Date(rand() < 0.8 ? "2027-01-20" : "2027-03-01"),
        seatsLeft: rand() < 0.9 ? 3 : 0,
      }),
    );
    const catalogue = new OfferingCatalogue(v, offerings);
    // The rule itself, offering by offering, without the catalogue's index or its 2r cut-off.
    const usable = (o: OfferingForMatching, c: CandidateForMatching) =>
      !o.cancelled && o.seatsLeft > 0 && o.endDate < v.startDate && o.startDate >= c.availableFrom &&
      (o.online || (o.location !== null && distanceKm(c.location, o.location) <= c.commuteRadiusKm));
    let paths = 0;
    let inReach = 0;
    for (let i = 0; i < 300; i++) {
      const c = candidate({
        location: { latitude: 56 + rand() * 0.8, longitude: 9.6 + rand() * 1.2 },
        commuteRadiusKm: 5 + Math.floor(rand() * 40),
      });
      // Duplicates included: a skill listed twice is still one skill to learn.
      const missing = [...skills.filter(() => rand() < 0.5), ...(rand() < 0.2 ? ["a"] : [])];
      const path = catalogue.pathFor(missing, c);
      expect(catalogue.canLearn(missing, c)).toBe(path !== null);
      // Matching only asks about candidates within their radius of the workplace, where the cut-off is exact.
      if (distanceKm(c.location, v.location) <= c.commuteRadiusKm) {
        inReach++;
        expect(catalogue.canLearn(missing, c)).toBe(missing.every((s) => offerings.some((o) => o.skillIds.includes(s) && usable(o, c))));
      }
      if (path && missing.length > 0) {
        paths++;
        expect(new Set(path.flatMap((step) => step.teaches))).toEqual(new Set(missing));
      }
    }
    // Both outcomes occur, so the agreement is tested both ways.
    expect(paths).toBeGreaterThan(20);
    expect(paths).toBeLessThan(280);
    expect(inReach).toBeGreaterThan(30);
  });
});
