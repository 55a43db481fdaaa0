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

interface FormTarget {
  name: string;
  path: string;
  /** Who submits it; null for a form used without logging in. */
  as: TestUser["kind"] | null;
  valid: () => Record<string, string>;
  textFields: string[];
}

/** Portal forms: add yours here (urlencoded, as the browser sends it). */
export const FORM_TARGETS: FormTarget[] = [
  {
    name: "the login form",
    path: "/login",
    as: null,
    valid: () => ({ email: "nogen@example.dk", password: "forkert-kode" }),
    textFields: ["email", "password"],
  },
];

async function sendForm(target: FormTarget, body: string | Uint8Array<ArrayBuffer>, contentType = "application/x-www-form-urlencoded") {
  const headers: Record<string, string> = { "Sec-Fetch-Site": "same-origin", "Content-Type": contentType };
  if (target.as) headers.Cookie = await sessionCookie(ctx.db, users[target.as as keyof typeof users].id);
  const response = await web.request(target.path, { method: "POST", headers, body });
  return { status: response.status, html: await response.text(), plain: /^text\/plain/.test(response.headers.get("Content-Type") ?? "") };
}

describe.each(FORM_TARGETS)("$name", (target) => {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

  it("answers hostile and malformed input with a 4xx page and a message, never a 500, storing nothing", async () => {
    const cases: [string, string | Uint8Array<ArrayBuffer>, string?][] = [
      ["an empty body", ""],
      ["garbage", "%%%&&&==="],
      ["repeated fields", `${form(target.valid())}&${form(target.valid())}`],
      ["a JSON body", JSON.stringify(target.valid()), "application/json"],
      ["broken multipart", "--x\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nnogen", "multipart/form-data; boundary=y"],
      ["invalid UTF-8", new Uint8Array([0x65, 0x6d, 0x61, 0x69, 0x6c, 0x3d, 0xff, 0xfe])],
      ["a 2 MiB field", form({ ...target.valid(), [target.textFields[0]]: "x".repeat(2 * 1024 * 1024) })],
      ...target.textFields.flatMap((field) =>
        Object.entries(HOSTILE_TEXTS).map(([label, text]) => [`${field}=${label}`, form({ ...target.valid(), [field]: text })] as [string, string]),
      ),
    ];
    for (const [label, body, contentType] of cases) {
      const before = await snapshot();
      const { status, html, plain } = await sendForm(target, body, contentType);
      expect(status, `${target.name}: ${label}`).toBeGreaterThanOrEqual(400);
      expect(status, `${target.name}: ${label}`).toBeLessThan(500);
      // A page with the error at the form, or the server's own plain-text refusal (wrong content type).
      expect(html, `${target.name}: ${label} shows a message`).toMatch(plain ? /\S{10,}/ : /class="(alert alert-error|form-error-message)|error-page/);
      expect(await snapshot(), `${target.name}: ${label} stores nothing`).toEqual(before);
      // What the user typed is shown back escaped, never as markup.
      expect(html).not.toContain(SCRIPT);
    }
  });
});
