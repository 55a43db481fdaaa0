// Two kinds of Meilisearch client. The admin client holds the master key and is
// for tooling and workers only (setup, sync, reindex). The web process uses the
// search client, whose key can do nothing but search this deployment's indexes
// (docs/decisions/005-search-and-outbox.md).
import { createHash } from "node:crypto";
import { Meilisearch, type Key } from "meilisearch";
import { getEnv } from "~/lib/env.server";
import { meiliApiError, nodeHttpClient } from "./http-transport";

/** The live uid of a logical index, e.g. "vacancies" → "jobbro_vacancies". */
export function indexUid(name: string, prefix = getEnv().MEILI_INDEX_PREFIX): string {
  return `${prefix}${name}`;
}

export function getAdminClient(): Meilisearch {
  const env = getEnv();
  return new Meilisearch({ host: env.MEILI_URL, apiKey: env.MEILI_MASTER_KEY, httpClient: nodeHttpClient });
}

/**
 * A fixed key uid per index prefix, so that every process (and every restart)
 * finds the same key instead of creating a new one. Meilisearch wants a UUID v4
 * shape; we derive one from a hash of the prefix.
 */
export function searchKeyUid(prefix: string): string {
  const hex = createHash("sha256").update(`jobbro-search-key:${prefix}`).digest("hex");
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function searchKeyName(prefix: string): string {
  return `jobbro-search-only:${prefix || "*"}`;
}

/** Finds or creates the search-only key for `${prefix}*` with the master key. */
export async function ensureSearchKey(admin: Meilisearch, prefix: string): Promise<Key> {
  const uid = searchKeyUid(prefix);
  const existing = await getKeyOrNull(admin, uid);
  if (existing) return existing;
  try {
    return await admin.createKey({
      uid,
      name: searchKeyName(prefix),
      description: "Search only; used by the Jobbro web process.",
      actions: ["search"],
      indexes: [`${prefix}*`],
      expiresAt: null,
    });
  } catch (error) {
    // Another process created it between our lookup and our create.
    const raced = await getKeyOrNull(admin, uid);
    if (raced) return raced;
    throw error;
  }
}

async function getKeyOrNull(admin: Meilisearch, uid: string): Promise<Key | null> {
  try {
    return await admin.getKey(uid);
  } catch (error) {
    if (meiliApiError(error)?.response.status === 404) return null;
    throw error;
  }
}

const searchClients = new Map<string, Promise<Meilisearch>>();

/**
 * The web process's client. Uses MEILI_SEARCH_KEY when set (production: the
 * master key then never reaches the web process); otherwise derives the key once
 * per process from the master key (development and tests).
 */
export function getSearchClient(): Promise<Meilisearch> {
  const env = getEnv();
  const cacheKey = `${env.MEILI_URL}|${env.MEILI_INDEX_PREFIX}|${env.MEILI_SEARCH_KEY ?? ""}`;
  let client = searchClients.get(cacheKey);
  if (!client) {
    client = (async () => {
      const apiKey = env.MEILI_SEARCH_KEY ?? (await ensureSearchKey(getAdminClient(), env.MEILI_INDEX_PREFIX)).key;
      return new Meilisearch({ host: env.MEILI_URL, apiKey, httpClient: nodeHttpClient });
    })();
    // A failed derivation (Meilisearch down at start) must not stick.
    client.catch(() => searchClients.delete(cacheKey));
    searchClients.set(cacheKey, client);
  }
  return client;
}
