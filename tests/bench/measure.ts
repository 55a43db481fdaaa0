// Timing, percentiles, a bounded-concurrency runner and an RSS sampler.
import { readFile } from "node:fs/promises";
import os from "node:os";
import { performance } from "node:perf_hooks";

/** Nearest-rank percentile of unsorted samples (p in 0..100). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}

/**
 * Runs `work(item)` for every item with at most `concurrency` in flight; returns
 * the per-item durations (ms) in item order. The first failure stops the run.
 */
export async function runPool<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<number[]> {
  const durations = new Array<number>(items.length);
  let next = 0;
  let failed: unknown = null;
  async function lane() {
    while (failed === null && next < items.length) {
      const i = next++;
      const start = performance.now();
      try {
        await work(items[i], i);
      } catch (error) {
        failed ??= error;
        return;
      }
      durations[i] = performance.now() - start;
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  if (failed !== null) throw failed;
  return durations;
}

/** Samples this process's RSS (and optionally another process's, e.g. Meilisearch's) every `intervalMs`. */
export class RssSampler {
  private timer: NodeJS.Timeout | undefined;
  peakRss = 0;
  peakOtherRss = 0;
  samples = 0;

  constructor(
    private readonly otherPid?: number,
    private readonly intervalMs = 100,
  ) {}

  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    return this;
  }

  stop(): { peakRssBytes: number; peakOtherRssBytes: number | null; samples: number } {
    clearInterval(this.timer);
    this.sample();
    return { peakRssBytes: this.peakRss, peakOtherRssBytes: this.otherPid ? this.peakOtherRss : null, samples: this.samples };
  }

  private sample(): void {
    this.samples++;
    this.peakRss = Math.max(this.peakRss, process.memoryUsage().rss);
    if (this.otherPid) {
      readFile(`/proc/${this.otherPid}/status`, "utf8")
        .then((s) => {
          const kb = Number(/VmRSS:\s+(\d+)/.exec(s)?.[1] ?? 0);
          this.peakOtherRss = Math.max(this.peakOtherRss, kb * 1024);
        })
        .catch(() => undefined);
    }
  }
}

/** The 1-minute load average every few seconds: on a shared 2-core machine it says how much else was running. */
export class LoadSampler {
  private timer: NodeJS.Timeout | undefined;
  private readonly samples: number[] = [];

  start(intervalMs = 5000): this {
    this.samples.push(os.loadavg()[0]);
    this.timer = setInterval(() => this.samples.push(os.loadavg()[0]), intervalMs);
    this.timer.unref();
    return this;
  }

  stop(): { median: number; max: number; samples: number } {
    clearInterval(this.timer);
    this.samples.push(os.loadavg()[0]);
    return { median: round(median(this.samples), 2), max: round(Math.max(...this.samples), 2), samples: this.samples.length };
  }
}

export const MiB = 1024 * 1024;
export const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
