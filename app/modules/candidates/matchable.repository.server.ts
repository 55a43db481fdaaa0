// Who may be matched: an ACTIVE candidate with a MATCHING consent that is not
// withdrawn. Matching (search/matching-engine.server.ts) and the candidates
// index (search/indexes/candidates.ts) both read candidates through here, so
// the rule is written once; ./matchable.ts applies it to the rows.
//
// Ids and facts only: no names, contact details or free text are selected, and
// nothing is tenant-scoped (matching spans jobcentres; what a consultant may see
// of the result is decided where matches are read).
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/lib/db.server";
import { afterIdWhere } from "~/lib/keyset";

type Reader = Db | Prisma.TransactionClient;

/** The consent that lets a candidate be matched. */
const MATCHING_CONSENT = { purpose: "MATCHING", withdrawnAt: null } satisfies Prisma.ConsentWhereInput;

/** What matching needs of a candidate, with what decides whether they may be matched at all (status, consent). */
export const matchableCandidateSelect = {
  id: true,
  status: true,
  availableFrom: true,
  latitude: true,
  longitude: true,
  commuteRadiusKm: true,
  hasDrivingLicence: true,
  skills: { select: { skillId: true }, orderBy: { skillId: "asc" } },
  occupations: { select: { occupationId: true, years: true }, orderBy: { occupationId: "asc" } },
  // One is enough to know there is one.
  consents: { where: MATCHING_CONSENT, select: { id: true }, take: 1 },
} satisfies Prisma.CandidateSelect;

export type MatchableCandidateRow = Prisma.CandidateGetPayload<{ select: typeof matchableCandidateSelect }>;

/** A candidate document's row: the matching facts plus what consultants' searches filter on, still pseudonymous. */
export const candidateDocumentSelect = {
  ...matchableCandidateSelect,
  jobcentreId: true,
  pseudonym: true,
  languages: true,
  postalCode: true,
} satisfies Prisma.CandidateSelect;

export type CandidateDocumentRow = Prisma.CandidateGetPayload<{ select: typeof candidateDocumentSelect }>;

/** The candidate whether matchable or not (matching retires the matches of one who is not), or null if gone. */
export async function findMatchableCandidateRow(db: Reader, candidateId: string): Promise<MatchableCandidateRow | null> {
  return db.candidate.findUnique({ where: { id: candidateId }, select: matchableCandidateSelect });
}

/** Rows of those of `ids` that exist, matchable or not: the index deletes the documents of the others. */
export async function findCandidateDocumentRows(db: Reader, ids: readonly string[]): Promise<CandidateDocumentRow[]> {
  return db.candidate.findMany({ where: { id: { in: [...ids] } }, select: candidateDocumentSelect });
}

/** Every candidate's id after `afterId`, ascending, matchable or not: a rebuild pages through all of them. */
export async function pageCandidateIds(db: Reader, afterId: string | null, take: number): Promise<string[]> {
  const rows = await db.candidate.findMany({ where: afterIdWhere(afterId), select: { id: true }, orderBy: { id: "asc" }, take });
  return rows.map((r) => r.id);
}
