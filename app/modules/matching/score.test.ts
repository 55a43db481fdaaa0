import { describe, expect, it } from "vitest";
import { groupRelated } from "./evidence";
import { allocateSeats, assessCandidate, compareAssessments, evaluatePair, nearMissAllowance, prepareVacancy, rankMatches, type Assessment } from "./score";
import { OfferingCatalogue, overlaps, PATH_LIMITS, courseDays } from "./upskilling";
import type { CandidateForMatching, OfferingForMatching, ScoredMatch, TaxonomyKnowledge, VacancyForMatching } from "./types";

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
    expect(m.explanation.niceToHave).toEqual([{ skillId: "n1", met: true, evidence: "exact" }, { skillId: "n2", met: false, evidence: "missing" }]);
    expect(m.explanation.jobReadyBy).toBe("2027-01-01");
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
    // Two of three required skills missing, no course: too far for a near miss.
    expect(evaluatePair(vacancy(), candidate({ skillIds: ["a"] }), [])).toEqual({ excluded: "missing-skills-without-course" });
  });

  it("shows a candidate who misses at most max(1, 20 %) of the required skills with no course as a near miss, unless the vacancy says no", () => {
    const m = matchOf(evaluatePair(vacancy(), candidate({ skillIds: ["a", "b"] }), []));
    expect(m.kind).toBe("NEAR_MISS");
    expect(m.explanation.required.find((s) => s.skillId === "c")).toEqual({ skillId: "c", met: false, evidence: "missing" });
    expect(evaluatePair(vacancy({ showNearMisses: false }), candidate({ skillIds: ["a", "b"] }), [])).toEqual({ excluded: "missing-skills-without-course" });
    expect([1, 4, 5, 9, 10, 14, 15].map(nearMissAllowance)).toEqual([1, 1, 1, 1, 2, 2, 3]);
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
    expect(m.explanation.required.find((s) => s.skillId === "c")).toEqual({ skillId: "c", met: false, evidence: "course", viaOfferingId: "o1" });
    expect(m.explanation.upskilling[0]).toMatchObject({ seatsLeft: 5 });
    // Ready the day after the course ends.
    expect(m.explanation.jobReadyBy).toBe("2027-01-21");
    const late = offering({ endDate: new Date("2027-02-01") });
    expect(evaluatePair(vacancy({ showNearMisses: false }), c, [late])).toEqual({ excluded: "missing-skills-without-course" });
  });

  it("ignores full, cancelled, too distant or too early offerings but accepts online ones", () => {
    const c = candidate({ skillIds: ["a", "b"] });
    for (const bad of [
      offering({ seatsLeft: 0 }),
      offering({ cancelled: true }),
      offering({ location: AALBORG }),
      offering({ startDate: new Date("2026-12-20") }),
    ]) {
      expect(evaluatePair(vacancy({ showNearMisses: false }), c, [bad])).toEqual({ excluded: "missing-skills-without-course" });
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

describe("feasible upskilling paths", () => {
  it("never puts two courses at the same time in one path, and takes a later one instead", () => {
    const c = candidate({ skillIds: ["a"] });
    const b1 = offering({ id: "b1", skillIds: ["b"], startDate: new Date("2027-01-05"), endDate: new Date("2027-01-09") });
    const cSameWeek = offering({ id: "c1", skillIds: ["c"], startDate: new Date("2027-01-07"), endDate: new Date("2027-01-12") });
    const cLater = offering({ id: "c2", skillIds: ["c"], startDate: new Date("2027-01-12"), endDate: new Date("2027-01-16") });
    expect(evaluatePair(vacancy({ showNearMisses: false }), c, [b1, cSameWeek])).toEqual({ excluded: "missing-skills-without-course" });
    const m = matchOf(evaluatePair(vacancy(), c, [b1, cSameWeek, cLater]));
    expect(m.explanation.upskilling.map((u) => u.offeringId)).toEqual(["b1", "c2"]);
    expect(m.explanation.jobReadyBy).toBe("2027-01-17");
  });

  it("sends nobody on courses for every required skill", () => {
    const all = offering({ id: "all", skillIds: ["a", "b", "c"] });
    expect(evaluatePair(vacancy({ showNearMisses: false }), candidate({ skillIds: ["n1"] }), [all])).toEqual({ excluded: "missing-skills-without-course" });
  });

  it("gives a scarce seat to the better-ranked candidate; the other becomes a near miss", () => {
    const v = vacancy();
    const one = offering({ seatsLeft: 1 });
    const ctx = prepareVacancy(v, [one]);
    const assessed = [candidate({ id: "near", location: AARHUS }), candidate({ id: "far" })]
      .map((c) => assessCandidate(ctx, { ...c, skillIds: ["a", "b"] }))
      .filter((a): a is Assessment => !("excluded" in a))
      .sort(compareAssessments);
    expect(assessed.map((a) => [a.candidate.id, a.kind])).toEqual([["near", "UPSKILLING"], ["far", "UPSKILLING"]]);
    expect(allocateSeats(ctx, assessed).map((a) => [a.candidate.id, a.kind])).toEqual([["near", "UPSKILLING"], ["far", "NEAR_MISS"]]);
  });

  // The rule itself, by brute force over small random catalogues: a path exists
  // exactly when some set of at most 3 usable, pairwise non-overlapping offerings
  // covers every missing skill, and the path found is one of the smallest.
  it("finds a path exactly when a followable one exists, and a smallest one", () => {
    // mulberry32: a small seeded generator, so the cases are the same every run.
    let seed = 11;
    const rand = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const skills = ["a", "b", "c", "d"];
    const v = vacancy({ requiredSkillIds: skills });
    const day = (n: number) => new Date(Date.UTC(2027, 0, 2 + n));
    let found = 0;
    let none = 0;
    for (let round = 0; round < 150; round++) {
      const offerings = Array.from({ length: 6 }, (_, i) => {
        const start = Math.floor(rand() * 12);
        return offering({
          id: `o${i}`,
          skillIds: skills.filter(() => rand() < 0.35),
          online: true,
          location: null,
          startDate: day(start),
          endDate: day(start + Math.floor(rand() * 6)),
          seatsLeft: rand() < 0.9 ? 2 : 0,
        });
      });
      const catalogue = new OfferingCatalogue(v, offerings);
      const usable = offerings.filter((o) => o.seatsLeft > 0 && o.endDate < v.startDate && o.skillIds.length > 0);
      const missing = skills.filter(() => rand() < 0.6);
      if (missing.length === 0) continue;
      let smallest: number | null = null;
      const walk = (from: number, chosen: OfferingForMatching[]) => {
        if (missing.every((s) => chosen.some((o) => o.skillIds.includes(s)))) {
          smallest = smallest === null ? chosen.length : Math.min(smallest, chosen.length);
          return;
        }
        if (chosen.length === PATH_LIMITS.maxCourses) return;
        for (let i = from; i < usable.length; i++) {
          if (chosen.some((o) => overlaps(o, usable[i]))) continue;
          walk(i + 1, [...chosen, usable[i]]);
        }
      };
      walk(0, []);
      const path = catalogue.pathFor(missing, candidate({ availableFrom: day(0) }), new Map(), { ...PATH_LIMITS, optionsPerSkill: 100 });
      expect(path === null ? null : path.length).toBe(smallest);
      if (path) {
        found++;
        expect(new Set(path.flatMap((s) => s.teaches))).toEqual(new Set(missing));
        const taken = path.map((s) => s.offering);
        for (const a of taken) for (const b of taken) if (a !== b) expect(overlaps(a, b)).toBe(false);
        expect(taken.reduce((d, o) => d + courseDays(o), 0)).toBeLessThanOrEqual(PATH_LIMITS.maxWeeks * 7);
      } else none++;
    }
    // Both outcomes occur, so the agreement is tested both ways.
    expect(found).toBeGreaterThan(20);
    expect(none).toBeGreaterThan(20);
  });
});

describe("graded evidence and occupation fit", () => {
  const knowledge = (over: Partial<TaxonomyKnowledge> = {}): TaxonomyKnowledge => ({
    related: groupRelated([
      { skillId: "c", relatedSkillId: "c-general", strength: 0.8 },
      { skillId: "c", relatedSkillId: "c-weak", strength: 0.3 },
    ]),
    occupations: new Map([
      ["plumber", { id: "plumber", iscoCode: "7126", essentialSkillIds: ["a", "b", "c", "p1", "p2", "p3"], optionalSkillIds: ["o1"] }],
      ["pipefitter", { id: "pipefitter", iscoCode: "7126", essentialSkillIds: [], optionalSkillIds: [] }],
      ["carpenter", { id: "carpenter", iscoCode: "7115", essentialSkillIds: [], optionalSkillIds: [] }],
    ]),
    ...over,
  });
  const v = vacancy({ occupationId: "plumber" });

  it("counts a closely related skill as met, for less than the skill itself, and names it", () => {
    const related = matchOf(evaluatePair(v, candidate({ skillIds: ["a", "b", "c-general"] }), [], knowledge()));
    expect(related.kind).toBe("FULL");
    expect(related.explanation.required.find((s) => s.skillId === "c")).toEqual({ skillId: "c", met: true, evidence: "related", viaSkillId: "c-general" });
    const exact = matchOf(evaluatePair(v, candidate({ skillIds: ["a", "b", "c"] }), [], knowledge()));
    expect(exact.score).toBeGreaterThan(related.score);
    // A weak relation is no evidence: that candidate misses c.
    expect(matchOf(evaluatePair(v, candidate({ skillIds: ["a", "b", "c-weak"] }), [], knowledge())).kind).toBe("NEAR_MISS");
  });

  it("ranks, within a band, more of the occupation's essential skills and more years in it first", () => {
    const fewer = matchOf(evaluatePair(v, candidate({ id: "f", skillIds: ["a", "b", "c"] }), [], knowledge()));
    const more = matchOf(evaluatePair(v, candidate({ id: "m", skillIds: ["a", "b", "c", "p1", "p2"] }), [], knowledge()));
    expect(more.score).toBeGreaterThan(fewer.score);
    expect(more.explanation.occupationFit).toMatchObject({ sameOccupation: false, years: 0 });
    const years = (occupationId: string, y: number) =>
      matchOf(evaluatePair(v, candidate({ skillIds: ["a", "b", "c"], experience: [{ occupationId, years: y }] }), [], knowledge())).score;
    expect(years("plumber", 6)).toBeGreaterThan(years("plumber", 1));
    expect(years("plumber", 1)).toBeGreaterThan(years("pipefitter", 1));
    expect(years("pipefitter", 1)).toBeGreaterThan(years("carpenter", 10));
    // Occupation fit weighs more than distance inside a band.
    const nearNoFit = matchOf(evaluatePair(v, candidate({ skillIds: ["a", "b", "c"], location: AARHUS }), [], knowledge())).score;
    expect(years("plumber", 6)).toBeGreaterThan(nearNoFit);
  });

  it("weighs one required skill more than one nice-to-have skill", () => {
    const required = Array.from({ length: 10 }, (_, i) => `r${i}`);
    const vv = vacancy({ requiredSkillIds: required, niceSkillIds: ["n1", "n2"] });
    const nineRequired = matchOf(evaluatePair(vv, candidate({ id: "p", skillIds: required.slice(0, 9) }), []));
    const eightAndNice = matchOf(evaluatePair(vv, candidate({ id: "q", skillIds: [...required.slice(0, 8), "n1"] }), []));
    expect([nineRequired.kind, eightAndNice.kind]).toEqual(["NEAR_MISS", "NEAR_MISS"]);
    expect(nineRequired.score).toBeGreaterThan(eightAndNice.score);
  });
});

describe("ranking", () => {
  it("ranks every upskilling match above every near miss", () => {
    const worstUpskill = matchOf(
      evaluatePair(vacancy({ acceptsUpskilling: false }), candidate({ id: "up", skillIds: ["a", "b"], location: { latitude: 56.42, longitude: 10.21 }, availableFrom: new Date("2027-01-10") }), [offering({ startDate: new Date("2027-01-10") })]),
    );
    const bestNear = matchOf(evaluatePair(vacancy(), candidate({ id: "near", skillIds: ["a", "b", "n1", "n2"], location: AARHUS }), []));
    expect(worstUpskill.kind).toBe("UPSKILLING");
    expect(bestNear.kind).toBe("NEAR_MISS");
    expect(worstUpskill.score).toBeGreaterThan(bestNear.score);
  });

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
