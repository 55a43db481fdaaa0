// `npm start`: the web process. Configuration comes from the environment (see
// app/lib/env.server.ts); the Remix build must exist (`npm run build`).
import { getEnv } from "~/lib/env.server";
import { createLogger } from "~/lib/logger.server";
import { startWebServer } from "./app";

const log = createLogger("web");

async function main() {
  const env = getEnv();
  const web = await startWebServer({ port: env.PORT });
  log.info({ url: web.url, port: env.PORT }, "Jobbro web server listening");

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "stopping the web server");
    await web.close().catch((error: Error) => log.error({ err: error.message }, "closing the server failed"));
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: Error) => {
  log.fatal({ err: error.message }, "the web server could not start");
  process.exit(1);
});
