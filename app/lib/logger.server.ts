// Structured JSON logs (pino). Log ids, counts and error messages only: never a
// candidate's name or contact details. The redact list is a safety net for the
// day someone passes a whole row by mistake, not a licence to do so.
import { pino, type Logger } from "pino";
import { getEnv } from "./env.server";

export type { Logger };

const PERSONAL_FIELDS = ["firstName", "lastName", "email", "phone", "passwordHash"];

// A top-level "name" is the logger's own name; a nested one may be a person's.
export const REDACTED_PATHS = [
  ...PERSONAL_FIELDS,
  ...[...PERSONAL_FIELDS, "name"].map((f) => `*.${f}`),
  ...[...PERSONAL_FIELDS, "name"].map((f) => `*.*.${f}`),
];

let root: Logger | undefined;

function rootLogger(): Logger {
  root ??= pino({
    level: getEnv().LOG_LEVEL,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
  });
  return root;
}

/** A child logger whose lines carry `name` (e.g. "worker", "search-sync"). */
export function createLogger(name: string, bindings: Record<string, string | number> = {}): Logger {
  return rootLogger().child({ name, ...bindings });
}
