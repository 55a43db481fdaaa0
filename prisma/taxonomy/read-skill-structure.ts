// ESCO's structure between skills, keyed by concept URI: the skill hierarchy
// (broaderRelationsSkillPillar_xx.csv) and the skill–skill relations
// (skillSkillRelations_xx.csv). Both formats may carry them; both files are
// optional, because only the relatedness computation uses them and a taxonomy
// without them is still a taxonomy. Rows are validated like every other file;
// URIs that name no imported skill are kept (most do not, and that is normal).
import { existsSync } from "node:fs";
import { readCsvFile, validateRecords, type CsvSource } from "./csv";
import { broaderSkillColumns, broaderSkillRow, skillSkillColumns, skillSkillRow } from "./schemas";
import { escoFile, type LocatedSources } from "./source-files";
import type { SkillStructure } from "./types";

export function readSkillStructure(located: LocatedSources, files: string[]): SkillStructure {
  const structure: SkillStructure = { broader: [], related: [] };

  const broaderFile = firstPresent(located, "broaderRelationsSkillPillar");
  if (broaderFile) {
    const rows = validateRecords(readCsvFile(broaderFile, { requiredColumns: broaderSkillColumns }), broaderSkillRow, broaderFile.displayName);
    files.push(broaderFile.displayName);
    for (const { row } of rows) {
      // Group-to-group rows build the tree of groups; only a skill's own parent says something about the skill.
      if (row.conceptType !== "KnowledgeSkillCompetence") continue;
      structure.broader.push({ uri: row.conceptUri, broaderUri: row.broaderUri, broaderIsGroup: row.broaderType === "SkillGroup" });
    }
  }

  const relatedFile = firstPresent(located, "skillSkillRelations");
  if (relatedFile) {
    const rows = validateRecords(readCsvFile(relatedFile, { requiredColumns: skillSkillColumns }), skillSkillRow, relatedFile.displayName);
    files.push(relatedFile.displayName);
    for (const { row } of rows) {
      structure.related.push({ uri: row.originalSkillUri, relatedUri: row.relatedSkillUri, relation: row.relationType });
    }
  }
  return structure;
}

/** The files hold URIs only, so any one language's copy will do: English first, as `languages` is ordered. */
function firstPresent(located: LocatedSources, stem: string): CsvSource | null {
  for (const lang of located.languages) {
    const source = escoFile(located, `${stem}_${lang}.csv`);
    if (existsSync(source.path)) return source;
  }
  return null;
}
