// Skills index: autocomplete over Danish and English labels and alternative
// labels (the ESCO alternative labels act as synonyms per document).
import type { Settings } from "meilisearch";
import type { Prisma } from "~/generated/prisma/client";
import { afterIdWhere, type DbReader, type IndexDefinition } from "./definition";
import { danishSearchTerms, danishVocabulary } from "./danish-terms";
import { TAXONOMY_RANKING_RULES, TEXT_TYPO_TOLERANCE } from "./fields";
import { DANISH_STOP_WORDS } from "./stop-words";

export interface SkillDocument {
  id: string;
  key: string;
  labelEn: string;
  labelDa: string | null;
  altLabelsEn: string[];
  altLabelsDa: string[];
  /** Compound parts and ASCII spellings of the Danish labels (danish-terms.ts). */
  terms: string[];
  /** How many occupations name the skill: among equally good matches, the common skill first. */
  usage: number;
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

/** Abbreviations people type that the labels spell out (query side; the labels' own alternatives cover the rest). */
export const SKILL_SYNONYMS: Record<string, string[]> = {
  it: ["ikt", "informationsteknologi"],
  ikt: ["it", "informationsteknologi"],
  ict: ["it", "information technology"],
  sosu: ["social- og sundhed"],
  cnc: ["computer numerical control"],
  "kat c": ["kørekort kategori c"],
  "kat ce": ["kørekort kategori ce"],
  "kat b": ["kørekort kategori b"],
  "kat d": ["kørekort kategori d"],
  "b-kørekort": ["kørekort kategori b"],
  "c-kørekort": ["kørekort kategori c"],
  "ce-kørekort": ["kørekort kategori ce"],
  "stort kørekort": ["kørekort kategori c"],
};

/** Words that name a kind of course, not a skill: "AMU truck" means "truck". */
export const SKILL_QUERY_NOISE: readonly string[] = ["amu", "amu-kursus", "kursus"];

export const skillSettings = {
  searchableAttributes: ["labelDa", "altLabelsDa", "terms", "labelEn", "altLabelsEn"],
  filterableAttributes: ["key"],
  sortableAttributes: ["labelDa", "labelEn", "usage"],
  rankingRules: TAXONOMY_RANKING_RULES("usage:desc"),
  stopWords: [...DANISH_STOP_WORDS, ...SKILL_QUERY_NOISE],
  synonyms: SKILL_SYNONYMS,
  typoTolerance: { ...TEXT_TYPO_TOLERANCE, disableOnAttributes: [] },
} satisfies Settings;

export function toDocument(row: SkillRow, vocabulary: ReadonlySet<string> = new Set(), usage = 0): SkillDocument {
  return {
    id: row.id,
    key: row.key,
    labelEn: row.labelEn,
    labelDa: row.labelDa,
    altLabelsEn: row.altLabelsEn,
    altLabelsDa: row.altLabelsDa,
    terms: danishSearchTerms([row.labelDa, ...row.altLabelsDa], vocabulary),
    usage,
  };
}

export const skillsIndex: IndexDefinition<SkillDocument> = {
  name: "skills",
  primaryKey: "id",
  settings: skillSettings,
  async load(db: DbReader, ids) {
    const [rows, vocabulary, usage] = await Promise.all([
      db.skill.findMany({ where: { id: { in: [...ids] } }, select: skillSelect }),
      danishVocabulary(db),
      db.occupationSkill.groupBy({ by: ["skillId"], where: { skillId: { in: [...ids] } }, _count: { _all: true } }),
    ]);
    const counts = new Map(usage.map((u) => [u.skillId, u._count._all]));
    return rows.map((row) => toDocument(row, vocabulary, counts.get(row.id) ?? 0));
  },
  async pageIds(db: DbReader, afterId, take) {
    const rows = await db.skill.findMany({ where: afterIdWhere(afterId), select: { id: true }, orderBy: { id: "asc" }, take });
    return rows.map((r) => r.id);
  },
};
