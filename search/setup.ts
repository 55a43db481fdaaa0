// Creates missing indexes and applies their settings. Safe to run at every
// worker start and from `npm run search:setup`: Meilisearch treats settings
// equal to the current ones as a no-op.
import type { Meilisearch } from "meilisearch";
import { getAdminClient, indexUid } from "./client";
import type { IndexDefinition } from "./indexes/definition";
import { INDEXES } from "./indexes/registry";
import { waitOk } from "./tasks";

/** Creates `uid` with the definition's primary key unless it exists, then applies its settings. */
export async function ensureIndex(client: Meilisearch, uid: string, definition: IndexDefinition): Promise<void> {
  await waitOk(`Creating index ${uid}`, client.createIndex(uid, { primaryKey: definition.primaryKey }), {
    allowCodes: ["index_already_exists"],
  });
  await waitOk(`Applying settings to ${uid}`, client.index(uid).updateSettings(definition.settings));
}

export async function setupIndexes(client: Meilisearch = getAdminClient(), definitions: readonly IndexDefinition[] = INDEXES): Promise<void> {
  for (const definition of definitions) {
    await ensureIndex(client, indexUid(definition.name), definition);
  }
}
