// Creating and dropping PostgreSQL databases: used by `npm run dev` (create the
// database when missing) and by the tests (one database per test run).
import pg from "pg";

function adminUrl(databaseUrl: string): { admin: string; name: string } {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ""));
  if (!/^[A-Za-z0-9_]+$/.test(name)) {
    throw new Error(`Database name "${name}" in ${redactUrl(databaseUrl)} must use only letters, digits and _`);
  }
  url.pathname = "/postgres";
  return { admin: url.toString(), name };
}

/** The URL with any password replaced, safe to print. */
export function redactUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "(unparseable URL)";
  }
}

async function withAdmin<T>(databaseUrl: string, fn: (client: pg.Client, name: string) => Promise<T>): Promise<T> {
  const { admin, name } = adminUrl(databaseUrl);
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    return await fn(client, name);
  } finally {
    await client.end();
  }
}

/** Creates the database when it does not exist; returns true when it was created. */
export async function ensureDatabase(databaseUrl: string, template?: string): Promise<boolean> {
  return withAdmin(databaseUrl, async (client, name) => {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount) return false;
    const from = template ? ` TEMPLATE "${template.replace(/"/g, "")}"` : "";
    await client.query(`CREATE DATABASE "${name}"${from}`);
    return true;
  });
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  await withAdmin(databaseUrl, async (client, name) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}

export function databaseName(databaseUrl: string): string {
  return adminUrl(databaseUrl).name;
}
