// "Today" for DATE columns: the calendar day in Denmark, as the UTC midnight
// Prisma stores a DATE as. A hire recorded at 00:30 Danish time belongs to that
// Danish day, not to yesterday in UTC.
export function danishToday(now = new Date()): Date {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Copenhagen", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  return new Date(`${day}T00:00:00.000Z`);
}
