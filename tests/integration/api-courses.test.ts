// /api/v1 for institutions (courses and offerings) and the token:create logic.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as courses from "~/routes/api.v1.courses";
import * as course from "~/routes/api.v1.courses.$id";
import * as offerings from "~/routes/api.v1.courses.$id.offerings";
import * as vacancies from "~/routes/api.v1.vacancies";
import { issueApiToken } from "~/portals/api/service.server";
import { parseTokenCreateArgs } from "~/portals/api/token-args";
import { createTestContext, type TestContext } from "../setup/test-db";
import { makeOrganisation, makeSkills } from "../fixtures/factories";
import { call, orgWithToken, seedPostalCodes } from "./api-helpers";

let ctx: TestContext;
let institution: Awaited<ReturnType<typeof orgWithToken>>;
let otherInstitution: Awaited<ReturnType<typeof orgWithToken>>;
let skills: { id: string }[];

beforeAll(async () => {
  ctx = await createTestContext("apicourse");
  await seedPostalCodes(ctx.db);
  institution = await orgWithToken(ctx.db, "INSTITUTION");
  otherInstitution = await orgWithToken(ctx.db, "INSTITUTION");
  skills = await makeSkills(ctx.db, ["forklift", "crane"]);
});
afterAll(async () => ctx?.cleanup());

const newCourse = (title = "Gaffeltruck certifikat B") => ({ title, description: "AMU-kursus", amuCode: "40120", durationDays: 5, skillIds: skills.map((s) => s.id) });

describe("courses and offerings", () => {
  it("creates a course and offerings with outbox rows, and lists them", async () => {
    const made = await call(courses.action, "/api/v1/courses", { method: "POST", token: institution.token, body: newCourse() });
    expect(made.status).toBe(201);
    const id = made.json.data.id;
    expect(made.json.data).toMatchObject({ title: "Gaffeltruck certifikat B", amuCode: "40120", durationDays: 5, offerings: [] });
    expect(await ctx.db.outboxEvent.count({ where: { topic: "course.changed", aggregateId: id } })).toBe(1);

    const post = (body: unknown) => call(offerings.action, `/api/v1/courses/${id}/offerings`, { method: "POST", token: institution.token, params: { id }, body });
    const onSite = await post({ startDate: "2027-01-10", endDate: "2027-01-14", postalCode: "8000", seats: 12 });
    expect(onSite.status).toBe(201);
    expect(onSite.json.data).toMatchObject({ online: false, postalCode: "8000", city: "Aarhus C", seats: 12, startDate: "2027-01-10", endDate: "2027-01-14" });
    const online = await post({ startDate: "2027-02-01", endDate: "2027-02-01", online: true, seats: 30 });
    expect(online.status).toBe(201);
    expect(online.json.data).toMatchObject({ online: true, postalCode: null });
    for (const o of [onSite, online]) {
      expect(await ctx.db.outboxEvent.count({ where: { topic: "offering.changed", aggregateId: o.json.data.id } })).toBe(1);
    }

    const got = await call(course.loader, `/api/v1/courses/${id}`, { token: institution.token, params: { id } });
    expect(got.json.data.offerings).toHaveLength(2);
    const listed = await call(offerings.loader, `/api/v1/courses/${id}/offerings`, { token: institution.token, params: { id } });
    expect(listed.json.data.map((o: { startDate: string }) => o.startDate)).toEqual(["2027-01-10", "2027-02-01"]);
    const all = await call(courses.loader, "/api/v1/courses", { token: institution.token });
    expect(all.json.data.map((c: { id: string }) => c.id)).toEqual([id]);
  });

  it("rejects bad offerings naming the field, storing nothing", async () => {
    const made = await call(courses.action, "/api/v1/courses", { method: "POST", token: institution.token, body: newCourse("Kran") });
    const id = made.json.data.id;
    const before = { offerings: await ctx.db.courseOffering.count(), outbox: await ctx.db.outboxEvent.count() };
    const cases: [Record<string, unknown>, string][] = [
      [{ startDate: "2027-01-10", endDate: "2027-01-09", postalCode: "8000", seats: 5 }, "endDate"],
      [{ startDate: "2027-01-10", endDate: "2027-01-12", seats: 5 }, "postalCode"],
      [{ startDate: "2027-01-10", endDate: "2027-01-12", postalCode: "8000", seats: 0 }, "seats"],
      [{ startDate: "2027-01-10", endDate: "2027-01-12", postalCode: "1234", seats: 5 }, "postalCode"],
      [{ startDate: "2027-01-10", endDate: "2027-01-12", online: true, seats: 5, room: "B" }, "room"],
    ];
    for (const [body, field] of cases) {
      const res = await call(offerings.action, `/api/v1/courses/${id}/offerings`, { method: "POST", token: institution.token, params: { id }, body });
      expect(res.status, field).toBe(400);
      expect(Object.keys(res.json.error.fields), field).toContain(field);
    }
    expect({ offerings: await ctx.db.courseOffering.count(), outbox: await ctx.db.outboxEvent.count() }).toEqual(before);
  });

  it("rejects a course with an unknown skill or a duplicate title", async () => {
    const unknown = await call(courses.action, "/api/v1/courses", { method: "POST", token: institution.token, body: { ...newCourse("Ny"), skillIds: ["nosuch"] } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.fields).toHaveProperty(["skillIds.0"]);
    await call(courses.action, "/api/v1/courses", { method: "POST", token: institution.token, body: newCourse("Dublet") });
    const twice = await call(courses.action, "/api/v1/courses", { method: "POST", token: institution.token, body: newCourse("Dublet") });
    expect(twice.status).toBe(409);
    expect(twice.json.error.fields).toHaveProperty("title");
    expect(await ctx.db.course.count({ where: { title: "Dublet" } })).toBe(1);
  });

  it("answers 404 for another institution's course", async () => {
    const made = await call(courses.action, "/api/v1/courses", { method: "POST", token: institution.token, body: newCourse("Privat") });
    const id = made.json.data.id;
    const opts = { token: otherInstitution.token, params: { id } };
    expect((await call(course.loader, `/api/v1/courses/${id}`, opts)).status).toBe(404);
    expect((await call(offerings.loader, `/api/v1/courses/${id}/offerings`, opts)).status).toBe(404);
    const post = await call(offerings.action, `/api/v1/courses/${id}/offerings`, { ...opts, method: "POST", body: { startDate: "2027-01-10", endDate: "2027-01-12", online: true, seats: 5 } });
    expect(post.status).toBe(404);
    expect(await ctx.db.courseOffering.count({ where: { courseId: id } })).toBe(0);
  });
});

describe("token:create", () => {
  it("parses --org and --name and explains what is missing", () => {
    expect(parseTokenCreateArgs(["--org", "12345674", "--name", "HR system"])).toEqual({ organisationRef: "12345674", name: "HR system" });
    expect(() => parseTokenCreateArgs(["--org", "x"])).toThrow(/Missing --name/);
    expect(() => parseTokenCreateArgs(["--org", "x", "--name", "y", "--admin"])).toThrow(/Usage/);
  });

  it("issues a working token for an organisation found by CVR, shown once and stored as a hash", async () => {
    const org = await makeOrganisation(ctx.db, "COMPANY");
    await ctx.db.organisation.update({ where: { id: org.id }, data: { cvr: "12345674" } });
    const issued = await issueApiToken(ctx.db, parseTokenCreateArgs(["--org", "1234 5674", "--name", "HR system"]));
    expect(issued.organisation.id).toBe(org.id);
    expect(issued.token).toMatch(/^jbo_[A-Za-z0-9_-]{43}$/);
    const row = await ctx.db.apiToken.findUniqueOrThrow({ where: { id: issued.id } });
    expect(row).toMatchObject({ organisationId: org.id, name: "HR system", prefix: issued.token.slice(0, 12) });
    expect(JSON.stringify(row)).not.toContain(issued.token);

    const res = await call(vacancies.loader, "/api/v1/vacancies", { token: issued.token });
    expect(res.status).toBe(200);
    expect(res.json.data).toEqual([]);
  });

  it("refuses an unknown organisation and an operator", async () => {
    await expect(issueApiToken(ctx.db, { organisationRef: "nosuchorg", name: "x" })).rejects.toThrow(/not found/);
    const operator = await makeOrganisation(ctx.db, "OPERATOR");
    await expect(issueApiToken(ctx.db, { organisationRef: operator.id, name: "x" })).rejects.toThrow(/Invalid input/);
    expect(await ctx.db.apiToken.count({ where: { organisationId: operator.id } })).toBe(0);
  });
});
