import { describe, expect, it } from "vitest";
import { CANDIDATE_DOCUMENT_FIELDS, toDocument as candidateDocument, type CandidateRow } from "./candidates";
import { toDocument as offeringDocument, type OfferingRow } from "./offerings";
import { toDocument as vacancyDocument, type VacancyRow } from "./vacancies";
import { searchKeyUid } from "../client";

const candidateRow: CandidateRow = {
  id: "c1",
  jobcentreId: "j1",
  pseudonym: "Kandidat-7",
  status: "ACTIVE",
  availableFrom: new Date("2027-01-01T00:00:00Z"),
  commuteRadiusKm: 30,
  hasDrivingLicence: true,
  languages: ["da"],
  latitude: 55.68,
  longitude: 12.57,
  postalCode: "1000",
  skills: [{ skillId: "s1" }, { skillId: "s2" }],
  occupations: [{ occupationId: "o1", years: 4 }],
  consents: [{ id: "k1" }],
};

describe("candidate documents", () => {
  it("carry only pseudonymous fields, even when handed a row with personal data", () => {
    const leaky = { ...candidateRow, firstName: "Mette", lastName: "Hansen", email: "m@example.dk", phone: "+4512345678" };
    const doc = candidateDocument(leaky);
    expect(Object.keys(doc).sort()).toEqual([...CANDIDATE_DOCUMENT_FIELDS].sort());
    expect(JSON.stringify(doc)).not.toMatch(/Mette|Hansen|example\.dk|12345678/);
    expect(doc).toMatchObject({ availableFrom: 1798761600, skillIds: ["s1", "s2"], _geo: { lat: 55.68, lng: 12.57 }, hasMatchingConsent: true, experience: [{ occupationId: "o1", years: 4 }] });
  });
});

describe("vacancy documents", () => {
  it("split skills by requirement and give dates as unix seconds", () => {
    const row: VacancyRow = {
      id: "v1", organisationId: "o1", status: "OPEN", title: "Svejser", occupationId: null,
      startDate: new Date("2027-03-01T00:00:00Z"), requiresDrivingLicence: false, acceptsUpskilling: true, showNearMisses: true,
      languages: [], latitude: 56.15, longitude: 10.21, postalCode: "8000", municipalityCode: "0751",
      skills: [{ skillId: "a", requirement: "REQUIRED" }, { skillId: "b", requirement: "NICE_TO_HAVE" }],
    };
    expect(vacancyDocument(row)).toMatchObject({ requiredSkillIds: ["a"], niceSkillIds: ["b"], startDate: 1803859200, municipalityCode: "0751" });
  });
});

describe("offering documents", () => {
  const row: OfferingRow = {
    id: "f1", courseId: "c1", startDate: new Date("2027-01-10"), endDate: new Date("2027-01-20"), online: false,
    postalCode: "8000", latitude: 56.1, longitude: 10.1, seats: 3, cancelledAt: null,
    course: { institutionId: "i1", title: "Svejsning", skills: [{ skillId: "s1" }] },
    _count: { reservations: 5 },
  };

  it("never report fewer than zero seats, and have _geo only on site", () => {
    expect(offeringDocument(row)).toMatchObject({ seatsLeft: 0, _geo: { lat: 56.1, lng: 10.1 }, cancelled: false });
    expect(offeringDocument({ ...row, online: true })._geo).toBeUndefined();
    expect(offeringDocument({ ...row, cancelledAt: new Date() }).cancelled).toBe(true);
  });
});

describe("search key uid", () => {
  it("is a stable UUID v4 per prefix", () => {
    expect(searchKeyUid("jobbro_")).toBe(searchKeyUid("jobbro_"));
    expect(searchKeyUid("jobbro_")).not.toBe(searchKeyUid("other_"));
    expect(searchKeyUid("jobbro_")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
