// What every index file provides. Sync and reindex work on this shape only, so
// adding an index means adding one file and listing it in ./registry.ts.
import type { Settings } from "meilisearch";
import type { Prisma } from "~/generated/prisma/client";

/** The client or a transaction: loads run inside sync's locking transaction. */
export type DbReader = Prisma.TransactionClient;

export interface SearchDocument {
  id: string;
}

export interface IndexDefinition<TDoc extends SearchDocument = SearchDocument> {
  /** Logical name; the live uid is `${MEILI_INDEX_PREFIX}${name}`. */
  name: string;
  primaryKey: "id";
  settings: Settings;
  /**
   * Documents for those of `ids` that exist and belong in the index. An id that
   * is asked for but not returned is deleted from the index by sync.
   */
  load(db: DbReader, ids: readonly string[]): Promise<TDoc[]>;
  /** Ids in ascending order after `afterId`, for full rebuilds in batches. */
  pageIds(db: DbReader, afterId: string | null, take: number): Promise<string[]>;
}
