// Outbox topics and payload rules (pure; safe to import anywhere). A topic says
// which aggregate changed; consumers (search sync, matching) decide what to do.
/** Topics that change what a search index holds (search/indexes/registry.ts maps each to its index). */
export const SEARCH_TOPICS = [
  "skill.changed",
  "occupation.changed",
  "vacancy.changed",
  "candidate.changed",
  "offering.changed",
  "course.changed",
] as const;

export type SearchTopic = (typeof SEARCH_TOPICS)[number];

/** Every topic: the search topics and those only other consumers take (OUTBOX_ROUTES). */
export const OUTBOX_TOPICS = [
  ...SEARCH_TOPICS,
  /** A consultant proposed an introduction to the citizen (aggregate: the ContactRequest). */
  "introduction.proposed",
] as const;

export type OutboxTopic = (typeof OUTBOX_TOPICS)[number];

export function isSearchTopic(value: string): value is SearchTopic {
  return (SEARCH_TOPICS as readonly string[]).includes(value);
}

/** Ids only: a payload never carries names, contact details or free text. */
export type OutboxPayload = Record<string, string | string[]>;

export function isOutboxTopic(value: string): value is OutboxTopic {
  return (OUTBOX_TOPICS as readonly string[]).includes(value);
}

const ID_KEY = /^[a-z][A-Za-z0-9]*Ids?$/;
const ID_VALUE = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Throws a clear error unless the payload is ids only: keys named `…Id` or
 * `…Ids`, values id-shaped. This keeps personal data out of Redis and logs.
 */
export function assertIdsOnlyPayload(payload: unknown): asserts payload is OutboxPayload {
  if (payload === null || typeof payload !== "object" || Array.isArray(payload)) {
    throw new Error("Outbox payload must be an object of ids");
  }
  for (const [key, value] of Object.entries(payload)) {
    if (!ID_KEY.test(key)) throw new Error(`Outbox payload field "${key}" is not an id field (name it …Id or …Ids)`);
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (typeof v !== "string" || !ID_VALUE.test(v)) throw new Error(`Outbox payload field "${key}" must hold ids only`);
    }
  }
}
