// The two sizes of the matching benchmark. "full" is the national size the issue
// asks about; "small" runs the same pipeline in CI in well under two minutes.
export interface BenchConfig {
  name: "full" | "small";
  seed: number;
  candidates: number;
  vacancies: number;
  offerings: number;
  skills: number;
  occupations: number;
  courses: number;
  companies: number;
  institutions: number;
  /** Requests (groups of VACANCIES_PER_REQUEST vacancies) in flight while matching all of them. */
  matchConcurrency: number;
  /** Latency rounds per concurrency level; medians are taken over the rounds. */
  latencyRounds: number;
  latencyQueriesPerRound: number;
  /** Vacancies timed once more without storing, to split scoring from storing. */
  breakdownSample: number;
  /** Rows per INSERT … unnest statement. */
  insertBatch: number;
}

const common = { seed: 20261123, matchConcurrency: 4, latencyRounds: 3 } as const;

export const FULL: BenchConfig = {
  ...common,
  name: "full",
  candidates: 100_000,
  vacancies: 30_000,
  offerings: 20_000,
  skills: 3_000,
  occupations: 300,
  courses: 2_000,
  companies: 6_000,
  institutions: 150,
  latencyQueriesPerRound: 300,
  breakdownSample: 150,
  insertBatch: 10_000,
};

// Same skills-per-family density as the full size (45 skills per family of 5
// occupations), so the shape of the data is the same, only smaller.
export const SMALL: BenchConfig = {
  ...common,
  name: "small",
  candidates: 2_000,
  vacancies: 600,
  offerings: 400,
  skills: 600,
  occupations: 60,
  courses: 80,
  companies: 150,
  institutions: 20,
  latencyQueriesPerRound: 100,
  breakdownSample: 100,
  insertBatch: 5_000,
};

/** Vacancies start and candidates become available relative to this fixed day, so data never depends on the clock. */
export const BASE_DATE = new Date("2027-01-04T00:00:00Z");
