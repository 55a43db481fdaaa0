/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />
import "@remix-run/server-runtime";
import type { Db } from "~/lib/db.server";

declare module "@remix-run/server-runtime" {
  // Built by app/server/app.ts (getLoadContext) for every request.
  interface AppLoadContext {
    /** Per-request nonce that the Content-Security-Policy allows for inline scripts. */
    cspNonce: string;
    /** The client's address as Express sees it (TRUST_PROXY decides), for login rate limits. */
    clientAddress?: string;
    /**
     * The database client, handed to services and repositories. Routes take it
     * from here instead of importing it: only repositories query the database
     * (docs/decisions/025-code-layout.md).
     */
    db: Db;
  }
  // Typed loader data for Remix's single fetch (enabled in remix.config.js).
  interface Future {
    v3_singleFetch: true;
  }
}
