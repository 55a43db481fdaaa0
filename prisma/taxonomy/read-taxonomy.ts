// Reads and validates every file of a data directory into one TaxonomyData.
// Nothing here touches the database: a bad file is refused before any write.
import { withDanishSkillLabels } from "./danish-labels";
import { readOfficialFormat } from "./read-official-format";
import { readSharedFormat } from "./read-shared-format";
import { locateSources } from "./source-files";
import type { TaxonomyData } from "./types";

export function readTaxonomy(dataDir: string): TaxonomyData {
  const located = locateSources(dataDir);
  const data = located.format === "esco-official" ? readOfficialFormat(located) : readSharedFormat(located);
  return { ...data, skills: withDanishSkillLabels(data.skills) };
}
