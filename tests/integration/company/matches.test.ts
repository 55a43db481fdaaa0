// The match page: anonymous cards, contact details only under the citizen's
// consent (and every reveal audited), and introduction requests that are
// idempotent and scoped to the company that owns the vacancy.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as matchAction, loader as matchLoader } from "~/routes/virksomhed.stillinger.$id";
import { loader as requestsLoader } from "~/routes/virksomhed.anmodninger";
import { createTestContext, type TestContext } from "../../setup/test-db";
import { makeCandidate, makeVacancy } from "../../fixtures/factories";
import { formRequest, getRequest, loggedInUser, routeContext, seedOccupation, type LoggedIn } from "./helpers";

let ctx: TestContext;
let company: LoggedIn;
let other: LoggedIn;
let jobcentreId: string;
let vacancyId: string;
let candidate: Awaited<ReturnType<typeof makeCandidate>>;
let matchId: string;

beforeAll(async () => {
  ctx = await createTestContext("matchpage");
  const taxonomy = await seedOccupation(ctx.db);
  jobcentreId = (await ctx.db.organisation.create({ data: { kind: "JOBCENTRE", name: "Jobcenter Test" } })).id;
  company = await loggedInUser(ctx.db, "COMPANY", { servedById: jobcentreId });
  other = await loggedInUser(ctx.db, "COMPANY");
  vacancyId = (await makeVacancy(ctx.db, company.orgId, { title: "Svejser" })).id;
  candidate = await makeCandidate(ctx.db, jobcentreId);
  const match = await ctx.db.match.create({
    data: {
      vacancyId,
      candidateId: candidate.id,
      kind: "FULL",
      score: 87.4,
      explanation: {
        required: [
          { skillId: taxonomy.welding.id, met: true },
          { skillId: taxonomy.drawings.id, met: false },
        ],
        niceToHave: [{ skillId: taxonomy.safety.id, met: true }],
        distanceKm: 4.26,
        radiusKm: 30,
        availableFrom: "2027-01-01",
        startDate: "2027-02-01",
        upskilling: [],
      },
    },
  });
  matchId = match.id;
});
afterAll(async () => ctx?.cleanup());

const load = (user: LoggedIn) => matchLoader({ request: getRequest(`/virksomhed/stillinger/${vacancyId}`, user.cookie), params: { id: vacancyId }, context: routeContext });
const ask = (user: LoggedIn, fields: Record<string, string>) =>
  matchAction({ request: formRequest(`/virksomhed/stillinger/${vacancyId}`, fields, user.cookie), params: { id: vacancyId }, context: routeContext });
const audits = () => ctx.db.auditEvent.count({ where: { candidateId: candidate.id, resource: "candidate-contact" } });

describe("the match page loader", () => {
  it("shows the pseudonym, score and explanation, and no name or contact details without consent", async () => {
    const page = await load(company);
    expect(page.matches).toHaveLength(1);
    const card = page.matches[0]!;
    expect(card.candidate).toEqual({ pseudonym: candidate.pseudonym });
    expect(card.contact).toBeNull();
    expect(card.score).toBeCloseTo(87.4);
    expect(card.explanation.requiredSkills.map((s) => [s.labelDa, s.met])).toEqual([
      ["svejse metaller", true],
      ["læse tekniske tegninger", false],
    ]);
    expect(card.explanation.distanceKm).toBe(4.3);
    expect(page.computedAt).toEqual(expect.any(String));
    const serialised = JSON.stringify(page);
    expect(serialised).not.toContain(candidate.lastName);
    expect(serialised).not.toContain(candidate.email!);
    expect(serialised).not.toContain(candidate.id);
    expect(await audits()).toBe(0);
  });

  it("answers 404 to another company", async () => {
    const response = await load(other).catch((r: unknown) => r as Response);
    expect((response as Response).status).toBe(404);
  });

  it("reveals name, e-mail and phone once the citizen consented to share with this company, and audits each reveal", async () => {
    // A consent for another company reveals nothing.
    await ctx.db.consent.create({ data: { candidateId: candidate.id, purpose: "SHARE_WITH_COMPANY", companyId: other.orgId, channel: "DIGITAL" } });
    expect((await load(company)).matches[0]!.contact).toBeNull();
    expect(await audits()).toBe(0);

    const consent = await ctx.db.consent.create({ data: { candidateId: candidate.id, purpose: "SHARE_WITH_COMPANY", companyId: company.orgId, channel: "DIGITAL" } });
    const page = await load(company);
    expect(page.matches[0]!.contact).toEqual({ name: `${candidate.firstName} ${candidate.lastName}`, email: candidate.email, phone: candidate.phone });
    const rows = await ctx.db.auditEvent.findMany({ where: { candidateId: candidate.id, resource: "candidate-contact" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "READ", reason: "introduction", actorOrgId: company.orgId, actorUserId: company.userId });

    await load(company);
    expect(await audits()).toBe(2);

    // Withdrawn consent: the pseudonym again, and no further audit rows.
    await ctx.db.consent.update({ where: { id: consent.id }, data: { withdrawnAt: new Date() } });
    expect((await load(company)).matches[0]!.contact).toBeNull();
    expect(await audits()).toBe(2);
  });
});

describe("asking for an introduction", () => {
  it("creates one OPEN request, and asking again answers with the same one", async () => {
    const first = await ask(company, { matchId, message: "Vi vil gerne tale med kandidaten om svejsning." });
    expect(first).toMatchObject({ matchId, created: true });
    const second = await ask(company, { matchId, message: "Igen" });
    expect(second).toMatchObject({ matchId, created: false });
    const rows = await ctx.db.contactRequest.findMany({ where: { vacancyId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      status: "OPEN",
      companyId: company.orgId,
      candidateId: candidate.id,
      matchId,
      requestedById: company.userId,
      message: "Vi vil gerne tale med kandidaten om svejsning.",
    });
    expect((await load(company)).matches[0]!.requestStatus).toBe("OPEN");
  });

  it("survives concurrent double submits with a single row", async () => {
    await ctx.db.contactRequest.deleteMany({ where: { vacancyId } });
    await Promise.all([ask(company, { matchId, message: "a" }), ask(company, { matchId, message: "b" }), ask(company, { matchId, message: "c" })]);
    expect(await ctx.db.contactRequest.count({ where: { vacancyId } })).toBe(1);
  });

  it("refuses a message over 2000 characters with a field error", async () => {
    const result = await ask(company, { matchId, message: "x".repeat(2001) });
    const failed = result as { init: { status: number } | null; data: { result: { error?: Record<string, string[]> } } };
    expect(failed.init?.status).toBe(400);
    expect(failed.data.result.error?.message).toEqual(["company.matches.request.messageTooLong"]);
  });

  it("answers 404 to another company and stores nothing", async () => {
    const before = await ctx.db.contactRequest.count();
    const response = await ask(other, { matchId, message: "hej" }).catch((r: unknown) => r as Response);
    expect((response as Response).status).toBe(404);
    expect(await ctx.db.contactRequest.count()).toBe(before);
  });

  it("lists the request on the requests page, without contact details until consent", async () => {
    const page = await requestsLoader({ request: getRequest("/virksomhed/anmodninger", company.cookie), params: {}, context: routeContext });
    expect(page.requests).toHaveLength(1);
    expect(page.requests[0]).toMatchObject({ pseudonym: candidate.pseudonym, vacancy: { id: vacancyId, title: "Svejser" }, status: "OPEN", contact: null });
    const foreign = await requestsLoader({ request: getRequest("/virksomhed/anmodninger", other.cookie), params: {}, context: routeContext });
    expect(foreign.requests).toHaveLength(0);
  });
});
