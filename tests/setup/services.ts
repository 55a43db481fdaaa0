// Addresses of the services the tests use. Tests never touch the development
// database or indexes: they get their own database (copied from a migrated
// template) and their own Meilisearch index prefix.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const TEST_PG_BASE = process.env.TEST_DATABASE_BASE_URL ?? "postgresql://postgres@127.0.0.1:5432";
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
export const TEST_MEILI_URL = process.env.TEST_MEILI_URL ?? "http://127.0.0.1:7701";
export const TEST_MEILI_MASTER_KEY = process.env.TEST_MEILI_MASTER_KEY ?? "jobbro-test-master-key-0123456789";
export const TEST_MEILI_DB_PATH = ".data/meili-test";
export const TEMPLATE_PREFIX = "jobbro_test_tpl_";

/**
 * The template's name carries a hash of the migrations, so a changed migration
 * gets a fresh template and concurrent test runs never rebuild one in use.
 */
export function testTemplateName(): string {
  const dir = path.resolve("prisma/migrations");
  const hash = createHash("sha256");
  for (const entry of readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    hash.update(entry);
    hash.update(readFileSync(path.join(dir, entry, "migration.sql")));
  }
  return `${TEMPLATE_PREFIX}${hash.digest("hex").slice(0, 12)}`;
}

export function testDatabaseUrl(name: string): string {
  return `${TEST_PG_BASE}/${name}`;
}
