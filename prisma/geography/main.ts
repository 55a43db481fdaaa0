// npm run geography:import: municipalities and postal codes from JOBBRO_DATA_DIR.
import path from "node:path";
import { disconnectDb, getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { importGeography } from "./import";

async function main(): Promise<void> {
  const dataDir = path.resolve(getEnv().JOBBRO_DATA_DIR);
  const result = await importGeography(getDb(), { dataDir, log: (msg) => console.log(msg) });
  console.log(
    `Geography imported from ${dataDir}: ${result.municipalities} municipalities, ` +
      `${result.postalCodes} postal codes, ${result.withCoordinates} with coordinates.`,
  );
}

main()
  .catch((error: unknown) => {
    console.error(`Geography import failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => disconnectDb());
