// The consultant's candidate pages: the list and its facets are scoped to the
// jobcentre and audited; another jobcentre's candidate is a 404; the form
// reports errors at the fields and stores nothing; consents are recorded and
// withdrawn; the profile shows the audit log (including its own read).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "~/modules/audit/read.server";
import { LIST_AUDIT } from "~/portals/jobcentre/candidate-list.server";
import * as list from "~/routes/jobcenter.kandidater._index";
import * as profile from "~/routes/jobcenter.kandidater.$id";
import * as create from "~/routes/jobcenter.kandidater.ny";
import { makeSkills } from "../../fixtures/factories";
import { createTestContext, type TestContext } from "../../setup/test-db";
import { candidateWithName, context, get, jobcentreWithConsultant, post, seedPlaces, settle } from "./helpers";

let ctx: TestContext;
let aarhus: Awaited<ReturnType<typeof jobcentreWithConsultant>>;
let aalborg: Awaited<ReturnType<typeof jobcentreWithConsultant>>;
let skills: { id: string }[];
let mine: { id: string }[];
let theirs: { id: string };

beforeAll(async () => {
  ctx = await createTestContext("conscand");
  await seedPlaces(ctx.db);
  aarhus = await jobcentreWithConsultant(ctx.db, "Jobcenter Aarhus");
  aalborg = await jobcentreWithConsultant(ctx.db, "Jobcenter Aalborg");
  skills = await makeSkills(ctx.db, ["welding", "forklift"]);
  mine = [
    await candidateWithName(ctx.db, aarhus.org.id, "Anna", "Svejser", { availableFrom: new Date("2026-11-01") }),
    await candidateWithName(ctx.db, aarhus.org.id, "Bo", "Truckfører", { postalCode: "8200", availableFrom: new Date("2027-06-01") }),
    await candidateWithName(ctx.db, aarhus.org.id, "Carl", "Hvilende", { status: "INACTIVE", availableFrom: new Date("2026-10-01") }),
  ];
  await ctx.db.candidateSkill.createMany({ data: [{ candidateId: mine[0].id, skillId: skills[0].id }, { candidateId: mine[1].id, skillId: skills[1].id }] });
  // Same name on purpose: a search for it must still find only Aarhus's own.
  theirs = await candidateWithName(ctx.db, aalborg.org.id, "Anna", "Svejser", { postalCode: "9000" });
});
afterAll(async () => ctx?.cleanup());

type ListData = Awaited<ReturnType<typeof list.loader>>;
const listAs = async (cookie: string, query = "") => (await list.loader({ request: get(`/jobcenter/kandidater${query}`, cookie), params: {}, context })) as ListData;

describe("candidate list", () => {
  it("shows only the jobcentre's own candidates, with facet counts, and audits the names it shows", async () => {
    const before = await ctx.db.auditEvent.count();
    const { result } = await listAs(aarhus.cookie);
    expect(result.total).toBe(3);
    expect(result.rows.map((r) => r.id).sort()).toEqual(mine.map((c) => c.id).sort());
    expect(result.rows.map((r) => r.id)).not.toContain(theirs.id);
    expect(result.facets.status.find((f) => f.value === "INACTIVE")?.count).toBe(1);
    expect(result.facets.municipalities).toEqual([{ value: "0751", label: "Aarhus", count: 3 }]);
    const audit = await ctx.db.auditEvent.findMany({ where: { id: { gt: BigInt(before) }, resource: LIST_AUDIT.resource } });
    expect(audit).toHaveLength(3);
    expect(audit.every((e) => e.actorUserId === aarhus.user.id && e.actorOrgId === aarhus.org.id && e.reason === "consultant list" && e.action === "READ")).toBe(true);
  });

  it("searches by name and filters by skill, availability, municipality and status", async () => {
    expect((await listAs(aarhus.cookie, "?q=anna")).result.rows.map((r) => r.id)).toEqual([mine[0].id]);
    expect((await listAs(aalborg.cookie, "?q=anna")).result.rows.map((r) => r.id)).toEqual([theirs.id]);
    expect((await listAs(aarhus.cookie, `?skill=${skills[1].id}`)).result.rows.map((r) => r.id)).toEqual([mine[1].id]);
    const soon = await listAs(aarhus.cookie, "?available=now&status=ACTIVE");
    expect(soon.result.rows.map((r) => r.id)).toEqual([mine[0].id]);
    // The status facet counts without its own filter, so the other choices stay visible.
    expect(soon.result.facets.status.find((f) => f.value === "INACTIVE")?.count).toBe(1);
    expect((await listAs(aarhus.cookie, "?municipality=0851")).result.total).toBe(0);
    // A skill id of nobody, and nonsense parameters, are harmless.
    expect((await listAs(aarhus.cookie, "?status=BOGUS&page=-3&available=x")).result.total).toBe(3);
  });

  it("refuses other roles and anonymous users", async () => {
    const anonymous = await settle(() => list.loader({ request: get("/jobcenter/kandidater", ""), params: {}, context }));
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/login/);
  });
});

describe("candidate profile", () => {
  it("answers 404 for another jobcentre's candidate and writes no audit event for it", async () => {
    const before = await ctx.db.auditEvent.count({ where: { candidateId: theirs.id } });
    const res = await settle(() => profile.loader({ request: get(`/jobcenter/kandidater/${theirs.id}`, aarhus.cookie), params: { id: theirs.id }, context }));
    expect(res.status).toBe(404);
    const act = await settle(() =>
      profile.action({ request: post(`/jobcenter/kandidater/${theirs.id}`, aarhus.cookie, { intent: "recordConsent", purpose: "MATCHING", channel: "PHONE" }), params: { id: theirs.id }, context }),
    );
    expect(act.status).toBe(404);
    expect(await ctx.db.auditEvent.count({ where: { candidateId: theirs.id } })).toBe(before);
    expect(await ctx.db.consent.count({ where: { candidateId: theirs.id } })).toBe(0);
  });

  it("audits the read and shows it in the candidate's audit log", async () => {
    const data = (await profile.loader({ request: get(`/jobcenter/kandidater/${mine[0].id}`, aarhus.cookie), params: { id: mine[0].id }, context })) as Awaited<ReturnType<typeof profile.loader>>;
    expect(data.candidate.firstName).toBe("Anna");
    expect(data.audit[0]).toMatchObject({ action: "READ", resource: "candidate", reason: "consultant profile view", actor: { name: "Konsulent Jobcenter Aarhus" }, organisation: { name: "Jobcenter Aarhus" } });
    const log = await listAuditEvents(ctx.db, mine[0].id, { limit: 2 });
    expect(log).toHaveLength(2);
    expect(new Date(log[0].at) >= new Date(log[1].at)).toBe(true);
  });
});

const validForm = () => ({
  intent: "candidate",
  firstName: "Dorthe",
  lastName: "Nyoprettet",
  email: "dorthe@example.test",
  phone: "+45 11 22 33 44",
  postalCode: "8000",
  commuteRadiusKm: "30",
  availableFrom: "2027-01-04",
  hasDrivingLicence: "on",
  languages: ["da", "en"],
  skillIds: [skills[0].id],
});

describe("create and edit", () => {
  it("reports each invalid field at the field, keeps the input and stores nothing", async () => {
    const before = await ctx.db.candidate.count();
    const res = await settle(() =>
      create.action({
        request: post("/jobcenter/kandidater/ny", aarhus.cookie, { ...validForm(), firstName: "", email: "ikke-en-mail", commuteRadiusKm: "500", availableFrom: "i morgen" }),
        params: {},
        context,
      }),
    );
    expect(res.status).toBe(400);
    const result = (res.body as { result: { error: Record<string, string[]>; initialValue: Record<string, unknown> } }).result;
    expect(result.error).toMatchObject({
      firstName: ["forms.required"],
      email: ["consultant.candidateForm.errors.email"],
      commuteRadiusKm: ["consultant.candidateForm.errors.radius"],
      availableFrom: ["forms.invalidDate"],
    });
    expect(result.initialValue.lastName).toBe("Nyoprettet");
    expect(await ctx.db.candidate.count()).toBe(before);
  });

  it("maps an unknown postal code and an unknown skill from the service to their fields, storing nothing", async () => {
    const before = await ctx.db.candidate.count();
    const res = await settle(() =>
      create.action({ request: post("/jobcenter/kandidater/ny", aarhus.cookie, { ...validForm(), postalCode: "1234", skillIds: ["no-such-skill"] }), params: {}, context }),
    );
    expect(res.status).toBe(400);
    expect((res.body as { result: { error: Record<string, string[]> } }).result.error).toMatchObject({
      postalCode: ["forms.unknownPostalCode"],
      skillIds: ["consultant.candidateForm.errors.unknownSkill"],
    });
    expect(await ctx.db.candidate.count()).toBe(before);
    expect(await ctx.db.outboxEvent.count({ where: { topic: "candidate.changed" } })).toBe(0);
  });

  it("creates a candidate (outbox row, audit event) and edits it", async () => {
    const res = await settle(() => create.action({ request: post("/jobcenter/kandidater/ny", aarhus.cookie, validForm()), params: {}, context }));
    expect(res.status).toBe(302);
    const id = res.location!.match(/kandidater\/([^?]+)/)![1];
    const row = await ctx.db.candidate.findUniqueOrThrow({ where: { id }, include: { skills: true } });
    expect(row).toMatchObject({ jobcentreId: aarhus.org.id, consultantId: aarhus.user.id, firstName: "Dorthe", city: "Aarhus C", hasDrivingLicence: true, languages: ["da", "en"], commuteRadiusKm: 30 });
    expect(row.skills.map((s) => s.skillId)).toEqual([skills[0].id]);
    expect(await ctx.db.outboxEvent.count({ where: { topic: "candidate.changed", aggregateId: id } })).toBe(1);
    expect(await ctx.db.auditEvent.count({ where: { candidateId: id, action: "CREATE", actorUserId: aarhus.user.id } })).toBe(1);

    const edit = await settle(() =>
      profile.action({
        request: post(`/jobcenter/kandidater/${id}`, aarhus.cookie, { ...validForm(), commuteRadiusKm: "45", hasDrivingLicence: [], skillIds: [skills[1].id], status: "EMPLOYED", email: "" } as never),
        params: { id },
        context,
      }),
    );
    expect(edit.status).toBe(302);
    const edited = await ctx.db.candidate.findUniqueOrThrow({ where: { id }, include: { skills: true } });
    expect(edited).toMatchObject({ commuteRadiusKm: 45, hasDrivingLicence: false, status: "EMPLOYED", email: null });
    expect(edited.skills.map((s) => s.skillId)).toEqual([skills[1].id]);

    const bad = await settle(() =>
      profile.action({ request: post(`/jobcenter/kandidater/${id}`, aarhus.cookie, { ...validForm(), phone: "ring mig" }), params: { id }, context }),
    );
    expect(bad.status).toBe(400);
    expect((await ctx.db.candidate.findUniqueOrThrow({ where: { id } })).phone).toBe("+45 11 22 33 44");
  });

  it("will not edit another jobcentre's candidate", async () => {
    const res = await settle(() => profile.action({ request: post(`/jobcenter/kandidater/${theirs.id}`, aarhus.cookie, validForm()), params: { id: theirs.id }, context }));
    expect(res.status).toBe(404);
    expect((await ctx.db.candidate.findUniqueOrThrow({ where: { id: theirs.id } })).lastName).toBe("Svejser");
  });
});

describe("consents", () => {
  it("records a consent with purpose, date and channel, and withdraws it", async () => {
    const id = mine[1].id;
    const rec = await settle(() =>
      profile.action({ request: post(`/jobcenter/kandidater/${id}`, aarhus.cookie, { intent: "recordConsent", purpose: "MATCHING", channel: "IN_PERSON", givenAt: "2026-11-20" }), params: { id }, context }),
    );
    expect(rec.status).toBe(302);
    const consent = await ctx.db.consent.findFirstOrThrow({ where: { candidateId: id } });
    expect(consent).toMatchObject({ purpose: "MATCHING", channel: "IN_PERSON", withdrawnAt: null, recordedById: aarhus.user.id });
    expect(consent.givenAt.toISOString()).toBe("2026-11-20T00:00:00.000Z");

    const missing = await settle(() =>
      profile.action({ request: post(`/jobcenter/kandidater/${id}`, aarhus.cookie, { intent: "recordConsent", purpose: "SHARE_WITH_COMPANY", channel: "PHONE" }), params: { id }, context }),
    );
    expect(missing.status).toBe(400);
    expect((missing.body as { result: { error: Record<string, string[]> } }).result.error.companyId).toEqual(["consultant.consents.errors.company"]);

    const off = await settle(() => profile.action({ request: post(`/jobcenter/kandidater/${id}`, aarhus.cookie, { intent: "withdrawConsent", consentId: consent.id }), params: { id }, context }));
    expect(off.status).toBe(302);
    expect((await ctx.db.consent.findUniqueOrThrow({ where: { id: consent.id } })).withdrawnAt).not.toBeNull();
    expect(await ctx.db.auditEvent.count({ where: { candidateId: id, resource: "candidate.consent" } })).toBe(2);

    // Another jobcentre cannot withdraw it through its own candidate's page either.
    const sneaky = await settle(() =>
      profile.action({ request: post(`/jobcenter/kandidater/${theirs.id}`, aalborg.cookie, { intent: "withdrawConsent", consentId: consent.id }), params: { id: theirs.id }, context }),
    );
    expect(sneaky.status).toBe(404);
  });
});
