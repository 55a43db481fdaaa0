// Bad input against every write endpoint of /api/v1 and the web forms, through
// real HTTP: malformed JSON, wrong types, oversized bodies, unicode, HTML/script
// and SQL-looking strings. Every refusal is a 4xx with a message, never a 500,
// and stores nothing at all; text that is accepted is stored as sent and
// rendered escaped. Table-driven: add an API endpoint to API_TARGETS and a
// portal form to FORM_TARGETS.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCandidate, makeSkills, makeVacancy } from "../../fixtures/factories";
import { createTestContext, type TestContext } from "../../setup/test-db";
import { seedPostalCodes } from "../api-helpers";
import { citizenLinkUrl } from "~/portals/citizen/link.server";
import { createInvitation } from "~/portals/company/invitations.server";
import { completeCvr } from "~/modules/organisations/cvr";
import { addUser, sessionCookie, tokenFor, type TestUser } from "./helpers";
import { startTestWebServer, type TestWebServer } from "./web-server";

let ctx: TestContext;
let web: TestWebServer;
const users = {} as Record<"COMPANY" | "JOBCENTRE" | "INSTITUTION", TestUser>;
const tokens = {} as Record<"COMPANY" | "JOBCENTRE" | "INSTITUTION", string>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext("badinput");
  web = await startTestWebServer();
  await seedPostalCodes(ctx.db);
  for (const kind of ["COMPANY", "JOBCENTRE", "INSTITUTION"] as const) {
    users[kind] = await addUser(ctx.db, kind);
    tokens[kind] = await tokenFor(ctx.db, users[kind].orgId);
  }
  await ctx.db.organisation.update({ where: { id: users.COMPANY.orgId }, data: { servedById: users.JOBCENTRE.orgId } });
  const skills = await makeSkills(ctx.db, ["forklift", "warehouse"]);
  Object.assign(ids, {
    skillA: skills[0].id,
    skillB: skills[1].id,
    vacancy: (await makeVacancy(ctx.db, users.COMPANY.orgId)).id,
    candidate: (await makeCandidate(ctx.db, users.JOBCENTRE.orgId)).id,
    course: (await ctx.db.course.create({ data: { institutionId: users.INSTITUTION.orgId, title: "Truck" } })).id,
  });
  // What the portal forms act on: a match, a consent, an offering and an introduction request.
  await ctx.db.membership.updateMany({ where: { userId: users.COMPANY.id }, data: { role: "ADMIN" } });
  ids.match = (await ctx.db.match.create({ data: { vacancyId: ids.vacancy, candidateId: ids.candidate, kind: "FULL", score: 0.9, explanation: {} } })).id;
  ids.consent = (await ctx.db.consent.create({ data: { candidateId: ids.candidate, purpose: "MATCHING", channel: "IN_PERSON" } })).id;
  ids.offering = (await ctx.db.courseOffering.create({ data: { courseId: ids.course, startDate: new Date("2026-10-01"), endDate: new Date("2026-10-05"), postalCode: "8000", seats: 10 } })).id;
  ids.contactRequest = (
    await ctx.db.contactRequest.create({ data: { companyId: users.COMPANY.orgId, vacancyId: ids.vacancy, candidateId: ids.candidate, matchId: ids.match, status: "PROPOSED", proposedAt: new Date() } })
  ).id;
});
afterAll(async () => {
  await web?.close();
  await ctx?.cleanup();
});

/** Rows a half-done write would leave behind. */
async function snapshot() {
  const db = ctx.db;
  const [vacancies, vacancySkills, candidates, candidateSkills, consents, courses, offerings, outbox, audit, users_, sessions] = await Promise.all([
    db.vacancy.count(),
    db.vacancySkill.count(),
    db.candidate.count(),
    db.candidateSkill.count(),
    db.consent.count(),
    db.course.count(),
    db.courseOffering.count(),
    db.outboxEvent.count(),
    db.auditEvent.count(),
    db.user.count(),
    db.session.count(),
  ]);
  const changed = await Promise.all([
    db.vacancy.findFirst({ orderBy: { updatedAt: "desc" }, select: { id: true, updatedAt: true } }),
    db.candidate.findFirst({ orderBy: { updatedAt: "desc" }, select: { id: true, updatedAt: true } }),
  ]);
  return { vacancies, vacancySkills, candidates, candidateSkills, consents, courses, offerings, outbox, audit, users: users_, sessions, changed };
}

// ───────────────────────── the inputs ─────────────────────────

const RTL = "\u202Eevil\u202C";
const ZERO_WIDTH = "Lager\u200Bmedarbejder\u200D";
const EMOJI = "Lagermedarbejder 👷‍♀️🚜";
const SCRIPT = `<script>alert("xss")</script><img src=x onerror=alert(1)>`;
const SQL = `Robert'); DROP TABLE "Vacancy"; -- ' OR '1'='1`;
const NUL = "Lager\u0000medarbejder";

/** Texts that are legitimate to store (they must come back exactly) or to refuse (4xx); never a 500. */
export const HOSTILE_TEXTS: Record<string, string> = { RTL, ZERO_WIDTH, EMOJI, SCRIPT, SQL, NUL };

/** A value of the wrong JSON type for the given valid value. */
function wrongTypeFor(value: unknown): unknown[] {
  if (typeof value === "string") return [12345, true, { text: value }, [value]];
  if (typeof value === "number") return ["many", true, [value], { n: value }];
  if (typeof value === "boolean") return ["yes", 1, [value]];
  if (Array.isArray(value)) return ["not-a-list", 7, { 0: value[0] }, [null], [{ id: 1 }]];
  return [[], "text", 1];
}

// ───────────────────────── API endpoints ─────────────────────────

interface ApiTarget {
  name: string;
  method: "POST" | "PATCH";
  path: () => string;
  kind: "COMPANY" | "JOBCENTRE" | "INSTITUTION";
  valid: () => Record<string, unknown>;
  /** Free-text fields: hostile texts go in here. */
  textFields: string[];
}

export const API_TARGETS: ApiTarget[] = [
  {
    name: "POST /api/v1/vacancies",
    method: "POST",
    path: () => "/api/v1/vacancies",
    kind: "COMPANY",
    valid: () => ({ title: "Lagermedarbejder", description: "Pluk og pak", postalCode: "8000", startDate: "2027-03-01", hoursPerWeek: 37, positions: 2, requiresDrivingLicence: false, languages: ["da"], acceptsUpskilling: true, requiredSkillIds: [ids.skillA], niceToHaveSkillIds: [ids.skillB] }),
    textFields: ["title", "description"],
  },
  {
    name: "PATCH /api/v1/vacancies/:id",
    method: "PATCH",
    path: () => `/api/v1/vacancies/${ids.vacancy}`,
    kind: "COMPANY",
    valid: () => ({ title: "Truckfører", hoursPerWeek: 30, requiredSkillIds: [ids.skillA] }),
    textFields: ["title"],
  },
  {
    name: "POST /api/v1/candidates",
    method: "POST",
    path: () => "/api/v1/candidates",
    kind: "JOBCENTRE",
    valid: () => ({ firstName: "Mette", lastName: "Testesen", email: "mette@example.test", phone: "+45 20 30 40 50", postalCode: "8000", commuteRadiusKm: 30, availableFrom: "2027-01-15", hasDrivingLicence: true, languages: ["da"], skillIds: [ids.skillA] }),
    textFields: ["firstName", "lastName"],
  },
  {
    name: "PATCH /api/v1/candidates/:id",
    method: "PATCH",
    path: () => `/api/v1/candidates/${ids.candidate}`,
    kind: "JOBCENTRE",
    valid: () => ({ lastName: "Andersen", commuteRadiusKm: 40 }),
    textFields: ["lastName"],
  },
  {
    name: "POST /api/v1/candidates/:id/consents",
    method: "POST",
    path: () => `/api/v1/candidates/${ids.candidate}/consents`,
    kind: "JOBCENTRE",
    valid: () => ({ purpose: "MATCHING", channel: "IN_PERSON" }),
    textFields: [],
  },
  {
    name: "POST /api/v1/courses",
    method: "POST",
    path: () => "/api/v1/courses",
    kind: "INSTITUTION",
    valid: () => ({ title: "Gaffeltruck certifikat B", description: "AMU-kursus", amuCode: "40120", durationDays: 5, skillIds: [ids.skillA] }),
    textFields: ["title", "description"],
  },
  {
    name: "POST /api/v1/courses/:id/offerings",
    method: "POST",
    path: () => `/api/v1/courses/${ids.course}/offerings`,
    kind: "INSTITUTION",
    valid: () => ({ startDate: "2027-01-10", endDate: "2027-01-14", postalCode: "8000", seats: 12 }),
    textFields: [],
  },
];

interface Sent {
  status: number;
  body: { error?: { code?: string; message?: string; fields?: Record<string, string> }; data?: Record<string, unknown> };
}

async function sendApi(target: ApiTarget, body: string | Uint8Array<ArrayBuffer>, contentType = "application/json"): Promise<Sent> {
  const response = await web.request(target.path(), {
    method: target.method,
    headers: { Authorization: `Bearer ${tokens[target.kind]}`, "Content-Type": contentType },
    body,
  });
  const text = await response.text();
  let parsed: Sent["body"] = {};
  try {
    parsed = JSON.parse(text) as Sent["body"];
  } catch {
    throw new Error(`${target.name}: a non-JSON answer ${response.status}: ${text.slice(0, 200)}`);
  }
  return { status: response.status, body: parsed };
}

/** The request must be refused with a 4xx carrying a message, and leave the database as it was. */
async function expectRefused(target: ApiTarget, label: string, body: string | Uint8Array<ArrayBuffer>, contentType?: string) {
  const before = await snapshot();
  const sent = await sendApi(target, body, contentType);
  expect(sent.status, `${target.name} ${label}`).toBeGreaterThanOrEqual(400);
  expect(sent.status, `${target.name} ${label}`).toBeLessThan(500);
  expect(sent.body.error?.message, `${target.name} ${label}`).toEqual(expect.any(String));
  expect(await snapshot(), `${target.name} ${label}: nothing stored`).toEqual(before);
  return sent;
}

describe.each(API_TARGETS)("$name", (target) => {
  it("refuses malformed JSON, non-objects and the wrong content type", async () => {
    for (const body of ['{"title": ', "{'title': 'x'}", "", "   ", "null", "[]", '"text"', "42", "true", `{"a":${"[".repeat(5000)}${"]".repeat(5000)}}`]) {
      const sent = await expectRefused(target, `body ${body.slice(0, 20)}`, body);
      expect(sent.status).toBe(400);
    }
    await expectRefused(target, "text/plain", JSON.stringify(target.valid()), "text/plain");
    await expectRefused(target, "form encoding", "title=x", "application/x-www-form-urlencoded");
    await expectRefused(target, "invalid UTF-8", new Uint8Array([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]));
  });

  it("refuses a value of the wrong type in every field, naming the field", async () => {
    const valid = target.valid();
    for (const [field, value] of Object.entries(valid)) {
      for (const wrong of wrongTypeFor(value)) {
        const sent = await expectRefused(target, `${field}=${JSON.stringify(wrong)}`, JSON.stringify({ ...valid, [field]: wrong }));
        expect(sent.status).toBe(400);
        expect(Object.keys(sent.body.error?.fields ?? {}).some((f) => f === field || f.startsWith(`${field}.`)), `${target.name} names ${field}`).toBe(true);
      }
    }
    await expectRefused(target, "an unknown field", JSON.stringify({ ...valid, isAdmin: true, organisationId: users.COMPANY.orgId }));
  });

  it("refuses an oversized body with 413 and overlong texts with 400", async () => {
    const huge = JSON.stringify({ ...target.valid(), padding: "x".repeat(300 * 1024) });
    const sent = await expectRefused(target, "300 KiB body", huge);
    expect(sent.status).toBe(413);
    for (const field of target.textFields) {
      const long = await expectRefused(target, `${field} of 20000 characters`, JSON.stringify({ ...target.valid(), [field]: "å".repeat(20_000) }));
      expect(long.status).toBe(400);
    }
  });

  it("stores unicode, HTML and SQL-looking text exactly as sent, or refuses it with a 4xx", async () => {
    for (const field of target.textFields) {
      for (const [label, text] of Object.entries(HOSTILE_TEXTS)) {
        const before = await snapshot();
        const sent = await sendApi(target, JSON.stringify({ ...target.valid(), [field]: text }));
        expect(sent.status, `${target.name} ${field}=${label}`).toBeLessThan(500);
        if (sent.status >= 400) {
          expect(sent.body.error?.message).toEqual(expect.any(String));
          expect(await snapshot()).toEqual(before);
        } else {
          expect(sent.body.data?.[field], `${target.name} ${field}=${label} comes back as sent`).toBe(text.trim());
        }
      }
    }
    // The SQL-looking text did nothing to the tables.
    expect(await ctx.db.vacancy.count()).toBeGreaterThan(0);
  });
});

describe("ids and query strings", () => {
  it.each([
    "/api/v1/vacancies/' OR '1'='1",
    "/api/v1/vacancies/%3Cscript%3E",
    "/api/v1/vacancies/%00",
    "/api/v1/vacancies/LONG",
    "/api/v1/vacancies/..%2F..%2Fetc%2Fpasswd",
    "/api/v1/vacancies/%F0%9F%91%B7",
    "/api/v1/candidates/1;DROP TABLE Candidate",
    "/api/v1/courses/%E2%80%AE",
  ])("GET %s answers 4xx JSON", async (path) => {
    const kind = path.includes("candidates") ? "JOBCENTRE" : path.includes("courses") ? "INSTITUTION" : "COMPANY";
    const response = await web.request(path.replace("LONG", "a".repeat(5000)), { headers: { Authorization: `Bearer ${tokens[kind]}` } });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(((await response.json()) as Sent["body"]).error?.message).toEqual(expect.any(String));
  });

  it.each(["status=' OR 1=1 --", "status=<script>", "status[]=OPEN", "unknown=1"])("GET /api/v1/vacancies?%s answers 400", async (query) => {
    const response = await web.request(`/api/v1/vacancies?${query}`, { headers: { Authorization: `Bearer ${tokens.COMPANY}` } });
    expect(response.status).toBe(400);
  });
});

describe("stored text is rendered escaped", () => {
  it("shows a vacancy title with <script> as text on the company overview", async () => {
    const target = API_TARGETS[0];
    const sent = await sendApi(target, JSON.stringify({ ...target.valid(), title: SCRIPT }));
    expect(sent.status).toBe(201);
    const page = await web.request("/virksomhed", { headers: { Cookie: await sessionCookie(ctx.db, users.COMPANY.id) } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain(SCRIPT);
    expect(html).not.toContain("<img src=x");
  });
});

// ───────────────────────── web forms ─────────────────────────

type FormValue = string | string[];

interface FormTarget {
  name: string;
  /** A function, since some paths carry a token made for the request (an invitation, a citizen's link). */
  path: () => string | Promise<string>;
  /** Who submits it; null for a form used without logging in. */
  as: TestUser["kind"] | null;
  valid: () => Record<string, FormValue>;
  /** Free-text fields: hostile texts go in here; they are stored as typed or refused with a 4xx. */
  textFields: string[];
  /** Fields holding a number, date, id, e-mail or choice, with values of the wrong kind: all must be refused. */
  typedFields?: Record<string, string[]>;
}

// ("0x10" is not here: the browser form coerces it to 16, a number, which is fine.)
const NOT_NUMBERS = ["mange", "1.5", "-1", "1e999", "' OR 1=1 --", "1\u0000"];
const NOT_DATES = ["i morgen", "31/12/2027", "2027-13-45", "<script>"];
const NOT_IDS = ["' OR '1'='1", "<script>alert(1)</script>", "a".repeat(5000), "abc\u0000", "../../etc/passwd", "\u202Eevil"];
const NOT_CHOICES = ["ADMIN", "<script>", "' OR 1=1 --", "", "\u0000"];
const NOT_EMAILS = ["ikke-en-adresse", "<script>@x.dk", "a@b.dk\u0000", `${"a".repeat(300)}@example.dk`, "' OR 1=1 --@x.dk"];

const today = () => new Date().toISOString().slice(0, 10);
let unique = 0;
const uniqueEmail = (prefix: string) => `${prefix}-${Date.now()}-${(unique += 1)}@example.dk`;
/** A valid CVR number no other organisation has (8 digits, modulus 11). */
function uniqueCvr(): string {
  for (;;) {
    const cvr = completeCvr(String(1_000_000 + Math.floor(Math.random() * 8_999_999)));
    if (cvr) return cvr;
  }
}

const vacancyForm = () => ({
  title: "Lagermedarbejder",
  description: "Pluk og pak",
  requiredSkillIds: [ids.skillA],
  niceToHaveSkillIds: [ids.skillB],
  postalCode: "8000",
  startDate: "2027-03-01",
  hoursPerWeek: "37",
  positions: "2",
  languages: ["da"],
});
const vacancyTyped = {
  hoursPerWeek: NOT_NUMBERS,
  positions: NOT_NUMBERS,
  startDate: NOT_DATES,
  postalCode: ["80000", "abcd", "' OR 1=1", "8000\u0000"],
  requiredSkillIds: NOT_IDS,
  languages: NOT_CHOICES.filter(Boolean),
  occupationId: NOT_IDS,
};
const candidateForm = () => ({
  firstName: "Mette",
  lastName: "Testesen",
  email: uniqueEmail("mette"),
  phone: "+45 20 30 40 50",
  postalCode: "8000",
  commuteRadiusKm: "30",
  availableFrom: "2027-01-15",
  languages: ["da"],
  skillIds: [ids.skillA],
});
const candidateTyped = {
  commuteRadiusKm: NOT_NUMBERS,
  desiredHoursPerWeek: NOT_NUMBERS,
  availableFrom: NOT_DATES,
  email: NOT_EMAILS,
  phone: ["ring til mig", "<script>", "+45\u000012345678"],
  postalCode: ["80000", "abcd", "8000\u0000"],
  skillIds: NOT_IDS,
  languages: NOT_CHOICES.filter(Boolean),
};

/** Every state-changing portal form (urlencoded, as the browser sends it). */
export const FORM_TARGETS: FormTarget[] = [
  {
    name: "the login form",
    path: () => "/login",
    as: null,
    valid: () => ({ email: "nogen@example.dk", password: "forkert-kode" }),
    textFields: ["email", "password"],
  },
  {
    name: "company registration",
    path: () => "/registrer",
    as: null,
    valid: () => ({ cvr: uniqueCvr(), companyName: "Lager A/S", street: "Havnegade 1", postalCode: "8000", name: "Anne Admin", email: uniqueEmail("admin"), password: "Korrekt-hest-batteri-1" }),
    textFields: ["companyName", "street", "name"],
    typedFields: { cvr: ["12345678", "abcdefgh", "' OR 1=1", "1234567\u0000"], email: NOT_EMAILS, postalCode: ["80000", "8000\u0000"] },
  },
  {
    name: "accepting an invitation",
    path: async () => `/invitation/${(await createInvitation(ctx.db, { organisationId: users.COMPANY.orgId, userId: users.COMPANY.id, membershipRole: "ADMIN" }, uniqueEmail("kollega"))).token}`,
    as: null,
    valid: () => ({ name: "Kim Kollega", password: "Korrekt-hest-batteri-1" }),
    textFields: ["name"],
  },
  {
    name: "a company's vacancy status buttons",
    path: () => "/virksomhed",
    as: "COMPANY",
    valid: () => ({ intent: "pause", vacancyId: ids.vacancy }),
    textFields: [],
    typedFields: { intent: NOT_CHOICES, vacancyId: NOT_IDS },
  },
  {
    name: "inviting a colleague",
    path: () => "/virksomhed/kolleger",
    as: "COMPANY",
    valid: () => ({ email: uniqueEmail("ny") }),
    textFields: [],
    typedFields: { email: NOT_EMAILS },
  },
  {
    name: "a new vacancy",
    path: () => "/virksomhed/stillinger/ny",
    as: "COMPANY",
    valid: vacancyForm,
    textFields: ["title", "description"],
    typedFields: vacancyTyped,
  },
  {
    name: "editing a vacancy",
    path: () => `/virksomhed/stillinger/${ids.vacancy}/rediger`,
    as: "COMPANY",
    valid: vacancyForm,
    textFields: ["title", "description"],
    typedFields: vacancyTyped,
  },
  {
    name: "a company's introduction request",
    path: () => `/virksomhed/stillinger/${ids.vacancy}`,
    as: "COMPANY",
    valid: () => ({ matchId: ids.match, message: "Vi vil gerne møde kandidaten" }),
    textFields: ["message"],
    typedFields: { matchId: NOT_IDS },
  },
  {
    name: "a consultant's new candidate",
    path: () => "/jobcenter/kandidater/ny",
    as: "JOBCENTRE",
    valid: candidateForm,
    textFields: ["firstName", "lastName"],
    typedFields: candidateTyped,
  },
  {
    name: "a consultant editing a candidate",
    path: () => `/jobcenter/kandidater/${ids.candidate}`,
    as: "JOBCENTRE",
    valid: () => ({ intent: "candidate", ...candidateForm(), status: "ACTIVE" }),
    textFields: ["firstName", "lastName"],
    typedFields: { ...candidateTyped, status: NOT_CHOICES.filter(Boolean), intent: NOT_CHOICES }, // an empty status means the default
  },
  {
    name: "a consultant recording a consent",
    path: () => `/jobcenter/kandidater/${ids.candidate}`,
    as: "JOBCENTRE",
    valid: () => ({ intent: "recordConsent", purpose: "SHARE_WITH_COMPANY", channel: "IN_PERSON", givenAt: today(), companyId: users.COMPANY.orgId }),
    textFields: [],
    typedFields: { purpose: NOT_CHOICES, channel: NOT_CHOICES, givenAt: NOT_DATES, companyId: NOT_IDS },
  },
  {
    name: "a consultant withdrawing a consent",
    path: () => `/jobcenter/kandidater/${ids.candidate}`,
    as: "JOBCENTRE",
    valid: () => ({ intent: "withdrawConsent", consentId: ids.consent }),
    textFields: [],
    typedFields: { consentId: NOT_IDS },
  },
  {
    name: "a consultant recording a completed course",
    path: () => `/jobcenter/kandidater/${ids.candidate}`,
    as: "JOBCENTRE",
    valid: () => ({ intent: "courseCompleted", offeringId: ids.offering, occurredOn: today() }),
    textFields: [],
    typedFields: { offeringId: NOT_IDS, occurredOn: NOT_DATES },
  },
  {
    name: "a consultant moving a match in the pipeline",
    path: () => `/jobcenter/stillinger/${ids.vacancy}`,
    as: "JOBCENTRE",
    valid: () => ({ intent: "move", matchId: ids.match, status: "SHORTLISTED", note: "Godt match" }),
    textFields: ["note"],
    typedFields: { matchId: NOT_IDS, status: NOT_CHOICES },
  },
  {
    name: "a consultant reserving a course seat",
    path: () => `/jobcenter/stillinger/${ids.vacancy}`,
    as: "JOBCENTRE",
    valid: () => ({ intent: "reserve", matchId: ids.match, offeringId: ids.offering }),
    textFields: [],
    typedFields: { matchId: NOT_IDS, offeringId: NOT_IDS },
  },
  {
    name: "a consultant recording an outcome",
    path: () => "/jobcenter/resultater",
    as: "JOBCENTRE",
    valid: () => ({ kind: "HIRED", candidateRef: ids.candidate, occurredOn: today(), vacancyId: ids.vacancy }),
    textFields: ["candidateRef"],
    typedFields: { kind: NOT_CHOICES, occurredOn: NOT_DATES, vacancyId: NOT_IDS },
  },
  {
    name: "a consultant handling an introduction request",
    path: () => "/jobcenter/henvendelser",
    as: "JOBCENTRE",
    valid: () => ({ intent: "approve", requestId: ids.contactRequest, channel: "PHONE" }),
    textFields: [],
    typedFields: { intent: NOT_CHOICES, requestId: NOT_IDS, channel: NOT_CHOICES },
  },
  {
    name: "a citizen asking for a link",
    path: () => "/borger",
    as: null,
    valid: () => ({ email: "ukendt@example.dk" }),
    textFields: [],
    typedFields: { email: NOT_EMAILS },
  },
  {
    name: "a citizen withdrawing a consent",
    path: () => new URL(citizenLinkUrl(ids.candidate).url).pathname,
    as: null,
    valid: () => ({ intent: "withdraw", consentId: ids.consent }),
    textFields: [],
    typedFields: { intent: NOT_CHOICES, consentId: NOT_IDS },
  },
  {
    name: "a citizen answering an introduction request",
    path: () => new URL(citizenLinkUrl(ids.candidate).url).pathname,
    as: null,
    valid: () => ({ intent: "decline", requestId: ids.contactRequest }),
    textFields: [],
    typedFields: { intent: NOT_CHOICES, requestId: NOT_IDS },
  },
];

/** Rows any portal form could write; a refused form must leave all of them as they were. */
async function formSnapshot() {
  const db = ctx.db;
  const counts = await Promise.all([
    db.organisation.count(),
    db.membership.count(),
    db.invitation.count({ where: { acceptedAt: null } }),
    db.contactRequest.groupBy({ by: ["status"], _count: true, orderBy: { status: "asc" } }),
    db.matchStatusChange.count(),
    db.outcome.count(),
    db.seatReservation.count(),
    db.erasureRequest.count(),
    db.consent.count({ where: { withdrawnAt: null } }),
    db.match.findMany({ select: { id: true, status: true }, orderBy: { id: "asc" } }),
    db.vacancy.findMany({ select: { id: true, status: true, updatedAt: true }, orderBy: { id: "asc" } }),
  ]);
  // Audit events are left out: re-rendering a refused form may log a read of the candidate, as it should.
  const { audit: _audit, ...rows } = await snapshot();
  return { ...rows, counts };
}

const sessionCookies: Partial<Record<TestUser["kind"], string>> = {};

async function sendForm(target: FormTarget, body: string | Uint8Array<ArrayBuffer>, contentType = "application/x-www-form-urlencoded", path?: string) {
  const headers: Record<string, string> = { "Sec-Fetch-Site": "same-origin", Origin: web.url, "Content-Type": contentType };
  if (target.as) headers.Cookie = sessionCookies[target.as]!;
  const response = await web.request(path ?? (await target.path()), { method: "POST", headers, body });
  return { status: response.status, html: await response.text(), plain: /^text\/plain/.test(response.headers.get("Content-Type") ?? "") };
}

function encode(fields: Record<string, FormValue>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) params.append(name, v);
  return params.toString();
}

describe.each(FORM_TARGETS)("form: $name", (target) => {
  beforeAll(async () => {
    if (target.as) sessionCookies[target.as] ??= await sessionCookie(ctx.db, users[target.as as keyof typeof users].id);
  });

  /** Must be refused with a 4xx page carrying a message, and leave the database as it was. */
  async function expectFormRefused(label: string, body: string | Uint8Array<ArrayBuffer>, contentType?: string) {
    const path = await target.path(); // before the snapshot: it may write an invitation
    const before = await formSnapshot();
    const { status, html, plain } = await sendForm(target, body, contentType, path);
    expect(status, `${target.name}: ${label}`).toBeGreaterThanOrEqual(400);
    expect(status, `${target.name}: ${label}`).toBeLessThan(500);
    // A page (with the error at the form where there is one) or the server's own plain-text refusal.
    expect(html, `${target.name}: ${label} answers with a page`).toMatch(plain ? /\S{10,}/ : /<html/);
    expect(await formSnapshot(), `${target.name}: ${label} stores nothing`).toEqual(before);
    // What the user typed is shown back escaped, never as markup.
    expect(html).not.toContain(SCRIPT);
    expect(html).not.toContain("<script>alert(1)</script>");
  }

  it("refuses malformed, oversized and wrongly encoded bodies with a 4xx, storing nothing", async () => {
    const big = target.textFields[0] ?? Object.keys(target.valid())[0]!;
    const cases: [string, string | Uint8Array<ArrayBuffer>, string?][] = [
      ["an empty body", ""],
      ["garbage", "%%%&&&==="],
      ["a JSON body", JSON.stringify(target.valid()), "application/json"],
      ["broken multipart", '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\nnogen', "multipart/form-data; boundary=y"],
      ["multipart without a boundary", '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\nnogen\r\n--x--', "multipart/form-data"],
      ["invalid UTF-8", new Uint8Array([0x65, 0x6d, 0x61, 0x69, 0x6c, 0x3d, 0xff, 0xfe])],
      ["a 2 MiB field", encode({ ...target.valid(), [big]: "x".repeat(2 * 1024 * 1024) })],
      ...target.textFields.map((field) => [`${field} of 1 MB`, encode({ ...target.valid(), [field]: "å".repeat(512 * 1024) })] as [string, string]),
    ];
    for (const [label, body, contentType] of cases) await expectFormRefused(label, body, contentType);
    // The same fields twice: refused, or (where the action reads one value of each) done once; never a 500.
    const twice = await sendForm(target, `${encode(target.valid())}&${encode(target.valid())}`);
    expect(twice.status, `${target.name}: repeated fields`).toBeLessThan(500);
  });

  // Only the cases a form has: a form without typed or text fields gets no test of them (not a skipped one).
  if (Object.keys(target.typedFields ?? {}).length > 0) {
    it("refuses text where a number, date, id, e-mail or choice belongs", async () => {
      for (const [field, wrongs] of Object.entries(target.typedFields ?? {})) {
        for (const wrong of wrongs) await expectFormRefused(`${field}=${JSON.stringify(wrong.slice(0, 30))}`, encode({ ...target.valid(), [field]: wrong }));
      }
    });
  }

  if (target.textFields.length > 0) it("accepts unicode, HTML and SQL-looking text as typed, or refuses it with a 4xx", async () => {
    for (const field of target.textFields) {
      for (const [label, text] of Object.entries(HOSTILE_TEXTS)) {
        const path = await target.path();
        const before = await formSnapshot();
        const { status, html } = await sendForm(target, encode({ ...target.valid(), [field]: text }), undefined, path);
        expect(status, `${target.name}: ${field}=${label}`).toBeLessThan(500);
        expect(html, `${target.name}: ${field}=${label} is never echoed as markup`).not.toContain(SCRIPT);
        if (status >= 400) expect(await formSnapshot(), `${target.name}: ${field}=${label} stores nothing`).toEqual(before);
        // NUL cannot be stored in PostgreSQL text: it must be refused, not fail as a 500.
        if (label === "NUL" && target.as !== null && target.name !== "the login form") expect(status, `${target.name}: ${field}=NUL`).toBe(400);
      }
    }
  });
});

describe("text typed into a portal form is rendered escaped", () => {
  it("shows a candidate's name with <script> as text on the consultant's profile page", async () => {
    const cookie = sessionCookies.JOBCENTRE ?? (await sessionCookie(ctx.db, users.JOBCENTRE.id));
    const response = await web.request("/jobcenter/kandidater/ny", {
      method: "POST",
      headers: { "Sec-Fetch-Site": "same-origin", Origin: web.url, "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
      body: encode({ ...candidateForm(), firstName: SCRIPT, lastName: SQL }),
    });
    expect(response.status).toBe(302);
    const stored = await ctx.db.candidate.findFirstOrThrow({ where: { firstName: SCRIPT, lastName: SQL }, select: { id: true } });
    const page = await web.request(`/jobcenter/kandidater/${stored.id}`, { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;");
    expect(html).not.toContain(SCRIPT);
    expect(html).not.toContain("<img src=x");
  });

  it("shows a vacancy title and a company's message with <script> as text to the consultant", async () => {
    const company = sessionCookies.COMPANY ?? (await sessionCookie(ctx.db, users.COMPANY.id));
    const created = await web.request("/virksomhed/stillinger/ny", {
      method: "POST",
      headers: { "Sec-Fetch-Site": "same-origin", Origin: web.url, "Content-Type": "application/x-www-form-urlencoded", Cookie: company },
      body: encode({ ...vacancyForm(), title: SCRIPT }),
    });
    expect(created.status).toBe(302);
    const vacancy = await ctx.db.vacancy.findFirstOrThrow({ where: { title: SCRIPT }, orderBy: { createdAt: "desc" }, select: { id: true } });
    for (const [path, cookie] of [
      [`/virksomhed/stillinger/${vacancy.id}`, company],
      [`/jobcenter/stillinger/${vacancy.id}`, sessionCookies.JOBCENTRE ?? (await sessionCookie(ctx.db, users.JOBCENTRE.id))],
    ] as const) {
      const page = await web.request(path, { headers: { Cookie: cookie } });
      expect(page.status, path).toBe(200);
      const html = await page.text();
      expect(html, path).toContain("&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;");
      expect(html, path).not.toContain(SCRIPT);
    }
  });
});
