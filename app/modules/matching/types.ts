// The shapes the matching model works on. They carry ids and facts only, never
// names or contact details: matching needs no personal data beyond these.
import type { LatLng } from "~/lib/distance";

export type GeoPoint = LatLng;

export interface VacancyForMatching {
  id: string;
  /** The ESCO occupation the vacancy is for, when the company chose one: its profile weighs in the ranking. */
  occupationId?: string | null;
  requiredSkillIds: string[];
  niceSkillIds: string[];
  /** Day the job starts (UTC midnight). */
  startDate: Date;
  location: GeoPoint;
  requiresDrivingLicence: boolean;
  acceptsUpskilling: boolean;
  /** Whether candidates who miss a little with no course for it are shown (in their own band); default true. */
  showNearMisses?: boolean;
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
  /** Occupations worked in, with whole years of experience. */
  experience?: { occupationId: string; years: number }[];
}

/** An ESCO occupation's profile: the skills it needs and the ISCO group it belongs to. */
export interface OccupationProfile {
  id: string;
  iscoCode: string | null;
  essentialSkillIds: string[];
  optionalSkillIds: string[];
}

/** "Holding relatedSkillId is evidence of strength (0–1) for skillId" (SkillRelatedness, ADR 022). */
export interface RelatedSkill {
  skillId: string;
  relatedSkillId: string;
  strength: number;
}

/** What the taxonomy knows beyond a vacancy's own skill list, loaded once per batch. */
export interface TaxonomyKnowledge {
  /** By skill: the skills whose holders count as related evidence for it, strongest first. */
  related: ReadonlyMap<string, readonly RelatedSkill[]>;
  occupations: ReadonlyMap<string, OccupationProfile>;
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

export type MatchKind = "FULL" | "UPSKILLING" | "NEAR_MISS";

/** How a candidate stands on one skill: has it, has a closely related one, can learn it on a course, or lacks it. */
export type Evidence = "exact" | "related" | "course" | "missing";

export interface SkillExplanation {
  skillId: string;
  /** Held or related: the skill counts as met. */
  met: boolean;
  /** Absent in explanations stored before model v2 (read them as "exact" when met, else "missing"). */
  evidence?: Evidence;
  /** For related evidence: the skill the candidate holds. */
  viaSkillId?: string;
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
  upskilling: { offeringId: string; courseId: string; skillIds: string[]; startDate: string; endDate: string; online: boolean; seatsLeft?: number }[];
  /** When the candidate can start: the day after the last course ends, or when they are available. Absent before model v2. */
  jobReadyBy?: string;
  /** How well the candidate fits the vacancy's occupation (0–1), with the years they worked in it or a sibling occupation. */
  occupationFit?: { profile: number; years: number; sameOccupation: boolean } | null;
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
