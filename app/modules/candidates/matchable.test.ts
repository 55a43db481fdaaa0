import { describe, expect, it } from "vitest";
import { isMatchable, toCandidateForMatching } from "./matchable";
import type { MatchableCandidateRow } from "./matchable.repository.server";

const row: MatchableCandidateRow = {
  id: "c1",
  status: "ACTIVE",
  availableFrom: new Date("2027-01-01T00:00:00Z"),
  latitude: 55.68,
  longitude: 12.57,
  commuteRadiusKm: 30,
  hasDrivingLicence: true,
  skills: [{ skillId: "s1" }, { skillId: "s2" }],
  occupations: [{ occupationId: "o1", years: 4 }],
  consents: [{ id: "k1" }],
};

describe("isMatchable", () => {
  it("holds only for active candidates with a matching consent", () => {
    expect(isMatchable(row)).toBe(true);
    expect(isMatchable({ ...row, consents: [] })).toBe(false);
    expect(isMatchable({ ...row, status: "INACTIVE" })).toBe(false);
    expect(isMatchable({ ...row, status: "EMPLOYED" })).toBe(false);
  });
});

describe("toCandidateForMatching", () => {
  it("maps a row to the model's shape, with skills, place and experience", () => {
    expect(toCandidateForMatching(row)).toEqual({
      id: "c1",
      skillIds: ["s1", "s2"],
      availableFrom: new Date("2027-01-01T00:00:00Z"),
      location: { latitude: 55.68, longitude: 12.57 },
      commuteRadiusKm: 30,
      hasDrivingLicence: true,
      active: true,
      hasMatchingConsent: true,
      experience: [{ occupationId: "o1", years: 4 }],
    });
  });

  it("keeps a candidate who may not be matched, saying why, so that matching can retire their matches", () => {
    expect(toCandidateForMatching({ ...row, status: "EMPLOYED", consents: [] })).toMatchObject({ active: false, hasMatchingConsent: false });
    expect(toCandidateForMatching({ ...row, occupations: [] }).experience).toEqual([]);
  });
});
