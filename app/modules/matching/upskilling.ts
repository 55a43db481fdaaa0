// Upskilling paths: course offerings that teach a candidate's missing required
// skills, end before the vacancy starts, have seats left, and are online or
// within the candidate's own commuting radius.
import { distanceKm, isWithinKm } from "~/modules/geo/distance";
import type { CandidateForMatching, OfferingForMatching, VacancyForMatching } from "./types";

export interface UpskillingStep {
  offering: OfferingForMatching;
  teaches: string[];
}

/** What an offering must be for anyone to use it for this vacancy: running, seats left, over before the first working day. */
function servesVacancy(offering: OfferingForMatching, vacancy: VacancyForMatching): boolean {
  if (offering.cancelled || offering.seatsLeft <= 0) return false;
  return offering.endDate.getTime() < vacancy.startDate.getTime();
}

/** …and what it must be for this candidate: not started before they can attend, and online or within their own radius. */
function servesCandidate(offering: OfferingForMatching, candidate: CandidateForMatching): boolean {
  if (offering.startDate.getTime() < candidate.availableFrom.getTime()) return false;
  if (offering.online) return true;
  if (!offering.location) return false;
  return isWithinKm(candidate.location, offering.location, candidate.commuteRadiusKm);
}

/** The offerings teaching one skill for one vacancy: online ones, and on-site ones nearest the workplace first. */
interface Teaching {
  online: OfferingForMatching[];
  onSite: { offering: OfferingForMatching; kmFromWorkplace: number }[];
}

/**
 * The offerings that can serve one vacancy, by the skills they teach. Built
 * once per vacancy, so that each of the hundreds of candidates retrieved for it
 * looks only at the few offerings teaching the skills they miss, and only at
 * those near enough: a candidate lives within their radius r of the workplace
 * and may travel r to a course, so a course farther than 2r from the workplace
 * can never serve them (triangle inequality on the sphere).
 */
export class OfferingCatalogue {
  private readonly bySkill = new Map<string, Teaching>();

  constructor(vacancy: VacancyForMatching, offerings: readonly OfferingForMatching[]) {
    for (const offering of offerings) {
      if (!servesVacancy(offering, vacancy)) continue;
      // An on-site offering without a place can serve nobody (servesCandidate).
      if (!offering.online && !offering.location) continue;
      const kmFromWorkplace = offering.location ? distanceKm(vacancy.location, offering.location) : 0;
      for (const skillId of offering.skillIds) {
        let teaching = this.bySkill.get(skillId);
        if (!teaching) this.bySkill.set(skillId, (teaching = { online: [], onSite: [] }));
        if (offering.online) teaching.online.push(offering);
        else teaching.onSite.push({ offering, kmFromWorkplace });
      }
    }
    for (const teaching of this.bySkill.values()) teaching.onSite.sort((a, b) => a.kmFromWorkplace - b.kmFromWorkplace);
  }

  /** Whether any offering could teach this skill for the vacancy (to someone, somewhere). */
  teaches(skillId: string): boolean {
    return this.bySkill.has(skillId);
  }

  /**
   * Whether every missing skill has at least one offering this candidate can
   * use: the decision, without choosing the courses. The engine asks this of
   * every candidate retrieved and builds the path (pathFor) only for the
   * matches it keeps, so it stops at the first usable offering per skill.
   */
  canLearn(missingSkillIds: readonly string[], candidate: CandidateForMatching): boolean {
    return missingSkillIds.every((skillId) => this.visitUsable(skillId, candidate, () => true));
  }

  /**
   * The smallest set of offerings (greedy set cover; ties go to the course that
   * ends first, then the lower id) that together teach every missing skill, or
   * null when some skill has no usable offering. Missing skills are few (a
   * handful), so greedy is exact enough and cheap. Offerings that teach none of
   * the missing skills could never be chosen, so only those that do are looked at.
   */
  pathFor(missingSkillIds: readonly string[], candidate: CandidateForMatching): UpskillingStep[] | null {
    if (missingSkillIds.length === 0) return [];
    // Each offering once, however many missing skills it teaches.
    const usable = new Set<OfferingForMatching>();
    for (const skillId of missingSkillIds) {
      let found = false;
      this.visitUsable(skillId, candidate, (offering) => {
        usable.add(offering);
        found = true;
        return false; // keep going: the path may need any of them
      });
      if (!found) return null;
    }
    const uncovered = new Set(missingSkillIds);
    const path: UpskillingStep[] = [];
    while (uncovered.size > 0) {
      let best: UpskillingStep | null = null;
      for (const offering of usable) {
        const teaches = offering.skillIds.filter((s) => uncovered.has(s));
        if (teaches.length === 0) continue;
        if (!best || isBetterStep(offering, teaches.length, best)) best = { offering, teaches };
      }
      // Cannot happen: every missing skill has a usable offering (checked above).
      if (!best) return null;
      path.push(best);
      for (const s of best.teaches) uncovered.delete(s);
    }
    return path;
  }

  /**
   * Walks the offerings teaching `skillId` that this candidate can use (online
   * ones, then on-site ones nearest the workplace first, stopping beyond twice
   * the radius), calling `visit` on each until it returns true. Returns whether
   * some visit returned true.
   */
  private visitUsable(skillId: string, candidate: CandidateForMatching, visit: (offering: OfferingForMatching) => boolean): boolean {
    const teaching = this.bySkill.get(skillId);
    if (!teaching) return false;
    for (const offering of teaching.online) if (servesCandidate(offering, candidate) && visit(offering)) return true;
    // Tiny slack for rounding: the exact check is servesCandidate's.
    const farthest = 2 * candidate.commuteRadiusKm + 1e-6;
    for (const { offering, kmFromWorkplace } of teaching.onSite) {
      if (kmFromWorkplace > farthest) break;
      if (servesCandidate(offering, candidate) && visit(offering)) return true;
    }
    return false;
  }
}

function isBetterStep(offering: OfferingForMatching, teachCount: number, best: UpskillingStep): boolean {
  if (teachCount !== best.teaches.length) return teachCount > best.teaches.length;
  const end = offering.endDate.getTime();
  const bestEnd = best.offering.endDate.getTime();
  if (end !== bestEnd) return end < bestEnd;
  return offering.id < best.offering.id;
}
