// Use cases of the matching engine: match one vacancy against candidates, or one
// candidate against vacancies, with Meilisearch retrieving who is in reach and
// the pure model in app/modules/matching/score.ts deciding and explaining. The
// workers, the evaluation and the benchmark come through here; the portals and
// the API read the stored matches (app/modules/matching/read.server.ts).
import type { Meilisearch, MultiSearchQuery } from "meilisearch";
import { getSearchClient, indexUid } from "./client";
import type { CandidateDocument } from "./indexes/candidates";
import type { OfferingDocument } from "./indexes/offerings";
import type { VacancyDocument } from "./indexes/vacancies";
import {
  candidateFromDocument,
  holdersQuery,
  learnersQuery,
  MAX_HITS_PER_QUERY,
  offeringFromDocument,
  offeringQueryForSkills,
  offeringQueryForVacancies,
  vacancyFromDocument,
  vacancyQueryForCandidate,
} from "./queries/matching";
import type { Db } from "~/lib/db.server";
import { createLogger } from "~/lib/logger.server";
import { groupRelated, relatedSkillIds } from "~/modules/matching/evidence";
import {
  databaseNow,
  loadCandidateForMatching,
  loadTaxonomyKnowledge,
  loadVacanciesForMatching,
  retireMatches,
  skillsEvidencedBy,
  storeMatches,
  type StoreResult,
} from "~/modules/matching/repository.server";
import {
  allocateSeats,
  assessCandidate,
  compareAssessments,
  evaluatePair,
  explainMatch,
  nearMissAllowance,
  prepareVacancy,
  rankMatches,
  type Assessment,
  type VacancyContext,
} from "~/modules/matching/score";
import type { CandidateForMatching, OfferingForMatching, ScoredMatch, TaxonomyKnowledge, VacancyForMatching } from "~/modules/matching/types";

const logger = createLogger("matching");

/** A vacancy keeps its best this-many matches; the rest would never be read. */
export const MAX_MATCHES_PER_VACANCY = 100;

/**
 * Retrieval asks, per required skill, for the skill itself or its strongest
 * related skills: this many at most, so that the filters stay quick to
 * evaluate (the model still weighs every related skill it knows).
 */
export const RETRIEVAL_RELATED_PER_SKILL = 4;

/** The skill itself and its strongest related skills: what retrieval counts as holding it. */
function evidenceOf(knowledge: TaxonomyKnowledge): (skillId: string) => string[] {
  return (skillId) => [skillId, ...relatedSkillIds([skillId], knowledge, RETRIEVAL_RELATED_PER_SKILL)];
}

export interface MatchDeps {
  /** The caller's client: the engine reads and stores through the repositories with it. */
  db: Db;
  search?: Meilisearch;
  runId?: string | null;
}

export interface MatchOutcome extends StoreResult {
  considered: number;
}

async function deps(d: MatchDeps) {
  return { db: d.db, search: d.search ?? (await getSearchClient()), runId: d.runId ?? null };
}

/** Computes the ranked matches of one vacancy without storing them. */
export async function computeVacancyMatches(vacancyId: string, d: MatchDeps): Promise<{ matches: ScoredMatch[]; considered: number } | null> {
  return (await computeManyVacancyMatches([vacancyId], d)).get(vacancyId) ?? null;
}

/** One vacancy on its way through the two retrieval rounds (search/queries/matching.ts). */
interface VacancyWork {
  context: VacancyContext;
  assessed: Assessment[];
  considered: number;
}

/**
 * Computes the ranked matches of several vacancies with one read from
 * PostgreSQL and at most two multi-searches: round 1 asks, per vacancy, for
 * those holding every required skill, plus once for the offerings teaching any
 * of the vacancies' required skills; round 2, only for vacancies that still
 * lack full matches, for those who could learn what they miss. Vacancies that
 * are gone or not open map to null.
 */
export async function computeManyVacancyMatches(
  vacancyIds: readonly string[],
  d: MatchDeps,
): Promise<Map<string, { matches: ScoredMatch[]; considered: number } | null>> {
  const { db, search } = await deps(d);
  const loaded = await loadVacanciesForMatching(db, vacancyIds);
  const out = new Map<string, { matches: ScoredMatch[]; considered: number } | null>(vacancyIds.map((id) => [id, null]));
  const candidates = indexUid("candidates");

  const knowledge = await loadTaxonomyKnowledge(db, loaded.filter((e) => e.open).map((e) => e.vacancy));
  const evidence = evidenceOf(knowledge);

  const firstRound: { vacancy: VacancyForMatching; holders: MultiSearchQuery }[] = [];
  for (const entry of loaded) {
    if (!entry.open) continue;
    const holders = holdersQuery(entry.vacancy, candidates, evidence);
    if (holders) firstRound.push({ vacancy: entry.vacancy, holders });
    else out.set(entry.vacancy.id, { matches: [], considered: 0 });
  }
  if (firstRound.length === 0) return out;

  const offeringQuery = offeringQueryForVacancies(firstRound.map((r) => r.vacancy), indexUid("offerings"));
  const { results: first } = await search.multiSearch({
    queries: [...firstRound.map((r) => r.holders), ...(offeringQuery ? [offeringQuery] : [])],
  });
  const offeringHits = offeringQuery ? (first[firstRound.length].hits as unknown as OfferingDocument[]) : [];
  if (offeringHits.length >= MAX_HITS_PER_QUERY) {
    logger.warn({ vacancies: firstRound.length, offerings: offeringHits.length }, "offering query hit its cap: some upskilling paths may be missed");
  }
  const offerings = offeringHits.map(offeringFromDocument);
  const work: VacancyWork[] = firstRound.map(({ vacancy }, i) => {
    const context = prepareVacancy(vacancy, offerings, knowledge);
    const hits = first[i].hits as unknown as CandidateDocument[];
    return { context, assessed: assessAll(context, hits), considered: hits.length };
  });

  const secondRound: { work: VacancyWork; learners: MultiSearchQuery }[] = [];
  for (const w of work) {
    if (w.assessed.length >= MAX_MATCHES_PER_VACANCY) continue;
    const learners = learnersQuery(w.context.vacancy, (s) => w.context.offerings.teaches(s), candidates, {
      evidence,
      nearMissAllowance: nearMissAllowance(w.context.vacancy.requiredSkillIds.length),
    });
    if (learners) secondRound.push({ work: w, learners });
  }
  if (secondRound.length > 0) {
    const { results: second } = await search.multiSearch({ queries: secondRound.map((r) => r.learners) });
    secondRound.forEach(({ work: w }, i) => {
      const hits = second[i].hits as unknown as CandidateDocument[];
      w.assessed.push(...assessAll(w.context, hits));
      w.considered += hits.length;
    });
  }

  for (const w of work) {
    // Scarce seats go to the best-ranked first (allocateSeats); only then is the list cut.
    const ranked = w.assessed.sort(compareAssessments);
    const allocated = ranked.some((a) => a.kind === "UPSKILLING") ? allocateSeats(w.context, ranked) : ranked;
    const kept = allocated.slice(0, MAX_MATCHES_PER_VACANCY);
    out.set(w.context.vacancy.id, { matches: kept.map((a) => explainMatch(w.context, a)), considered: w.considered });
  }
  return out;
}

function assessAll(context: VacancyContext, hits: CandidateDocument[]): Assessment[] {
  const assessed: Assessment[] = [];
  for (const doc of hits) {
    const candidate = candidateFromDocument(doc);
    if (!candidate) continue;
    const result = assessCandidate(context, candidate);
    if (!("excluded" in result)) assessed.push(result);
  }
  return assessed;
}

/** Re-matches one vacancy and stores the result; a closed, paused or deleted vacancy loses its current matches. */
export async function matchVacancy(vacancyId: string, d: MatchDeps): Promise<MatchOutcome> {
  return matchVacancies([vacancyId], d);
}

/**
 * Re-matches several vacancies and stores the results in one statement: what
 * a nightly batch does. Totals are summed over the vacancies.
 */
export async function matchVacancies(vacancyIds: readonly string[], d: MatchDeps): Promise<MatchOutcome> {
  const resolved = await deps(d);
  // Read before retrieval: the newest computation wins (see storeMatches).
  const computedAt = await databaseNow(resolved.db);
  const computed = await computeManyVacancyMatches(vacancyIds, resolved);
  const open = [...computed].filter(([, result]) => result !== null) as [string, { matches: ScoredMatch[]; considered: number }][];
  const gone = [...computed].filter(([, result]) => result === null).map(([id]) => id);
  const retiredGone = gone.length ? await retireMatches(resolved.db, { vacancyIds: gone }) : 0;
  if (open.length === 0) return { stored: 0, created: 0, upskilling: 0, retired: retiredGone, considered: 0 };
  const stored = await storeMatches(resolved.db, {
    scope: { vacancyIds: open.map(([id]) => id) },
    runId: resolved.runId,
    matches: open.flatMap(([, result]) => result.matches),
    computedAt,
  });
  return { ...stored, retired: stored.retired + retiredGone, considered: open.reduce((sum, [, result]) => sum + result.considered, 0) };
}

/** Computes one candidate's ranked vacancy matches (the consultant's view) without storing them. */
export async function computeCandidateMatches(candidateId: string, d: MatchDeps): Promise<{ matches: ScoredMatch[]; considered: number } | null> {
  const { db, search } = await deps(d);
  const candidate = await loadCandidateForMatching(db, candidateId);
  if (!candidate || !candidate.active || !candidate.hasMatchingConsent) return null;
  // Vacancies asking for a skill the candidate holds, or one their skills are related evidence for.
  const evidenced = groupRelated(await skillsEvidencedBy(db, candidate.skillIds));
  const query = vacancyQueryForCandidate(candidate, indexUid("vacancies"), [...evidenced.keys()]);
  if (!query) return { matches: [], considered: 0 };
  const { results } = await search.multiSearch({ queries: [query] });
  const vacancies = (results[0].hits as unknown as VacancyDocument[]).map(vacancyFromDocument).filter((v) => v !== null);
  const knowledge = await loadTaxonomyKnowledge(db, vacancies);

  const has = new Set(candidate.skillIds);
  const missing = [...new Set(vacancies.flatMap((v) => v.requiredSkillIds.filter((s) => !has.has(s))))];
  const offerings = await offeringsTeaching(search, missing, vacancies, candidate);

  const matches: ScoredMatch[] = [];
  for (const vacancy of vacancies) {
    const result = evaluatePair(vacancy, candidate, offerings, knowledge);
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
export async function matchCandidate(candidateId: string, d: MatchDeps): Promise<MatchOutcome> {
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
