// Arguments of `npm run token:create -- --org <id or CVR> --name <label>`.
// Pure, so the CLI's parsing is tested without spawning a process.
import { parseArgs } from "node:util";

export const TOKEN_CREATE_USAGE = "Usage: npm run token:create -- --org <organisation id or CVR> --name <label>";

export function parseTokenCreateArgs(argv: string[]): { organisationRef: string; name: string } {
  let values: { org?: string; name?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { org: { type: "string" }, name: { type: "string" } }, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${TOKEN_CREATE_USAGE}`);
  }
  const missing = (["org", "name"] as const).filter((k) => !values[k]?.trim());
  if (missing.length) throw new Error(`Missing ${missing.map((k) => `--${k}`).join(" and ")}\n${TOKEN_CREATE_USAGE}`);
  return { organisationRef: values.org!.trim(), name: values.name!.trim() };
}
