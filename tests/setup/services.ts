// Addresses of the services the tests use. Tests never touch the development
// database or indexes: they get their own database (copied from a migrated
// template) and their own Meilisearch index prefix.
export const TEST_PG_BASE = process.env.TEST_DATABASE_BASE_URL ?? "postgresql://postgres@127.0.0.1:5432";
export const TEST_TEMPLATE_DB = "jobbro_test_template";
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
export const TEST_MEILI_URL = process.env.TEST_MEILI_URL ?? "http://127.0.0.1:7701";
export const TEST_MEILI_MASTER_KEY = process.env.TEST_MEILI_MASTER_KEY ?? "jobbro-test-master-key-0123456789";
export const TEST_MEILI_DB_PATH = ".data/meili-test";

export function testDatabaseUrl(name: string): string {
  return `${TEST_PG_BASE}/${name}`;
}
