// Calendar periods in a given time zone: the keys that make "one digest per
// day" and "one course-demand mail per week" database guarantees.

/** "2026-11-24": the calendar day at `at` in `timeZone`. */
export function localDateKey(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** "2026-W48": the ISO 8601 week (Monday first; week 1 holds the first Thursday) of the local day at `at`. */
export function isoWeekKey(at: Date, timeZone: string): string {
  const [year, month, day] = localDateKey(at, timeZone).split("-").map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7; // Monday 1 … Sunday 7
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // the Thursday of this week decides its year
  const weekYear = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(weekYear, 0, 1)) / 86_400_000 + 1) / 7);
  return `${weekYear}-W${String(week).padStart(2, "0")}`;
}
