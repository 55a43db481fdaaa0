// Finds the process id of the Meilisearch serving `url` when this run did not
// start it, so its RSS can be reported next to ours. Linux /proc only; read-only.
import { readdir, readFile } from "node:fs/promises";

export async function findMeiliPid(url: string): Promise<number | undefined> {
  const port = new URL(url).port || "7700";
  for (const entry of await readdir("/proc").catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, "utf8").catch(() => "");
    const args = cmdline.split("\0");
    if (!args[0]?.endsWith("meilisearch")) continue;
    const addr = args[args.indexOf("--http-addr") + 1] ?? "";
    if (addr.endsWith(`:${port}`)) return Number(entry);
  }
  return undefined;
}
