// The vacancy wizard: the occupation's skills proposed, the vacancy written with
// its skills and the outbox row that starts matching, field errors with nothing stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as newAction, loader as newLoader } from "~/routes/virksomhed.stillinger.ny";
import { action as editAction, loader as editLoader } from "~/routes/virksomhed.stillinger.$id_.rediger";
import { action as overviewAction, loader as overviewLoader } from "~/routes/virksomhed._index";
import { createTestContext, type TestContext } from "../../setup/test-db";
import { formRequest, getRequest, loggedInUser, routeContext, seedGeography, seedOccupation, type LoggedIn } from "./helpers";

let ctx: TestContext;
let company: LoggedIn;
let other: LoggedIn;
let taxonomy: Awaited<ReturnType<typeof seedOccupation>>;

beforeAll(async () => {
  ctx = await createTestContext("wizard");
  await seedGeography(ctx.db);
  taxonomy = await seedOccupation(ctx.db);
  company = await loggedInUser(ctx.db, "COMPANY");
  other = await loggedInUser(ctx.db, "COMPANY");
});
afterAll(async () => ctx?.cleanup());

const validForm = () => ({
  occupationId: taxonomy.occupationId,
  requiredSkillIds: [taxonomy.welding.id, taxonomy.drawings.id],
  niceToHaveSkillIds: [taxonomy.safety.id],
  title: "Svejser til værkstedet",
  description: "MIG/MAG-svejsning af stålkonstruktioner",
  postalCode: "8200",
  startDate: "2027-03-01",
  hoursPerWeek: "37",
  positions: "2",
  requiresDrivingLicence: "on",
  languages: ["da", "en"],
  acceptsUpskilling: "on",
});

const counts = async () => ({
  vacancies: await ctx.db.vacancy.count(),
  skills: await ctx.db.vacancySkill.count(),
  outbox: await ctx.db.outboxEvent.count({ where: { topic: "vacancy.changed" } }),
});

async function post(fields: Record<string, string | string[]>, user = company) {
  try {
    return await newAction({ request: formRequest("/virksomhed/stillinger/ny", fields, user.cookie), params: {}, context: routeContext });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("step 1 and 2 loaders", () => {
  it("proposes the occupation's essential skills as required and optional ones as nice-to-have", async () => {
    const result = await newLoader({ request: getRequest(`/virksomhed/stillinger/ny?occupationId=${taxonomy.occupationId}`, company.cookie), params: {}, context: routeContext });
    expect(result.step).toBe("details");
    if (result.step !== "details") return;
    expect(result.proposal?.occupation).toEqual({ id: taxonomy.occupationId, label: "svejser" });
    expect(result.proposal?.required.map((s) => s.id).sort()).toEqual([taxonomy.welding.id, taxonomy.drawings.id].sort());
    expect(result.proposal?.niceToHave).toEqual([{ id: taxonomy.safety.id, label: "følge sikkerhedsregler" }]);
    expect(result.defaults.title).toBe("Svejser");
  });

  it("goes back to step 1 with a message for an unknown occupation", async () => {
    const result = await newLoader({ request: getRequest("/virksomhed/stillinger/ny?occupationId=nope", company.cookie), params: {}, context: routeContext });
    expect(result).toMatchObject({ step: "occupation", unknownOccupation: true });
  });
});

describe("creating a vacancy", () => {
  it("stores the vacancy with its skills and an outbox row, and goes to its match page", async () => {
    const before = await counts();
    const response = (await post(validForm())) as Response;
    expect(response.status).toBe(302);
    const vacancy = await ctx.db.vacancy.findFirstOrThrow({
      where: { organisationId: company.orgId },
      include: { skills: true },
    });
    expect(response.headers.get("Location")).toBe(`/virksomhed/stillinger/${vacancy.id}?oprettet=1`);
    expect(vacancy).toMatchObject({
      title: "Svejser til værkstedet",
      occupationId: taxonomy.occupationId,
      status: "OPEN",
      postalCode: "8200",
      city: "Aarhus N",
      hoursPerWeek: 37,
      positions: 2,
      requiresDrivingLicence: true,
      acceptsUpskilling: true,
      languages: ["da", "en"],
      createdById: company.userId,
    });
    expect(vacancy.startDate.toISOString()).toBe("2027-03-01T00:00:00.000Z");
    expect(vacancy.skills.map((s) => [s.skillId, s.requirement]).sort()).toEqual(
      [
        [taxonomy.welding.id, "REQUIRED"],
        [taxonomy.drawings.id, "REQUIRED"],
        [taxonomy.safety.id, "NICE_TO_HAVE"],
      ].sort(),
    );
    const after = await counts();
    expect(after).toEqual({ vacancies: before.vacancies + 1, skills: before.skills + 3, outbox: before.outbox + 1 });
    expect(await ctx.db.outboxEvent.count({ where: { topic: "vacancy.changed", aggregateId: vacancy.id } })).toBe(1);
  });

  it("answers an unknown postcode with a field error, keeps the input and stores nothing", async () => {
    const before = await counts();
    const result = await post({ ...validForm(), postalCode: "1234" });
    expect(result).not.toBeInstanceOf(Response);
    const failed = result as Exclude<typeof result, Response>;
    expect(failed.init?.status).toBe(400);
    expect(failed.data.ok).toBe(false);
    if (failed.data.ok) return;
    expect(failed.data.result.error?.postalCode).toEqual(["forms.unknownPostalCode"]);
    expect(failed.data.result.initialValue?.title).toBe("Svejser til værkstedet");
    expect(failed.data.chosen.required.map((s) => s.id).sort()).toEqual([taxonomy.welding.id, taxonomy.drawings.id].sort());
    expect(await counts()).toEqual(before);
  });

  it("answers a postcode without a location and missing skills with field errors", async () => {
    const before = await counts();
    const result = await post({ ...validForm(), postalCode: "9990" });
    const failed = result as Exclude<typeof result, Response>;
    expect(failed.data.ok === false && failed.data.result.error?.postalCode).toEqual(["company.vacancyForm.errors.postalCodeNoLocation"]);
    const noSkills = await post({ ...validForm(), requiredSkillIds: [] });
    const failedSkills = noSkills as Exclude<typeof noSkills, Response>;
    expect(failedSkills.init?.status).toBe(400);
    expect(failedSkills.data.ok === false && failedSkills.data.result.error?.requiredSkillIds).toEqual(["company.vacancyForm.errors.requiredSkills"]);
    expect(await counts()).toEqual(before);
  });

  it("forbids other kinds of organisation", async () => {
    const jobcentre = await loggedInUser(ctx.db, "JOBCENTRE");
    const response = (await post(validForm(), jobcentre)) as Response;
    expect(response.status).toBe(403);
  });
});

describe("editing a vacancy", () => {
  it("changes the stored vacancy and writes an outbox row; another company gets 404", async () => {
    const vacancy = await ctx.db.vacancy.findFirstOrThrow({ where: { organisationId: company.orgId } });
    const loaded = await editLoader({ request: getRequest(`/virksomhed/stillinger/${vacancy.id}/rediger`, company.cookie), params: { id: vacancy.id }, context: routeContext });
    expect(loaded.defaults.title).toBe(vacancy.title);
    expect(loaded.required).toHaveLength(2);

    const before = await counts();
    const request = formRequest(`/virksomhed/stillinger/${vacancy.id}/rediger`, { ...validForm(), title: "Svejser (MIG)", requiredSkillIds: [taxonomy.welding.id], niceToHaveSkillIds: [] }, company.cookie);
    const response = await editAction({ request, params: { id: vacancy.id }, context: routeContext }).catch((r: unknown) => r as Response);
    expect((response as Response).status).toBe(302);
    const updated = await ctx.db.vacancy.findUniqueOrThrow({ where: { id: vacancy.id }, include: { skills: true } });
    expect(updated.title).toBe("Svejser (MIG)");
    expect(updated.skills.map((s) => s.skillId)).toEqual([taxonomy.welding.id]);
    expect((await counts()).outbox).toBe(before.outbox + 1);

    const foreign = await editLoader({ request: getRequest(`/virksomhed/stillinger/${vacancy.id}/rediger`, other.cookie), params: { id: vacancy.id }, context: routeContext }).catch(
      (r: unknown) => r as Response,
    );
    expect((foreign as Response).status).toBe(404);
  });
});

describe("the overview", () => {
  // The action always ends by throwing a response (a redirect or an error).
  const change = (user: LoggedIn, intent: string, vacancyId: string): Promise<Response> =>
    overviewAction({ request: formRequest("/virksomhed", { intent, vacancyId }, user.cookie), params: {}, context: routeContext }).then(
      () => {
        throw new Error("the action returned instead of throwing a response");
      },
      (r: unknown) => r as Response,
    );

  it("lists the vacancies with current and new match counts, and pauses, reopens and closes them", async () => {
    const vacancy = await ctx.db.vacancy.findFirstOrThrow({ where: { organisationId: company.orgId } });
    const candidate = await ctx.db.candidate.create({
      data: { jobcentreId: company.orgId, pseudonym: "Kandidat TEST-01", firstName: "A", lastName: "B", postalCode: "8000", latitude: 56.15, longitude: 10.2, availableFrom: new Date("2027-01-01") },
    });
    await ctx.db.match.create({ data: { vacancyId: vacancy.id, candidateId: candidate.id, kind: "FULL", score: 80, explanation: {} } });
    const page = await overviewLoader({ request: getRequest("/virksomhed", company.cookie), params: {}, context: routeContext });
    expect(page.vacancies.find((v) => v.id === vacancy.id)).toMatchObject({ currentMatches: 1, newMatches: 1, status: "OPEN" });

    const outbox = () => ctx.db.outboxEvent.count({ where: { aggregateId: vacancy.id } });
    const before = await outbox();
    expect((await change(company, "pause", vacancy.id)).headers.get("Location")).toBe("/virksomhed?besked=paused");
    expect((await ctx.db.vacancy.findUniqueOrThrow({ where: { id: vacancy.id } })).status).toBe("PAUSED");
    await change(company, "reopen", vacancy.id);
    expect((await ctx.db.vacancy.findUniqueOrThrow({ where: { id: vacancy.id } })).status).toBe("OPEN");
    expect((await change(other, "close", vacancy.id)).status).toBe(404);
    await change(company, "close", vacancy.id);
    const closed = await ctx.db.vacancy.findUniqueOrThrow({ where: { id: vacancy.id } });
    expect(closed.status).toBe("CLOSED");
    expect(closed.closedAt).toBeInstanceOf(Date);
    expect(await outbox()).toBe(before + 3);
  });
});
