// Processes the fault tests start, stop and kill themselves: their own Redis and
// Meilisearch on free ports (never the machine's shared services) and worker
// processes exactly as `npm run worker` starts them.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, openSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { ensureMeili, type RunningMeili } from "../../../search/meili-server";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

export async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not happen within ${timeoutMs} ms`);
}

export interface OwnRedis {
  url: string;
  port: number;
  child: ChildProcess;
  kill(): Promise<void>;
}

/** A Redis without persistence, like the machine's: a restart starts empty. Production's eviction policy unless told otherwise. */
export async function startRedis(port?: number, { maxmemoryPolicy = "noeviction" }: { maxmemoryPolicy?: string } = {}): Promise<OwnRedis> {
  const p = port ?? (await freePort());
  const child = spawn("redis-server", ["--port", String(p), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--maxmemory-policy", maxmemoryPolicy], {
    stdio: "ignore",
  });
  const url = `redis://127.0.0.1:${p}`;
  await waitFor(async () => {
    const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    r.on("error", () => {});
    try {
      await r.connect();
      return (await r.ping()) === "PONG";
    } finally {
      r.disconnect();
    }
  }, `Redis on port ${p} to answer`);
  return {
    url,
    port: p,
    child,
    kill: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGKILL");
      }),
  };
}

export async function startMeili(masterKey: string, port?: number, dbPath?: string): Promise<RunningMeili & { port: number; dbPath: string }> {
  const p = port ?? (await freePort());
  const dir = dbPath ?? mkdtempSync(path.join(tmpdir(), "jobbro-meili-"));
  const meili = await ensureMeili({ url: `http://127.0.0.1:${p}`, masterKey, dbPath: dir, autostart: true, logFile: path.join(dir, "..", `${path.basename(dir)}.log`) });
  return { ...meili, port: p, dbPath: dir };
}

export interface WorkerProcess {
  child: ChildProcess;
  logFile: string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** `npm run worker` as a child process with the given environment. */
export function startWorkerProcess(env: Record<string, string>, label: string): WorkerProcess {
  const logFile = path.join(mkdtempSync(path.join(tmpdir(), "jobbro-worker-")), `${label}.log`);
  const out = openSync(logFile, "a");
  const child = spawn(process.execPath, ["--import", "tsx", "workers/main.ts"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", out, out],
  });
  return {
    child,
    logFile,
    kill: (signal = "SIGKILL") =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill(signal);
      }),
  };
}
