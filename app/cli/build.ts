// The Remix build (the classic compiler, configured by remix.config.js), as
// `remix build` does it, but with the compiler disposed at the end. The CLI
// exits with its esbuild contexts still open; the esbuild service then often
// dies with "fatal error: all goroutines are asleep - deadlock!" and a page of
// stack trace. Remix v2 offers the compiler only through these modules (see
// docs/decisions/026-kept-libraries.md).
//
//   tsx app/cli/build.ts          the same output as `npx remix build`
import { rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { create } from "@remix-run/dev/dist/compiler/compiler.js";
import { createFileWatchCache } from "@remix-run/dev/dist/compiler/fileWatchCache.js";
import { logThrown } from "@remix-run/dev/dist/compiler/utils/log.js";
import { readConfig } from "@remix-run/dev/dist/config.js";
import { logger } from "@remix-run/dev/dist/tux/logger.js";

/** Builds build/ and public/build/ under root; resolves when both are written and the compiler is gone. */
export async function buildRemixApp(root = process.cwd()): Promise<{ ms: number }> {
  const started = Date.now();
  const config = await readConfig(root);
  // Like `remix build`: no assets of an earlier build stay behind.
  await rm(config.assetsBuildDirectory, { recursive: true, force: true });
  const compiler = await create({
    config,
    // `remix build` builds for NODE_ENV, production when unset.
    options: { mode: process.env.NODE_ENV || "production", sourcemap: false },
    fileWatchCache: createFileWatchCache(),
    logger,
  });
  try {
    await compiler.compile();
  } catch (error) {
    logThrown(error);
    throw new Error("The Remix build failed (see above).");
  } finally {
    await compiler.dispose();
  }
  return { ms: Date.now() - started };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { ms } = await buildRemixApp();
    console.log(`Remix build written in ${ms} ms`);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
