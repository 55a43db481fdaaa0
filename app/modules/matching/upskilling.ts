// Upskilling paths: course offerings that teach a candidate's missing required
// skills, end before the vacancy starts, have seats left, and are online or
// within the candidate's own commuting radius.
import { distanceKm } from "~/modules/geo/distance";
import type { CandidateForMatching, OfferingForMatching, VacancyForMatching } from "./types";

export function isUsableOffering(
  offering: OfferingForMatching,
  candidate: CandidateForMatching,
  vacancy: VacancyForMatching,
): boolean {
  if (offering.cancelled || offering.seatsLeft <= 0) return false;
  // The course must be over before the first working day.
  if (offering.endDate.getTime() >= vacancy.startDate.getTime()) return false;
  // …and must not have started before the candidate can attend.
  if (offering.startDate.getTime() < candidate.availableFrom.getTime()) return false;
  if (offering.online) return true;
  if (!offering.location) return false;
  return distanceKm(candidate.location, offering.location) <= candidate.commuteRadiusKm;
}

/**
 * The smallest set of offerings (greedy set cover; ties go to the course that ends
 * first) that together teach every missing skill, or null when some skill has no
 * usable offering. Missing skills are few (a handful), so greedy is exact enough
 * and cheap.
 */
export function findUpskillingPath(
  missingSkillIds: string[],
  candidate: CandidateForMatching,
  vacancy: VacancyForMatching,
  offerings: OfferingForMatching[],
): { offering: OfferingForMatching; teaches: string[] }[] | null {
  if (missingSkillIds.length === 0) return [];
  const usable = offerings.filter((o) => isUsableOffering(o, candidate, vacancy));
  const uncovered = new Set(missingSkillIds);
  const path: { offering: OfferingForMatching; teaches: string[] }[] = [];
  while (uncovered.size > 0) {
    let best: { offering: OfferingForMatching; teaches: string[] } | null = null;
    for (const offering of usable) {
      const teaches = offering.skillIds.filter((s) => uncovered.has(s));
      if (teaches.length === 0) continue;
      if (
        !best ||
        teaches.length > best.teaches.length ||
        (teaches.length === best.teaches.length && offering.endDate < best.offering.endDate) ||
        (teaches.length === best.teaches.length && offering.endDate.getTime() === best.offering.endDate.getTime() && offering.id < best.offering.id)
      ) {
        best = { offering, teaches };
      }
    }
    if (!best) return null;
    path.push(best);
    for (const s of best.teaches) uncovered.delete(s);
  }
  return path;
}
