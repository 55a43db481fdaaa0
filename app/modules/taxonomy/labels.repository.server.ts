// Labels of skills and occupations for the pickers (search/queries/taxonomy.ts):
// by id, and by substring when Meilisearch does not answer. Taxonomy data is
// shared by every organisation, so nothing here is tenant-scoped.
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/lib/db.server";
import type { BilingualLabel } from "./label";

type Reader = Db | Prisma.TransactionClient;

export type TaxonomyConcept = "skills" | "occupations";

export interface LabelRow extends BilingualLabel {
  id: string;
}

const labelSelect = { id: true, labelEn: true, labelDa: true } as const;

/**
 * Up to `take` concepts whose Danish or English label contains `text` (case
 * folded), in label order of the reader's language: a plain substring match,
 * without typo tolerance.
 */
export async function findLabelsContaining(db: Reader, kind: TaxonomyConcept, text: string, orderBy: "labelDa" | "labelEn", take: number): Promise<LabelRow[]> {
  const where = { OR: [{ labelDa: { contains: text, mode: "insensitive" as const } }, { labelEn: { contains: text, mode: "insensitive" as const } }] };
  const order = orderBy === "labelDa" ? [{ labelDa: "asc" as const }, { id: "asc" as const }] : [{ labelEn: "asc" as const }, { id: "asc" as const }];
  return kind === "skills"
    ? db.skill.findMany({ where, select: labelSelect, orderBy: order, take })
    : db.occupation.findMany({ where, select: labelSelect, orderBy: order, take });
}

/** Rows of those of `ids` that exist, in no particular order. */
export async function findLabelsByIds(db: Reader, kind: TaxonomyConcept, ids: readonly string[]): Promise<LabelRow[]> {
  const where = { id: { in: [...new Set(ids)] } };
  return kind === "skills" ? db.skill.findMany({ where, select: labelSelect }) : db.occupation.findMany({ where, select: labelSelect });
}
