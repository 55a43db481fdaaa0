// The access-control matrix: who may reach every route module in app/routes.
// access-matrix.test.ts fails when a route file has no line here, so a new
// route is added like this (one line, the file name as key):
//
//   "virksomhed.stillinger.$id.tsx": page("/virksomhed/stillinger/{vacancy}", only("COMPANY"), { crossOrg: ["COMPANY"] }),
//
// page(path, who)   a web page or resource route reached with the session cookie
// api(path, who)    /api/v1: bearer tokens only; a session cookie alone is 401
// who:              only(kind…) | signedIn() | everyone() | everyone(404)
// options.crossOrg  the path names a record of the first organisation of that
//                   kind: a user (or token) of a second organisation of the
//                   same kind must get 404 on GET, and on the action exactly
//                   the answer a record that does not exist gets (400 or 404).
// options.write     the HTTP method of the route's action, when not POST; the
//                   action is exercised for every actor when the module has one.
// options.writeExpect  outcomes of the action that differ from GET's.
// The test users are plain members (MembershipRole MEMBER) of their organisation.
// Placeholders in paths are filled from the test's fixtures:
//   {vacancy} {candidate} {consent} {course} {skill} {occupation} {companyOrg} {unsubscribeToken}
import type { OrganisationKind } from "~/generated/prisma/enums";

export type WebActor = "anonymous" | OrganisationKind;
export type TokenActor = "no token" | `token ${Exclude<OrganisationKind, "OPERATOR">}` | `session ${OrganisationKind}`;
export type Actor = WebActor | TokenActor;

/** allow: answered (2xx, or a redirect that is not to the login); login: redirect to /login; a number: that status. */
export type Outcome = "allow" | "login" | 400 | 401 | 403 | 404 | 405;

export interface MatrixEntry {
  kind: "page" | "api";
  path: string;
  expect: Partial<Record<Actor, Outcome>>;
  write: "POST" | "PATCH" | "PUT" | "DELETE";
  /** Outcomes of the action where they differ from GET's. */
  writeExpect: Partial<Record<Actor, Outcome>>;
  crossOrg: OrganisationKind[];
}

const KINDS: OrganisationKind[] = ["COMPANY", "JOBCENTRE", "INSTITUTION", "OPERATOR"];
const TOKEN_KINDS = ["COMPANY", "JOBCENTRE", "INSTITUTION"] as const;

interface Who {
  /** Kinds that are let in; every other logged-in kind gets 403. */
  kinds: OrganisationKind[];
  anonymous: Outcome;
  /** When set, every actor gets exactly this outcome. */
  fixed?: Outcome;
}

export const only = (...kinds: OrganisationKind[]): Who => ({ kinds, anonymous: "login" });
export const signedIn = (anonymous: Outcome = "login"): Who => ({ kinds: KINDS, anonymous });
export const everyone = (fixed?: Outcome): Who => ({ kinds: KINDS, anonymous: fixed ?? "allow", fixed });

interface Options {
  crossOrg?: OrganisationKind[];
  write?: MatrixEntry["write"];
  writeExpect?: MatrixEntry["writeExpect"];
}

export function page(path: string, who: Who, options: Options = {}): MatrixEntry {
  const expect: MatrixEntry["expect"] = { anonymous: who.fixed ?? who.anonymous };
  for (const kind of KINDS) expect[kind] = who.fixed ?? (who.kinds.includes(kind) ? "allow" : 403);
  return { kind: "page", path, expect, write: options.write ?? "POST", writeExpect: options.writeExpect ?? {}, crossOrg: options.crossOrg ?? [] };
}

export function api(path: string, who: Who, options: Options = {}): MatrixEntry {
  const expect: MatrixEntry["expect"] = { "no token": who.fixed ?? 401 };
  for (const kind of TOKEN_KINDS) expect[`token ${kind}`] = who.fixed ?? (who.kinds.includes(kind) ? "allow" : 403);
  // The API never reads the session cookie: even an allowed kind's session is 401.
  for (const kind of KINDS) expect[`session ${kind}`] = who.fixed ?? 401;
  return { kind: "api", path, expect, write: options.write ?? "POST", writeExpect: options.writeExpect ?? {}, crossOrg: options.crossOrg ?? [] };
}

export const ACCESS_MATRIX: Record<string, MatrixEntry> = {
  // Public
  "_index.tsx": page("/", everyone()),
  "healthz.ts": page("/healthz", everyone()),
  "login.tsx": page("/login", everyone()),
  "logout.tsx": page("/logout", everyone()),
  "language.tsx": page("/language", everyone()),
  // The signed token, not a session, decides; a bad token is 400 for everyone.
  "afmeld.$token.tsx": page("/afmeld/{unsubscribeToken}", everyone()),
  // Single sign-on is not configured in this test: 404 (sso.test.ts covers it configured).
  "login_.sso.tsx": page("/login/sso", everyone(404)),
  "login_.sso_.callback.tsx": page("/login/sso/callback?code=x&state=y", everyone(404)),
  "registrer.tsx": page("/registrer", everyone()),
  // An invitation link we do not know.
  "invitation.$token.tsx": page("/invitation/ukendt-invitation", everyone(404)),

  // Citizens: no login; the signed link decides (an invalid one here, so nobody gets data)
  "borger._index.tsx": page("/borger", everyone()),
  "borger.$token.tsx": page("/borger/ugyldigt-link", everyone(400)),
  "borger.$token.data.ts": page("/borger/ugyldigt-link/data", everyone(400)),

  // Any logged-in user
  "meddelelser.tsx": page("/meddelelser", signedIn()),
  "soeg.kompetencer.ts": page("/soeg/kompetencer?q=svejs", signedIn(401)),
  "soeg.stillingsbetegnelser.ts": page("/soeg/stillingsbetegnelser?q=lager", signedIn(401)),

  // Companies
  "virksomhed._index.tsx": page("/virksomhed", only("COMPANY")),
  "virksomhed.stillinger.ny.tsx": page("/virksomhed/stillinger/ny", only("COMPANY")),
  "virksomhed.stillinger.$id.tsx": page("/virksomhed/stillinger/{vacancy}", only("COMPANY"), { crossOrg: ["COMPANY"] }),
  "virksomhed.stillinger.$id_.rediger.tsx": page("/virksomhed/stillinger/{vacancy}/rediger", only("COMPANY"), { crossOrg: ["COMPANY"] }),
  "virksomhed.anmodninger.tsx": page("/virksomhed/anmodninger", only("COMPANY")),
  // Only the company's administrators invite colleagues.
  "virksomhed.kolleger.tsx": page("/virksomhed/kolleger", only("COMPANY"), { writeExpect: { COMPANY: 403 } }),

  // Jobcentres (operators administer but never browse citizens' data)
  "jobcenter._index.tsx": page("/jobcenter", only("JOBCENTRE")),
  "jobcenter.kandidater._index.tsx": page("/jobcenter/kandidater", only("JOBCENTRE")),
  "jobcenter.kandidater.ny.tsx": page("/jobcenter/kandidater/ny", only("JOBCENTRE")),
  "jobcenter.kandidater.$id.tsx": page("/jobcenter/kandidater/{candidate}", only("JOBCENTRE"), { crossOrg: ["JOBCENTRE"] }),
  "jobcenter.stillinger._index.tsx": page("/jobcenter/stillinger", only("JOBCENTRE")),
  "jobcenter.henvendelser.tsx": page("/jobcenter/henvendelser", only("JOBCENTRE")),
  "jobcenter.resultater.tsx": page("/jobcenter/resultater", only("JOBCENTRE")),
  // A jobcentre sees the vacancies of the companies it serves only.
  "jobcenter.stillinger.$id.tsx": page("/jobcenter/stillinger/{vacancy}", only("JOBCENTRE"), { crossOrg: ["JOBCENTRE"] }),

  // Institutions
  "uddannelse._index.tsx": page("/uddannelse", only("INSTITUTION")),
  "uddannelse.kurser.ny.tsx": page("/uddannelse/kurser/ny", only("INSTITUTION")),
  "uddannelse.kurser._index.tsx": page("/uddannelse/kurser", only("INSTITUTION")),
  "uddannelse.efterspoergsel.tsx": page("/uddannelse/efterspoergsel", only("INSTITUTION")),
  "uddannelse.import.tsx": page("/uddannelse/import", only("INSTITUTION")),
  "uddannelse.import.eksempel[.]csv.ts": page("/uddannelse/import/eksempel.csv", only("INSTITUTION")),
  "uddannelse.kurser.$id.tsx": page("/uddannelse/kurser/{course}", only("INSTITUTION"), { crossOrg: ["INSTITUTION"] }),

  // Operators
  "drift._index.tsx": page("/drift", only("OPERATOR")),
  "drift.koersler.tsx": page("/drift/koersler", only("OPERATOR")),
  "drift.vedligehold.tsx": page("/drift/vedligehold", only("OPERATOR")),
  "drift.organisationer._index.tsx": page("/drift/organisationer", only("OPERATOR")),
  "drift.organisationer.$id.tsx": page("/drift/organisationer/{companyOrg}", only("OPERATOR")),
  "drift.brugere.tsx": page("/drift/brugere", only("OPERATOR")),
  "drift.taksonomi.tsx": page("/drift/taksonomi", only("OPERATOR")),

  // Integration API
  "api.v1.$.ts": api("/api/v1/findes-ikke", everyone(404)),
  "api.v1.vacancies.ts": api("/api/v1/vacancies", only("COMPANY")),
  "api.v1.vacancies.$id.ts": api("/api/v1/vacancies/{vacancy}", only("COMPANY"), { crossOrg: ["COMPANY"], write: "PATCH" }),
  "api.v1.vacancies.$id.close.ts": api("/api/v1/vacancies/{vacancy}/close", only("COMPANY"), { crossOrg: ["COMPANY"] }),
  "api.v1.vacancies.$id.matches.ts": api("/api/v1/vacancies/{vacancy}/matches", only("COMPANY", "JOBCENTRE"), { crossOrg: ["COMPANY", "JOBCENTRE"] }),
  "api.v1.candidates.ts": api("/api/v1/candidates", only("JOBCENTRE")),
  "api.v1.candidates.$id.ts": api("/api/v1/candidates/{candidate}", only("JOBCENTRE"), { crossOrg: ["JOBCENTRE"], write: "PATCH" }),
  "api.v1.candidates.$id.matches.ts": api("/api/v1/candidates/{candidate}/matches", only("JOBCENTRE"), { crossOrg: ["JOBCENTRE"] }),
  "api.v1.candidates.$id.consents.ts": api("/api/v1/candidates/{candidate}/consents", only("JOBCENTRE"), { crossOrg: ["JOBCENTRE"] }),
  "api.v1.candidates.$id.consents.$consentId.ts": api("/api/v1/candidates/{candidate}/consents/{consent}", only("JOBCENTRE"), {
    crossOrg: ["JOBCENTRE"],
    write: "DELETE",
  }),
  "api.v1.courses.ts": api("/api/v1/courses", only("INSTITUTION")),
  // The taxonomy is shared reference data: every organisation's token may look it up.
  "api.v1.skills.ts": api("/api/v1/skills?q=gaffeltruck", only("COMPANY", "JOBCENTRE", "INSTITUTION")),
  "api.v1.skills.$id.ts": api("/api/v1/skills/{skill}", only("COMPANY", "JOBCENTRE", "INSTITUTION")),
  "api.v1.occupations.ts": api("/api/v1/occupations?q=truckf%C3%B8rer", only("COMPANY", "JOBCENTRE", "INSTITUTION")),
  "api.v1.occupations.$id.ts": api("/api/v1/occupations/{occupation}", only("COMPANY", "JOBCENTRE", "INSTITUTION")),
  "api.v1.courses.$id.ts": api("/api/v1/courses/{course}", only("INSTITUTION"), { crossOrg: ["INSTITUTION"] }),
  "api.v1.courses.$id.offerings.ts": api("/api/v1/courses/{course}/offerings", only("INSTITUTION"), { crossOrg: ["INSTITUTION"] }),
};
