// Writes outbox rows. Call it with the transaction client of the change itself:
// the row commits with the change or not at all, so the search index (and any
// other consumer) can never miss a committed change nor see a rolled-back one.
// A dispatcher in workers/ moves the rows to BullMQ.
import { insertOutboxEvent, insertOutboxEvents, type OutboxWriter } from "./outbox.repository.server";
import { assertIdsOnlyPayload, isOutboxTopic, type OutboxPayload, type OutboxTopic } from "./topics";

export type { OutboxPayload, OutboxTopic };

function check(topic: string, aggregateId: string, payload: OutboxPayload): void {
  if (!isOutboxTopic(topic)) throw new Error(`Unknown outbox topic "${topic}"`);
  if (!aggregateId) throw new Error(`Outbox event "${topic}" needs an aggregate id`);
  assertIdsOnlyPayload(payload);
}

export async function writeOutbox(tx: OutboxWriter, topic: OutboxTopic, aggregateId: string, payload: OutboxPayload = {}): Promise<void> {
  check(topic, aggregateId, payload);
  await insertOutboxEvent(tx, { topic, aggregateId, payload });
}

/** One row per aggregate, in one statement (imports touching many rows). */
export async function writeOutboxMany(tx: OutboxWriter, topic: OutboxTopic, aggregateIds: readonly string[]): Promise<void> {
  for (const id of aggregateIds) check(topic, id, {});
  if (aggregateIds.length === 0) return;
  await insertOutboxEvents(tx, topic, aggregateIds);
}
