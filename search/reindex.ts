// Full rebuilds. Each index is built under a new uid, filled from PostgreSQL in
// batches, then swapped with the live one in one Meilisearch task, so searches
// keep answering from the old documents until the new ones are complete.
//
// Changes made while a build runs are caught up after the swap: every change
// writes an outbox row, so we re-sync the ids of outbox rows created since the
// build started (docs/decisions/005-search-and-outbox.md).
import type { Meilisearch } from "meilisearch";
import type { Db } from "~/lib/db.server";
import { createLogger } from "~/lib/logger.server";
import { outboxAggregateIdsSince, outboxClock } from "~/lib/outbox/outbox.repository.server";
import { getAdminClient, indexUid } from "./client";
import type { IndexDefinition } from "./indexes/definition";
import { INDEXES, topicsFor } from "./indexes/registry";
import { ensureIndex } from "./setup";
import { syncTopic } from "./sync";
import { waitOk } from "./tasks";

export const REINDEX_BATCH_SIZE = 5000;

export interface ReindexOptions {
  db: Db;
  client?: Meilisearch;
  batchSize?: number;
}

export interface ReindexResult {
  index: string;
  documents: number;
  caughtUp: number;
}

export async function reindexAll(options: ReindexOptions): Promise<ReindexResult[]> {
  const results: ReindexResult[] = [];
  for (const definition of INDEXES) results.push(await reindexIndex(definition, options));
  return results;
}

export async function reindexIndex(definition: IndexDefinition, options: ReindexOptions): Promise<ReindexResult> {
  const db = options.db;
  const client = options.client ?? getAdminClient();
  const batchSize = options.batchSize ?? REINDEX_BATCH_SIZE;
  const log = createLogger("search-reindex", { index: definition.name });
  const liveUid = indexUid(definition.name);
  const buildUid = `${liveUid}__build_${Date.now()}`;
  // Database time, because outbox rows are stamped by the database.
  const startedAt = await outboxClock(db);

  log.info({ buildUid }, "building index");
  await ensureIndex(client, buildUid, definition);
  let documents = 0;
  try {
    for (let afterId: string | null = null; ; ) {
      const ids = await definition.pageIds(db, afterId, batchSize);
      if (ids.length === 0) break;
      const docs = await definition.load(db, ids);
      if (docs.length > 0) {
        await waitOk(`Filling ${buildUid}`, client.index(buildUid).addDocuments(docs, { primaryKey: definition.primaryKey }));
      }
      documents += docs.length;
      afterId = ids[ids.length - 1];
    }
    // First run: a live index with settings must exist to swap with.
    await ensureIndex(client, liveUid, definition);
    await waitOk(`Swapping ${buildUid} into ${liveUid}`, client.swapIndexes([{ indexes: [liveUid, buildUid], rename: false }]));
  } catch (error) {
    await waitOk(`Deleting unfinished ${buildUid}`, client.deleteIndex(buildUid)).catch(() => undefined);
    throw error;
  }
  // After the swap, buildUid holds the previous live documents.
  await waitOk(`Deleting previous ${definition.name} index`, client.deleteIndex(buildUid));

  const caughtUp = await catchUp(db, client, definition, startedAt);
  log.info({ documents, caughtUp }, "index rebuilt and swapped in");
  return { index: definition.name, documents, caughtUp };
}

/** Re-syncs what changed while the build was reading PostgreSQL. */
async function catchUp(db: Db, client: Meilisearch, definition: IndexDefinition, since: Date): Promise<number> {
  let count = 0;
  for (const topic of topicsFor(definition)) {
    const aggregateIds = await outboxAggregateIdsSince(db, topic, since);
    if (aggregateIds.length === 0) continue;
    await syncTopic(topic, aggregateIds, { db, client });
    count += aggregateIds.length;
  }
  return count;
}

