import { describe, expect, it } from "vitest";
import { mayEmailCandidate } from "./consent";
import { languageOf, mailTranslator } from "./i18n";
import { newMatchDedupeKey, newMatchNotifications } from "./kinds";
import { isoWeekKey, localDateKey } from "./period";
import { renderCourseDemandDigest, renderNotificationDigest, unsubscribeHeaders, type NotificationView } from "./render";
import { createUnsubscribeToken, unsubscribeUrl, verifyUnsubscribeToken } from "./unsubscribe-token.server";

const secret = "a-test-secret-that-is-long-enough-1234";

describe("who hears of a new match", () => {
  const match = { id: "m1", vacancyId: "v1", organisationId: "company", consultantId: "consultant" };

  it("notifies every company member and the candidate's consultant once each", () => {
    const rows = newMatchNotifications([match], new Map([["company", ["a", "b", "a"]]]), new Set(["a", "b", "consultant"]));
    expect(rows.map((r) => r.userId).sort()).toEqual(["a", "b", "consultant"]);
    expect(rows.map((r) => r.dedupeKey).sort()).toEqual([newMatchDedupeKey("m1", "a"), newMatchDedupeKey("m1", "b"), newMatchDedupeKey("m1", "consultant")].sort());
    expect(rows[0].payload).toEqual({ matchId: "m1", vacancyId: "v1" });
  });

  it("skips disabled users and candidates without a consultant", () => {
    const rows = newMatchNotifications([{ ...match, consultantId: null }], new Map([["company", ["a", "disabled"]]]), new Set(["a"]));
    expect(rows.map((r) => r.userId)).toEqual(["a"]);
  });
});

describe("periods", () => {
  it("takes the calendar day in the time zone, not in UTC", () => {
    expect(localDateKey(new Date("2026-11-23T23:30:00Z"), "Europe/Copenhagen")).toBe("2026-11-24");
    expect(localDateKey(new Date("2026-11-23T22:30:00Z"), "UTC")).toBe("2026-11-23");
  });

  it("numbers ISO weeks across year ends", () => {
    expect(isoWeekKey(new Date("2026-01-01T12:00:00Z"), "UTC")).toBe("2026-W01"); // a Thursday
    expect(isoWeekKey(new Date("2027-01-01T12:00:00Z"), "UTC")).toBe("2026-W53"); // a Friday
    expect(isoWeekKey(new Date("2024-12-30T12:00:00Z"), "UTC")).toBe("2025-W01"); // a Monday
    // Monday 00:30 in Copenhagen is still Sunday in UTC.
    expect(isoWeekKey(new Date("2026-11-22T23:30:00Z"), "Europe/Copenhagen")).toBe("2026-W48");
    expect(isoWeekKey(new Date("2026-11-22T23:30:00Z"), "UTC")).toBe("2026-W47");
  });
});

describe("unsubscribe tokens", () => {
  it("name the user they were made for", () => {
    expect(verifyUnsubscribeToken(createUnsubscribeToken("cluser123", secret), secret)).toBe("cluser123");
  });

  it("refuse forged, altered and malformed tokens", () => {
    const token = createUnsubscribeToken("cluser123", secret);
    const [, signature] = token.split(".");
    expect(verifyUnsubscribeToken(`${Buffer.from("cluser999").toString("base64url")}.${signature}`, secret)).toBeNull();
    expect(verifyUnsubscribeToken(token, "another-secret-that-is-long-enough-00")).toBeNull();
    expect(verifyUnsubscribeToken(`${token}x`, secret)).toBeNull();
    expect(verifyUnsubscribeToken("", secret)).toBeNull();
    expect(verifyUnsubscribeToken("a.b.c", secret)).toBeNull();
  });

  it("make an absolute link under APP_URL", () => {
    expect(unsubscribeUrl("https://jobbro.example.dk", "u1", secret)).toMatch(/^https:\/\/jobbro\.example\.dk\/afmeld\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });
});

describe("e-mail to candidates", () => {
  const now = new Date("2026-11-23T12:00:00Z");
  it("needs an address and a standing consent", () => {
    const consent = { givenAt: new Date("2026-01-01"), withdrawnAt: null };
    expect(mayEmailCandidate({ email: "a@b.dk", emailConsents: [consent] }, now)).toBe(true);
    expect(mayEmailCandidate({ email: null, emailConsents: [consent] }, now)).toBe(false);
    expect(mayEmailCandidate({ email: "a@b.dk", emailConsents: [] }, now)).toBe(false);
    expect(mayEmailCandidate({ email: "a@b.dk", emailConsents: [{ ...consent, withdrawnAt: new Date("2026-06-01") }] }, now)).toBe(false);
  });
});

describe("digest e-mails", () => {
  const view: NotificationView = {
    id: "n1",
    createdAt: new Date(),
    readAt: null,
    path: "/meddelelser#n-n1",
    kind: "new-match",
    vacancyTitle: "Svejser <A&B>",
    pseudonym: "Kandidat-42",
    matchKind: "UPSKILLING",
  };
  const input = { recipientName: "Mette", appUrl: "https://jobbro.example.dk", unsubscribeUrl: "https://jobbro.example.dk/afmeld/x.y", notifications: [view] };

  it("lists what is new with links and an unsubscribe link, in Danish by default", () => {
    const language = languageOf(undefined);
    const mail = renderNotificationDigest(mailTranslator(language), { ...input, language });
    expect(mail.subject).toBe("Jobbro: nyt siden sidst (1)");
    expect(mail.text).toContain("Nyt kandidatforslag med opkvalificering til Svejser <A&B>: Kandidat-42");
    expect(mail.text).toContain("https://jobbro.example.dk/meddelelser#n-n1");
    expect(mail.text).toContain("https://jobbro.example.dk/afmeld/x.y");
    expect(mail.html).toContain("Svejser &lt;A&amp;B&gt;");
    expect(mail.html).not.toContain("<A&B>");
  });

  it("speaks the recipient's language", () => {
    const mail = renderNotificationDigest(mailTranslator(languageOf("en-GB")), { ...input, language: "en" });
    expect(mail.subject).toBe("Jobbro: new since last time (1)");
    expect(mail.text).toContain("Hello Mette");
  });

  it("reports course demand per course", () => {
    const mail = renderCourseDemandDigest(mailTranslator("da"), {
      ...input,
      language: "da",
      week: "2026-W48",
      courses: [{ courseId: "c1", title: "Svejsning TIG", openVacancies: 3, gapVacancies: 2, candidates: 5 }],
    });
    expect(mail.subject).toBe("Jobbro: efterspørgsel efter jeres kurser, uge 48");
    expect(mail.text).toContain("Svejsning TIG – åbne stillinger, der kræver kompetencer fra kurset: 3; kandidater, der mangler dem: 5 (til 2 stillinger)");
  });

  it("offers one-click unsubscribe in the headers", () => {
    expect(unsubscribeHeaders("https://x.dk/afmeld/t")).toEqual({ "List-Unsubscribe": "<https://x.dk/afmeld/t>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
  });
});
