// Erasure and retention through the real worker: the citizen disappears from
// every table and index, anonymous outcomes and the (id-only) audit log remain,
// a failed attempt is retried to the end, and the daily retention run orders
// erasures of inactive profiles and logs counts only.
import { Job } from "bullmq";
import { Meilisearch } from "meilisearch";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createSession } from "~/modules/auth/session.server";
import { requestErasureInTx } from "~/modules/erasure/service.server";
import { carryOutErasure } from "../../../search/erasure.server";
import { requestErasureByJobcentre } from "~/modules/erasure/request.server";
import { JOBS, QUEUES } from "~/lib/queues/registry";
import { RETENTION_RUN_KIND } from "~/modules/retention/service.server";
import { loader as maintenanceLoader } from "~/routes/drift.vedligehold";
import type { Db } from "~/lib/db.server";
import { serializeSessionCookie } from "~/modules/auth/session-cookie.server";
import { getAdminClient, indexUid } from "../../../search/client";
import type { ScheduleId } from "~/lib/queues/schedules";
import { within } from "../../setup/async";
import { BASE, createCitizen, createJobcentreAndCompany, createSkill, createVacancy, routeContext, startPrivacyWorld, type PrivacyWorld } from "./helpers";

let world: PrivacyWorld;
beforeAll(async () => {
  world = await startPrivacyWorld("erasure", { inactiveDays: 730 });
});
afterAll(async () => world?.close());

const db = () => world.ctx.db;
const candidatesIndex = () => getAdminClient().index(indexUid("candidates"));
const indexed = (id: string) => candidatesIndex().getDocument(id).then(() => true, () => false);

/** Every row of every table in the database, as text, that contains `needle`. */
async function rowsContaining(database: Db, needle: string): Promise<string[]> {
  const tables = await database.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`;
  const hits: string[] = [];
  for (const { table_name } of tables) {
    const [row] = await database.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table_name}" t WHERE t::text ILIKE $1`, `%${needle}%`);
    if (Number(row!.n) > 0) hits.push(table_name);
  }
  return hits;
}

describe("erasure", () => {
  it("removes the citizen from PostgreSQL and the search index, keeping outcomes anonymous and the audit log", async () => {
    const { jobcentre, company } = await createJobcentreAndCompany(db());
    const skill = await createSkill(db());
    const vacancy = await createVacancy(db(), company.id, skill.id);
    const { candidate, person } = await createCitizen(db(), jobcentre.id, { skillIds: [skill.id] });
    await vi.waitFor(async () => expect(await db().match.count({ where: { candidateId: candidate.id, current: true } })).toBe(1), within());
    await vi.waitFor(async () => expect(await indexed(candidate.id)).toBe(true), within());
    const consent = await db().consent.create({ data: { candidateId: candidate.id, purpose: "SHARE_WITH_COMPANY", companyId: company.id, channel: "DIGITAL" } });
    await db().contactRequest.create({
      data: { companyId: company.id, vacancyId: vacancy.id, candidateId: candidate.id, status: "ACCEPTED", consentId: consent.id, message: `Hej ${person.firstName}` },
    });
    const outcome = await db().outcome.create({ data: { jobcentreId: jobcentre.id, candidateId: candidate.id, vacancyId: vacancy.id, kind: "HIRED", occurredOn: new Date("2026-11-01") } });
    await db().auditEvent.create({ data: { candidateId: candidate.id, actorOrgId: jobcentre.id, action: "READ", resource: "candidate", reason: "samtale" } });
    const auditBefore = await db().auditEvent.count({ where: { candidateId: candidate.id } });
    expect(await rowsContaining(db(), person.lastName)).toEqual(["Candidate"]);

    const request = await requestErasureByJobcentre(db(), { organisationId: jobcentre.id, userId: null }, candidate.id);
    await vi.waitFor(async () => expect((await db().erasureRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("DONE"), within(20_000));

    const done = await db().erasureRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(done).toMatchObject({ status: "DONE", candidateId: null, source: "CONSULTANT", jobcentreId: jobcentre.id, lastError: null });
    expect(done.completedAt).not.toBeNull();
    expect(await db().candidate.count({ where: { id: candidate.id } })).toBe(0);
    for (const table of [db().consent, db().candidateSkill, db().match, db().contactRequest]) {
      expect(await (table as unknown as { count(a: object): Promise<number> }).count({ where: { candidateId: candidate.id } })).toBe(0);
    }
    expect(await db().outcome.findUniqueOrThrow({ where: { id: outcome.id } })).toMatchObject({ candidateId: null, kind: "HIRED", jobcentreId: jobcentre.id });
    expect(await indexed(candidate.id)).toBe(false);
    for (const value of [person.firstName, person.lastName, person.email, person.phone]) expect(await rowsContaining(db(), value), value).toEqual([]);

    // Append-only: the earlier rows stay (ids only), and the erasure itself is logged.
    const audit = await db().auditEvent.findMany({ where: { candidateId: candidate.id }, orderBy: { id: "asc" } });
    expect(audit.length).toBe(auditBefore + 2); // the consultant's request and the erasure
    expect(audit.at(-1)).toMatchObject({ action: "DELETE", resource: "candidate", actorOrgId: null, actorUserId: null });
  });

  it("asking twice erases once, and a repeated job is a no-op", async () => {
    const { jobcentre } = await createJobcentreAndCompany(db());
    const { candidate } = await createCitizen(db(), jobcentre.id);
    const [first, second] = await db().$transaction(async (tx) => [
      await requestErasureInTx(tx, { candidateId: candidate.id, jobcentreId: jobcentre.id, source: "CITIZEN" }),
      await requestErasureInTx(tx, { candidateId: candidate.id, jobcentreId: jobcentre.id, source: "CITIZEN" }),
    ]);
    expect(second).toEqual({ id: first.id, created: false });
    expect(await carryOutErasure(db(), first.id)).toEqual({ status: "DONE", erased: true });
    expect(await carryOutErasure(db(), first.id)).toEqual({ status: "SKIPPED", reason: "request is DONE" });
  });

  it("finishes an erasure whose first attempt failed at the search index", async () => {
    const { jobcentre } = await createJobcentreAndCompany(db());
    const { candidate } = await createCitizen(db(), jobcentre.id);
    await vi.waitFor(async () => expect(await indexed(candidate.id)).toBe(true), within());
    const { id } = await db().$transaction((tx) => requestErasureInTx(tx, { candidateId: candidate.id, jobcentreId: jobcentre.id, source: "CITIZEN" }));
    const unreachable = new Meilisearch({ host: "http://127.0.0.1:9", apiKey: "x" });
    await expect(carryOutErasure(db(), id, { search: { client: unreachable } })).rejects.toThrow();
    // The row is gone, the request still pending: the retry completes the index.
    expect(await db().candidate.count({ where: { id: candidate.id } })).toBe(0);
    expect((await db().erasureRequest.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");
    expect(await carryOutErasure(db(), id)).toEqual({ status: "DONE", erased: false });
    expect(await indexed(candidate.id)).toBe(false);
  });
});

describe("retention", () => {
  const longAgo = () => new Date(Date.now() - 800 * 24 * 3600 * 1000);

  it("has a daily scheduler", async () => {
    const scheduler = await world.runtime.queues.get(QUEUES.privacy)!.getJobScheduler("retention" satisfies ScheduleId);
    expect(scheduler?.pattern).toBe("0 0 1 1 *");
    expect(scheduler?.tz).toBe("Europe/Copenhagen");
  });

  it("erases profiles inactive longer than the period, keeps active ones, and logs counts", async () => {
    const { jobcentre } = await createJobcentreAndCompany(db());
    const stale = await createCitizen(db(), jobcentre.id, { lastActivityAt: longAgo() });
    const fresh = await createCitizen(db(), jobcentre.id);

    const queue = world.runtime.queues.get(QUEUES.privacy)!;
    const added = await queue.add(JOBS.retention.name, {});
    const finished = await vi.waitFor(async () => {
      const job = await Job.fromId(queue, added.id!);
      expect(job?.finishedOn).toBeDefined();
      return job;
    }, within(20_000));
    expect(finished?.failedReason).toBeUndefined();

    const run = await db().maintenanceRun.findFirstOrThrow({ where: { kind: RETENTION_RUN_KIND }, orderBy: { startedAt: "desc" } });
    expect(run.finishedAt).not.toBeNull();
    expect(run.counts).toMatchObject({ inactive: 1, requested: 1, alreadyPending: 0 });
    expect(JSON.stringify(run)).not.toContain(stale.candidate.id);

    await vi.waitFor(async () => expect(await db().candidate.count({ where: { id: stale.candidate.id } })).toBe(0), within(20_000));
    expect(await db().candidate.count({ where: { id: fresh.candidate.id } })).toBe(1);
    const request = await db().erasureRequest.findFirstOrThrow({ where: { source: "RETENTION", jobcentreId: jobcentre.id } });
    await vi.waitFor(async () => expect((await db().erasureRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("DONE"), within());
  });

  it("does not erase a profile that became active again after the run", async () => {
    const { jobcentre } = await createJobcentreAndCompany(db());
    const { candidate } = await createCitizen(db(), jobcentre.id, { lastActivityAt: longAgo() });
    const { id } = await db().$transaction((tx) => requestErasureInTx(tx, { candidateId: candidate.id, jobcentreId: jobcentre.id, source: "RETENTION" }));
    await db().candidate.update({ where: { id: candidate.id }, data: { lastActivityAt: new Date() } });
    const cutoff = new Date(Date.now() - 730 * 24 * 3600 * 1000);
    expect(await carryOutErasure(db(), id, { retentionCutoff: cutoff })).toEqual({ status: "SKIPPED", reason: "active again" });
    expect(await db().candidate.count({ where: { id: candidate.id } })).toBe(1);
    expect((await db().erasureRequest.findUniqueOrThrow({ where: { id } })).status).toBe("FAILED");
  });

  it("shows operators counts only, and nobody else the page", async () => {
    const operatorOrg = await db().organisation.create({ data: { kind: "OPERATOR", name: "Drift" } });
    const companyOrg = await db().organisation.create({ data: { kind: "COMPANY", name: "Firma" } });
    const cookieFor = async (organisationId: string) => {
      const user = await db().user.create({ data: { email: `u-${organisationId}@example.dk`, name: "Bruger", memberships: { create: { organisationId } } } });
      const session = await createSession(db(), user.id);
      return (await serializeSessionCookie(session.id, session.expiresAt)).split(";")[0]!;
    };
    const request = (cookie: string) => new Request(`${BASE}/drift/vedligehold`, { headers: { Cookie: cookie } });
    const page = await maintenanceLoader({ request: request(await cookieFor(operatorOrg.id)), params: {}, context: routeContext });
    expect(page.runs.length).toBeGreaterThan(0);
    expect(page.runs[0]).toMatchObject({ kind: "retention", failed: false });
    expect(page.erasures).toEqual(expect.arrayContaining([expect.objectContaining({ source: "RETENTION", status: "DONE" })]));
    const names = await db().candidate.findMany({ select: { firstName: true, lastName: true, id: true } });
    const json = JSON.stringify(page);
    for (const c of names) for (const v of [c.firstName, c.lastName, c.id]) expect(json).not.toContain(v);

    const refused = await maintenanceLoader({ request: request(await cookieFor(companyOrg.id)), params: {}, context: routeContext }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Response);
    expect([403, 404]).toContain((refused as Response).status);
  });
});
