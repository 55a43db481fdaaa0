// Brings index documents in line with PostgreSQL for given ids: upsert what
// should be indexed, delete what is gone or must not be indexed. Running it
// twice gives the same index, so jobs may be retried or duplicated freely.
import type { EnqueuedTaskPromise, Meilisearch } from "meilisearch";
import { isSearchTopic, type SearchTopic } from "~/lib/outbox/topics";
import { lockAllForTransaction } from "~/lib/advisory-locks.repository.server";
import type { Db } from "~/lib/db.server";
import { getAdminClient, indexUid } from "./client";
import type { DbReader, IndexDefinition } from "./indexes/definition";
import { TOPIC_TARGETS } from "./indexes/registry";
import { waitOk } from "./tasks";

export const SYNC_BATCH_SIZE = 1000;

export interface SyncResult {
  index: string;
  upserted: number;
  deleted: number;
}

export interface SyncDeps {
  /** The caller's client: each batch is read in a transaction of its own on it. */
  db: Db;
  client?: Meilisearch;
  /** Target another uid than the live one (used while building a new index). */
  uid?: string;
}

/**
 * Syncs documents of `definition` for `ids`, in batches.
 *
 * Two jobs for the same row may run at once (a retry next to a new change).
 * Each batch therefore loads its rows and enqueues its Meilisearch writes while
 * holding PostgreSQL advisory locks on those ids: Meilisearch applies tasks in
 * the order they were enqueued, so a stale load can never overwrite a newer one.
 */
export async function syncIds(definition: IndexDefinition, ids: readonly string[], deps: SyncDeps): Promise<SyncResult> {
  const db = deps.db;
  const client = deps.client ?? getAdminClient();
  const uid = deps.uid ?? indexUid(definition.name);
  const index = client.index(uid);
  const result: SyncResult = { index: definition.name, upserted: 0, deleted: 0 };
  const unique = [...new Set(ids)].sort();
  for (let i = 0; i < unique.length; i += SYNC_BATCH_SIZE) {
    const batch = unique.slice(i, i + SYNC_BATCH_SIZE);
    const pending = await db.$transaction(
      async (tx) => {
        await lockIds(tx, definition.name, batch);
        const documents = await definition.load(tx, batch);
        const kept = new Set(documents.map((d) => d.id));
        const gone = batch.filter((id) => !kept.has(id));
        const tasks: { what: string; task: EnqueuedTaskPromise }[] = [];
        if (documents.length > 0) {
          tasks.push({ what: `Upserting ${documents.length} ${definition.name} documents`, task: index.addDocuments(documents, { primaryKey: definition.primaryKey }) });
        }
        if (gone.length > 0) {
          tasks.push({ what: `Deleting ${gone.length} ${definition.name} documents`, task: index.deleteDocuments(gone) });
        }
        // Enqueued (accepted by Meilisearch) before the locks are released.
        for (const t of tasks) await t.task;
        result.upserted += documents.length;
        result.deleted += gone.length;
        return tasks;
      },
      { timeout: 30_000, maxWait: 10_000 },
    );
    for (const { what, task } of pending) await waitOk(what, task);
  }
  return result;
}

/** Transaction-scoped advisory locks on the documents' ids (two batches cannot deadlock: see lockAllForTransaction). */
async function lockIds(tx: DbReader, indexName: string, ids: readonly string[]): Promise<void> {
  await lockAllForTransaction(tx, ids.map((id) => `search:${indexName}:${id}`));
}

/** Syncs what an outbox topic about `aggregateIds` touches. */
export async function syncTopic(topic: SearchTopic, aggregateIds: readonly string[], deps: SyncDeps): Promise<SyncResult> {
  const db = deps.db;
  const client = deps.client ?? getAdminClient();
  const target = TOPIC_TARGETS[topic];
  const ids = new Set(await target.resolveIds(db, aggregateIds));
  if (target.indexedFilter) {
    for (const id of await indexedIds(client, deps.uid ?? indexUid(target.index.name), target.indexedFilter(aggregateIds))) ids.add(id);
  }
  return syncIds(target.index, [...ids], { ...deps, db, client });
}

/** The entry point for one changed row, e.g. syncEntity("vacancy.changed", id). */
export async function syncEntity(topic: string, id: string, deps: SyncDeps): Promise<SyncResult> {
  if (!isSearchTopic(topic)) throw new Error(`Unknown sync topic "${topic}"`);
  return syncTopic(topic, [id], deps);
}

async function indexedIds(client: Meilisearch, uid: string, filter: string): Promise<string[]> {
  const ids: string[] = [];
  const limit = 1000;
  for (let offset = 0; ; offset += limit) {
    const page = await client.index(uid).getDocuments<{ id: string }>({ filter, fields: ["id"], limit, offset });
    ids.push(...page.results.map((d) => d.id));
    if (page.results.length < limit) return ids;
  }
}
