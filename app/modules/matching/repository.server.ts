// Storage of matches. A re-run updates score, kind and explanation but never the
// pipeline status a person set; a pair the latest run no longer finds is kept
// (with its history) but marked not current.
import type { Db } from "~/utils/db.server";
import type { ScoredMatch } from "./types";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export interface StoreResult {
  stored: number;
  created: number;
  upskilling: number;
  retired: number;
}

/** Replaces the current match list of one vacancy with `matches` (already ranked and capped). */
export async function storeVacancyMatches(
  db: Db,
  args: { vacancyId: string; runId: string | null; matches: ScoredMatch[] },
): Promise<StoreResult> {
  const { vacancyId, runId, matches } = args;
  return db.$transaction(async (tx: Tx) => {
    const candidateIds = matches.map((m) => m.candidateId);
    const rows = await tx.$queryRaw<{ id: string; candidateId: string; inserted: boolean }[]>`
      INSERT INTO "Match" ("id", "vacancyId", "candidateId", "kind", "score", "explanation", "current", "firstRunId", "lastRunId", "isNew", "createdAt", "updatedAt")
      SELECT 'm' || md5(${vacancyId} || ':' || c.candidate_id), ${vacancyId}, c.candidate_id, c.kind::"MatchKind", c.score, c.explanation, true, ${runId}, ${runId}, true, now(), now()
      FROM unnest(${candidateIds}::text[], ${matches.map((m) => m.kind)}::text[], ${matches.map((m) => m.score)}::float8[], ${matches.map((m) => JSON.stringify(m.explanation))}::jsonb[])
        AS c(candidate_id, kind, score, explanation)
      ON CONFLICT ("vacancyId", "candidateId") DO UPDATE SET
        "kind" = EXCLUDED."kind",
        "score" = EXCLUDED."score",
        "explanation" = EXCLUDED."explanation",
        "current" = true,
        "lastRunId" = EXCLUDED."lastRunId",
        "updatedAt" = now()
      RETURNING "id", "candidateId", (xmax = 0) AS inserted`;

    const retired = await tx.match.updateMany({
      where: { vacancyId, current: true, candidateId: { notIn: candidateIds } },
      data: { current: false },
    });

    const idByCandidate = new Map(rows.map((r) => [r.candidateId, r.id]));
    const matchIds = rows.map((r) => r.id);
    await tx.matchOffering.deleteMany({ where: { matchId: { in: matchIds } } });
    const paths = matches.flatMap((m) =>
      m.explanation.upskilling.map((u) => ({ matchId: idByCandidate.get(m.candidateId)!, offeringId: u.offeringId })),
    );
    if (paths.length) await tx.matchOffering.createMany({ data: paths, skipDuplicates: true });

    return {
      stored: rows.length,
      created: rows.filter((r) => r.inserted).length,
      upskilling: matches.filter((m) => m.kind === "UPSKILLING").length,
      retired: retired.count,
    };
  });
}
