// Use cases of the matching engine: match one vacancy against candidates, or one
// candidate against vacancies, with Meilisearch retrieving who is in reach and
// the pure model in ./score.ts deciding and explaining. Workers, the API and the
// evaluation all come through here.
import type { Meilisearch } from "meilisearch";
import { getSearchClient, indexUid } from "../../../search/client";
import type { CandidateDocument } from "../../../search/indexes/candidates";
import type { OfferingDocument } from "../../../search/indexes/offerings";
import type { VacancyDocument } from "../../../search/indexes/vacancies";
import {
  candidateFromDocument,
  candidateQueriesForVacancy,
  offeringFromDocument,
  offeringQueryForSkills,
  vacancyFromDocument,
  vacancyQueryForCandidate,
} from "../../../search/queries/matching";
import { getDb, type Db } from "~/utils/db.server";
import {
  databaseNow,
  loadCandidateForMatching,
  loadVacancyForMatching,
  retireMatches,
  storeMatches,
  type StoreResult,
} from "./repository.server";
import { evaluatePair, rankMatches } from "./score";
import type { CandidateForMatching, OfferingForMatching, ScoredMatch } from "./types";

/** A vacancy keeps its best this-many matches; the rest would never be read. */
export const MAX_MATCHES_PER_VACANCY = 100;

export interface MatchDeps {
  db?: Db;
  search?: Meilisearch;
  runId?: string | null;
}

export interface MatchOutcome extends StoreResult {
  considered: number;
}

async function deps(d: MatchDeps) {
  return { db: d.db ?? getDb(), search: d.search ?? (await getSearchClient()), runId: d.runId ?? null };
}

/** Computes the ranked matches of one vacancy without storing them. */
export async function computeVacancyMatches(vacancyId: string, d: MatchDeps = {}): Promise<{ matches: ScoredMatch[]; considered: number } | null> {
  const { db, search } = await deps(d);
  const loaded = await loadVacancyForMatching(db, vacancyId);
  if (!loaded || !loaded.open) return null;
  const { vacancy } = loaded;
  const candidateQueries = candidateQueriesForVacancy(vacancy, indexUid("candidates"));
  if (candidateQueries.length === 0) return { matches: [], considered: 0 };
  const offeringQuery = offeringQueryForSkills(vacancy.requiredSkillIds, vacancy.startDate, indexUid("offerings"));
  const queries = vacancy.requiredSkillIds.length ? [...candidateQueries, offeringQuery] : candidateQueries;
  const { results } = await search.multiSearch({ queries });
  const candidateHits = results.slice(0, candidateQueries.length).flatMap((r) => r.hits as unknown as CandidateDocument[]);
  const offerings = vacancy.requiredSkillIds.length
    ? (results[candidateQueries.length].hits as unknown as OfferingDocument[]).map(offeringFromDocument)
    : [];

  const matches: ScoredMatch[] = [];
  for (const doc of candidateHits) {
    const candidate = candidateFromDocument(doc);
    if (!candidate) continue;
    const result = evaluatePair(vacancy, candidate, offerings);
    if ("match" in result) matches.push(result.match);
  }
  return { matches: rankMatches(matches, "candidate").slice(0, MAX_MATCHES_PER_VACANCY), considered: candidateHits.length };
}

/** Re-matches one vacancy and stores the result; a closed, paused or deleted vacancy loses its current matches. */
export async function matchVacancy(vacancyId: string, d: MatchDeps = {}): Promise<MatchOutcome> {
  const resolved = await deps(d);
  const computedAt = await databaseNow(resolved.db);
  const computed = await computeVacancyMatches(vacancyId, resolved);
  if (!computed) {
    const retired = await retireMatches(resolved.db, { vacancyId });
    return { stored: 0, created: 0, upskilling: 0, retired, considered: 0 };
  }
  const stored = await storeMatches(resolved.db, { scope: { vacancyId }, runId: resolved.runId, matches: computed.matches, computedAt });
  return { ...stored, considered: computed.considered };
}

/** Computes one candidate's ranked vacancy matches (the consultant's view) without storing them. */
export async function computeCandidateMatches(candidateId: string, d: MatchDeps = {}): Promise<{ matches: ScoredMatch[]; considered: number } | null> {
  const { db, search } = await deps(d);
  const candidate = await loadCandidateForMatching(db, candidateId);
  if (!candidate || !candidate.active || !candidate.hasMatchingConsent) return null;
  const query = vacancyQueryForCandidate(candidate, indexUid("vacancies"));
  if (!query) return { matches: [], considered: 0 };
  const { results } = await search.multiSearch({ queries: [query] });
  const vacancies = (results[0].hits as unknown as VacancyDocument[]).map(vacancyFromDocument).filter((v) => v !== null);

  const has = new Set(candidate.skillIds);
  const missing = [...new Set(vacancies.flatMap((v) => v.requiredSkillIds.filter((s) => !has.has(s))))];
  const offerings = await offeringsTeaching(search, missing, vacancies, candidate);

  const matches: ScoredMatch[] = [];
  for (const vacancy of vacancies) {
    const result = evaluatePair(vacancy, candidate, offerings);
    if ("match" in result) matches.push(result.match);
  }
  return { matches: rankMatches(matches, "vacancy"), considered: vacancies.length };
}

async function offeringsTeaching(
  search: Meilisearch,
  skillIds: string[],
  vacancies: { startDate: Date }[],
  candidate: CandidateForMatching,
): Promise<OfferingForMatching[]> {
  if (skillIds.length === 0 || vacancies.length === 0) return [];
  const latestStart = new Date(Math.max(...vacancies.map((v) => v.startDate.getTime())));
  const { results } = await search.multiSearch({
    queries: [offeringQueryForSkills(skillIds, latestStart, indexUid("offerings"), candidate.availableFrom)],
  });
  return (results[0].hits as unknown as OfferingDocument[]).map(offeringFromDocument);
}

/** Re-matches one candidate against every open vacancy in reach and stores the result. */
export async function matchCandidate(candidateId: string, d: MatchDeps = {}): Promise<MatchOutcome> {
  const resolved = await deps(d);
  const computedAt = await databaseNow(resolved.db);
  const computed = await computeCandidateMatches(candidateId, resolved);
  if (!computed) {
    const retired = await retireMatches(resolved.db, { candidateId });
    return { stored: 0, created: 0, upskilling: 0, retired, considered: 0 };
  }
  const stored = await storeMatches(resolved.db, { scope: { candidateId }, runId: resolved.runId, matches: computed.matches, computedAt });
  return { ...stored, considered: computed.considered };
}
