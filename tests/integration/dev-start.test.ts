// `npm run dev` starts without an esbuild stack trace and stops cleanly when its
// process group gets SIGTERM (what a terminal's Ctrl+C or a process manager
// sends). It runs as a developer runs it, in its own process group, with this
// file's database, index prefix, queue prefix and free ports, on a scratch copy
// of the project: its Remix build must not meet `npm test`'s own build of the
// working tree. The database already holds a postal code, a skill and an
// organisation, so the start skips the imports and the demo seed (minutes of
// work on the real data) and is only the start itself.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, expect, it } from "vitest";
import { TEST_MEILI_MASTER_KEY, TEST_MEILI_URL, TEST_REDIS_URL } from "../setup/services";
import { createTestContext, type TestContext } from "../setup/test-db";
import { freePort } from "./faults/processes";

const READY = "Jobbro runs at";
const STARTS_WITHIN_MS = 90_000;
const STOPS_WITHIN_MS = 15_000;

/** What `npm run dev` needs of the project; the rest (tests, node_modules, earlier builds) stays out. */
const PROJECT_FILES = ["app", "prisma", "search", "workers", "public", "package.json", "remix.config.js", "remix.env.d.ts", "tsconfig.json", "prisma.config.ts"];

let ctx: TestContext;
let scratch: string;
let queuePrefix: string;
let dev: ChildProcess | undefined;
let output = { stdout: "", stderr: "" };

/** Whether any process of the group is still there (signal 0 only asks). */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

beforeAll(async () => {
  ctx = await createTestContext("devstart");
  queuePrefix = ctx.indexPrefix.replace(/_$/, "");
  await ctx.db.municipality.create({ data: { code: "0751", name: "Aarhus", regionCode: "1082", regionName: "Region Midtjylland" } });
  await ctx.db.postalCode.create({ data: { code: "8000", name: "Aarhus C", municipalityCode: "0751", latitude: 56.15, longitude: 10.2 } });
  await ctx.db.skill.create({ data: { key: "dev-start-skill", labelEn: "operate forklift" } });
  await ctx.db.organisation.create({ data: { kind: "OPERATOR", name: "Jobbro Drift" } });

  scratch = mkdtempSync(path.join(tmpdir(), "jobbro-dev-start-"));
  for (const entry of PROJECT_FILES) {
    cpSync(path.resolve(entry), path.join(scratch, entry), { recursive: true, filter: (source) => !source.includes(`${path.sep}public${path.sep}build`) });
  }
  symlinkSync(path.resolve("node_modules"), path.join(scratch, "node_modules"), "dir");
});

afterAll(async () => {
  if (dev?.pid && groupAlive(dev.pid)) process.kill(-dev.pid, "SIGKILL");
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  const redis = new Redis(TEST_REDIS_URL);
  const keys = await redis.keys(`${queuePrefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
  await ctx?.cleanup();
});

it("starts quietly and stops, with every process it started, on SIGTERM to its process group", async () => {
  const [port, smtpPort] = [await freePort(), await freePort()];
  // As a developer's shell has it: no test settings, the services of this file.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== "NODE_ENV" && !name.startsWith("VITEST"))) as NodeJS.ProcessEnv;
  Object.assign(env, {
    DATABASE_URL: ctx.databaseUrl,
    REDIS_URL: TEST_REDIS_URL,
    MEILI_URL: TEST_MEILI_URL,
    MEILI_MASTER_KEY: TEST_MEILI_MASTER_KEY,
    MEILI_INDEX_PREFIX: ctx.indexPrefix,
    MEILI_AUTOSTART: "false",
    WORKER_QUEUE_PREFIX: queuePrefix,
    PORT: String(port),
    APP_URL: `http://localhost:${port}`,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    LOG_LEVEL: "warn",
  });

  dev = spawn("npm", ["run", "dev"], { cwd: scratch, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const pgid = dev.pid!;
  output = { stdout: "", stderr: "" };
  dev.stdout!.on("data", (chunk: Buffer) => (output.stdout += chunk.toString("utf8")));
  dev.stderr!.on("data", (chunk: Buffer) => (output.stderr += chunk.toString("utf8")));
  let npmExited = false;
  dev.once("exit", () => (npmExited = true));

  const ready = await waitUntil(() => output.stdout.includes(READY) || npmExited, STARTS_WITHIN_MS);
  expect(ready && !npmExited, `no ready line:\n${output.stdout}\n${output.stderr}`).toBe(true);
  expect((await fetch(`http://127.0.0.1:${port}/login`)).status).toBe(200);

  const signalled = Date.now();
  process.kill(-pgid, "SIGTERM");
  const stopped = await waitUntil(() => !groupAlive(pgid), STOPS_WITHIN_MS);
  const stopMs = Date.now() - signalled;

  expect(stopped, `processes left in the group after ${STOPS_WITHIN_MS} ms:\n${output.stdout}\n${output.stderr}`).toBe(true);
  expect(stopMs).toBeLessThan(STOPS_WITHIN_MS);
  expect(output.stderr).not.toMatch(/goroutines|deadlock/);
  expect(output.stdout).not.toMatch(/goroutines|deadlock/);
}, STARTS_WITHIN_MS + STOPS_WITHIN_MS + 30_000);
