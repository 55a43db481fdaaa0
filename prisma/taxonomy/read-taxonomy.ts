// Reads and validates every file of a data directory into one TaxonomyData.
// Nothing here touches the database: a bad file is refused before any write.
// Danish labels come from ESCO's official Danish files where present, then
// from Jobbro's own translations (danish-labels.ts).
import { withOwnDanishLabels, type OwnDanishLabels } from "./danish-labels";
import { withOfficialDanishLabels } from "./official-danish";
import { readOfficialFormat } from "./read-official-format";
import { readSharedFormat } from "./read-shared-format";
import { locateSources } from "./source-files";
import type { TaxonomyData } from "./types";

/** The taxonomy as the data folder holds it, with only the Danish labels that ESCO itself provides. */
export function readSourceTaxonomy(dataDir: string): TaxonomyData {
  const located = locateSources(dataDir);
  const data = located.format === "esco-official" ? readOfficialFormat(located) : readSharedFormat(located);
  return withOfficialDanishLabels(located, data);
}

export function readTaxonomy(dataDir: string, own?: OwnDanishLabels): TaxonomyData {
  return withOwnDanishLabels(readSourceTaxonomy(dataDir), own);
}
