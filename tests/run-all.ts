// `npm test`: every check the project has, in one run, ending with the line
// "N passed, N failed" that CI reads. Type checking and linting count as one
// check each; vitest and Playwright report their own test counts (read from
// their JSON reports, never parsed from human output).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];

function run(label: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n━━ ${label}: ${command} ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const ok = result.status === 0;
  console.log(`━━ ${label} ${ok ? "ok" : `FAILED (exit ${result.status ?? result.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return ok;
}

function check(label: string, command: string, args: string[]): void {
  if (run(label, command, args)) totals.passed += 1;
  else {
    totals.failed += 1;
    failures.push(label);
  }
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

mkdirSync("test-results", { recursive: true });

check("typecheck", "npx", ["tsc", "--noEmit"]);
check("lint", "npx", ["eslint", "."]);

// Unit and integration tests (vitest).
rmSync("test-results/vitest.json", { force: true });
const vitestOk = run("vitest", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest.json"]);
const vitest = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; numTotalTestSuites: number; numFailedTestSuites: number }>("test-results/vitest.json");
if (!vitest) {
  totals.failed += 1;
  failures.push("vitest (no report)");
} else {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
  if (vitest.numFailedTests) failures.push(`vitest: ${vitest.numFailedTests} failed`);
  // A file that fails to load has no failed tests but fails the run: count it.
  if (!vitestOk && vitest.numFailedTests === 0) {
    totals.failed += 1;
    failures.push("vitest: a test file failed to load or a hook failed");
  }
}

// End-to-end tests in Debian's Chromium.
if (!existsSync(CHROMIUM)) {
  console.error(
    `\nChromium is missing at ${CHROMIUM}: the end-to-end tests cannot run.\n` +
      "Install it with: apt-get update && apt-get install -y chromium   (or set CHROMIUM_PATH)\n",
  );
  totals.failed += 1;
  failures.push("e2e: chromium missing");
} else if (!run("remix build", "npx", ["remix", "build"])) {
  totals.failed += 1;
  failures.push("remix build");
} else {
  rmSync("test-results/e2e.json", { force: true });
  run("playwright", "npx", ["playwright", "test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: "test-results/e2e.json" });
  const e2e = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>("test-results/e2e.json");
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

console.log("");
if (failures.length) console.log(`Failures: ${failures.join("; ")}`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(totals.failed ? 1 : 0);
