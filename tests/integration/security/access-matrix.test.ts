// Every route module in app/routes against every kind of visitor, through real
// HTTP requests to the real web server (see web-server.ts): the outcome of GET
// and of the route's action must be the one in access-matrix.ts. A route file
// without a line there fails the first test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrganisationKind } from "~/generated/prisma/enums";
import { createUnsubscribeToken } from "~/modules/notifications/unsubscribe-token.server";
import { getEnv } from "~/lib/env.server";
import { makeCandidate, makeVacancy } from "../../fixtures/factories";
import { deleteQueueKeys, useUniqueQueuePrefix } from "../operations-helpers";
import { createTestContext, type TestContext } from "../../setup/test-db";
import { ACCESS_MATRIX, type Actor, type MatrixEntry, type Outcome } from "./access-matrix";
import { addUser, sessionCookie, tokenFor, type TestUser } from "./helpers";
import { routeFiles, startTestWebServer, type TestWebServer } from "./web-server";

const KINDS: OrganisationKind[] = ["COMPANY", "JOBCENTRE", "INSTITUTION", "OPERATOR"];
type TokenKind = "COMPANY" | "JOBCENTRE" | "INSTITUTION";

let ctx: TestContext;
let web: TestWebServer;
let queuePrefix: string;
/** The first organisation of each kind owns the fixtures; the second is the outsider. */
const users = {} as Record<OrganisationKind, TestUser>;
const outsiders = {} as Record<OrganisationKind, TestUser>;
const tokens = {} as Record<TokenKind, string>;
const outsiderTokens = {} as Record<TokenKind, string>;
const fixtures: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext("matrix");
  queuePrefix = useUniqueQueuePrefix();
  web = await startTestWebServer();
  for (const kind of KINDS) {
    users[kind] = await addUser(ctx.db, kind);
    outsiders[kind] = await addUser(ctx.db, kind);
  }
  for (const kind of ["COMPANY", "JOBCENTRE", "INSTITUTION"] as const) {
    tokens[kind] = await tokenFor(ctx.db, users[kind].orgId);
    outsiderTokens[kind] = await tokenFor(ctx.db, outsiders[kind].orgId);
  }
  // The company is served by the first jobcentre, so that one sees its vacancies.
  await ctx.db.organisation.update({ where: { id: users.COMPANY.orgId }, data: { servedById: users.JOBCENTRE.orgId } });
  const vacancy = await makeVacancy(ctx.db, users.COMPANY.orgId);
  const candidate = await makeCandidate(ctx.db, users.JOBCENTRE.orgId);
  const consent = await ctx.db.consent.create({ data: { candidateId: candidate.id, purpose: "MATCHING", channel: "IN_PERSON" } });
  const course = await ctx.db.course.create({ data: { institutionId: users.INSTITUTION.orgId, title: "Truckcertifikat" } });
  const skill = await ctx.db.skill.create({ data: { key: `matrix:${course.id}`, labelEn: "operate forklift", labelDa: "betjene gaffeltruck" } });
  const occupation = await ctx.db.occupation.create({ data: { escoUri: `http://data.europa.eu/esco/occupation/matrix-${course.id}`, labelEn: "forklift operator" } });
  Object.assign(fixtures, {
    vacancy: vacancy.id,
    candidate: candidate.id,
    consent: consent.id,
    course: course.id,
    skill: skill.id,
    occupation: occupation.id,
    companyOrg: users.COMPANY.orgId,
    unsubscribeToken: createUnsubscribeToken(users.COMPANY.id, getEnv().SESSION_SECRET),
  });
});
afterAll(async () => {
  await web?.close();
  if (queuePrefix) await deleteQueueKeys(queuePrefix);
  await ctx?.cleanup();
});

/** The path with fixture ids, or (missing) with ids that exist nowhere. */
function fill(path: string, missing = false): string {
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (missing && name !== "unsubscribeToken") return "cmissingrecord0000000000000";
    const value = fixtures[name];
    if (!value) throw new Error(`access-matrix.ts: no fixture for {${name}}`);
    return value;
  });
}

/** The headers an actor sends; a fresh session per request, since some actions end it (logout). */
async function headersOf(actor: Actor, outsider: boolean): Promise<Record<string, string>> {
  const who = outsider ? outsiders : users;
  if (actor === "anonymous" || actor === "no token") return {};
  if (actor.startsWith("token ")) {
    const kind = actor.slice(6) as TokenKind;
    return { Authorization: `Bearer ${(outsider ? outsiderTokens : tokens)[kind]}` };
  }
  const kind = (actor.startsWith("session ") ? actor.slice(8) : actor) as OrganisationKind;
  return { Cookie: await sessionCookie(ctx.db, who[kind].id) };
}

interface Observed {
  status: number;
  location: string | null;
}

async function send(entry: MatrixEntry, actor: Actor, method: string, outsider = false, missing = false): Promise<Observed> {
  const headers: Record<string, string> = { ...(await headersOf(actor, outsider)), "Sec-Fetch-Site": "same-origin" };
  let body: string | undefined;
  if (method !== "GET") {
    if (entry.kind === "api") {
      headers["Content-Type"] = "application/json";
      body = "{}";
    } else {
      headers["Content-Type"] = "application/x-www-form-urlencoded";
      body = "";
    }
  }
  const response = await web.request(fill(entry.path, missing), { method, headers, body });
  await response.arrayBuffer();
  return { status: response.status, location: response.headers.get("Location") };
}

function matches(observed: Observed, expected: Outcome): boolean {
  const toLogin = observed.status >= 300 && observed.status < 400 && /^\/login(\?|$)/.test(observed.location ?? "");
  if (expected === "login") return toLogin;
  if (expected === "allow") return observed.status < 500 && !toLogin && ![401, 403, 404, 405].includes(observed.status);
  return observed.status === expected;
}

function describeObserved(o: Observed) {
  return o.location ? `${o.status} → ${o.location}` : String(o.status);
}

const hasLoaderOrAction = async (file: string) => {
  const module = (await import(/* @vite-ignore */ `${process.cwd()}/app/${file}`)) as { loader?: unknown; action?: unknown };
  return { loader: typeof module.loader === "function", action: typeof module.action === "function" };
};

describe("the access-control matrix", () => {
  it("has exactly one entry for every route module in app/routes", () => {
    const files = routeFiles().map((r) => r.file.replace(/^routes\//, ""));
    const missing = files.filter((f) => !(f in ACCESS_MATRIX));
    const stale = Object.keys(ACCESS_MATRIX).filter((f) => !files.includes(f));
    expect(missing, "route files without a line in tests/integration/security/access-matrix.ts").toEqual([]);
    expect(stale, "lines in access-matrix.ts for route files that no longer exist").toEqual([]);
  });

  const entries = Object.entries(ACCESS_MATRIX).filter(([file]) => routeFiles().some((r) => r.file === `routes/${file}`));

  it.each(entries)("%s: every kind of visitor gets the expected answer", async (file, entry) => {
    const route = routeFiles().find((r) => r.file === `routes/${file}`)!;
    const { loader, action } = await hasLoaderOrAction(route.file);
    const failures: string[] = [];
    const methods = [
      ...(loader || entry.kind === "page" ? ["GET"] : []),
      ...(action ? [entry.write] : []),
    ];
    for (const method of methods) {
      const expectations = method === "GET" ? entry.expect : { ...entry.expect, ...entry.writeExpect };
      for (const [actor, expected] of Object.entries(expectations) as [Actor, Outcome][]) {
        const observed = await send(entry, actor, method);
        if (observed.status >= 500 || !matches(observed, expected)) failures.push(`${method} as ${actor}: expected ${expected}, got ${describeObserved(observed)}`);
      }
    }
    if (!loader && entry.kind === "api") {
      // Remix answers GET on a resource route without a loader itself (400), whoever asks.
      const observed = await send(entry, Object.keys(entry.expect)[0] as Actor, "GET");
      if (![400, 405].includes(observed.status)) failures.push(`GET without a loader: expected 400 or 405, got ${observed.status}`);
    }
    expect(failures).toEqual([]);
  });

  const crossOrg = entries.filter(([, entry]) => entry.crossOrg.length > 0);

  it.each(crossOrg)("%s: another organisation of the same kind gets 404, never the record", async (file, entry) => {
    const { loader, action } = await hasLoaderOrAction(`routes/${file}`);
    const failures: string[] = [];
    for (const kind of entry.crossOrg) {
      const actor: Actor = entry.kind === "api" ? (`token ${kind as TokenKind}` as const) : kind;
      if (loader || entry.kind === "page") {
        const observed = await send(entry, actor, "GET", true);
        if (observed.status !== 404) failures.push(`GET as another ${kind}: expected 404, got ${describeObserved(observed)}`);
      }
      if (action) {
        // An empty body may be refused (400) before the record is looked up; what
        // matters is that the answer is the one for a record that does not exist.
        const observed = await send(entry, actor, entry.write, true);
        const nowhere = await send(entry, actor, entry.write, true, true);
        if (![400, 404].includes(observed.status) || observed.status !== nowhere.status) {
          failures.push(`${entry.write} as another ${kind}: expected ${nowhere.status} as for a missing record, got ${describeObserved(observed)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
