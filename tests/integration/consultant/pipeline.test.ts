// The vacancy pipeline, seat reservations and the inbox of introduction
// requests: moves keep their history and a hire counts in the overview; only
// the jobcentre's own candidates can be moved; the last seat goes to exactly
// one of two concurrent reservations; the citizen's approval creates the
// consent the request points at.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConflictError } from "~/lib/errors";
import { getJobcentreOverview } from "~/portals/jobcentre/dashboard.server";
import { reserveSeat } from "~/modules/outcomes/service.server";
import * as inbox from "~/routes/jobcenter.henvendelser";
import * as overview from "~/routes/jobcenter._index";
import * as results from "~/routes/jobcenter.resultater";
import * as vacancyPage from "~/routes/jobcenter.stillinger.$id";
import { makeOrganisation, makeVacancy } from "../../fixtures/factories";
import { createTestContext, type TestContext } from "../../setup/test-db";
import { candidateWithName, context, get, jobcentreWithConsultant, post, seedPlaces, settle } from "./helpers";

let ctx: TestContext;
let aarhus: Awaited<ReturnType<typeof jobcentreWithConsultant>>;
let aalborg: Awaited<ReturnType<typeof jobcentreWithConsultant>>;
let company: { id: string };
let vacancy: { id: string };

beforeAll(async () => {
  ctx = await createTestContext("conspipe");
  await seedPlaces(ctx.db);
  aarhus = await jobcentreWithConsultant(ctx.db, "Jobcenter Aarhus");
  aalborg = await jobcentreWithConsultant(ctx.db, "Jobcenter Aalborg");
  company = await makeOrganisation(ctx.db, "COMPANY", "Nordlys Byg ApS");
  await ctx.db.organisation.update({ where: { id: company.id }, data: { servedById: aarhus.org.id } });
  vacancy = await makeVacancy(ctx.db, company.id, { title: "Svejser" });
});
afterAll(async () => ctx?.cleanup());

const match = (candidateId: string, vacancyId = vacancy.id, kind: "FULL" | "UPSKILLING" = "FULL") =>
  ctx.db.match.create({ data: { candidateId, vacancyId, kind, score: 80, explanation: {} } });

const move = (cookie: string, matchId: string, status: string, note = "", vacancyId = vacancy.id) =>
  settle(() => vacancyPage.action({ request: post(`/jobcenter/stillinger/${vacancyId}`, cookie, { intent: "move", matchId, status, note }), params: { id: vacancyId }, context }));

describe("pipeline", () => {
  it("moves a candidate to interview and hired, keeping the history, and the hire counts in the overview", async () => {
    const before = await getJobcentreOverview(ctx.db, aarhus.org.id);
    const candidate = await candidateWithName(ctx.db, aarhus.org.id, "Eva", "Ansat");
    const m = await match(candidate.id);

    expect((await move(aarhus.cookie, m.id, "INTERVIEW", "Samtale tirsdag")).status).toBe(302);
    expect((await move(aarhus.cookie, m.id, "HIRED")).status).toBe(302);
    // Again: nothing changes, no second hire.
    const again = await move(aarhus.cookie, m.id, "HIRED");
    expect(again.location).toContain("unchanged=HIRED");

    const history = await ctx.db.matchStatusChange.findMany({ where: { matchId: m.id }, orderBy: { at: "asc" } });
    expect(history.map((h) => [h.fromStatus, h.toStatus, h.note, h.byUserId])).toEqual([
      ["SUGGESTED", "INTERVIEW", "Samtale tirsdag", aarhus.user.id],
      ["INTERVIEW", "HIRED", null, aarhus.user.id],
    ]);
    const outcomes = await ctx.db.outcome.findMany({ where: { candidateId: candidate.id } });
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ kind: "HIRED", jobcentreId: aarhus.org.id, vacancyId: vacancy.id, recordedById: aarhus.user.id });

    const page = (await overview.loader({ request: get("/jobcenter", aarhus.cookie), params: {}, context })) as Awaited<ReturnType<typeof overview.loader>>;
    expect(page.overview.outcomes.month.HIRED).toBe(before.outcomes.month.HIRED + 1);
    expect(page.overview.outcomes.year.HIRED).toBe(before.outcomes.year.HIRED + 1);
    expect(page.overview.pipeline.HIRED).toBe(before.pipeline.HIRED + 1);
    // Aalborg's figures are untouched.
    expect((await getJobcentreOverview(ctx.db, aalborg.org.id)).outcomes.year.HIRED).toBe(0);

    const pipeline = (await vacancyPage.loader({ request: get(`/jobcenter/stillinger/${vacancy.id}`, aarhus.cookie), params: { id: vacancy.id }, context })) as Awaited<
      ReturnType<typeof vacancyPage.loader>
    >;
    const shown = pipeline.matches.find((x) => x.id === m.id)!;
    expect(shown.status).toBe("HIRED");
    expect(shown.history.map((h) => h.by)).toEqual(["Konsulent Jobcenter Aarhus", "Konsulent Jobcenter Aarhus"]);
  });

  it("shows and moves only the jobcentre's own candidates", async () => {
    const theirCandidate = await candidateWithName(ctx.db, aalborg.org.id, "Frede", "Fremmed", { postalCode: "9000" });
    const theirMatch = await match(theirCandidate.id);
    const pipeline = (await vacancyPage.loader({ request: get(`/jobcenter/stillinger/${vacancy.id}`, aarhus.cookie), params: { id: vacancy.id }, context })) as Awaited<
      ReturnType<typeof vacancyPage.loader>
    >;
    expect(pipeline.matches.map((x) => x.id)).not.toContain(theirMatch.id);
    expect((await move(aarhus.cookie, theirMatch.id, "SHORTLISTED")).status).toBe(404);
    expect((await ctx.db.match.findUniqueOrThrow({ where: { id: theirMatch.id } })).status).toBe("SUGGESTED");
    // Aalborg does not serve the company but brokers its own candidate: it sees that match only.
    const theirs = (await vacancyPage.loader({ request: get(`/jobcenter/stillinger/${vacancy.id}`, aalborg.cookie), params: { id: vacancy.id }, context })) as Awaited<
      ReturnType<typeof vacancyPage.loader>
    >;
    expect(theirs.matches.map((x) => x.id)).toEqual([theirMatch.id]);
    // A vacancy Aalborg neither serves nor brokers for is a 404.
    const other = await makeVacancy(ctx.db, company.id, { title: "Tømrer" });
    expect((await settle(() => vacancyPage.loader({ request: get(`/jobcenter/stillinger/${other.id}`, aalborg.cookie), params: { id: other.id }, context }))).status).toBe(404);
  });

  it("rejects an unknown status with 400 and changes nothing", async () => {
    const candidate = await candidateWithName(ctx.db, aarhus.org.id, "Gitte", "Ugyldig");
    const m = await match(candidate.id);
    expect((await move(aarhus.cookie, m.id, "PROMOTED")).status).toBe(400);
    expect(await ctx.db.matchStatusChange.count({ where: { matchId: m.id } })).toBe(0);
  });
});

describe("seat reservations", () => {
  it("gives the last seat to exactly one of two concurrent reservations and records ENROLLED only for reservations that succeeded", async () => {
    const institution = await makeOrganisation(ctx.db, "INSTITUTION");
    const course = await ctx.db.course.create({ data: { institutionId: institution.id, title: "Svejsning 1" } });
    const offering = await ctx.db.courseOffering.create({ data: { courseId: course.id, startDate: new Date("2026-12-01"), endDate: new Date("2026-12-10"), seats: 2 } });
    const [first, a, b] = await Promise.all(["Hans", "Ida", "Jens"].map((n) => candidateWithName(ctx.db, aarhus.org.id, n, "Kursist")));
    const matches = await Promise.all([first, a, b].map((c) => match(c.id, vacancy.id, "UPSKILLING")));
    await ctx.db.matchOffering.createMany({ data: matches.map((m) => ({ matchId: m.id, offeringId: offering.id })) });

    await reserveSeat(ctx.db, { organisationId: aarhus.org.id, userId: aarhus.user.id }, matches[0].id, offering.id);
    const race = await Promise.allSettled([
      reserveSeat(ctx.db, { organisationId: aarhus.org.id, userId: aarhus.user.id }, matches[1].id, offering.id),
      reserveSeat(ctx.db, { organisationId: aarhus.org.id, userId: aarhus.user.id }, matches[2].id, offering.id),
    ]);
    expect(race.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = race.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConflictError);
    expect(await ctx.db.seatReservation.count({ where: { offeringId: offering.id, status: "RESERVED" } })).toBe(2);
    expect(await ctx.db.outcome.count({ where: { offeringId: offering.id, kind: "ENROLLED" } })).toBe(2);

    // Through the page: a full course is a clear 409 message, not a 500.
    const full = await settle(() =>
      vacancyPage.action({ request: post(`/jobcenter/stillinger/${vacancy.id}`, aarhus.cookie, { intent: "reserve", matchId: matches[1].id, offeringId: offering.id }), params: { id: vacancy.id }, context }),
    );
    expect(full.status).toBe(409);
    expect((full.body as { error: string }).error).toMatch(/^consultant\.reservation\.errors\.(full|already)$/);
  });

  it("refuses an offering that is not on the match's upskilling path", async () => {
    const candidate = await candidateWithName(ctx.db, aarhus.org.id, "Kurt", "Udenfor");
    const m = await match(candidate.id, vacancy.id, "UPSKILLING");
    const institution = await makeOrganisation(ctx.db, "INSTITUTION");
    const course = await ctx.db.course.create({ data: { institutionId: institution.id, title: "Andet kursus" } });
    const offering = await ctx.db.courseOffering.create({ data: { courseId: course.id, startDate: new Date("2026-12-01"), endDate: new Date("2026-12-10"), seats: 5 } });
    const res = await settle(() =>
      vacancyPage.action({ request: post(`/jobcenter/stillinger/${vacancy.id}`, aarhus.cookie, { intent: "reserve", matchId: m.id, offeringId: offering.id }), params: { id: vacancy.id }, context }),
    );
    expect(res.status).toBe(400);
    expect(await ctx.db.seatReservation.count({ where: { offeringId: offering.id } })).toBe(0);
  });
});

describe("inbox", () => {
  async function request(candidateJobcentre: "aarhus" | "aalborg" = "aarhus") {
    const jc = candidateJobcentre === "aarhus" ? aarhus : aalborg;
    const candidate = await candidateWithName(ctx.db, jc.org.id, "Lone", "Introduceret");
    const m = await match(candidate.id);
    const req = await ctx.db.contactRequest.create({ data: { companyId: company.id, vacancyId: vacancy.id, candidateId: candidate.id, matchId: m.id, message: "Vi vil gerne møde hende" } });
    return { candidate, match: m, req };
  }
  const act = (cookie: string, fields: Record<string, string>) => settle(() => inbox.action({ request: post("/jobcenter/henvendelser", cookie, fields), params: {}, context }));

  it("lists open requests for the jobcentre's own candidates only", async () => {
    const mineReq = await request("aarhus");
    const theirsReq = await request("aalborg");
    const data = (await inbox.loader({ request: get("/jobcenter/henvendelser", aarhus.cookie), params: {}, context })) as Awaited<ReturnType<typeof inbox.loader>>;
    const ids = data.requests.map((r) => r.id);
    expect(ids).toContain(mineReq.req.id);
    expect(ids).not.toContain(theirsReq.req.id);
    expect(data.requests.find((r) => r.id === mineReq.req.id)).toMatchObject({ company: { name: "Nordlys Byg ApS" }, vacancy: { title: "Svejser" }, message: "Vi vil gerne møde hende" });
    expect((await act(aarhus.cookie, { intent: "decline", requestId: theirsReq.req.id })).status).toBe(404);
  });

  it("proposes to the citizen: PROPOSED, an ids-only outbox row, and the match moves to CONTACTED", async () => {
    const { req, match: m } = await request();
    expect((await act(aarhus.cookie, { intent: "propose", requestId: req.id })).status).toBe(302);
    expect(await ctx.db.contactRequest.findUniqueOrThrow({ where: { id: req.id } })).toMatchObject({ status: "PROPOSED", handledById: aarhus.user.id });
    const outbox = await ctx.db.outboxEvent.findMany({ where: { topic: "introduction.proposed", aggregateId: req.id } });
    expect(outbox).toHaveLength(1);
    expect(outbox[0].payload).toEqual({});
    expect((await ctx.db.match.findUniqueOrThrow({ where: { id: m.id } })).status).toBe("CONTACTED");
    // Proposing twice is refused with a clear message.
    const twice = await act(aarhus.cookie, { intent: "propose", requestId: req.id });
    expect(twice.status).toBe(409);
  });

  it("records the citizen's approval by phone: a SHARE_WITH_COMPANY consent and ACCEPTED with consentId, together", async () => {
    const { req, candidate } = await request();
    expect((await act(aarhus.cookie, { intent: "approve", requestId: req.id, channel: "PHONE" })).status).toBe(302);
    const after = await ctx.db.contactRequest.findUniqueOrThrow({ where: { id: req.id } });
    expect(after.status).toBe("ACCEPTED");
    expect(after.decidedAt).not.toBeNull();
    const consent = await ctx.db.consent.findUniqueOrThrow({ where: { id: after.consentId! } });
    expect(consent).toMatchObject({ candidateId: candidate.id, purpose: "SHARE_WITH_COMPANY", companyId: company.id, channel: "PHONE", withdrawnAt: null, recordedById: aarhus.user.id });
    expect(await ctx.db.auditEvent.count({ where: { candidateId: candidate.id, resource: "candidate.consent" } })).toBe(1);
  });

  it("rejects an approval channel other than in person or phone, storing nothing", async () => {
    const { req, candidate } = await request();
    expect((await act(aarhus.cookie, { intent: "approve", requestId: req.id, channel: "DIGITAL" })).status).toBe(400);
    expect((await ctx.db.contactRequest.findUniqueOrThrow({ where: { id: req.id } })).status).toBe("OPEN");
    expect(await ctx.db.consent.count({ where: { candidateId: candidate.id } })).toBe(0);
  });

  it("declines", async () => {
    const { req } = await request();
    expect((await act(aarhus.cookie, { intent: "decline", requestId: req.id })).status).toBe(302);
    expect((await ctx.db.contactRequest.findUniqueOrThrow({ where: { id: req.id } })).status).toBe("DECLINED");
  });
});

describe("outcomes page", () => {
  it("records an outcome for a candidate found by pseudonym and lists it; an unknown pseudonym is a field error", async () => {
    const candidate = await candidateWithName(ctx.db, aarhus.org.id, "Mads", "Kursus");
    const theirs = await candidateWithName(ctx.db, aalborg.org.id, "Nina", "Nabo");
    const ok = await settle(() =>
      results.action({ request: post("/jobcenter/resultater", aarhus.cookie, { kind: "COURSE_COMPLETED", candidateRef: candidate.pseudonym, occurredOn: "2026-11-20" }), params: {}, context }),
    );
    expect(ok.status).toBe(302);
    const bad = await settle(() =>
      results.action({ request: post("/jobcenter/resultater", aarhus.cookie, { kind: "HIRED", candidateRef: theirs.pseudonym, occurredOn: "2026-11-20" }), params: {}, context }),
    );
    expect(bad.status).toBe(400);
    expect((bad.body as { result: { error: Record<string, string[]> } }).result.error.candidateRef).toEqual(["consultant.outcomes.errors.unknownCandidate"]);
    expect(await ctx.db.outcome.count({ where: { candidateId: theirs.id } })).toBe(0);
    const page = (await results.loader({ request: get("/jobcenter/resultater?kind=COURSE_COMPLETED", aarhus.cookie), params: {}, context })) as Awaited<ReturnType<typeof results.loader>>;
    expect(page.outcomes.rows.map((r) => r.candidate?.id)).toEqual([candidate.id]);
  });
});
