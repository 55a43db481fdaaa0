// Deletes outbox rows dispatched long ago. They have done their work; the
// reindex catch-up only looks at rows younger than the longest rebuild.
import type { Db } from "~/lib/db.server";
import { deleteOutboxRowsDispatchedBefore } from "~/lib/outbox/outbox.repository.server";

export const OUTBOX_KEEP_DAYS = 7;

export async function pruneOutbox(db: Db, keepDays = OUTBOX_KEEP_DAYS): Promise<number> {
  const cutoff = new Date(Date.now() - keepDays * 24 * 3600 * 1000);
  return deleteOutboxRowsDispatchedBefore(db, cutoff);
}
