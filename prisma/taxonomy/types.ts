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

export interface TaxonomyData {
  format: SourceFormat;
  /** Files that were read, relative to the data directory (for the log and the import record). */
  files: string[];
  groups: GroupInput[];
  skills: SkillInput[];
  occupations: OccupationInput[];
  relations: RelationInput[];
}
