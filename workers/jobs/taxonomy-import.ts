// An operator-started taxonomy import: reads JOBBRO_DATA_DIR (the same import as
// `npm run taxonomy:import`), writes a TaxonomyImport row, and when anything
// changed rebuilds the skills and occupations search indexes (the taxonomy
// writes no outbox rows: a rebuild-and-swap is the catch-up). Progress is
// reported on the job, which the operator's page polls.
import { UnrecoverableError, type Job } from "bullmq";
import { importTaxonomy, TaxonomySourceError } from "../../prisma/taxonomy/import";
import { reindexIndex } from "../../search/reindex";
import { indexDefinition } from "../../search/indexes/registry";
import { JOBS, parsePayload } from "~/lib/queues/registry";
import type { Db } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import type { Logger } from "~/lib/logger.server";

export interface TaxonomyJobProgress {
  phase: "reading" | "indexing" | "done";
  percent: number;
}

export function createTaxonomyProcessor(deps: { db: Db; log: Logger; dataDir?: string; reindex?: boolean }) {
  return async function processTaxonomy(job: Job) {
    if (job.name !== JOBS.taxonomyImport.name) throw new UnrecoverableError(`Unknown job name "${job.name}" in queue ${JOBS.taxonomyImport.queue}`);
    parsePayload(JOBS.taxonomyImport, job.data);
    const progress = (value: TaxonomyJobProgress) => job.updateProgress(value);
    await progress({ phase: "reading", percent: 10 });
    let result;
    try {
      result = await importTaxonomy(deps.db, { dataDir: deps.dataDir ?? getEnv().JOBBRO_DATA_DIR, log: (m) => deps.log.info(m) });
    } catch (error) {
      // A broken data directory stays broken on retry.
      if (error instanceof TaxonomySourceError) throw new UnrecoverableError(error.message);
      throw error;
    }
    if (result.changed && deps.reindex !== false) {
      await progress({ phase: "indexing", percent: 70 });
      for (const name of ["skills", "occupations"]) await reindexIndex(indexDefinition(name), { db: deps.db });
    }
    await progress({ phase: "done", percent: 100 });
    deps.log.info({ importId: result.importId, changed: result.changed, durationMs: result.durationMs }, "taxonomy import finished");
    return { importId: result.importId, changed: result.changed };
  };
}
