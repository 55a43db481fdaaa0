// The institution portal's courses: create and edit with validation, offerings
// (add, cancel), another institution's course answers 404, other roles 403.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as newCourse from "~/routes/uddannelse.kurser.ny";
import * as coursePage from "~/routes/uddannelse.kurser.$id";
import * as courseList from "~/routes/uddannelse.kurser._index";
import { makeSkills } from "../../fixtures/factories";
import { createTestContext, type TestContext } from "../../setup/test-db";
import { formRequest, getRequest, loggedInUser, routeContext, seedPlaces, settle, type DataResult, type LoggedIn } from "./helpers";

let ctx: TestContext;
let school: LoggedIn;
let otherSchool: LoggedIn;
let skills: { id: string }[];

type Reply = { result: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> }; skills?: { id: string; label: string }[] | null };

beforeAll(async () => {
  ctx = await createTestContext("instcourse");
  await seedPlaces(ctx.db);
  school = await loggedInUser(ctx.db, "INSTITUTION", "AMU Test");
  otherSchool = await loggedInUser(ctx.db, "INSTITUTION", "Anden skole");
  skills = await makeSkills(ctx.db, ["forklift", "crane", "welding"]);
});
afterAll(async () => ctx?.cleanup());

const create = (fields: Record<string, string | string[]>, who = school) =>
  settle(() => newCourse.action({ request: formRequest("/uddannelse/kurser/ny", fields, who.cookie), params: {}, context: routeContext }));
const onCourse = (id: string, fields: Record<string, string | string[]>, who = school) =>
  settle(() => coursePage.action({ request: formRequest(`/uddannelse/kurser/${id}`, fields, who.cookie), params: { id }, context: routeContext }));
const idFrom = (response: Response) => /\/uddannelse\/kurser\/([^?]+)/.exec(response.headers.get("Location") ?? "")?.[1] ?? "";

describe("creating and editing a course", () => {
  it("refuses invalid input at the fields, keeps it, and stores nothing", async () => {
    const before = await ctx.db.course.count();
    const result = (await create({ title: "", amuCode: "12", durationDays: "0" })) as DataResult<Reply>;
    expect(result).not.toBeInstanceOf(Response);
    expect(result.init?.status).toBe(400);
    expect(result.data.result.error).toMatchObject({
      title: ["forms.required"],
      amuCode: ["institution.errors.amuCode"],
      durationDays: ["institution.errors.durationDays"],
      skillIds: ["institution.errors.skillsRequired"],
    });
    expect(result.data.result.initialValue?.amuCode).toBe("12");
    expect(await ctx.db.course.count()).toBe(before);
  });

  it("refuses an unknown skill id and keeps the chosen skills", async () => {
    const result = (await create({ title: "Kran", skillIds: [skills[0]!.id, "no-such-skill"] })) as DataResult<Reply>;
    expect(result.init?.status).toBe(400);
    expect(result.data.result.error?.skillIds).toEqual(["institution.errors.unknownSkill"]);
    expect(result.data.skills?.map((s) => s.id)).toEqual([skills[0]!.id]);
    expect(await ctx.db.course.count({ where: { title: "Kran" } })).toBe(0);
  });

  it("creates a course with its skills and an outbox row, then edits it", async () => {
    const made = (await create({ title: "Gaffeltruck B", description: "Certifikat", amuCode: "40120", durationDays: "5", skillIds: [skills[0]!.id, skills[1]!.id] })) as Response;
    expect(made.status).toBe(302);
    const id = idFrom(made);
    const stored = await ctx.db.course.findUniqueOrThrow({ where: { id }, include: { skills: true } });
    expect(stored).toMatchObject({ institutionId: school.organisationId, title: "Gaffeltruck B", amuCode: "40120", durationDays: 5 });
    expect(stored.skills.map((s) => s.skillId).sort()).toEqual([skills[0]!.id, skills[1]!.id].sort());
    expect(await ctx.db.outboxEvent.count({ where: { topic: "course.changed", aggregateId: id } })).toBe(1);

    const duplicate = (await create({ title: "Gaffeltruck B", skillIds: [skills[0]!.id] })) as DataResult<Reply>;
    expect(duplicate.init?.status).toBe(400);
    expect(duplicate.data.result.error?.title).toEqual(["institution.errors.titleTaken"]);

    const edited = (await onCourse(id, { intent: "update", title: "Gaffeltruck B+", description: "", amuCode: "", durationDays: "3", skillIds: [skills[2]!.id] })) as Response;
    expect(edited.status).toBe(302);
    const after = await ctx.db.course.findUniqueOrThrow({ where: { id }, include: { skills: true } });
    expect(after).toMatchObject({ title: "Gaffeltruck B+", amuCode: null, durationDays: 3, description: "" });
    expect(after.skills.map((s) => s.skillId)).toEqual([skills[2]!.id]);
    expect(await ctx.db.outboxEvent.count({ where: { topic: "course.changed", aggregateId: id } })).toBe(2);

    const listed = await courseList.loader({ request: getRequest("/uddannelse/kurser", school.cookie), params: {}, context: routeContext });
    expect(listed.courses).toEqual([expect.objectContaining({ id, title: "Gaffeltruck B+", skills: 1 })]);
  });
});

describe("offerings", () => {
  it("adds offerings with validation and cancels one", async () => {
    const id = idFrom((await create({ title: "Svejsning", skillIds: [skills[2]!.id] })) as Response);
    const bad = (await onCourse(id, { intent: "addOffering", startDate: "2027-03-10", endDate: "2027-03-01", seats: "0" })) as DataResult<Reply>;
    expect(bad.init?.status).toBe(400);
    expect(bad.data.result.error).toMatchObject({
      endDate: ["institution.errors.endBeforeStart"],
      seats: ["institution.errors.seats"],
    });
    const unknownPlace = (await onCourse(id, { intent: "addOffering", startDate: "2027-03-01", endDate: "2027-03-05", postalCode: "1234", seats: "10" })) as DataResult<Reply>;
    expect(unknownPlace.data.result.error?.postalCode).toEqual(["forms.unknownPostalCode"]);
    expect(await ctx.db.courseOffering.count({ where: { courseId: id } })).toBe(0);

    expect(((await onCourse(id, { intent: "addOffering", startDate: "2027-03-01", endDate: "2027-03-05", postalCode: "8000", seats: "10" })) as Response).status).toBe(302);
    expect(((await onCourse(id, { intent: "addOffering", startDate: "2027-04-01", endDate: "2027-04-02", online: "on", seats: "25" })) as Response).status).toBe(302);
    const page = await coursePage.loader({ request: getRequest(`/uddannelse/kurser/${id}`, school.cookie), params: { id }, context: routeContext });
    expect(page.course.offerings).toEqual([
      expect.objectContaining({ startDate: "2027-03-01", endDate: "2027-03-05", postalCode: "8000", city: "Aarhus C", online: false, seats: 10, cancelled: false }),
      expect.objectContaining({ startDate: "2027-04-01", online: true, postalCode: null, seats: 25 }),
    ]);

    const offeringId = page.course.offerings[0]!.id;
    const outboxBefore = await ctx.db.outboxEvent.count({ where: { topic: "offering.changed", aggregateId: offeringId } });
    expect(((await onCourse(id, { intent: "cancelOffering", offeringId })) as Response).status).toBe(302);
    expect((await ctx.db.courseOffering.findUniqueOrThrow({ where: { id: offeringId } })).cancelledAt).not.toBeNull();
    expect(await ctx.db.outboxEvent.count({ where: { topic: "offering.changed", aggregateId: offeringId } })).toBe(outboxBefore + 1);
  });
});

describe("access", () => {
  it("answers 404 for another institution's course, for reading and for changing it", async () => {
    const id = idFrom((await create({ title: "Hemmeligt kursus", skillIds: [skills[0]!.id] })) as Response);
    const read = await settle(() => coursePage.loader({ request: getRequest(`/uddannelse/kurser/${id}`, otherSchool.cookie), params: { id }, context: routeContext }));
    expect((read as Response).status).toBe(404);
    const change = await onCourse(id, { intent: "update", title: "Overtaget", skillIds: [skills[0]!.id] }, otherSchool);
    expect((change as Response).status).toBe(404);
    const offer = await onCourse(id, { intent: "addOffering", startDate: "2027-03-01", endDate: "2027-03-05", online: "on", seats: "5" }, otherSchool);
    expect((offer as Response).status).toBe(404);
    expect((await ctx.db.course.findUniqueOrThrow({ where: { id } })).title).toBe("Hemmeligt kursus");
    expect(await ctx.db.courseOffering.count({ where: { courseId: id } })).toBe(0);
  });

  it("answers 403 to other roles", async () => {
    const company = await loggedInUser(ctx.db, "COMPANY");
    const result = await settle(() => courseList.loader({ request: getRequest("/uddannelse/kurser", company.cookie), params: {}, context: routeContext }));
    expect((result as Response).status).toBe(403);
  });
});
