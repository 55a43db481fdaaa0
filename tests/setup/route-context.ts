// The load context a route's loader or action gets when a test calls it
// directly, as app/server/app.ts builds it for a real request. The database is
// read when used, so a context made before the test file's database exists
// still reaches it (getDb follows DATABASE_URL, set by createTestContext).
import type { AppLoadContext } from "@remix-run/node";
import { getDb } from "~/lib/db.server";

export function routeContextWith(extra: Partial<Omit<AppLoadContext, "db">> = {}): AppLoadContext {
  return {
    cspNonce: "",
    ...extra,
    get db() {
      return getDb();
    },
  };
}

export const routeContext: AppLoadContext = routeContextWith();
