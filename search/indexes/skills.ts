// Skills index: autocomplete over Danish and English labels and alternative
// labels (the ESCO alternative labels act as synonyms per document).
import type { Settings } from "meilisearch";
import type { Prisma } from "~/generated/prisma/client";
import { afterIdWhere, type DbReader, type IndexDefinition } from "./definition";
import { TEXT_TYPO_TOLERANCE } from "./fields";
import { DANISH_STOP_WORDS } from "./stop-words";

export interface SkillDocument {
  id: string;
  key: string;
  labelEn: string;
  labelDa: string | null;
  altLabelsEn: string[];
  altLabelsDa: string[];
}

export const skillSelect = {
  id: true,
  key: true,
  labelEn: true,
  labelDa: true,
  altLabelsEn: true,
  altLabelsDa: true,
} satisfies Prisma.SkillSelect;

export type SkillRow = Prisma.SkillGetPayload<{ select: typeof skillSelect }>;

/** Abbreviations people type that the labels spell out. */
export const SKILL_SYNONYMS: Record<string, string[]> = {
  it: ["ikt", "informationsteknologi"],
  ikt: ["it", "informationsteknologi"],
  ict: ["it", "information technology"],
  sosu: ["social- og sundhed"],
  cnc: ["computer numerical control"],
};

export const skillSettings = {
  searchableAttributes: ["labelDa", "labelEn", "altLabelsDa", "altLabelsEn"],
  filterableAttributes: ["key"],
  sortableAttributes: ["labelDa", "labelEn"],
  stopWords: [...DANISH_STOP_WORDS],
  synonyms: SKILL_SYNONYMS,
  typoTolerance: { ...TEXT_TYPO_TOLERANCE, disableOnAttributes: [] },
} satisfies Settings;

export function toDocument(row: SkillRow): SkillDocument {
  return {
    id: row.id,
    key: row.key,
    labelEn: row.labelEn,
    labelDa: row.labelDa,
    altLabelsEn: row.altLabelsEn,
    altLabelsDa: row.altLabelsDa,
  };
}

export const skillsIndex: IndexDefinition<SkillDocument> = {
  name: "skills",
  primaryKey: "id",
  settings: skillSettings,
  async load(db: DbReader, ids) {
    const rows = await db.skill.findMany({ where: { id: { in: [...ids] } }, select: skillSelect });
    return rows.map(toDocument);
  },
  async pageIds(db: DbReader, afterId, take) {
    const rows = await db.skill.findMany({ where: afterIdWhere(afterId), select: { id: true }, orderBy: { id: "asc" }, take });
    return rows.map((r) => r.id);
  },
};
