// Helpers for the /api/v1 integration tests: real Request objects handed to the
// route modules' loaders and actions, organisations with real tokens.
import { issueApiToken } from "~/portals/api/service.server";
import type { Db } from "~/lib/db.server";
import { makeOrganisation } from "../fixtures/factories";
import { routeContext } from "../setup/route-context";

type RouteFn = (args: { request: Request; params: Record<string, string | undefined>; context: unknown }) => Promise<Response>;

export interface CallOptions {
  method?: string;
  token?: string | null;
  /** A value is sent as JSON; a string is sent as it is (for malformed bodies). */
  body?: unknown;
  headers?: Record<string, string>;
  params?: Record<string, string>;
}

export function apiRequest(path: string, options: CallOptions = {}): Request {
  const headers = new Headers(options.headers ?? {});
  if (options.token) headers.set("Authorization", `Bearer ${options.token}`);
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    if (!headers.has("Content-Type")) headers.set("Content-Type", "application/json");
  }
  return new Request(`http://localhost${path}`, { method: options.method ?? "GET", headers, body });
}

export interface ApiResult {
  status: number;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
  text: string;
  headers: Headers;
}

export async function call(fn: RouteFn, path: string, options: CallOptions = {}): Promise<ApiResult> {
  const response = await fn({ request: apiRequest(path, options), params: options.params ?? {}, context: routeContext });
  const text = await response.text();
  expectJson(response, text);
  return { status: response.status, json: JSON.parse(text), text, headers: response.headers };
}

function expectJson(response: Response, text: string) {
  if (!/application\/json/.test(response.headers.get("Content-Type") ?? "")) {
    throw new Error(`Expected a JSON response, got ${response.status} ${response.headers.get("Content-Type")}: ${text.slice(0, 200)}`);
  }
}

export async function orgWithToken(db: Db, kind: "COMPANY" | "JOBCENTRE" | "INSTITUTION", data: { servedById?: string; cvr?: string } = {}) {
  const org = await makeOrganisation(db, kind);
  if (data.servedById || data.cvr) await db.organisation.update({ where: { id: org.id }, data });
  const issued = await issueApiToken(db, { organisationRef: org.id, name: `test ${kind}` });
  return { org, token: issued.token, tokenId: issued.id };
}

/** Postal codes the tests place things at; 9990 exists but has no coordinates. */
export async function seedPostalCodes(db: Db) {
  await db.postalCode.createMany({
    data: [
      { code: "8000", name: "Aarhus C", latitude: 56.1567, longitude: 10.2108 },
      { code: "8200", name: "Aarhus N", latitude: 56.1887, longitude: 10.1965 },
      { code: "9990", name: "Nowhere", latitude: null, longitude: null },
    ],
    skipDuplicates: true,
  });
}
