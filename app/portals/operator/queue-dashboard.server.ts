// Bull Board at /admin/queues: the operators' view of every queue in the
// registry (waiting, failed and delayed jobs; retry, clean). It is plain Express,
// not a Remix route, so the session check runs here, before Bull Board's router:
// not logged in → the login page; logged in without the operator role → 403.
// Job payloads hold ids only (see app/lib/queues/registry.ts), so the board
// shows no personal data.
import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { ExpressAdapter } from "@bull-board/express";
import type { NextFunction, Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import { QUEUES } from "~/lib/queues/registry";
import { getOptionalUser, type SessionUser } from "~/modules/auth/guards.server";
import { getLanguage } from "~/lib/language.server";
import { createLogger } from "~/lib/logger.server";
import { translator } from "~/lib/meta";
import { ensureQueueConnection, getQueue, QueueUnavailableError } from "~/lib/queue.server";

export const QUEUE_DASHBOARD_PATH = "/admin/queues";

/**
 * Bull Board's page carries inline styles (its loading screen) and its bundle
 * adds style elements at run time, so this path, and only this path, allows
 * inline styles. Scripts stay 'self' only; Google Fonts, which the page links,
 * stay blocked: operators' browsers call no third party.
 */
export const QUEUE_DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** A Fetch Request carrying what the session and language helpers read from an Express one. */
function toFetchRequest(req: ExpressRequest): Request {
  const headers = new Headers();
  if (req.headers.cookie) headers.set("Cookie", req.headers.cookie);
  const acceptLanguage = req.headers["accept-language"];
  if (acceptLanguage) headers.set("Accept-Language", acceptLanguage);
  return new Request(new URL(req.originalUrl, "http://jobbro.local"), { headers });
}

export type DashboardAccess = { allowed: true; user: SessionUser } | { allowed: false; status: 302; location: string } | { allowed: false; status: 403 };

/** Who may open the dashboard: operators only. */
export async function dashboardAccess(request: Request): Promise<DashboardAccess> {
  const user = await getOptionalUser(request);
  if (!user) {
    const url = new URL(request.url);
    return { allowed: false, status: 302, location: `/login?${new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` })}` };
  }
  if (user.organisation.kind !== "OPERATOR") return { allowed: false, status: 403 };
  return { allowed: true, user };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A small page of our own for "no access" and "Redis down": the board is not
 * Remix, so the layout's error boundary cannot answer here.
 */
async function sendErrorPage(req: ExpressRequest, res: ExpressResponse, status: 403 | 503) {
  const language = await getLanguage(toFetchRequest(req));
  const t = translator(language);
  const [title, text] =
    status === 403
      ? [t("errors.forbiddenTitle"), t("operations.dashboard.forbidden")]
      : [t("operations.dashboard.unavailableTitle"), t("operations.dashboard.queuesUnavailable")];
  const html = `<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Jobbro</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/dkfds/css/dkfds-virkdk.min.css">
</head>
<body>
<main class="container">
<h1>${escapeHtml(title)}</h1>
<p class="font-lead">${escapeHtml(text)}</p>
<p><a class="button button-primary" href="/">${escapeHtml(t("errors.backToFront"))}</a></p>
</main>
</body>
</html>`;
  res.status(status).type("html").set("Cache-Control", "no-store").send(html);
}

/** Express middleware: the operator-only guard in front of the board. */
export function requireOperator(): RequestHandler {
  return (req, res, next) => {
    dashboardAccess(toFetchRequest(req))
      .then(async (access) => {
        if (access.allowed) {
          res.locals.operatorId = access.user.id;
          return next();
        }
        if (access.status === 302) return res.redirect(302, access.location);
        return sendErrorPage(req, res, 403);
      })
      .catch(next);
  };
}

/**
 * The board itself: queues are attached on the first authorised request, so a
 * web process whose operators never open the board never connects to Redis for it.
 * When Redis does not answer, the operator gets a clear 503 instead of a page
 * that hangs.
 */
export function createQueueDashboard(basePath = QUEUE_DASHBOARD_PATH): RequestHandler[] {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(basePath);
  const board = createBullBoard({
    queues: [],
    serverAdapter,
    options: { uiConfig: { boardTitle: "Jobbro" } },
  });
  let attached = false;
  const log = createLogger("queue-dashboard");

  const attachQueues: RequestHandler = (req, res, next) => {
    res.setHeader("Content-Security-Policy", QUEUE_DASHBOARD_CSP);
    res.setHeader("Cache-Control", "no-store");
    ensureQueueConnection()
      .then(() => {
        if (!attached) {
          board.replaceQueues(Object.values(QUEUES).map((name) => new BullMQAdapter(getQueue(name))));
          attached = true;
        }
        next();
      })
      .catch((error: unknown) => {
        if (!(error instanceof QueueUnavailableError)) return next(error);
        log.warn({ err: error.message, operatorId: String(res.locals.operatorId ?? "") }, "queue dashboard without Redis");
        void sendErrorPage(req, res, 503).catch(next);
      });
  };

  // Bull Board's router is an Express 5 app; Express 4 mounts it like any sub-app.
  const router = serverAdapter.getRouter() as unknown as (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => void;
  return [requireOperator(), attachQueues, router];
}
