// Finds the taxonomy files under a data directory and decides which format
// they are in. Two layouts are accepted:
//  - the project's shared data: esco/occupation_skill_relations_by_label_en.csv
//    and friends (skills named by label), danish/disco08_dst.csv;
//  - the official ESCO CSV release as a municipality downloads it, in any
//    language: skills_xx.csv, occupations_xx.csv, occupationSkillRelations_xx.csv
//    (directly in the directory or in an esco/ subdirectory).
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { CsvSource } from "./csv";
import { TaxonomySourceError } from "./errors";
import type { SourceFormat } from "./types";

export interface LocatedSources {
  format: SourceFormat;
  dataDir: string;
  escoDir: string;
  /** Official format only: language codes that have all three files, English first. */
  languages: string[];
  /** DISCO-08 with Danish titles, when present. */
  disco: CsvSource | null;
}

export const SHARED_RELATIONS_FILE = "occupation_skill_relations_by_label_en.csv";
const OFFICIAL_RELATIONS = /^occupationSkillRelations_([a-z]{2,3})\.csv$/;

export function csvSource(dataDir: string, ...parts: string[]): CsvSource {
  const full = path.resolve(dataDir, ...parts);
  return { path: full, displayName: path.relative(path.resolve(dataDir), full) || path.basename(full) };
}

export function locateSources(dataDir: string): LocatedSources {
  const root = path.resolve(dataDir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new TaxonomySourceError(dataDir, null, "data directory does not exist");
  }
  const candidates = [path.join(root, "esco"), root].filter((d) => existsSync(d) && statSync(d).isDirectory());
  const disco = findDisco(root);

  // The official release wins when both are present: it carries skill URIs.
  for (const dir of candidates) {
    const files = readdirSync(dir);
    const languages = files
      .map((f) => OFFICIAL_RELATIONS.exec(f)?.[1])
      .filter((lang): lang is string => Boolean(lang))
      .filter((lang) => files.includes(`skills_${lang}.csv`) && files.includes(`occupations_${lang}.csv`))
      .sort((a, b) => (a === "en" ? -1 : b === "en" ? 1 : a.localeCompare(b)));
    if (languages.length > 0) return { format: "esco-official", dataDir: root, escoDir: dir, languages, disco };
    const partial = files.find((f) => OFFICIAL_RELATIONS.test(f));
    if (partial) {
      const lang = OFFICIAL_RELATIONS.exec(partial)![1];
      throw new TaxonomySourceError(
        path.relative(root, path.join(dir, partial)) || partial,
        null,
        `official ESCO release is incomplete: skills_${lang}.csv and occupations_${lang}.csv must sit beside it`,
      );
    }
  }
  for (const dir of candidates) {
    if (existsSync(path.join(dir, SHARED_RELATIONS_FILE))) {
      return { format: "esco-shared-by-label", dataDir: root, escoDir: dir, languages: ["en"], disco };
    }
  }
  throw new TaxonomySourceError(
    dataDir,
    null,
    `no taxonomy found: expected occupationSkillRelations_xx.csv with skills_xx.csv and occupations_xx.csv (official ESCO release) or esco/${SHARED_RELATIONS_FILE}`,
  );
}

function findDisco(root: string): CsvSource | null {
  for (const rel of [["danish", "disco08_dst.csv"], ["disco08_dst.csv"]]) {
    if (existsSync(path.join(root, ...rel))) return csvSource(root, ...rel);
  }
  return null;
}

/** A file in the ESCO directory, named relative to the data directory. */
export function escoFile(located: LocatedSources, name: string): CsvSource {
  return csvSource(located.dataDir, path.relative(located.dataDir, path.join(located.escoDir, name)));
}
