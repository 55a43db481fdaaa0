// The project's shared ESCO data: relations name skills by English label only
// (the release's skill URIs were not available). Skills are keyed by ESCO URI
// where a skill collection file gives one for the label, otherwise by
// "label:<normalised lowercased label>".
import { existsSync, readdirSync } from "node:fs";
import { readCsvFile, validateRecords } from "./csv";
import { TaxonomySourceError } from "./errors";
import { buildGroups, readDiscoTitles, readIscoTitles } from "./groups";
import { normaliseLabel, skillKeyForLabel, splitAltLabels, textOrNull } from "./labels";
import { readOccupations } from "./read-occupations";
import { readSkillStructure } from "./read-skill-structure";
import { labelRelationColumns, labelRelationRow, skillColumns, skillRow } from "./schemas";
import { escoFile, SHARED_RELATIONS_FILE, type LocatedSources } from "./source-files";
import type { OccupationInput, RelationInput, SkillInput, TaxonomyData } from "./types";

const COLLECTION_FILE = /^[A-Za-z]+SkillsCollection_en\.csv$/;

export function readSharedFormat(located: LocatedSources): TaxonomyData {
  const files: string[] = [];
  const occupationsFile = escoFile(located, "occupations_en.csv");
  if (!existsSync(occupationsFile.path)) {
    throw new TaxonomySourceError(occupationsFile.displayName, null, `file is missing (needed beside ${SHARED_RELATIONS_FILE})`);
  }
  const occupations = readOccupations(occupationsFile);
  files.push(occupationsFile.displayName);

  const collections = readSkillCollections(located, files);

  const relationsFile = escoFile(located, SHARED_RELATIONS_FILE);
  const relationRows = validateRecords(
    readCsvFile(relationsFile, { requiredColumns: labelRelationColumns }),
    labelRelationRow,
    relationsFile.displayName,
  );
  files.push(relationsFile.displayName);

  const skills = new Map<string, SkillInput>();
  const relations = new Map<string, RelationInput>();
  for (const { line, row } of relationRows) {
    if (!occupations.has(row.occupationUri)) {
      throw new TaxonomySourceError(relationsFile.displayName, line, `occupationUri ${row.occupationUri} is not in ${occupationsFile.displayName}`);
    }
    const label = normaliseLabel(row.skillLabel);
    const known = collections.get(label.toLowerCase());
    const skill: SkillInput = known ?? {
      key: skillKeyForLabel(label),
      escoUri: null,
      labelEn: label,
      labelDa: null,
      altLabelsEn: [],
      altLabelsDa: [],
      skillType: null,
      description: null,
    };
    skills.set(skill.key, skill);
    addRelation(relations, { occupationUri: row.occupationUri, skillKey: skill.key, relation: row.relationType });
  }

  const titlesEn = existsSync(escoFile(located, "ISCOGroups_en.csv").path)
    ? readIscoTitles(escoFile(located, "ISCOGroups_en.csv"))
    : new Map<string, string>();
  if (titlesEn.size > 0) files.push(escoFile(located, "ISCOGroups_en.csv").displayName);
  const titlesDa = located.disco ? readDiscoTitles(located.disco) : new Map<string, string>();
  if (located.disco) files.push(located.disco.displayName);

  const occupationInputs: OccupationInput[] = [...occupations.values()].map((o) => ({
    escoUri: o.escoUri,
    iscoCode: o.iscoCode,
    labelEn: o.label,
    labelDa: null,
    altLabelsEn: o.altLabels,
    altLabelsDa: [],
    description: o.description,
  }));
  const skillStructure = readSkillStructure(located, files);
  return {
    format: "esco-shared-by-label",
    files,
    groups: buildGroups(titlesEn, titlesDa, occupationInputs.flatMap((o) => (o.iscoCode ? [o.iscoCode] : []))),
    skills: [...skills.values()],
    occupations: occupationInputs,
    relations: [...relations.values()],
    skillStructure,
  };
}

/**
 * The same label can appear twice for one occupation (two ESCO skills sharing
 * a label were merged in the source); essential wins over optional.
 */
export function addRelation(relations: Map<string, RelationInput>, relation: RelationInput): void {
  const id = `${relation.occupationUri} ${relation.skillKey}`;
  const existing = relations.get(id);
  if (!existing || (existing.relation === "OPTIONAL" && relation.relation === "ESSENTIAL")) relations.set(id, relation);
}

/** Skills from the *SkillsCollection_en.csv files, by lowercased label; they give URIs and details for ~1,900 labels. */
function readSkillCollections(located: LocatedSources, files: string[]): Map<string, SkillInput> {
  const byLabel = new Map<string, SkillInput>();
  const names = readdirSync(located.escoDir).filter((f) => COLLECTION_FILE.test(f)).sort();
  for (const name of names) {
    const source = escoFile(located, name);
    const rows = validateRecords(readCsvFile(source, { requiredColumns: skillColumns }), skillRow, source.displayName);
    files.push(source.displayName);
    for (const { row } of rows) {
      const label = normaliseLabel(row.preferredLabel);
      if (byLabel.has(label.toLowerCase())) continue; // the collections overlap (a skill can be digital and green)
      byLabel.set(label.toLowerCase(), {
        key: row.conceptUri,
        escoUri: row.conceptUri,
        labelEn: label,
        labelDa: null,
        altLabelsEn: splitAltLabels(row.altLabels, label),
        altLabelsDa: [],
        skillType: textOrNull(row.skillType),
        description: textOrNull(row.description),
      });
    }
  }
  return byLabel;
}
