// The Express server around the Remix build: static files, security headers and
// the Remix request handler. `npm start` runs it through main.ts; the dev
// orchestrator and the end-to-end tests call startWebServer() directly.
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { closeUnreadRequests, csrfProtection, formBodiesOnly, noStore, rejectNulInUrl, securityHeaders } from "./security";
import { createQueueDashboard, QUEUE_DASHBOARD_PATH } from "~/portals/operator/queue-dashboard.server";
import { getEnv } from "~/lib/env.server";
import { getDb } from "~/lib/db.server";
import { closeQueues } from "~/lib/queue.server";

export interface WebServerOptions {
  port: number;
  host?: string;
  /** Directory holding the Remix build (build/index.js and public/build). Defaults to the working directory. */
  root?: string;
  /** A build to serve instead of build/index.js (the security tests assemble one from the route modules). */
  build?: ServerBuild;
}

export interface RunningWebServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

function dkfdsDistDir(): string {
  // dkfds exports only its JS bundle (dist/js/dkfds.min.js); dist is two levels up.
  const require = createRequire(import.meta.url);
  return path.resolve(path.dirname(require.resolve("dkfds")), "..");
}

async function loadBuild(root: string): Promise<ServerBuild> {
  const file = path.join(root, "build", "index.js");
  try {
    return (await import(pathToFileURL(file).href)) as ServerBuild;
  } catch (error) {
    throw new Error(`Cannot load the Remix build at ${file}: run \`npx remix build\` first (${(error as Error).message})`);
  }
}

export async function createApp(root = process.cwd(), prebuilt?: ServerBuild): Promise<express.Express> {
  const build = prebuilt ?? (await loadBuild(root));
  const app = express();
  app.disable("x-powered-by");
  // Behind a reverse proxy, the client's address (login rate limits) comes from X-Forwarded-For.
  const trustProxy = getEnv().TRUST_PROXY;
  if (trustProxy !== undefined) app.set("trust proxy", trustProxy);
  app.use(closeUnreadRequests);
  app.use(securityHeaders);
  app.use(csrfProtection);
  app.use(rejectNulInUrl);
  app.use(formBodiesOnly);

  // Fingerprinted by the Remix compiler, so they can be cached for ever. A missing
  // asset is a plain 404 (fallthrough: false), not a rendered page.
  app.use("/build", express.static(path.join(root, "public", "build"), { immutable: true, maxAge: "1y", fallthrough: false }));
  app.use("/dkfds", express.static(dkfdsDistDir(), { maxAge: "1d", index: false, fallthrough: false }));
  app.use(express.static(path.join(root, "public"), { maxAge: "1h", index: false }));

  // Bull Board for operators: its own session guard and CSP (see the module).
  app.use(QUEUE_DASHBOARD_PATH, ...createQueueDashboard(QUEUE_DASHBOARD_PATH));

  app.use(noStore);
  const remix = createRequestHandler({
    build,
    mode: build.mode,
    getLoadContext: (req, res) => ({ cspNonce: String(res.locals.cspNonce ?? ""), clientAddress: req.ip, db: getDb() }),
  });
  // The handler hands its own errors to next(): its promise never rejects.
  app.all("*", (req, res, next) => void remix(req, res, next));
  // Errors from the static middleware (a missing asset): a short plain answer,
  // never Express's default page with a stack trace.
  app.use((error: { status?: number; statusCode?: number }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(error);
    const status = error.status ?? error.statusCode ?? 500;
    res.status(status).type("text/plain").send(status === 404 ? "Not found" : "Server error");
  });
  return app;
}

export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const app = await createApp(options.root, options.build);
  const host = options.host ?? "0.0.0.0";
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    server,
    url: `http://${host === "0.0.0.0" ? "localhost" : host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }).finally(() => closeQueues()),
  };
}
