import path from "node:path";
import { defineConfig } from "vitest/config";
import SlowestFirst from "./tests/setup/sequencer";

const alias = { "~": path.resolve(import.meta.dirname, "app") };

export default defineConfig({
  resolve: { alias },
  test: {
    // Test files run in parallel child processes, each file in a fresh one
    // (its own process.env and module state); every integration file also has
    // its own database, index prefix and queue prefix (tests/setup/test-db.ts).
    // Much of a file's time is spent waiting on PostgreSQL, Redis, Meilisearch
    // and the workers' timers, so twice as many processes as this machine has
    // cores keep both busy; with 6, the CPU-bound files (security, evaluation)
    // ran past their time limits on a busy machine. VITEST_MAX_FORKS=1 runs one
    // file at a time, e.g. to rule out interference between files.
    pool: "forks",
    poolOptions: { forks: { maxForks: 4 } },
    sequence: { sequencer: SlowestFirst },
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["app/**/*.test.ts", "search/**/*.test.ts", "workers/**/*.test.ts", "prisma/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/setup/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: "forks",
        },
      },
    ],
  },
});
