// Starts the slowest test files first. With files in parallel processes a run
// lasts at least as long as its slowest file, and a slow file started last
// would be all that still runs at the end. Durations come from the JSON report
// of the last `npm test` (test-results/vitest.json); vitest's own cache (which
// every run rewrites, partial ones too) fills in files the report lacks, and
// files that neither knows go first, since a new file may well be a slow one.
import { readFileSync } from "node:fs";
import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import { VITEST_REPORT } from "./reports";

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
    const known = new Map(files.map((spec) => [spec, duration(spec)]));
    return [...files].sort((a, b) => {
      const [da, db] = [known.get(a)!, known.get(b)!];
      return da === db ? 0 : db > da ? 1 : -1;
    });
  }
}
