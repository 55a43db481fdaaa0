import { describe, expect, it } from "vitest";
import { createCitizenToken, verifyCitizenToken } from "./link.server";

const SECRET = "a-test-secret-that-is-long-enough-0123456789";
const now = new Date("2026-11-23T12:00:00Z");
const inADay = new Date("2026-11-24T12:00:00Z");

describe("citizen links", () => {
  it("verifies a link it made and returns its claims", () => {
    const token = createCitizenToken({ candidateId: "cand_123", purpose: "insight", expiresAt: inADay }, SECRET);
    const check = verifyCitizenToken(token, SECRET, now);
    expect(check).toEqual({ ok: true, claims: { candidateId: "cand_123", purpose: "insight", expiresAt: inADay } });
  });

  it("refuses an expired link as expired", () => {
    const token = createCitizenToken({ candidateId: "cand_123", purpose: "insight", expiresAt: now }, SECRET);
    expect(verifyCitizenToken(token, SECRET, now)).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses a link signed with another secret, a changed id, a later expiry or garbage", () => {
    const token = createCitizenToken({ candidateId: "cand_123", purpose: "insight", expiresAt: inADay }, SECRET);
    expect(verifyCitizenToken(token, `${SECRET}x`, now)).toEqual({ ok: false, reason: "invalid" });
    const [, sig] = token.split(".");
    const otherBody = Buffer.from(`cand_999.insight.${Math.floor(inADay.getTime() / 1000)}`).toString("base64url");
    expect(verifyCitizenToken(`${otherBody}.${sig}`, SECRET, now)).toEqual({ ok: false, reason: "invalid" });
    const laterBody = Buffer.from(`cand_123.insight.${Math.floor(inADay.getTime() / 1000) + 3600}`).toString("base64url");
    expect(verifyCitizenToken(`${laterBody}.${sig}`, SECRET, now)).toEqual({ ok: false, reason: "invalid" });
    for (const bad of ["", "x", "a.b.c", `${token}x`, "€.€", "x".repeat(1000)]) {
      expect(verifyCitizenToken(bad, SECRET, now).ok).toBe(false);
    }
  });

  it("signs no link for a value that is not an id", () => {
    expect(() => createCitizenToken({ candidateId: "a.b", purpose: "insight", expiresAt: inADay }, SECRET)).toThrow();
  });
});
