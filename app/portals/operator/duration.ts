// How long a run took, split for display ("2 min 5 s"). Pure, so the page and
// its tests agree on the rounding.

export type DurationParts =
  | { unit: "seconds"; seconds: number }
  | { unit: "minutes"; minutes: number; seconds: number }
  | { unit: "hours"; hours: number; minutes: number };

export function durationParts(ms: number): DurationParts {
  const total = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (hours > 0) return { unit: "hours", hours, minutes };
  if (minutes > 0) return { unit: "minutes", minutes, seconds };
  return { unit: "seconds", seconds };
}

/** Elapsed time of a run: until it finished, or until `now` while it is still going. */
export function runDurationMs(startedAt: Date | string, finishedAt: Date | string | null, now: Date = new Date()): number {
  const end = finishedAt ? new Date(finishedAt) : now;
  return Math.max(0, end.getTime() - new Date(startedAt).getTime());
}

/** Share of vacancies done, 0–100; an empty run counts as done. */
export function progressPercent(done: number, total: number): number {
  if (total <= 0) return 100;
  return Math.min(100, Math.round((done / total) * 100));
}
