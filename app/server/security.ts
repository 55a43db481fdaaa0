// Security middleware of the web server: headers for every response, the CSRF
// check for every state-changing request, and no-store for every dynamic answer.
// Inline scripts (Remix's hydration data) run only with the per-request nonce,
// which reaches the render through the load context (see app/entry.server.tsx).
// Why these choices: docs/decisions/013-web-security.md.
import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import type { NextFunction, Request, Response } from "express";
import helmet from "helmet";
import { getEnv } from "~/lib/env.server";

const nonceOf = (_req: unknown, res: ServerResponse) => `'nonce-${String((res as Response).locals.cspNonce)}'`;

/**
 * Helmet writes the standard headers. Its defaults are switched off where they
 * would add to what ADR 013 settled (no extra headers, and our CSP only).
 */
const standardHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      "default-src": ["'self'"],
      "script-src": ["'self'", nonceOf],
      "style-src": ["'self'"],
      "img-src": ["'self'", "data:"],
      "font-src": ["'self'"],
      "connect-src": ["'self'"],
      "object-src": ["'none'"],
      // No page needs <base>; 'none' stops an injected one from redirecting relative script URLs.
      "base-uri": ["'none'"],
      "form-action": ["'self'"],
      "frame-ancestors": ["'none'"],
    },
  },
  xContentTypeOptions: true,
  referrerPolicy: { policy: "same-origin" },
  xFrameOptions: { action: "deny" },
  crossOriginOpenerPolicy: { policy: "same-origin" },
  // Sent only where TLS is certain: see securityHeaders.
  strictTransportSecurity: false,
  crossOriginEmbedderPolicy: false,
  crossOriginResourcePolicy: false,
  originAgentCluster: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
});

const hsts = helmet.strictTransportSecurity({ maxAge: 365 * 24 * 60 * 60, includeSubDomains: true });

export function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  standardHeaders(req, res, (error?: unknown) => {
    if (error) return next(error);
    // Production runs behind TLS (often terminated by a proxy, so req.secure may be false here).
    if (getEnv().NODE_ENV === "production" || req.secure) return hsts(req, res, next);
    next();
  });
}

/**
 * Every answer of the app itself (pages, data requests, the API) may hold
 * citizens' data or a company's contacts, so none may be kept by a browser or a
 * shared cache. Mounted after the static files, which set their own caching.
 * Applied as the headers are written, so it wins over whatever a route sets:
 * one rule, no route can forget it.
 */
export function noStore(_req: Request, res: Response, next: NextFunction): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, ...args: Parameters<Response["writeHead"]>) {
    res.setHeader("Cache-Control", "no-store");
    return writeHead.apply(this, args);
  } as Response["writeHead"];
  next();
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS", "TRACE"]);

/** The integration API authenticates with a bearer token only, never the session cookie, so CSRF cannot reach it. */
export const CSRF_EXEMPT_PREFIX = "/api/v1/";

export const CSRF_REFUSAL_MESSAGE =
  "Anmodningen blev afvist, fordi den ikke kom fra en side i Jobbro. Gå tilbage, genindlæs siden og prøv igen.\n" +
  "The request was refused because it did not come from a Jobbro page. Go back, reload the page and try again.\n";

function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.origin === "null" ? null : url.origin;
  } catch {
    return null;
  }
}

export type CsrfVerdict = { allowed: true } | { allowed: false; reason: string };

/**
 * Whether a request may change state. Browsers send Sec-Fetch-Site, which
 * cannot be forged by a page; older browsers send Origin (or at least Referer),
 * compared with APP_URL. A request with none of them is refused: every browser
 * we support sends one, and scripts use the API.
 */
export function csrfVerdict(method: string, path: string, headers: { get(name: string): string | null | undefined }, appUrl: string): CsrfVerdict {
  if (SAFE_METHODS.has(method.toUpperCase())) return { allowed: true };
  if (path === CSRF_EXEMPT_PREFIX.slice(0, -1) || path.startsWith(CSRF_EXEMPT_PREFIX)) return { allowed: true };
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite) {
    // "none": the user typed or bookmarked it; it cannot be triggered by another site.
    return fetchSite === "same-origin" || fetchSite === "none" ? { allowed: true } : { allowed: false, reason: `sec-fetch-site ${fetchSite}` };
  }
  const expected = originOf(appUrl);
  const origin = headers.get("origin");
  if (origin) return originOf(origin) === expected ? { allowed: true } : { allowed: false, reason: "origin mismatch" };
  const referer = headers.get("referer");
  if (referer) return originOf(referer) === expected ? { allowed: true } : { allowed: false, reason: "referer mismatch" };
  return { allowed: false, reason: "no origin information" };
}

export function csrfProtection(req: Request, res: Response, next: NextFunction): void {
  const verdict = csrfVerdict(req.method, req.path, { get: (name) => req.get(name) }, getEnv().APP_URL);
  if (verdict.allowed) return next();
  res.status(403).type("text/plain; charset=utf-8").setHeader("Cache-Control", "no-store");
  res.send(CSRF_REFUSAL_MESSAGE);
}

/**
 * A response sent before the request body was read to its end (413, a refusal
 * above) ends the connection: the unread rest would otherwise be taken for
 * the next request on a kept-alive connection.
 */
export function closeUnreadRequests(req: Request, res: Response, next: NextFunction): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, ...args: Parameters<Response["writeHead"]>) {
    if (!req.complete) res.setHeader("Connection", "close");
    return writeHead.apply(this, args);
  } as Response["writeHead"];
  next();
}

/** PostgreSQL text cannot hold NUL, so an id or query with one can only fail later, as a 500. */
export function rejectNulInUrl(req: Request, res: Response, next: NextFunction): void {
  if (!req.originalUrl.includes("%00") && !req.originalUrl.includes("\u0000")) return next();
  if (req.path.startsWith(CSRF_EXEMPT_PREFIX)) {
    // The API's error shape (app/portals/api/respond.server.ts).
    res.status(400).json({ error: { code: "invalid_input", message: "The URL contains a NUL character" } });
    return;
  }
  res.status(400).type("text/plain; charset=utf-8").send("Adressen indeholder et ugyldigt tegn.\nThe address contains an invalid character.\n");
}

const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/**
 * The web app's actions read HTML form bodies only; anything else (JSON, XML)
 * would fail inside request.formData() as a 500. The API has its own rules.
 */
export function formBodiesOnly(req: Request, res: Response, next: NextFunction): void {
  if (SAFE_METHODS.has(req.method) || req.path.startsWith(CSRF_EXEMPT_PREFIX)) return next();
  const hasBody = Number(req.get("content-length") ?? "0") > 0 || req.get("transfer-encoding") !== undefined;
  if (!hasBody || FORM_TYPES.test(req.get("content-type") ?? "")) return next();
  res.status(415).type("text/plain; charset=utf-8").send("Send formularen fra Jobbros side.\nSubmit the form from Jobbro's page.\n");
}
