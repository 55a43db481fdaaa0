// The HTTP edge of /api/v1, shared by every route: authenticate the token, check
// the organisation kind and method, read and validate JSON, and turn results and
// typed errors into JSON responses. Routes stay a few lines each.
import type { AppLoadContext } from "@remix-run/node";
import type { z } from "zod";
import type { OrganisationKind } from "~/generated/prisma/enums";
import type { Db } from "~/lib/db.server";
import { createLogger } from "~/lib/logger.server";
import { DomainError, InvalidInputError } from "../../lib/errors";
import { authenticateApiRequest, requireKind, type ApiPrincipal } from "./service.server";
import { fieldErrorsFromZod } from "../../lib/validation";

/** Larger bodies get 413 before they are parsed; no endpoint needs more. */
export const MAX_BODY_BYTES = 64 * 1024;

const JSON_HEADERS = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" };

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

export const ok = (data: unknown) => jsonResponse({ data }, 200);
export const created = (data: unknown) => jsonResponse({ data }, 201);

export function errorResponse(error: unknown, context: { method?: string; path?: string } = {}): Response {
  if (error instanceof DomainError) {
    const body = { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } };
    const headers: Record<string, string> = error.status === 401 ? { "WWW-Authenticate": 'Bearer realm="jobbro"' } : {};
    if (error instanceof MethodNotAllowedError) headers.Allow = error.allowed.join(", ");
    return jsonResponse(body, error.status, headers);
  }
  // Never a stack trace to the client; the log line carries the message only (no bodies: they may hold personal data).
  createLogger("api").error({ ...context, err: error instanceof Error ? error.message : String(error) }, "unexpected API error");
  return jsonResponse({ error: { code: "internal_error", message: "Something went wrong on our side" } }, 500);
}

export class PayloadTooLargeError extends DomainError {
  constructor(limit: number) {
    super("payload_too_large", 413, `The request body is larger than ${limit} bytes`, { body: `At most ${limit} bytes` });
  }
}

export class UnsupportedMediaTypeError extends DomainError {
  constructor() {
    super("unsupported_media_type", 415, "Send the body as application/json", { body: "Content-Type must be application/json" });
  }
}

export class MethodNotAllowedError extends DomainError {
  constructor(readonly allowed: string[]) {
    super("method_not_allowed", 405, `Use ${allowed.join(" or ")} on this resource`);
  }
}

async function readText(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > limit) throw new PayloadTooLargeError(limit);
  if (!request.body) return "";
  // Count while reading: Content-Length may be absent (chunked) or wrong.
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new PayloadTooLargeError(limit);
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new InvalidInputError({ body: "The body is not valid UTF-8" });
  }
}

/** The parsed JSON body; 413 / 415 / 400 (naming `body`) when it cannot be read. */
export async function readJson(request: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  const type = request.headers.get("Content-Type");
  if (type && !/^application\/([a-z0-9.+-]+\+)?json\b/i.test(type)) throw new UnsupportedMediaTypeError();
  const text = await readText(request, limit);
  if (!text.trim()) throw new InvalidInputError({ body: "A JSON body is required" });
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InvalidInputError({ body: `Malformed JSON: ${(error as Error).message}` });
  }
}

export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw new InvalidInputError(fieldErrorsFromZod(result.error));
  return result.data;
}

export async function parseBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  return parseInput(schema, await readJson(request));
}

export interface ApiContext {
  request: Request;
  params: Record<string, string | undefined>;
  principal: ApiPrincipal;
  db: Db;
}

type Handler = (ctx: ApiContext) => Promise<Response>;
/** What Remix passes to a loader or action; the load context carries the database client. */
interface RouteArgs {
  request: Request;
  params: Record<string, string | undefined>;
  context?: unknown;
}

function databaseOf(context: unknown): Db {
  const db = (context as Partial<AppLoadContext> | undefined)?.db;
  if (!db) throw new Error("The load context carries no database client (app/server/app.ts puts it there)");
  return db;
}

async function run(args: RouteArgs, kinds: OrganisationKind[], pick: (method: string) => Handler): Promise<Response> {
  const { request, params } = args;
  try {
    const db = databaseOf(args.context);
    const principal = await authenticateApiRequest(db, request);
    requireKind(principal, ...kinds);
    return await pick(request.method.toUpperCase())({ request, params, principal, db });
  } catch (error) {
    if (error instanceof Response) return error;
    return errorResponse(error, { method: request.method, path: new URL(request.url).pathname });
  }
}

/** A GET handler for organisations of the given kinds. */
export function apiLoader(kinds: OrganisationKind[], handler: Handler) {
  return (args: RouteArgs) => run(args, kinds, () => handler);
}

/** Write handlers by HTTP method; any other method gets 405 with an Allow header. */
export function apiAction(kinds: OrganisationKind[], handlers: Partial<Record<"POST" | "PATCH" | "PUT" | "DELETE", Handler>>) {
  const allowed = Object.keys(handlers);
  return (args: RouteArgs) =>
    run(args, kinds, (method) => {
      const handler = handlers[method as keyof typeof handlers];
      if (!handler) throw new MethodNotAllowedError(allowed);
      return handler;
    });
}

/** A route parameter that Remix always supplies for this file name. */
export function param(ctx: ApiContext, name: string): string {
  const value = ctx.params[name];
  if (!value) throw new InvalidInputError({ [name]: "Missing path parameter" });
  return value;
}
