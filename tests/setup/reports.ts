// Where `npm test` (tests/run-all.ts) keeps the JSON reports it counts; the
// vitest one also tells the next run which test files are slow
// (tests/setup/sequencer.ts).
export const VITEST_REPORT = "test-results/vitest.json";
export const E2E_REPORT = "test-results/e2e.json";
