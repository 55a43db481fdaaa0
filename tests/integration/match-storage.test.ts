import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseNow, storeMatches } from "~/modules/matching/repository.server";
import type { ScoredMatch } from "~/modules/matching/types";
import { createTestContext, type TestContext } from "../setup/test-db";
import { makeCandidate, makeOrganisation, makeVacancy } from "../fixtures/factories";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext("matchstore");
});
afterAll(async () => ctx?.cleanup());

const scored = (vacancyId: string, candidateId: string, score: number): ScoredMatch => ({
  vacancyId,
  candidateId,
  kind: "FULL",
  score,
  explanation: { required: [], niceToHave: [], distanceKm: 1, radiusKm: 30, availableFrom: "2027-01-01", startDate: "2027-02-01", upskilling: [] },
});

describe("storeMatches", () => {
  it("keeps a pipeline status across re-runs, marks new pairs and retires vanished ones", async () => {
    const db = ctx.db;
    const company = await makeOrganisation(db, "COMPANY");
    const jobcentre = await makeOrganisation(db, "JOBCENTRE");
    const vacancy = await makeVacancy(db, company.id);
    const [c1, c2, c3] = await Promise.all([1, 2, 3].map(() => makeCandidate(db, jobcentre.id)));
    const run1 = await db.matchRun.create({ data: { kind: "MANUAL" } });
    const run2 = await db.matchRun.create({ data: { kind: "MANUAL" } });

    const first = await storeMatches(db, { scope: { vacancyId: vacancy.id }, runId: run1.id, computedAt: await databaseNow(db), matches: [scored(vacancy.id, c1.id, 80), scored(vacancy.id, c2.id, 70)] });
    expect(first).toMatchObject({ stored: 2, created: 2, retired: 0 });

    await db.match.update({ where: { vacancyId_candidateId: { vacancyId: vacancy.id, candidateId: c1.id } }, data: { status: "INTERVIEW" } });

    const second = await storeMatches(db, { scope: { vacancyId: vacancy.id }, runId: run2.id, computedAt: await databaseNow(db), matches: [scored(vacancy.id, c1.id, 90), scored(vacancy.id, c3.id, 60)] });
    expect(second).toMatchObject({ stored: 2, created: 1, retired: 1 });

    const rows = await db.match.findMany({ where: { vacancyId: vacancy.id }, orderBy: { score: "desc" } });
    const byCandidate = Object.fromEntries(rows.map((r) => [r.candidateId, r]));
    expect(byCandidate[c1.id]).toMatchObject({ status: "INTERVIEW", score: 90, current: true, firstRunId: run1.id, lastRunId: run2.id });
    expect(byCandidate[c2.id]).toMatchObject({ current: false, status: "SUGGESTED" });
    expect(byCandidate[c3.id]).toMatchObject({ current: true, firstRunId: run2.id });
  });

  it("lets the newest computation win over a stale one", async () => {
    const db = ctx.db;
    const company = await makeOrganisation(db, "COMPANY");
    const jobcentre = await makeOrganisation(db, "JOBCENTRE");
    const vacancy = await makeVacancy(db, company.id);
    const candidate = await makeCandidate(db, jobcentre.id);
    const staleStart = await databaseNow(db); // a vacancy job starts, its index view lacks the candidate…
    const fresh = await databaseNow(db);
    // …meanwhile the candidate's own job finds the pair and stores it.
    await storeMatches(db, { scope: { candidateId: candidate.id }, runId: null, computedAt: fresh, matches: [scored(vacancy.id, candidate.id, 75)] });
    // The stale vacancy job must not retire it.
    const result = await storeMatches(db, { scope: { vacancyId: vacancy.id }, runId: null, computedAt: staleStart, matches: [] });
    expect(result.retired).toBe(0);
    expect(await db.match.findFirst({ where: { vacancyId: vacancy.id, candidateId: candidate.id } })).toMatchObject({ current: true, score: 75 });
    // A stale upsert does not overwrite a fresher row either.
    await storeMatches(db, { scope: { vacancyId: vacancy.id }, runId: null, computedAt: staleStart, matches: [scored(vacancy.id, candidate.id, 10)] });
    expect(await db.match.findFirst({ where: { vacancyId: vacancy.id, candidateId: candidate.id } })).toMatchObject({ score: 75 });
  });

  it("replaces a match's upskilling offerings on a re-run and leaves other matches' alone", async () => {
    const db = ctx.db;
    const company = await makeOrganisation(db, "COMPANY");
    const jobcentre = await makeOrganisation(db, "JOBCENTRE");
    const institution = await makeOrganisation(db, "INSTITUTION");
    const [vacancy, other] = await Promise.all([makeVacancy(db, company.id), makeVacancy(db, company.id)]);
    const candidate = await makeCandidate(db, jobcentre.id);
    const course = await db.course.create({ data: { institutionId: institution.id, title: `Kursus ${vacancy.id}` } });
    const [o1, o2, o3] = await Promise.all(
      [1, 2, 3].map(() => db.courseOffering.create({ data: { courseId: course.id, startDate: new Date("2027-01-05"), endDate: new Date("2027-01-20"), seats: 5 } })),
    );
    const upskilling = (vacancyId: string, offeringIds: string[]): ScoredMatch => {
      const base = scored(vacancyId, candidate.id, 40);
      const steps = offeringIds.map((offeringId) => ({ offeringId, courseId: course.id, skillIds: [], startDate: "2027-01-05", endDate: "2027-01-20", online: false }));
      return { ...base, kind: "UPSKILLING", explanation: { ...base.explanation, upskilling: steps } };
    };
    const paths = async (vacancyId: string) =>
      (await db.matchOffering.findMany({ where: { match: { vacancyId } }, select: { offeringId: true } })).map((p) => p.offeringId).sort();

    await storeMatches(db, { scope: { vacancyId: other.id }, runId: null, computedAt: await databaseNow(db), matches: [upskilling(other.id, [o1.id])] });
    await storeMatches(db, { scope: { vacancyId: vacancy.id }, runId: null, computedAt: await databaseNow(db), matches: [upskilling(vacancy.id, [o1.id, o2.id])] });
    expect(await paths(vacancy.id)).toEqual([o1.id, o2.id].sort());

    const staleStart = await databaseNow(db); // a computation that started before the next one stored
    await storeMatches(db, { scope: { vacancyId: vacancy.id }, runId: null, computedAt: await databaseNow(db), matches: [upskilling(vacancy.id, [o2.id, o3.id])] });
    expect(await paths(vacancy.id)).toEqual([o2.id, o3.id].sort());
    expect(await paths(other.id)).toEqual([o1.id]);

    // A stale computation wins no row, so it changes no path either…
    await storeMatches(db, { scope: { vacancyId: vacancy.id }, runId: null, computedAt: staleStart, matches: [upskilling(vacancy.id, [o1.id])] });
    expect(await paths(vacancy.id)).toEqual([o2.id, o3.id].sort());
    // …and a run that finds nothing retires the match but keeps its paths as its history.
    await storeMatches(db, { scope: { vacancyId: vacancy.id }, runId: null, computedAt: await databaseNow(db), matches: [] });
    expect(await paths(vacancy.id)).toEqual([o2.id, o3.id].sort());
  });
});
