// The rule of who may be matched, applied to rows read by
// ./matchable.repository.server.ts, and the one mapping of such a row to the
// shape the matching model works on. Pure, so both are unit-tested.
import type { CandidateForMatching } from "~/modules/matching/types";
import type { MatchableCandidateRow } from "./matchable.repository.server";

/** Active and consenting to matching: who matching may consider and the candidates index holds. */
export function isMatchable(row: Pick<MatchableCandidateRow, "status" | "consents">): boolean {
  return row.status === "ACTIVE" && row.consents.length > 0;
}

export function toCandidateForMatching(row: MatchableCandidateRow): CandidateForMatching {
  return {
    id: row.id,
    skillIds: row.skills.map((s) => s.skillId),
    availableFrom: row.availableFrom,
    location: { latitude: row.latitude, longitude: row.longitude },
    commuteRadiusKm: row.commuteRadiusKm,
    hasDrivingLicence: row.hasDrivingLicence,
    active: row.status === "ACTIVE",
    hasMatchingConsent: row.consents.length > 0,
    experience: row.occupations.map((o) => ({ occupationId: o.occupationId, years: o.years })),
  };
}
