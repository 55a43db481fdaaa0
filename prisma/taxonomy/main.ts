// npm run taxonomy:import [-- --dir <path>]
// Imports the taxonomy from JOBBRO_DATA_DIR (or --dir) and prints a summary.
// A bad source file ends the run with exit code 1 and "file, line: reason".
import { parseArgs } from "node:util";
import { disconnectDb, getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { importTaxonomy, TaxonomySourceError, type TaxonomyImportResult } from "./import";

function summary(r: TaxonomyImportResult): string {
  const c = r.changes;
  return [
    `Taxonomy import (${r.format}) from ${r.dataDir}: ${r.changed ? "CHANGED" : "unchanged"} in ${(r.durationMs / 1000).toFixed(1)} s`,
    `  source:  ${r.counts.occupations} occupations, ${r.counts.skills} skills (${r.counts.skillsWithDanishLabel} with Danish label), ` +
      `${r.counts.relations} relations, ${r.counts.groups} ISCO/DISCO groups`,
    `  written: ${c.occupationsWritten} occupations, ${c.skillsWritten} skills, ${c.relationsWritten} relations, ${c.groupsWritten} groups`,
    `  removed: ${c.occupationsDeleted} occupations, ${c.skillsDeleted} skills, ${c.relationsDeleted} relations` +
      (c.skillsKept + c.occupationsKept > 0
        ? ` (kept ${c.skillsKept} skills and ${c.occupationsKept} occupations no longer in the source because they are in use)`
        : ""),
    `  related skills: ${r.counts.relatedPairs} pairs; ${c.relatednessWritten} written, ${c.relatednessDeleted} removed`,
  ].join("\n");
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { dir: { type: "string" } } });
  const dataDir = values.dir ?? getEnv().JOBBRO_DATA_DIR;
  try {
    const result = await importTaxonomy(getDb(), { dataDir, log: (m) => console.log(m) });
    console.log(summary(result));
    return 0;
  } catch (error) {
    if (error instanceof TaxonomySourceError) {
      console.error(`Taxonomy import from ${dataDir} refused; nothing was imported.\n  ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await disconnectDb();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Taxonomy import failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
