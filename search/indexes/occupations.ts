// Occupations index: the vacancy wizard's occupation autocomplete, in Danish
// and English, also by ISCO code and by the Danish DISCO-08 group title.
import type { Settings } from "meilisearch";
import type { Prisma } from "~/generated/prisma/client";
import { afterIdWhere, type DbReader, type IndexDefinition } from "./definition";
import { TEXT_TYPO_TOLERANCE } from "./fields";
import { DANISH_STOP_WORDS } from "./stop-words";

export interface OccupationDocument {
  id: string;
  iscoCode: string | null;
  labelEn: string;
  labelDa: string | null;
  altLabelsEn: string[];
  altLabelsDa: string[];
  /** DISCO-08 group title in Danish, e.g. "Svejsere og flammeskærere". */
  groupTitleDa: string | null;
}

export const occupationSelect = {
  id: true,
  iscoCode: true,
  labelEn: true,
  labelDa: true,
  altLabelsEn: true,
  altLabelsDa: true,
  group: { select: { titleDa: true } },
} satisfies Prisma.OccupationSelect;

export type OccupationRow = Prisma.OccupationGetPayload<{ select: typeof occupationSelect }>;

export const OCCUPATION_SYNONYMS: Record<string, string[]> = {
  sosu: ["social- og sundhedshjælper", "social- og sundhedsassistent"],
  chauffør: ["driver"],
};

export const occupationSettings = {
  searchableAttributes: ["labelDa", "labelEn", "altLabelsDa", "altLabelsEn", "groupTitleDa", "iscoCode"],
  filterableAttributes: ["iscoCode"],
  sortableAttributes: ["labelDa", "labelEn"],
  stopWords: [...DANISH_STOP_WORDS],
  synonyms: OCCUPATION_SYNONYMS,
  // A code is either right or wrong: "7212" must not also find "7213".
  typoTolerance: { ...TEXT_TYPO_TOLERANCE, disableOnAttributes: ["iscoCode"] },
} satisfies Settings;

export function toDocument(row: OccupationRow): OccupationDocument {
  return {
    id: row.id,
    iscoCode: row.iscoCode,
    labelEn: row.labelEn,
    labelDa: row.labelDa,
    altLabelsEn: row.altLabelsEn,
    altLabelsDa: row.altLabelsDa,
    groupTitleDa: row.group?.titleDa ?? null,
  };
}

export const occupationsIndex: IndexDefinition<OccupationDocument> = {
  name: "occupations",
  primaryKey: "id",
  settings: occupationSettings,
  async load(db: DbReader, ids) {
    const rows = await db.occupation.findMany({ where: { id: { in: [...ids] } }, select: occupationSelect });
    return rows.map(toDocument);
  },
  async pageIds(db: DbReader, afterId, take) {
    const rows = await db.occupation.findMany({ where: afterIdWhere(afterId), select: { id: true }, orderBy: { id: "asc" }, take });
    return rows.map((r) => r.id);
  },
};
