// The official ESCO CSV release (any language): skills and relations carry
// URIs, so skills are keyed by URI. English files give labelEn; Danish files,
// when downloaded too, give labelDa. Without English files the first language
// present fills labelEn, because every skill needs a label to show.
import { existsSync } from "node:fs";
import { readCsvFile, validateRecords, type CsvSource } from "./csv";
import { TaxonomySourceError } from "./errors";
import { buildGroups, readDiscoTitles, readIscoTitles } from "./groups";
import { normaliseLabel, splitAltLabels, textOrNull } from "./labels";
import { readOccupations, type OccupationRecord } from "./read-occupations";
import { addRelation } from "./read-shared-format";
import { readSkillStructure } from "./read-skill-structure";
import { skillColumns, skillRow, uriRelationColumns, uriRelationRow } from "./schemas";
import { escoFile, type LocatedSources } from "./source-files";
import type { OccupationInput, RelationInput, SkillInput, TaxonomyData } from "./types";

export interface SkillRecord {
  line: number;
  uri: string;
  label: string;
  altLabels: string[];
  skillType: string | null;
  description: string | null;
}

export function readOfficialFormat(located: LocatedSources): TaxonomyData {
  const files: string[] = [];
  const skillsByLang = new Map<string, Map<string, SkillRecord>>();
  const occupationsByLang = new Map<string, Map<string, OccupationRecord>>();
  for (const lang of located.languages) {
    const skillsFile = escoFile(located, `skills_${lang}.csv`);
    skillsByLang.set(lang, readSkills(skillsFile));
    files.push(skillsFile.displayName);
    const occupationsFile = escoFile(located, `occupations_${lang}.csv`);
    occupationsByLang.set(lang, readOccupations(occupationsFile));
    files.push(occupationsFile.displayName);
  }
  const primary = located.languages[0];
  const skillsMain = skillsByLang.get(primary)!;
  const skillsDa = skillsByLang.get("da");
  const occupationsMain = occupationsByLang.get(primary)!;
  const occupationsDa = occupationsByLang.get("da");

  // The relations are language-independent (URIs only): one language's file is enough.
  const relationsFile = escoFile(located, `occupationSkillRelations_${primary}.csv`);
  const relationRows = validateRecords(
    readCsvFile(relationsFile, { requiredColumns: uriRelationColumns }),
    uriRelationRow,
    relationsFile.displayName,
  );
  files.push(relationsFile.displayName);
  const relations = new Map<string, RelationInput>();
  for (const { line, row } of relationRows) {
    if (!occupationsMain.has(row.occupationUri)) {
      throw new TaxonomySourceError(relationsFile.displayName, line, `occupationUri ${row.occupationUri} is not in occupations_${primary}.csv`);
    }
    if (!skillsMain.has(row.skillUri)) {
      throw new TaxonomySourceError(relationsFile.displayName, line, `skillUri ${row.skillUri} is not in skills_${primary}.csv`);
    }
    addRelation(relations, { occupationUri: row.occupationUri, skillKey: row.skillUri, relation: row.relationType });
  }

  const skills: SkillInput[] = [...skillsMain.values()].map((s) => {
    const da = skillsDa?.get(s.uri);
    return {
      key: s.uri,
      escoUri: s.uri,
      labelEn: s.label,
      labelDa: da ? da.label : null,
      altLabelsEn: s.altLabels,
      altLabelsDa: da ? da.altLabels : [],
      skillType: s.skillType,
      description: s.description,
    };
  });
  const occupations: OccupationInput[] = [...occupationsMain.values()].map((o) => {
    const da = occupationsDa?.get(o.escoUri);
    return {
      escoUri: o.escoUri,
      iscoCode: o.iscoCode,
      labelEn: o.label,
      labelDa: da ? da.label : null,
      altLabelsEn: o.altLabels,
      altLabelsDa: da ? da.altLabels : [],
      description: o.description,
    };
  });

  const titlesEn = optionalIscoTitles(escoFile(located, "ISCOGroups_en.csv"), files);
  const titlesDa = located.disco
    ? readDiscoTitles(located.disco)
    : optionalIscoTitles(escoFile(located, "ISCOGroups_da.csv"), files);
  if (located.disco) files.push(located.disco.displayName);

  const skillStructure = readSkillStructure(located, files);
  return {
    format: "esco-official",
    files,
    groups: buildGroups(titlesEn, titlesDa, occupations.flatMap((o) => (o.iscoCode ? [o.iscoCode] : []))),
    skills,
    occupations,
    relations: [...relations.values()],
    skillStructure,
  };
}

export function readSkills(source: CsvSource): Map<string, SkillRecord> {
  const rows = validateRecords(readCsvFile(source, { requiredColumns: skillColumns }), skillRow, source.displayName);
  const byUri = new Map<string, SkillRecord>();
  for (const { line, row } of rows) {
    const previous = byUri.get(row.conceptUri);
    if (previous) {
      throw new TaxonomySourceError(source.displayName, line, `skill ${row.conceptUri} is listed twice (first on line ${previous.line})`);
    }
    const label = normaliseLabel(row.preferredLabel);
    byUri.set(row.conceptUri, {
      line,
      uri: row.conceptUri,
      label,
      altLabels: splitAltLabels(row.altLabels, label),
      skillType: textOrNull(row.skillType),
      description: textOrNull(row.description),
    });
  }
  return byUri;
}

function optionalIscoTitles(source: CsvSource, files: string[]): Map<string, string> {
  if (!existsSync(source.path)) return new Map();
  files.push(source.displayName);
  return readIscoTitles(source);
}
