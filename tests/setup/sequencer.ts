// Starts the slowest test files first. With files in parallel processes a run
// lasts at least as long as its slowest file, and a slow file started last
// would be all that still runs at the end. Durations come from the JSON report
// of the last `npm test` (test-results/vitest.json); vitest's own cache (which
// every run rewrites, partial ones too) fills in files the report lacks, and
// files that neither knows go first, since a new file may well be a slow one.
// A fresh clone (CI) has neither, so the files known to be slow are named here,
// slowest first (as measured in December 2026): they start before all others.
import { readFileSync } from "node:fs";
import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import { VITEST_REPORT } from "./reports";

const KNOWN_SLOW = [
  "tests/integration/security/bad-input.test.ts",
  "tests/integration/matching-esco-eval.test.ts",
  "tests/integration/faults/faults.test.ts",
  "tests/integration/faults/redis-data-loss.test.ts",
  "tests/integration/matching-eval.test.ts",
  "tests/integration/security/access-matrix.test.ts",
  "tests/integration/taxonomy-relatedness.test.ts",
  "tests/integration/dev-start.test.ts",
];

function reportedDurations(root: string): Map<string, number> {
  try {
    const report = JSON.parse(readFileSync(path.join(root, VITEST_REPORT), "utf8")) as { testResults?: { name: string; startTime: number; endTime: number }[] };
    return new Map((report.testResults ?? []).map((r) => [r.name, r.endTime - r.startTime]));
  } catch {
    return new Map();
  }
}

export default class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const reported = reportedDurations(root);
    const duration = (spec: TestSpecification) =>
      reported.get(spec.moduleId) ?? this.ctx.cache.getFileTestResults(`${spec.project.name}:${path.relative(root, spec.moduleId)}`)?.duration ?? Number.POSITIVE_INFINITY;
    const slowRank = (spec: TestSpecification) => {
      const rank = KNOWN_SLOW.indexOf(path.relative(root, spec.moduleId));
      return rank === -1 ? KNOWN_SLOW.length : rank;
    };
    const known = new Map(files.map((spec) => [spec, duration(spec)]));
    return [...files].sort((a, b) => {
      const byRank = slowRank(a) - slowRank(b);
      if (byRank !== 0) return byRank;
      const [da, db] = [known.get(a)!, known.get(b)!];
      return da === db ? 0 : db > da ? 1 : -1;
    });
  }
}
