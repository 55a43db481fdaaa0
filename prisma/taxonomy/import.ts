// Imports the ESCO/DISCO-08 taxonomy from a data directory. Called by the CLI
// (npm run taxonomy:import), the dev orchestrator, the seed and the e2e setup.
// Validation of every file happens first; the writes then run in ONE
// transaction, so a run either lands whole or leaves the database as it was.
import path from "node:path";
import type { PrismaClient } from "~/generated/prisma/client";
import { readTaxonomy } from "./read-taxonomy";
import { computeRelatedness } from "./relatedness";
import type { SourceFormat } from "./types";
import { hasChanges, writeTaxonomy, type WriteCounts } from "./write";

export { TaxonomySourceError } from "./errors";

export interface TaxonomyImportOptions {
  dataDir: string;
  log?: (msg: string) => void;
}

export interface TaxonomyImportResult {
  importId: string;
  format: SourceFormat;
  dataDir: string;
  files: string[];
  /** What the source holds. */
  counts: {
    groups: number;
    skills: number;
    occupations: number;
    relations: number;
    skillsWithDanishLabel: number;
    /** Related-skill pairs derived from the source (SkillRelatedness, ADR 022). */
    relatedPairs: number;
  };
  /** What this run changed in the database (all zero when the source was already imported). */
  changes: WriteCounts;
  changed: boolean;
  durationMs: number;
}

const TRANSACTION = { timeout: 10 * 60_000, maxWait: 60_000 };

export async function importTaxonomy(db: PrismaClient, options: TaxonomyImportOptions): Promise<TaxonomyImportResult> {
  const log = options.log ?? (() => {});
  const started = Date.now();
  const startedAt = new Date(started);
  const dataDir = path.resolve(options.dataDir);

  const data = readTaxonomy(dataDir);
  log(
    `Read ${data.format} taxonomy from ${dataDir} in ${Date.now() - started} ms: ` +
      `${data.occupations.length} occupations, ${data.skills.length} skills, ${data.relations.length} relations`,
  );
  log(`Files: ${data.files.join(", ")}`);
  // Derived before the transaction opens, so the transaction holds its locks only while writing.
  const relatedStarted = Date.now();
  const related = computeRelatedness(data);
  log(`Derived ${related.length} related-skill pairs in ${Date.now() - relatedStarted} ms`);

  const { changes, importId } = await db.$transaction(async (tx) => {
    const changes = await writeTaxonomy(tx, data, related);
    const record = await tx.taxonomyImport.create({
      data: {
        source: dataDir,
        format: data.format,
        startedAt,
        finishedAt: new Date(),
        skills: data.skills.length,
        occupations: data.occupations.length,
        relations: data.relations.length,
        changed: hasChanges(changes),
      },
      select: { id: true },
    });
    return { changes, importId: record.id };
  }, TRANSACTION);

  const result: TaxonomyImportResult = {
    importId,
    format: data.format,
    dataDir,
    files: data.files,
    counts: {
      groups: data.groups.length,
      skills: data.skills.length,
      occupations: data.occupations.length,
      relations: data.relations.length,
      skillsWithDanishLabel: data.skills.filter((s) => s.labelDa).length,
      relatedPairs: related.length,
    },
    changes,
    changed: hasChanges(changes),
    durationMs: Date.now() - started,
  };
  log(`Taxonomy ${result.changed ? "updated" : "unchanged"} in ${result.durationMs} ms`);
  return result;
}
