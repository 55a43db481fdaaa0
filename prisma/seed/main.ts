// npm run db:seed: the deterministic demo data set on top of the imported
// taxonomy and geography. Safe to run twice: the second run does nothing.
import { disconnectDb, getDb } from "~/lib/db.server";
import { DEMO_PASSWORD, DEMO_USERS } from "./demo-users";
import { seedDemoData } from "./seed";

async function main(): Promise<void> {
  const started = Date.now();
  const result = await seedDemoData(getDb(), { log: (msg) => console.log(msg) });
  if (!result.seeded) {
    console.log("Nothing seeded: the database already has organisations.");
    return;
  }
  console.log(`Demo data seeded in ${((Date.now() - started) / 1000).toFixed(1)} s:`);
  for (const [name, n] of Object.entries(result.counts)) console.log(`  ${name.padEnd(16)} ${n}`);
  console.log(`Demo logins (password ${DEMO_PASSWORD}):`);
  for (const u of DEMO_USERS) console.log(`  ${u.email.padEnd(32)} ${u.role.padEnd(12)} ${u.organisation}`);
}

main()
  .catch((error: unknown) => {
    console.error(`Demo seed failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => disconnectDb());
