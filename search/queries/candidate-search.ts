// The consultant's search for people for a job on the candidates index: who can
// reach the workplace (by their own commuting radius, via reach cells), has at
// least one of the skills, is available by the start date, nearest first.
// Pseudonymous fields only; names are joined from PostgreSQL by the caller.
import type { SearchParams } from "meilisearch";
import type { LatLng } from "~/lib/distance";
import { pointCells } from "../geo/reach-cells";
import { toUnixSeconds } from "../indexes/fields";
import { and, geoRadius, inList, quote } from "./filters";

export interface CandidateSearchInput {
  skillIds?: readonly string[];
  /** People whose commuting circle covers this workplace (the superset by cells; see reach-cells.ts). */
  reachOf?: LatLng;
  /** People living within this distance of a point (a plain geo filter). */
  livingWithin?: { point: LatLng; km: number };
  availableBy?: Date;
  jobcentreId?: string;
  /** Sort by distance from this point, nearest first. */
  nearestTo?: LatLng;
  limit?: number;
  offset?: number;
}

export const CANDIDATE_SEARCH_FIELDS = ["id", "pseudonym", "skillIds", "availableFrom", "commuteRadiusKm", "postalCode"];

export function candidateSearchParams(input: CandidateSearchInput): SearchParams {
  const filter = and(
    'status = "ACTIVE"',
    "hasMatchingConsent = true",
    input.jobcentreId && `jobcentreId = ${quote(input.jobcentreId)}`,
    input.skillIds !== undefined && input.skillIds.length > 0 && inList("skillIds", input.skillIds),
    input.availableBy && `availableFrom <= ${toUnixSeconds(input.availableBy)}`,
    input.reachOf && inList("reachCells", pointCells(input.reachOf)),
    input.livingWithin && geoRadius(input.livingWithin.point.latitude, input.livingWithin.point.longitude, input.livingWithin.km),
  );
  return {
    filter,
    ...(input.nearestTo ? { sort: [`_geoPoint(${input.nearestTo.latitude}, ${input.nearestTo.longitude}):asc`] } : {}),
    limit: input.limit ?? 20,
    offset: input.offset ?? 0,
    attributesToRetrieve: CANDIDATE_SEARCH_FIELDS,
  };
}
