// `npm test`: every check the project has, in one run, ending with the line
// "N passed, N failed" that CI reads. Type checking and linting count as one
// check each; vitest and Playwright report their own test counts (read from
// their JSON reports, never parsed from human output).
//
// Type checking, linting, vitest and the Remix build run at the same time, as
// child processes: most of vitest's time is spent waiting on PostgreSQL, Redis,
// Meilisearch and the workers, which leaves the two cores to the others. Each
// step's output is kept and printed as one block when the step ends, so that
// blocks never interleave. Playwright runs last, on its own: a browser, a web
// server and a worker are what the end-to-end tests time, and they are the
// tests most sensitive to a busy machine.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { E2E_REPORT, VITEST_REPORT } from "./setup/reports";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];
const runStarted = Date.now();

interface StepResult {
  ok: boolean;
  seconds: number;
}

const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);

/** Runs a step with its output kept, and prints the output as one block when it ends. */
function runBuffered(label: string, command: string, args: string[], env: Record<string, string> = {}): Promise<StepResult> {
  console.log(`━━ ${label} started: ${command} ${args.join(" ")}`);
  const started = Date.now();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("error", (error) => chunks.push(Buffer.from(`${error.message}\n`)));
    child.on("close", (code, signal) => {
      const ok = code === 0;
      const output = Buffer.concat(chunks).toString("utf8").trimEnd();
      console.log(`\n━━ ${label}: ${command} ${args.join(" ")}`);
      if (output) console.log(output);
      console.log(`━━ ${label} ${ok ? "ok" : `FAILED (exit ${code ?? signal})`} in ${seconds(started)} s`);
      resolve({ ok, seconds: (Date.now() - started) / 1000 });
    });
  });
}

/** Runs a step with the terminal as its output (the only step running). */
function count(label: string, result: StepResult): void {
  if (result.ok) totals.passed += 1;
  else {
    totals.failed += 1;
    failures.push(label);
  }
}

/** A report written by this run; an older one left by an earlier run counts as missing. */
function readReport<T>(file: string): T | null {
  try {
    if (statSync(file).mtimeMs < runStarted) return null;
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

mkdirSync("test-results", { recursive: true });
const chromiumPresent = existsSync(CHROMIUM);

// Everything at once: the checks, vitest and, as soon as the build is written,
// Playwright. The machine is two cores and much of each step is waiting (on
// PostgreSQL, Meilisearch, a worker, a browser), so the steps fill each other's
// gaps; each step's output is printed as one block when it ends.
async function endToEnd(): Promise<{ build: StepResult | null; e2e: StepResult | null }> {
  if (!chromiumPresent) return { build: null, e2e: null };
  const build = await runBuffered("remix build", "npx", ["tsx", "app/cli/build.ts"]);
  if (!build.ok) return { build, e2e: null };
  const e2e = await runBuffered("playwright", "npx", ["playwright", "test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: E2E_REPORT });
  return { build, e2e };
}

const [typecheck, lint, vitestRun, { build }] = await Promise.all([
  runBuffered("typecheck", "npx", ["tsc", "--noEmit"]),
  runBuffered("lint", "npx", ["eslint", "."]),
  runBuffered("vitest", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_REPORT}`]),
  endToEnd(),
]);
count("typecheck", typecheck);
count("lint", lint);

// Unit and integration tests (vitest).
const vitest = readReport<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(VITEST_REPORT);
if (!vitest) {
  totals.failed += 1;
  failures.push("vitest (no report)");
} else {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
  if (vitest.numFailedTests) failures.push(`vitest: ${vitest.numFailedTests} failed`);
  // A file that fails to load has no failed tests but fails the run: count it.
  if (!vitestRun.ok && vitest.numFailedTests === 0) {
    totals.failed += 1;
    failures.push("vitest: a test file failed to load or a hook failed");
  }
}

// End-to-end tests in Debian's Chromium.
if (!chromiumPresent) {
  console.error(
    `\nChromium is missing at ${CHROMIUM}: the end-to-end tests cannot run.\n` +
      "Install it with: apt-get update && apt-get install -y chromium   (or set CHROMIUM_PATH)\n",
  );
  totals.failed += 1;
  failures.push("e2e: chromium missing");
} else if (!build?.ok) {
  totals.failed += 1;
  failures.push("remix build");
} else {
  const e2e = readReport<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(E2E_REPORT);
  if (!e2e) {
    totals.failed += 1;
    failures.push("e2e (no report)");
  } else {
    totals.passed += e2e.stats.expected + e2e.stats.flaky;
    totals.failed += e2e.stats.unexpected;
    totals.skipped += e2e.stats.skipped;
    if (e2e.stats.unexpected) failures.push(`e2e: ${e2e.stats.unexpected} failed`);
  }
}

console.log(`\n━━ npm test took ${seconds(runStarted)} s`);
console.log("");
if (failures.length) console.log(`Failures: ${failures.join("; ")}`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(totals.failed ? 1 : 0);
