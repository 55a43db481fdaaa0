// The shapes the matching model works on. They carry ids and facts only, never
// names or contact details: matching needs no personal data beyond these.
import type { LatLng } from "~/modules/geo/distance";

export type GeoPoint = LatLng;

export interface VacancyForMatching {
  id: string;
  requiredSkillIds: string[];
  niceSkillIds: string[];
  /** Day the job starts (UTC midnight). */
  startDate: Date;
  location: GeoPoint;
  requiresDrivingLicence: boolean;
  acceptsUpskilling: boolean;
}

export interface CandidateForMatching {
  id: string;
  skillIds: string[];
  availableFrom: Date;
  location: GeoPoint;
  commuteRadiusKm: number;
  hasDrivingLicence: boolean;
  active: boolean;
  hasMatchingConsent: boolean;
}

export interface OfferingForMatching {
  id: string;
  courseId: string;
  skillIds: string[];
  startDate: Date;
  endDate: Date;
  online: boolean;
  location: GeoPoint | null;
  seatsLeft: number;
  cancelled: boolean;
}

export type MatchKind = "FULL" | "UPSKILLING";

export interface SkillExplanation {
  skillId: string;
  met: boolean;
  /** For a missing required skill on an upskilling match: the offering that teaches it. */
  viaOfferingId?: string;
}

export interface MatchExplanation {
  required: SkillExplanation[];
  niceToHave: SkillExplanation[];
  distanceKm: number;
  radiusKm: number;
  availableFrom: string;
  startDate: string;
  upskilling: { offeringId: string; courseId: string; skillIds: string[]; startDate: string; endDate: string; online: boolean }[];
}

export interface ScoredMatch {
  vacancyId: string;
  candidateId: string;
  kind: MatchKind;
  score: number;
  explanation: MatchExplanation;
}

/** Why a pair is not a match; used by the evaluation and by explanations to consultants. */
export type Exclusion =
  | "inactive"
  | "no-consent"
  | "not-available-by-start"
  | "outside-radius"
  | "driving-licence"
  | "no-shared-skill"
  | "missing-skills-without-course";
