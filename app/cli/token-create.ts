// `npm run token:create -- --org <id or CVR> --name <label>`: issues an API token
// for one organisation and prints it once. Only its hash is stored, so a lost
// token cannot be shown again: issue a new one and revoke the old.
import { DomainError } from "~/lib/errors";
import { issueApiToken } from "~/portals/api/service.server";
import { parseTokenCreateArgs } from "~/portals/api/token-args";
import { disconnectDb, getDb } from "~/lib/db.server";

async function main(): Promise<number> {
  let args: ReturnType<typeof parseTokenCreateArgs>;
  try {
    args = parseTokenCreateArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  try {
    const issued = await issueApiToken(getDb(), args);
    console.log(`Token "${args.name}" for ${issued.organisation.name} (${issued.organisation.kind}, ${issued.organisation.id})`);
    console.log(`id:     ${issued.id}`);
    console.log(`prefix: ${issued.prefix}`);
    console.log("");
    console.log(issued.token);
    console.log("");
    console.log("Store it now: it is shown only this once. Send it as `Authorization: Bearer <token>`.");
    return 0;
  } catch (error) {
    console.error(error instanceof DomainError ? error.message : `Could not create the token: ${(error as Error).message}`);
    return 1;
  } finally {
    await disconnectDb();
  }
}

process.exitCode = await main();
