// Occupations index: the vacancy wizard's occupation autocomplete, in Danish
// and English, also by ISCO code and by the Danish DISCO-08 group title.
import type { Settings } from "meilisearch";
import { findOccupationDocumentRows, pageOccupationIds, type OccupationDocumentRow } from "~/modules/taxonomy/search-documents.repository.server";
import type { DbReader, IndexDefinition } from "./definition";
import { danishSearchTerms, danishVocabulary } from "./danish-terms";
import { TAXONOMY_RANKING_RULES, TEXT_TYPO_TOLERANCE } from "./fields";
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
  /** Compound parts and ASCII spellings of the Danish labels (danish-terms.ts). */
  terms: string[];
  /**
   * How many titles the occupation goes by (ESCO's and ours): broad, common
   * jobs ("plumber") have many, narrow ones ("plumbing supervisor") few. The
   * taxonomy has no better measure of how common a job is; it orders otherwise
   * equal suggestions.
   */
  prominence: number;
}

/** The row a document is made from (app/modules/taxonomy/search-documents.repository.server.ts). */
export type OccupationRow = OccupationDocumentRow;

/** Abbreviations people type that the titles spell out (query side; the titles' own alternatives cover the rest). */
export const OCCUPATION_SYNONYMS: Record<string, string[]> = {
  sosu: ["social- og sundhedshjælper", "social- og sundhedsassistent"],
  "sosu-hjælper": ["social- og sundhedshjælper"],
  "sosu-assistent": ["social- og sundhedsassistent"],
  chauffør: ["driver"],
  amu: ["arbejdsmarkedsuddannelse"],
  "kat c": ["lastbilchauffør"],
  "kat ce": ["lastbilchauffør"],
  "kat d": ["buschauffør"],
};

export const occupationSettings = {
  searchableAttributes: ["labelDa", "altLabelsDa", "terms", "labelEn", "altLabelsEn", "groupTitleDa", "iscoCode"],
  filterableAttributes: ["iscoCode"],
  sortableAttributes: ["labelDa", "labelEn", "prominence"],
  rankingRules: TAXONOMY_RANKING_RULES("prominence:desc"),
  stopWords: [...DANISH_STOP_WORDS],
  synonyms: OCCUPATION_SYNONYMS,
  // A code is either right or wrong: "7212" must not also find "7213".
  typoTolerance: { ...TEXT_TYPO_TOLERANCE, disableOnAttributes: ["iscoCode"] },
} satisfies Settings;

export function toDocument(row: OccupationRow, vocabulary: ReadonlySet<string> = new Set()): OccupationDocument {
  return {
    id: row.id,
    iscoCode: row.iscoCode,
    labelEn: row.labelEn,
    labelDa: row.labelDa,
    altLabelsEn: row.altLabelsEn,
    altLabelsDa: row.altLabelsDa,
    groupTitleDa: row.group?.titleDa ?? null,
    terms: danishSearchTerms([row.labelDa, ...row.altLabelsDa], vocabulary),
    prominence: row.altLabelsEn.length + row.altLabelsDa.length,
  };
}

export const occupationsIndex: IndexDefinition<OccupationDocument> = {
  name: "occupations",
  primaryKey: "id",
  settings: occupationSettings,
  async load(db: DbReader, ids) {
    const [rows, vocabulary] = await Promise.all([findOccupationDocumentRows(db, ids), danishVocabulary(db)]);
    return rows.map((row) => toDocument(row, vocabulary));
  },
  pageIds(db: DbReader, afterId, take) {
    return pageOccupationIds(db, afterId, take);
  },
};
