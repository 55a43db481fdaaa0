// Inserts a link table's rows with one statement per column set: Prisma's
// createMany builds a parameter per value, which made 50,000+ candidate skills
// the slowest part of the seed by far. unnest() sends one array per column.
import type { Prisma } from "~/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export async function insertSkillLinks(
  tx: Tx,
  table: "CandidateSkill" | "CourseSkill",
  ownerColumn: "candidateId" | "courseId",
  rows: { owner: string; skillId: string }[],
): Promise<number> {
  if (rows.length === 0) return 0;
  // Table and column names come from the literal types above, never from input.
  return tx.$executeRawUnsafe(
    `INSERT INTO "${table}" ("${ownerColumn}", "skillId") SELECT * FROM unnest($1::text[], $2::text[])`,
    rows.map((r) => r.owner),
    rows.map((r) => r.skillId),
  );
}
