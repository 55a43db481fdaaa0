import { describe, expect, it } from "vitest";
import { InvalidPayloadError, JOBS, OUTBOX_ROUTES, parsePayload } from "./registry";
import { OUTBOX_TOPICS } from "~/lib/outbox/topics";

describe("job payloads", () => {
  it("accept a valid search sync payload", () => {
    expect(parsePayload(JOBS.searchSync, { topic: "vacancy.changed", aggregateId: "ck1", outboxId: "42" })).toEqual({
      topic: "vacancy.changed",
      aggregateId: "ck1",
      outboxId: "42",
    });
  });

  it("reject unknown topics, bad ids and extra fields, naming the field", () => {
    expect(() => parsePayload(JOBS.searchSync, { topic: "nope", aggregateId: "ck1" })).toThrow(/topic/);
    expect(() => parsePayload(JOBS.searchSync, { topic: "vacancy.changed", aggregateId: "a:b" })).toThrow(InvalidPayloadError);
    expect(() => parsePayload(JOBS.searchSync, { topic: "vacancy.changed", aggregateId: "ck1", email: "x@y.dk" })).toThrow(/email|Unrecognized/);
  });

  it("route every outbox topic somewhere", () => {
    for (const topic of OUTBOX_TOPICS) expect(OUTBOX_ROUTES[topic].length).toBeGreaterThan(0);
  });
});
