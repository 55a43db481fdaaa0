import { describe, expect, it } from "vitest";
import { assertIdsOnlyPayload, isOutboxTopic } from "./topics";

describe("outbox topics", () => {
  it("knows its topics", () => {
    expect(isOutboxTopic("vacancy.changed")).toBe(true);
    expect(isOutboxTopic("vacancy.renamed")).toBe(false);
  });
});

describe("outbox payloads", () => {
  it("accept ids only", () => {
    expect(() => assertIdsOnlyPayload({})).not.toThrow();
    expect(() => assertIdsOnlyPayload({ courseId: "ckabc123", offeringIds: ["a1", "b2"] })).not.toThrow();
  });

  it("name the field that is not an id", () => {
    expect(() => assertIdsOnlyPayload({ firstName: "Mette" })).toThrow(/"firstName" is not an id field/);
    expect(() => assertIdsOnlyPayload({ candidateId: "Mette Hansen <m@example.dk>" })).toThrow(/"candidateId" must hold ids only/);
    expect(() => assertIdsOnlyPayload([])).toThrow(/object of ids/);
  });
});
