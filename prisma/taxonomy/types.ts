// The normalised taxonomy every source format is read into before anything is
// written: the writer only ever sees this shape.

export type SourceFormat = "esco-shared-by-label" | "esco-official";

export interface GroupInput {
  code: string;
  level: number;
  titleDa: string | null;
  titleEn: string | null;
}

export interface SkillInput {
  key: string;
  escoUri: string | null;
  labelEn: string;
  labelDa: string | null;
  altLabelsEn: string[];
  altLabelsDa: string[];
  skillType: string | null;
  description: string | null;
}

export interface OccupationInput {
  escoUri: string;
  iscoCode: string | null;
  labelEn: string;
  labelDa: string | null;
  altLabelsEn: string[];
  altLabelsDa: string[];
  description: string | null;
}

export interface RelationInput {
  occupationUri: string;
  skillKey: string;
  relation: "ESSENTIAL" | "OPTIONAL";
}

/**
 * ESCO's structure between skills, by concept URI, from the optional files
 * broaderRelationsSkillPillar_xx.csv and skillSkillRelations_xx.csv (empty
 * lists when the data folder has neither). Most URIs in them belong to skills
 * that are not imported; the relatedness computation uses the rows whose skills are.
 */
export interface SkillStructure {
  /** A skill and its broader concept: a broader skill, or a skill group. */
  broader: { uri: string; broaderUri: string; broaderIsGroup: boolean }[];
  /** ESCO skill–skill relations: `relatedUri` is essential or optional for `uri`. */
  related: { uri: string; relatedUri: string; relation: "ESSENTIAL" | "OPTIONAL" }[];
}

export interface TaxonomyData {
  format: SourceFormat;
  /** Files that were read, relative to the data directory (for the log and the import record). */
  files: string[];
  groups: GroupInput[];
  skills: SkillInput[];
  occupations: OccupationInput[];
  relations: RelationInput[];
  skillStructure: SkillStructure;
}
