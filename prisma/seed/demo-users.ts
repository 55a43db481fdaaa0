/**
 * Demo accounts created by `npm run db:seed`. Shared with the login end-to-end
 * tests and the dev orchestrator (which prints them), so keep this file free of
 * imports: it must be loadable from anywhere without touching the database.
 */
export const DEMO_PASSWORD = "Jobbro-demo-2026";

export type DemoUserRole = "company" | "consultant" | "institution" | "operator";

export interface DemoUser {
  email: string;
  name: string;
  role: DemoUserRole;
  /** Name of the seeded organisation the user belongs to. */
  organisation: string;
}

export const DEMO_USERS: DemoUser[] = [
  { email: "virksomhed@jobbro.demo", name: "Mette Virksomhed", role: "company", organisation: "Nordlys Byg ApS" },
  { email: "konsulent.aarhus@jobbro.demo", name: "Lars Konsulent", role: "consultant", organisation: "Jobcenter Aarhus" },
  { email: "konsulent.aalborg@jobbro.demo", name: "Sofie Konsulent", role: "consultant", organisation: "Jobcenter Aalborg" },
  { email: "konsulent.odense@jobbro.demo", name: "Peter Konsulent", role: "consultant", organisation: "Jobcenter Odense" },
  { email: "uddannelse@jobbro.demo", name: "Anne Uddannelse", role: "institution", organisation: "AMU Nordjylland" },
  { email: "drift@jobbro.demo", name: "Jonas Drift", role: "operator", organisation: "Jobbro Drift" },
];
