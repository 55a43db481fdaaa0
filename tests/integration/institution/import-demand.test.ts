// CSV catalogue import (all valid: saved in one go; one bad row: reported with
// its line and reason, nothing saved; size limit) and the demand figures from a
// small fixture with an upskilling match.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeMatches } from "~/modules/matching/repository.server";
import * as importPage from "~/routes/uddannelse.import";
import * as sample from "~/routes/uddannelse.import.eksempel[.]csv";
import * as demandPage from "~/routes/uddannelse.efterspoergsel";
import { MAX_CATALOGUE_BYTES } from "~/modules/courses/catalogue-format";
import { makeCandidate, makeOrganisation, makeSkills, makeVacancy } from "../../fixtures/factories";
import { createTestContext, type TestContext } from "../../setup/test-db";
import { explanation } from "../notify-helpers";
import { getRequest, loggedInUser, routeContext, seedPlaces, settle, uploadRequest, type DataResult, type LoggedIn } from "./helpers";

let ctx: TestContext;
let school: LoggedIn;
let skills: { id: string; labelEn: string }[];

beforeAll(async () => {
  ctx = await createTestContext("instimport");
  await seedPlaces(ctx.db);
  school = await loggedInUser(ctx.db, "INSTITUTION", "AMU Import");
  skills = await makeSkills(ctx.db, ["operate forklift", "weld steel", "first aid", "bookkeeping"]);
  await ctx.db.skill.update({ where: { id: skills[1]!.id }, data: { labelDa: "svejse stål" } });
});
afterAll(async () => ctx?.cleanup());

const HEADER = "title;description;amu_code;duration_days;skills;start_date;end_date;postal_code;online;seats";
const upload = (text: string | Uint8Array<ArrayBuffer>) => settle(() => importPage.action({ request: uploadRequest("/uddannelse/import", "catalogue", text, school.cookie), params: {}, context: routeContext }));
type ImportData = DataResult<
  { status: "saved"; created: number; updated: number; offerings: number; rows: number } | { status: "rowErrors"; errors: { line: number; column: string | null; reason: string; value?: string }[] } | { status: "fileError"; fileError: { reason: string } }
>;

describe("catalogue import", () => {
  it("saves every course and offering of a valid file, updating a course of the same title", async () => {
    await ctx.db.course.create({ data: { institutionId: school.organisationId, title: "Svejsning", description: "Gammel tekst", skills: { create: { skillId: skills[3]!.id } } } });
    const csv = [
      HEADER,
      `Truckcertifikat;Kursus i gaffeltruck;40120;5;operate forklift;2027-01-04;2027-01-08;8000;nej;12`,
      `Truckcertifikat;;;;;2027-02-01;2027-02-05;;ja;20`,
      `Svejsning;;;;svejse stål|${skills[2]!.id};2027-03-01;2027-03-10;9000;nej;8`,
    ].join("\n");
    const result = (await upload(csv)) as ImportData;
    expect(result.init?.status).toBe(200);
    expect(result.data).toEqual({ status: "saved", rows: 3, created: 1, updated: 1, offerings: 3 });

    const courses = await ctx.db.course.findMany({
      where: { institutionId: school.organisationId },
      include: { skills: true, offerings: { orderBy: { startDate: "asc" } } },
      orderBy: { title: "asc" },
    });
    expect(courses.map((c) => c.title)).toEqual(["Svejsning", "Truckcertifikat"]);
    const [welding, truck] = courses;
    expect(welding!.description).toBe("Gammel tekst");
    expect(welding!.skills.map((s) => s.skillId).sort()).toEqual([skills[1]!.id, skills[2]!.id].sort());
    expect(truck).toMatchObject({ amuCode: "40120", durationDays: 5, description: "Kursus i gaffeltruck" });
    expect(truck!.offerings.map((o) => [o.online, o.postalCode, o.seats])).toEqual([
      [false, "8000", 12],
      [true, null, 20],
    ]);
    expect(await ctx.db.outboxEvent.count({ where: { topic: "offering.changed" } })).toBe(3);
  });

  it("reports a bad row with its line and reason and saves nothing", async () => {
    const before = { courses: await ctx.db.course.count(), offerings: await ctx.db.courseOffering.count(), outbox: await ctx.db.outboxEvent.count() };
    const csv = [
      HEADER,
      `Førstehjælp;;;;first aid;2027-05-01;2027-05-02;8000;nej;10`,
      `Bogføring;;;;bookkeeping;2027-05-10;2027-05-01;8000;nej;10`,
      `Kran;;;;crane driving;2027-05-01;2027-05-02;9990;nej;-3`,
    ].join("\r\n");
    const result = (await upload(csv)) as ImportData;
    expect(result.init?.status).toBe(400);
    expect(result.data).toEqual({
      status: "rowErrors",
      errors: [
        { line: 3, column: "end_date", reason: "endBeforeStart" },
        { line: 4, column: "skills", reason: "unknownSkill", value: "crane driving" },
        { line: 4, column: "postal_code", reason: "unknownPostalCode", value: "9990" },
        { line: 4, column: "seats", reason: "seats" },
      ],
    });
    expect({ courses: await ctx.db.course.count(), offerings: await ctx.db.courseOffering.count(), outbox: await ctx.db.outboxEvent.count() }).toEqual(before);
  });

  it("refuses a file over the size limit, and a file without the required columns", async () => {
    const big = new Uint8Array(MAX_CATALOGUE_BYTES + 10).fill(65);
    const tooLarge = (await upload(big)) as ImportData;
    expect(tooLarge.init?.status).toBe(413);
    expect(tooLarge.data).toEqual({ status: "fileError", fileError: { reason: "tooLarge" } });
    const noColumns = (await upload("navn;pladser\nx;3\n")) as ImportData;
    expect(noColumns.data).toMatchObject({ status: "fileError", fileError: { reason: "missingColumns" } });
  });

  it("offers a sample file that imports as it is", async () => {
    const response = (await sample.loader({ request: getRequest("/uddannelse/import/eksempel.csv", school.cookie), params: {}, context: routeContext })) as Response;
    expect(response.headers.get("Content-Type")).toContain("text/csv");
    const bytes = new Uint8Array(await response.clone().arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // a byte-order mark for spreadsheets
    const text = await response.text();
    expect(text.split("\r\n")[0]).toBe(HEADER);
    const result = (await upload(text)) as ImportData;
    expect(result.data).toMatchObject({ status: "saved", created: 2, offerings: 2 });
  });
});

describe("demand", () => {
  it("counts open vacancies needing a course's skills and upskilling matches through its offerings", async () => {
    const demandSchool = await loggedInUser(ctx.db, "INSTITUTION", "AMU Efterspørgsel");
    const company = await makeOrganisation(ctx.db, "COMPANY");
    const jobcentre = await makeOrganisation(ctx.db, "JOBCENTRE");
    const [taught, untaught, other] = await makeSkills(ctx.db, ["rig scaffolding", "drive crane", "paint walls"]);
    const course = await ctx.db.course.create({ data: { institutionId: demandSchool.organisationId, title: "Stillads", skills: { create: { skillId: taught!.id } } } });
    const idle = await ctx.db.course.create({ data: { institutionId: demandSchool.organisationId, title: "Maling", skills: { create: { skillId: other!.id } } } });
    const offering = await ctx.db.courseOffering.create({ data: { courseId: course.id, startDate: new Date("2027-01-10"), endDate: new Date("2027-01-20"), seats: 10, online: true } });

    const vacancy = await makeVacancy(ctx.db, company.id, { title: "Stilladsmontør" });
    await ctx.db.vacancySkill.createMany({ data: [{ vacancyId: vacancy.id, skillId: taught!.id, requirement: "REQUIRED" }, { vacancyId: vacancy.id, skillId: untaught!.id, requirement: "REQUIRED" }] });
    const second = await makeVacancy(ctx.db, company.id);
    await ctx.db.vacancySkill.createMany({ data: [{ vacancyId: second.id, skillId: taught!.id, requirement: "REQUIRED" }, { vacancyId: second.id, skillId: untaught!.id, requirement: "REQUIRED" }] });
    const closed = await makeVacancy(ctx.db, company.id);
    await ctx.db.vacancy.update({ where: { id: closed.id }, data: { status: "CLOSED" } });
    await ctx.db.vacancySkill.create({ data: { vacancyId: closed.id, skillId: taught!.id, requirement: "REQUIRED" } });

    const learner = await makeCandidate(ctx.db, jobcentre.id);
    await storeMatches(ctx.db, {
      scope: { vacancyId: vacancy.id },
      runId: null,
      matches: [
        {
          vacancyId: vacancy.id,
          candidateId: learner.id,
          kind: "UPSKILLING",
          score: 0.6,
          explanation: explanation(
            [
              { skillId: taught!.id, met: false, viaOfferingId: offering.id },
              { skillId: untaught!.id, met: true },
            ],
            [{ offeringId: offering.id, courseId: course.id, skillIds: [taught!.id], startDate: "2027-01-10", endDate: "2027-01-20", online: true }],
          ),
        },
      ],
    });

    const page = await demandPage.loader({ request: getRequest("/uddannelse/efterspoergsel", demandSchool.cookie), params: {}, context: routeContext });
    expect(page.courses).toEqual([
      { courseId: course.id, title: "Stillads", openVacancies: 2, gapVacancies: 1, candidates: 1 },
      { courseId: idle.id, title: "Maling", openVacancies: 0, gapVacancies: 0, candidates: 0 },
    ]);
    expect(page.untaught[0]).toMatchObject({ skillId: untaught!.id, vacancies: 2 });
    expect(page.untaught.map((s) => s.skillId)).not.toContain(taught!.id);
    // Institutions see counts, never people.
    expect(JSON.stringify(page)).not.toContain(learner.lastName);
  });
});
