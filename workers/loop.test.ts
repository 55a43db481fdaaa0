import { describe, expect, it } from "vitest";
import { createLogger } from "~/lib/logger.server";
import { startLoop } from "./loop";

const log = createLogger("loop-test");
const until = async (ok: () => boolean) => {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(ok()).toBe(true);
};

describe("a worker's own loop", () => {
  it("ticks at its interval, never two ticks at once, and stop() waits for the tick in progress", async () => {
    let running = 0;
    let most = 0;
    let ticks = 0;
    let release: (() => void) | undefined;
    const loop = startLoop({
      name: "test",
      everyMs: 5,
      log,
      immediately: true,
      tick: async () => {
        running++;
        most = Math.max(most, running);
        if (ticks === 2) await new Promise<void>((r) => (release = r));
        ticks++;
        running--;
      },
    });
    await until(() => release !== undefined);
    void loop.runNow(); // asked for while a tick runs: it comes after, not beside
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(stopped).toBe(false);
    release!();
    await stopping;
    const after = ticks;
    await new Promise((r) => setTimeout(r, 30));
    expect(ticks).toBe(after);
    expect(most).toBe(1);
  });

  it("goes on after a failing tick, and runNow() resolves once a tick has run", async () => {
    let calls = 0;
    const loop = startLoop({
      name: "failing",
      everyMs: 60_000,
      log,
      tick: async () => {
        calls++;
        if (calls === 1) throw new Error("Redis is away");
      },
    });
    await loop.runNow();
    await loop.runNow();
    expect(calls).toBe(2);
    await loop.stop();
  });
});
