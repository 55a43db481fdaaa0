// The real Jobbro web server (app/server/app.ts: security middleware, CSRF,
// no-store, the Remix handler and entry.server rendering) in the test process,
// serving a build assembled from the route modules in app/routes. No `remix
// build` is needed, so the security tests see every route as it is on disk now.
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
// Remix's own flat-routes reader, so route ids and paths are exactly the compiler's.
import { flatRoutes } from "@remix-run/dev/dist/config/flat-routes.js";
import { startWebServer, type RunningWebServer } from "~/server/app";
import { resetEnvCache } from "~/lib/env.server";

export interface RouteFile {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  caseSensitive?: boolean;
  file: string;
}

const APP_DIR = path.resolve("app");

/** Every route module of app/routes (test files and dotfiles ignored, as in remix.config.js). */
export function routeFiles(): RouteFile[] {
  const manifest = flatRoutes(APP_DIR, ["**/.*", "**/*.test.*"]) as Record<string, RouteFile>;
  return Object.values(manifest);
}

type RouteModule = ServerBuild["routes"][string]["module"];

async function importRoute(file: string): Promise<RouteModule> {
  return (await import(/* @vite-ignore */ path.join(APP_DIR, file))) as RouteModule;
}

export async function assembleBuild(): Promise<ServerBuild> {
  const routes: ServerBuild["routes"] = {};
  const assetRoutes: ServerBuild["assets"]["routes"] = {};
  const all: RouteFile[] = [{ id: "root", path: "", file: "root.tsx" }, ...routeFiles().map((r) => ({ ...r, parentId: r.parentId ?? "root" }))];
  for (const route of all) {
    const module = await importRoute(route.file);
    routes[route.id] = { id: route.id, parentId: route.parentId, path: route.path, index: route.index, caseSensitive: route.caseSensitive, module };
    assetRoutes[route.id] = {
      id: route.id,
      parentId: route.parentId,
      path: route.path,
      index: route.index,
      caseSensitive: route.caseSensitive,
      module: `/build/${route.id}.js`,
      hasAction: typeof module.action === "function",
      hasLoader: typeof module.loader === "function",
      hasClientAction: false,
      hasClientLoader: false,
      hasErrorBoundary: typeof module.ErrorBoundary === "function",
      imports: [],
      css: [],
    };
  }
  const entry = (await import("~/entry.server")) as unknown as ServerBuild["entry"]["module"];
  return {
    mode: "production",
    entry: { module: entry },
    routes,
    assets: { entry: { module: "/build/entry.client.js", imports: [] }, routes: assetRoutes, url: "/build/manifest.js", version: "test" },
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: true, v3_singleFetch: true } as ServerBuild["future"],
    isSpaMode: false,
  };
}

export interface TestWebServer extends RunningWebServer {
  /** fetch against the server; redirects are never followed. */
  request(pathname: string, init?: RequestInit): Promise<Response>;
}

/**
 * Starts the server on a free port and points APP_URL at it (the CSRF check
 * compares against it). Call after createTestContext().
 */
export async function startTestWebServer(): Promise<TestWebServer> {
  const build = await assembleBuild();
  const web = await startWebServer({ port: 0, host: "127.0.0.1", build, root: process.cwd() });
  process.env.APP_URL = web.url;
  resetEnvCache();
  return {
    ...web,
    request: (pathname, init = {}) => fetch(`${web.url}${pathname}`, { redirect: "manual", ...init }),
  };
}

/** "name=value" of a response's Set-Cookie header (the first cookie), ready for a Cookie header. */
export function cookieFrom(response: Response, name?: string): string {
  const all = response.headers.getSetCookie();
  const match = all.find((c) => (name ? c.startsWith(`${name}=`) : true));
  if (!match) throw new Error(`no Set-Cookie header${name ? ` for ${name}` : ""}`);
  return match.split(";")[0]!;
}
