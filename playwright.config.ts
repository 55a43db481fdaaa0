import { defineConfig, devices } from "@playwright/test";

const PORT = 3100;
const SHARED_WORLD = /\/(story|consultant|danish-labels|institution|operator)\.spec\.ts$/;
const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  },
};

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "tests/artifacts/test-output",
  // Two browsers against the one server (tests/e2e/serve.ts): the specs of the
  // "shared world" project below run one at a time, the others beside them.
  workers: 2,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Per test; generous because npm test runs vitest on the same two cores meanwhile.
  timeout: 60_000,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    locale: "da-DK",
  },
  projects: [
    { name: "chromium", testIgnore: SHARED_WORLD, use: chromium },
    // One at a time: these count Jobcenter Aarhus's hires (story, consultant),
    // read or change the story's data and the institutions' demand figures
    // (story, danish-labels, institution), or start a full matching run that
    // re-matches every open vacancy, including danish-labels' hand-stored one
    // (operator). Citizen, company and login keep to rows of their own.
    { name: "chromium-shared-world", testMatch: SHARED_WORLD, workers: 1, use: chromium },
  ],
  webServer: {
    // Prepares the jobbro_e2e database and Meilisearch, then serves the existing build.
    command: "npx tsx tests/e2e/serve.ts",
    url: `http://127.0.0.1:${PORT}/healthz`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
