// Skills index: autocomplete over Danish and English labels and alternative
// labels (the ESCO alternative labels act as synonyms per document).
import type { Settings } from "meilisearch";
import {
  countOccupationsNamingSkills,
  findSkillDocumentRows,
  pageSkillIds,
  type SkillDocumentRow,
} from "~/modules/taxonomy/search-documents.repository.server";
import type { DbReader, IndexDefinition } from "./definition";
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

/** The row a document is made from (app/modules/taxonomy/search-documents.repository.server.ts). */
export type SkillRow = SkillDocumentRow;

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
    const [rows, vocabulary, counts] = await Promise.all([findSkillDocumentRows(db, ids), danishVocabulary(db), countOccupationsNamingSkills(db, ids)]);
    return rows.map((row) => toDocument(row, vocabulary, counts.get(row.id) ?? 0));
  },
  pageIds(db: DbReader, afterId, take) {
    return pageSkillIds(db, afterId, take);
  },
};
