// The one place that reads process.env. Every variable has a development default
// except the secrets that production must set; README.md lists them all. The
// timings of the background work (cron patterns, intervals, delays) are the
// workers' and live in app/lib/queues/schedules.ts.
import { z } from "zod";

const devOnly = <T extends z.ZodType>(schema: T) => schema;

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  APP_URL: z.string().url().default("http://localhost:3000"),
  DATABASE_URL: z.string().url().default("postgresql://postgres@127.0.0.1:5432/jobbro"),
  REDIS_URL: z.string().url().default("redis://127.0.0.1:6379"),
  MEILI_URL: z.string().url().default("http://127.0.0.1:7700"),
  MEILI_MASTER_KEY: devOnly(z.string().min(16)).default("jobbro-development-master-key"),
  /** A key that can only search; derived from the master key at start when unset. */
  MEILI_SEARCH_KEY: z.string().min(16).optional(),
  MEILI_INDEX_PREFIX: z.string().regex(/^[a-z0-9_]*$/).default("jobbro_"),
  /** Start the npm-shipped Meilisearch when MEILI_URL does not answer (development and tests only). */
  MEILI_AUTOSTART: z.enum(["true", "false"]).default("true").transform((v) => v === "true"),
  MEILI_DB_PATH: z.string().default(".data/meili"),
  JOBBRO_DATA_DIR: z.string().default("../shared/data"),
  SESSION_SECRET: z.string().min(32).default("development-only-session-secret-change-me"),
  /** Outgoing mail; the default is the development mail server (app/cli/mail-server.ts). */
  SMTP_URL: z.string().url().default("smtp://127.0.0.1:1025"),
  MAIL_FROM: z.string().min(3).default("Jobbro <noreply@jobbro.local>"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Express "trust proxy": unset (trust none), a hop count, "true", or addresses like "loopback, 10.0.0.0/8". */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === "" ? undefined : v === "true" ? true : v === "false" ? false : /^\d+$/.test(v) ? Number(v) : v)),
  /** Failed logins allowed per e-mail and address, and per address, within their windows (docs/decisions/013-web-security.md). */
  LOGIN_LIMIT_PAIR_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LIMIT_PAIR_WINDOW_SECONDS: z.coerce.number().int().min(1).default(15 * 60),
  LOGIN_LIMIT_ADDRESS_FAILURES: z.coerce.number().int().min(1).default(50),
  LOGIN_LIMIT_ADDRESS_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60 * 60),
  /** Single sign-on (OpenID Connect, e.g. a MitID Erhverv broker); off when OIDC_ISSUER is unset. */
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** Signs citizens' personal links (/borger/:token); SESSION_SECRET when unset. */
  CITIZEN_LINK_SECRET: z.string().min(32).optional(),
  /** How long a citizen's personal link works. */
  CITIZEN_LINK_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(24),
  /** Erase candidates whose lastActivityAt is older than this (the retention job). */
  RETENTION_INACTIVE_DAYS: z.coerce.number().int().min(1).default(730),
  /** /healthz says "degraded" when the oldest undispatched outbox row is older than this (ADR 024). */
  HEALTH_OUTBOX_LAG_MS: z.coerce.number().int().min(1000).default(30_000),
  /** /healthz says "degraded" when no worker heartbeat is younger than this; keep it a few WORKER_HEARTBEAT_EVERY_MS. */
  HEALTH_WORKER_STALE_MS: z.coerce.number().int().min(1000).default(60_000),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  if (env.NODE_ENV === "production") {
    for (const name of ["MEILI_MASTER_KEY", "SESSION_SECRET"] as const) {
      if (!process.env[name]) throw new Error(`${name} must be set in production`);
    }
  }
  cached = env;
  return env;
}

/** For tests that point the process at their own database or index prefix. */
export function resetEnvCache(): void {
  cached = undefined;
}

/** The only values the browser ever receives. */
export function getPublicEnv() {
  const env = getEnv();
  return { APP_URL: env.APP_URL, NODE_ENV: env.NODE_ENV };
}
