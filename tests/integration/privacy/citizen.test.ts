// The citizen's insight page end to end: the link is requested on /borger and
// arrives through a real SMTP server (sent by the real worker); the page and the
// download are audited; consents are withdrawn with their effects (search index,
// stored matches, a company's access); introductions are approved or declined.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { mayShareWithCompany } from "~/modules/candidates/share-consent";
import { withdrawConsent } from "~/modules/candidates/service.server";
import { createCitizenToken, citizenLinkSecret } from "~/portals/citizen/link.server";
import { LINKS_PER_EMAIL_PER_HOUR } from "~/portals/citizen/request-link.server";
import { writeOutbox } from "~/lib/outbox/outbox.server";
import { action as requestAction, loader as requestLoader } from "~/routes/borger._index";
import { action as pageAction, loader as pageLoader } from "~/routes/borger.$token";
import { loader as dataLoader } from "~/routes/borger.$token.data";
import { getAdminClient, indexUid } from "../../../search/client";
import { within } from "../../setup/async";
import { routeContextWith } from "../../setup/route-context";
import { BASE, createCitizen, createJobcentreAndCompany, createSkill, createVacancy, post, routeContext, startPrivacyWorld, type PrivacyWorld } from "./helpers";

let world: PrivacyWorld;
beforeAll(async () => {
  world = await startPrivacyWorld("citizen");
});
afterAll(async () => world?.close());

const db = () => world.ctx.db;
const linkIn = (text: string | null) => text?.match(/https?:\/\/\S+\/borger\/[\w-]+\.[\w-]+/)?.[0] ?? null;
const tokenOf = (link: string) => new URL(link).pathname.split("/").pop()!;

async function openPage(token: string, search = "") {
  return pageLoader({ request: new Request(`${BASE}/borger/${token}${search}`), params: { token }, context: routeContext });
}

async function act(token: string, fields: Record<string, string>) {
  return pageAction({ request: post(`/borger/${token}`, fields), params: { token }, context: routeContext });
}

function tokenFor(candidateId: string, expiresAt = new Date(Date.now() + 3600_000)) {
  return createCitizenToken({ candidateId, purpose: "insight", expiresAt }, citizenLinkSecret());
}

async function requestLink(email: string, clientAddress = `203.0.113.${Math.floor(Math.random() * 200)}`) {
  return requestAction({ request: post("/borger", { email }), params: {}, context: routeContextWith({ clientAddress }) });
}

describe("asking for the link on /borger", () => {
  it("mails a signed link to a known address, and answers an unknown one exactly the same", async () => {
    const { jobcentre } = await createJobcentreAndCompany(db());
    const { candidate, person } = await createCitizen(db(), jobcentre.id);
    expect((await requestLoader()).init?.headers).toMatchObject({ "Cache-Control": "no-store" });

    const known = await requestLink(person.email.toUpperCase());
    const unknown = await requestLink(`nobody-${Date.now()}@borger-test.dk`);
    expect(known.init?.status ?? 200).toBe(200);
    expect(unknown.init?.status ?? 200).toBe(200);
    expect(known.data.outcome).toBe("sent");
    expect(JSON.stringify(unknown.data)).toBe(JSON.stringify(known.data));

    const mail = await world.mail.store.waitFor((m) => m.to.includes(person.email), 15_000);
    expect(mail.subject).toContain("Dit link til dine data i Jobbro");
    const link = linkIn(mail.text);
    expect(link).not.toBeNull();
    const page = await openPage(tokenOf(link!));
    expect(page.data.state).toBe("ok");
    if (page.data.state === "ok") expect(page.data.insight.profile.id).toBe(candidate.id);
    // Only the known address got mail.
    expect(world.mail.store.list().filter((m) => m.to.some((to) => to.startsWith("nobody-")))).toHaveLength(0);
  });

  it("rejects an invalid address with 400 and limits requests per address with 429", async () => {
    const invalid = await requestLink("not-an-address");
    expect(invalid.init?.status).toBe(400);
    expect(invalid.data.result.error?.email).toEqual(["citizen.request.errors.emailInvalid"]);

    const email = `limit-${Date.now()}@borger-test.dk`;
    for (let i = 0; i < LINKS_PER_EMAIL_PER_HOUR; i++) expect((await requestLink(email)).data.outcome).toBe("sent");
    const limited = await requestLink(email);
    expect(limited.init?.status).toBe(429);
    expect(limited.data.outcome).toBe("limited");
    expect(Number((limited.init?.headers as Record<string, string>)["Retry-After"])).toBeGreaterThan(0);
  });
});

describe("the personal page", () => {
  it("refuses a tampered link with 400 and an expired one with 410, and audits nothing for them", async () => {
    const { jobcentre } = await createJobcentreAndCompany(db());
    const { candidate } = await createCitizen(db(), jobcentre.id);
    const token = tokenFor(candidate.id);
    const tampered = `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`;
    const bad = await openPage(tampered);
    expect(bad.init?.status).toBe(400);
    expect(bad.data.state).toBe("invalid");
    const expired = await openPage(tokenFor(candidate.id, new Date(Date.now() - 1000)));
    expect(expired.init?.status).toBe(410);
    expect(expired.data.state).toBe("expired");
    expect((await openPage("garbage")).init?.status).toBe(400);
    expect((await dataLoader({ request: new Request(`${BASE}/borger/x/data`), params: { token: tampered }, context: routeContext })).status).toBe(400);
    expect(await db().auditEvent.count({ where: { candidateId: candidate.id } })).toBe(0);
    // An action with a bad link changes nothing either.
    const consent = await db().consent.findFirstOrThrow({ where: { candidateId: candidate.id } });
    expect((await act(tampered, { intent: "withdraw", consentId: consent.id })).init?.status).toBe(400);
    expect((await db().consent.findUniqueOrThrow({ where: { id: consent.id } })).withdrawnAt).toBeNull();
  });

  it("shows what Jobbro holds, with the access log including organisations, and audits each view with the citizen as actor", async () => {
    const { jobcentre, company } = await createJobcentreAndCompany(db());
    const { candidate, person } = await createCitizen(db(), jobcentre.id);
    await db().auditEvent.create({ data: { candidateId: candidate.id, actorOrgId: jobcentre.id, action: "READ", resource: "candidate", reason: "kandidatsamtale" } });
    await db().consent.create({ data: { candidateId: candidate.id, purpose: "SHARE_WITH_COMPANY", companyId: company.id, channel: "PHONE" } });

    const token = tokenFor(candidate.id);
    const page = await openPage(token);
    expect(page.init?.headers).toMatchObject({ "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" });
    if (page.data.state !== "ok") throw new Error("expected the page");
    const { insight } = page.data;
    expect(insight.profile).toMatchObject({ firstName: person.firstName, lastName: person.lastName, email: person.email, phone: person.phone, jobcentre: jobcentre.name });
    expect(insight.consents.map((c) => [c.purpose, c.channel, c.company, c.active])).toEqual(
      expect.arrayContaining([
        ["MATCHING", "IN_PERSON", null, true],
        ["SHARE_WITH_COMPANY", "PHONE", company.name, true],
      ]),
    );
    expect(insight.accessLog[0]).toMatchObject({ resource: "citizen.insight", byCitizen: true, organisation: null });
    expect(insight.accessLog).toContainEqual(expect.objectContaining({ organisation: jobcentre.name, reason: "kandidatsamtale", byCitizen: false }));

    const events = await db().auditEvent.findMany({ where: { candidateId: candidate.id, resource: "citizen.insight" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "READ", actorUserId: null, actorOrgId: null, reason: "citizen insight" });
  });

  it("downloads everything as a JSON attachment, audited", async () => {
    const { jobcentre } = await createJobcentreAndCompany(db());
    const { candidate, person } = await createCitizen(db(), jobcentre.id);
    const token = tokenFor(candidate.id);
    const response = await dataLoader({ request: new Request(`${BASE}/borger/${token}/data`), params: { token }, context: routeContext });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="jobbro-data-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const body = (await response.json()) as { profile: { email: string }; consents: unknown[]; accessLog: { resource: string }[]; exportedAt: string };
    expect(body.profile.email).toBe(person.email);
    expect(body.consents).toHaveLength(1);
    expect(body.accessLog[0].resource).toBe("citizen.export");
    expect(await db().auditEvent.count({ where: { candidateId: candidate.id, resource: "citizen.export", actorOrgId: null, actorUserId: null } })).toBe(1);
  });
});

describe("withdrawing consent", () => {
  it("MATCHING: the candidate leaves the search index and companies' match lists within seconds", async () => {
    const { jobcentre, company } = await createJobcentreAndCompany(db());
    const skill = await createSkill(db());
    const vacancy = await createVacancy(db(), company.id, skill.id);
    const { candidate } = await createCitizen(db(), jobcentre.id, { skillIds: [skill.id] });
    const pair = { vacancyId_candidateId: { vacancyId: vacancy.id, candidateId: candidate.id } };
    await vi.waitFor(async () => expect((await db().match.findUnique({ where: pair }))?.current).toBe(true), within());

    const consent = await db().consent.findFirstOrThrow({ where: { candidateId: candidate.id, purpose: "MATCHING" } });
    const token = tokenFor(candidate.id);
    const result = await act(token, { intent: "withdraw", consentId: consent.id });
    expect(result.data.done).toBe("withdrawn");
    expect((await db().consent.findUniqueOrThrow({ where: { id: consent.id } })).withdrawnAt).not.toBeNull();

    // Within seconds: both effects within one 15 s wait.
    const index = getAdminClient().index(indexUid("candidates"));
    await vi.waitFor(async () => {
      expect((await db().match.findUnique({ where: pair }))?.current).toBe(false);
      expect(await index.getDocument(candidate.id).then(() => "indexed", () => "gone")).toBe("gone");
    }, within(15_000));
    // Repeating it changes nothing and is not an error.
    expect((await act(token, { intent: "withdraw", consentId: consent.id })).data.done).toBe("withdrawn");
    expect(await db().auditEvent.count({ where: { candidateId: candidate.id, resource: "candidate.consent", reason: "citizen insight" } })).toBe(1);
  });

  it("SHARE_WITH_COMPANY: the company's access ends at once and the introduction is closed (citizen and consultant alike)", async () => {
    const { jobcentre, company } = await createJobcentreAndCompany(db());
    const skill = await createSkill(db());
    const vacancy = await createVacancy(db(), company.id, skill.id);
    for (const by of ["citizen", "consultant"] as const) {
      const { candidate } = await createCitizen(db(), jobcentre.id);
      const consent = await db().consent.create({ data: { candidateId: candidate.id, purpose: "SHARE_WITH_COMPANY", companyId: company.id, channel: "DIGITAL" } });
      const request = await db().contactRequest.create({
        data: { companyId: company.id, vacancyId: vacancy.id, candidateId: candidate.id, status: "ACCEPTED", consentId: consent.id, decidedAt: new Date() },
      });
      const consents = () => db().consent.findMany({ where: { candidateId: candidate.id } });
      expect(mayShareWithCompany(await consents(), company.id)).toBe(true);

      if (by === "citizen") expect((await act(tokenFor(candidate.id), { intent: "withdraw", consentId: consent.id })).data.done).toBe("withdrawn");
      else await withdrawConsent(db(), { organisationId: jobcentre.id, userId: null, reason: "borgeren ringede" }, candidate.id, consent.id);

      expect(mayShareWithCompany(await consents(), company.id), by).toBe(false);
      expect((await db().contactRequest.findUniqueOrThrow({ where: { id: request.id } })).status, by).toBe("CLOSED");
    }
  });

  it("answers 404 for another citizen's consent and changes nothing", async () => {
    const { jobcentre } = await createJobcentreAndCompany(db());
    const { candidate: me } = await createCitizen(db(), jobcentre.id);
    const { candidate: other } = await createCitizen(db(), jobcentre.id);
    const theirs = await db().consent.findFirstOrThrow({ where: { candidateId: other.id } });
    const result = await act(tokenFor(me.id), { intent: "withdraw", consentId: theirs.id });
    expect(result.init?.status).toBe(404);
    expect((await db().consent.findUniqueOrThrow({ where: { id: theirs.id } })).withdrawnAt).toBeNull();
    expect((await act(tokenFor(me.id), { intent: "withdraw", consentId: "x'; DROP TABLE" })).init?.status).toBe(400);
    expect((await act(tokenFor(me.id), { intent: "nonsense" })).init?.status).toBe(400);
  });
});

describe("introductions", () => {
  async function proposed() {
    const { jobcentre, company } = await createJobcentreAndCompany(db());
    const skill = await createSkill(db());
    const vacancy = await createVacancy(db(), company.id, skill.id);
    const { candidate, person } = await createCitizen(db(), jobcentre.id);
    // What the consultant's "propose to the citizen" commits (app/modules/introductions/broker.server.ts).
    const request = await db().$transaction(async (tx) => {
      const row = await tx.contactRequest.create({
        data: { companyId: company.id, vacancyId: vacancy.id, candidateId: candidate.id, status: "PROPOSED", proposedAt: new Date() },
      });
      await writeOutbox(tx, "introduction.proposed", row.id);
      return row;
    });
    return { company, vacancy, candidate, person, request };
  }

  it("e-mails the citizen a link to approve, and approving shares with that company only (consent DIGITAL, one transaction)", async () => {
    const { company, vacancy, candidate, person, request } = await proposed();
    const mail = await world.mail.store.waitFor((m) => m.to.includes(person.email) && m.subject.includes("virksomhed"), 15_000);
    expect(mail.text).toContain(company.name);
    expect(mail.text).toContain(vacancy.title);
    const token = tokenOf(linkIn(mail.text)!);

    const page = await openPage(token);
    if (page.data.state !== "ok") throw new Error("expected the page");
    expect(page.data.insight.introductions).toMatchObject([{ id: request.id, status: "PROPOSED", company: company.name }]);

    const result = await act(token, { intent: "approve", requestId: request.id });
    expect(result.data.done).toBe("approved");
    const after = await db().contactRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(after.status).toBe("ACCEPTED");
    expect(after.decidedAt).not.toBeNull();
    const consent = await db().consent.findUniqueOrThrow({ where: { id: after.consentId! } });
    expect(consent).toMatchObject({ purpose: "SHARE_WITH_COMPANY", companyId: company.id, channel: "DIGITAL", withdrawnAt: null, recordedById: null });
    const consents = await db().consent.findMany({ where: { candidateId: candidate.id } });
    expect(mayShareWithCompany(consents, company.id)).toBe(true);
    const other = await db().organisation.create({ data: { kind: "COMPANY", name: "Anden ApS" } });
    expect(mayShareWithCompany(consents, other.id)).toBe(false);

    // Answering twice: 409 with a clear message, nothing changes.
    const again = await act(token, { intent: "decline", requestId: request.id });
    expect(again.init?.status).toBe(409);
    expect((await db().contactRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("ACCEPTED");
  });

  it("declining records the answer and shares nothing", async () => {
    const { company, candidate, request } = await proposed();
    const result = await act(tokenFor(candidate.id), { intent: "decline", requestId: request.id });
    expect(result.data.done).toBe("declined");
    const after = await db().contactRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(after).toMatchObject({ status: "DECLINED", consentId: null });
    expect(after.decidedAt).not.toBeNull();
    expect(mayShareWithCompany(await db().consent.findMany({ where: { candidateId: candidate.id } }), company.id)).toBe(false);
  });

  it("keeps personal data out of the outbox and job payloads: ids only", async () => {
    const { request } = await proposed();
    const row = await db().outboxEvent.findFirstOrThrow({ where: { topic: "introduction.proposed", aggregateId: request.id } });
    expect(row.payload).toEqual({});
  });
});

describe("asking for erasure", () => {
  it("needs the confirmation, then records one request and the worker erases the citizen", async () => {
    const { jobcentre } = await createJobcentreAndCompany(db());
    const { candidate } = await createCitizen(db(), jobcentre.id);
    const token = tokenFor(candidate.id);
    const confirmPage = await openPage(token, "?slet=1");
    expect(confirmPage.data.state === "ok" && confirmPage.data.confirmErasure).toBe(true);

    const unconfirmed = await act(token, { intent: "erase" });
    expect(unconfirmed.init?.status).toBe(400);
    expect(unconfirmed.data.result.error?.confirm).toEqual(["citizen.page.errors.confirmRequired"]);
    expect(await db().erasureRequest.count({ where: { candidateId: candidate.id } })).toBe(0);

    expect((await act(token, { intent: "erase", confirm: "on" })).data.done).toBe("erasure");
    const request = await db().erasureRequest.findFirstOrThrow({ where: { source: "CITIZEN", jobcentreId: jobcentre.id } });
    await vi.waitFor(async () => expect((await db().erasureRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("DONE"), within(20_000));
    expect(await db().candidate.count({ where: { id: candidate.id } })).toBe(0);
    const gone = await openPage(token);
    expect(gone.init?.status).toBe(410);
    expect(gone.data.state).toBe("gone");
  });
});
