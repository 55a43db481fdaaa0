// `prisma generate` without the native-engine download that fails on machines
// that reach only the npm registry: generate never runs the schema engine, and
// pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file stops the download.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
const result = spawnSync("npx", ["--no-install", "prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
