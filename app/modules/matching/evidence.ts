// Graded skill evidence (ADR 023): for one skill a vacancy asks for, does the
// candidate hold it, hold a closely related skill, or neither? And how well do
// the candidate's skills and experience fit the vacancy's occupation? Pure;
// the relatedness comes from the taxonomy (SkillRelatedness, ADR 022).
import type { CandidateForMatching, OccupationProfile, RelatedSkill, TaxonomyKnowledge } from "./types";

/** Related evidence below this strength does not count as having the skill. */
export const MIN_RELATED_STRENGTH = 0.5;

/** What a related skill is worth against the skill itself (times the relation's strength). */
export const RELATED_CREDIT = 0.6;

export type HeldEvidence = { kind: "exact" } | { kind: "related"; viaSkillId: string; strength: number } | { kind: "none" };

/** The candidate's evidence for one skill: exact beats related; of related ones, the strongest counts. */
export function evidenceFor(skillId: string, held: ReadonlySet<string>, knowledge: TaxonomyKnowledge | null): HeldEvidence {
  if (held.has(skillId)) return { kind: "exact" };
  const related = knowledge?.related.get(skillId);
  if (related) {
    // Lists are sorted strongest first (loadTaxonomyKnowledge), so the first held one is the best.
    for (const r of related) {
      if (r.strength < MIN_RELATED_STRENGTH) break;
      if (held.has(r.relatedSkillId)) return { kind: "related", viaSkillId: r.relatedSkillId, strength: r.strength };
    }
  }
  return { kind: "none" };
}

/** What evidence is worth when scoring: 1 for the skill itself, less for a related one, 0 for none. */
export function credit(e: HeldEvidence): number {
  return e.kind === "exact" ? 1 : e.kind === "related" ? RELATED_CREDIT * e.strength : 0;
}

/** The skills whose holders count as (strong enough) related evidence for these skills: what retrieval must also ask for. */
export function relatedSkillIds(skillIds: readonly string[], knowledge: TaxonomyKnowledge | null, max = Infinity): string[] {
  if (!knowledge) return [];
  const out = new Set<string>();
  for (const s of skillIds) {
    let taken = 0;
    for (const r of knowledge.related.get(s) ?? []) {
      if (r.strength < MIN_RELATED_STRENGTH || taken >= max) break;
      out.add(r.relatedSkillId);
      taken++;
    }
  }
  return [...out];
}

/** Sorts and groups relatedness rows by skill, strongest first: the shape TaxonomyKnowledge.related expects. */
export function groupRelated(rows: readonly RelatedSkill[]): Map<string, RelatedSkill[]> {
  const bySkill = new Map<string, RelatedSkill[]>();
  for (const r of rows) {
    if (r.skillId === r.relatedSkillId) continue;
    const list = bySkill.get(r.skillId);
    if (list) list.push(r);
    else bySkill.set(r.skillId, [r]);
  }
  for (const list of bySkill.values()) list.sort((a, b) => b.strength - a.strength || (a.relatedSkillId < b.relatedSkillId ? -1 : 1));
  return bySkill;
}

/** Experience counts fully from this many years in the occupation itself. */
export const FULL_EXPERIENCE_YEARS = 5;
/** Experience in another occupation of the same ISCO unit group counts this much. */
export const SIBLING_EXPERIENCE_CREDIT = 0.5;
/** Inside the occupation fit: the skill profile against the years worked. */
const FIT_WEIGHTS = { profile: 0.6, experience: 0.4 } as const;

export interface OccupationFit {
  /** 0–1: the share of the occupation's skills the candidate has (essential ones count twice). */
  profile: number;
  /** Years in the vacancy's occupation, or in a sibling occupation when that is all they have. */
  years: number;
  sameOccupation: boolean;
  /** 0–1: profile and experience together. */
  value: number;
}

/**
 * An occupation's ESCO profile, indexed the other way round for speed: by each
 * skill a candidate might hold, the profile skills it is evidence for (itself,
 * and those it is related to) with their weight (essential 2, optional 1) and
 * credit. Built once per vacancy; a candidate's coverage then costs a pass over
 * their own handful of skills instead of over the whole profile.
 */
export class ProfileIndex {
  private readonly byHeld = new Map<string, { profileSkill: string; weight: number; credit: number }[]>();
  private readonly whole: number;

  constructor(readonly profile: OccupationProfile, knowledge: TaxonomyKnowledge) {
    const add = (held: string, profileSkill: string, weight: number, credit: number) => {
      const list = this.byHeld.get(held);
      if (list) list.push({ profileSkill, weight, credit });
      else this.byHeld.set(held, [{ profileSkill, weight, credit }]);
    };
    const index = (skills: readonly string[], weight: number) => {
      for (const s of skills) {
        add(s, s, weight, 1);
        for (const r of knowledge.related.get(s) ?? []) {
          if (r.strength < MIN_RELATED_STRENGTH) break;
          add(r.relatedSkillId, s, weight, RELATED_CREDIT * r.strength);
        }
      }
    };
    index(profile.essentialSkillIds, 2);
    index(profile.optionalSkillIds, 1);
    this.whole = 2 * profile.essentialSkillIds.length + profile.optionalSkillIds.length;
  }

  /** 0–1: the share of the profile the candidate holds; each profile skill counts once, with its best evidence. */
  coverage(held: readonly string[]): number {
    if (this.whole === 0) return 0;
    const best = new Map<string, { weight: number; credit: number }>();
    for (const h of held) {
      for (const e of this.byHeld.get(h) ?? []) {
        const seen = best.get(e.profileSkill);
        if (!seen || seen.credit < e.credit) best.set(e.profileSkill, e);
      }
    }
    let part = 0;
    for (const { weight, credit } of best.values()) part += weight * credit;
    return part / this.whole;
  }
}

/**
 * How well a candidate fits an occupation: the share of its ESCO profile they
 * hold (essential skills weigh twice optional ones, related skills count as in
 * credit()) and how long they have worked in it (or in a sibling occupation of
 * the same ISCO unit group, at half weight). Null when the vacancy names no
 * occupation or its profile is unknown.
 */
export function occupationFit(index: ProfileIndex | null, candidate: CandidateForMatching, knowledge: TaxonomyKnowledge | null): OccupationFit | null {
  if (!index || !knowledge) return null;
  const profileShare = index.coverage(candidate.skillIds);
  const { years, sameOccupation, sibling } = experienceIn(index.profile, candidate, knowledge);
  const seniority = Math.min(1, (1 + years) / (1 + FULL_EXPERIENCE_YEARS));
  const experience = sameOccupation ? seniority : sibling ? SIBLING_EXPERIENCE_CREDIT * seniority : 0;
  return { profile: profileShare, years, sameOccupation, value: FIT_WEIGHTS.profile * profileShare + FIT_WEIGHTS.experience * experience };
}

/** The profile index of a vacancy's occupation, or null when it names none the taxonomy knows. */
export function profileIndexFor(occupationId: string | null | undefined, knowledge: TaxonomyKnowledge | null): ProfileIndex | null {
  const profile = occupationId && knowledge ? knowledge.occupations.get(occupationId) : undefined;
  return profile && knowledge ? new ProfileIndex(profile, knowledge) : null;
}

/** Years in the occupation itself; failing that, the most years in a sibling occupation. */
function experienceIn(
  profile: OccupationProfile,
  candidate: CandidateForMatching,
  knowledge: TaxonomyKnowledge,
): { years: number; sameOccupation: boolean; sibling: boolean } {
  const experience = candidate.experience ?? [];
  const same = experience.find((e) => e.occupationId === profile.id);
  if (same) return { years: same.years, sameOccupation: true, sibling: false };
  let years = 0;
  let sibling = false;
  for (const e of experience) {
    if (!isSibling(profile, knowledge.occupations.get(e.occupationId))) continue;
    sibling = true;
    years = Math.max(years, e.years);
  }
  return { years, sameOccupation: false, sibling };
}

/** Two occupations of the same ISCO unit group (4 digits): a carpenter and a joiner, not a carpenter and a plumber. */
function isSibling(a: OccupationProfile, b: OccupationProfile | undefined): boolean {
  return !!b && a.id !== b.id && !!a.iscoCode && a.iscoCode.length === 4 && a.iscoCode === b.iscoCode;
}
