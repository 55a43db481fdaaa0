// The main menu of each portal: one list per kind of organisation. Paths are the
// portals' routes (app/routes); labels are keys under "nav" in the translations.
import type { OrganisationKind } from "~/generated/prisma/enums";

export interface NavItem {
  to: string;
  label:
    | "nav.overview"
    | "nav.vacancies"
    | "nav.newVacancy"
    | "nav.requests"
    | "nav.colleagues"
    | "nav.candidates"
    | "nav.vacancySearch"
    | "nav.inbox"
    | "nav.outcomes"
    | "nav.courses"
    | "nav.import"
    | "nav.demand"
    | "nav.organisations"
    | "nav.users"
    | "nav.taxonomy"
    | "nav.runs"
    | "nav.maintenance"
    | "nav.queues"
    | "nav.notifications";
  /** Full page load (e.g. Bull Board is not a Remix route). */
  reloadDocument?: boolean;
}

export const NAVIGATION: Record<OrganisationKind, NavItem[]> = {
  COMPANY: [
    { to: "/virksomhed", label: "nav.overview" },
    { to: "/virksomhed/stillinger/ny", label: "nav.newVacancy" },
    { to: "/virksomhed/anmodninger", label: "nav.requests" },
    { to: "/virksomhed/kolleger", label: "nav.colleagues" },
    { to: "/meddelelser", label: "nav.notifications" },
  ],
  JOBCENTRE: [
    { to: "/jobcenter", label: "nav.overview" },
    { to: "/jobcenter/kandidater", label: "nav.candidates" },
    { to: "/jobcenter/stillinger", label: "nav.vacancySearch" },
    { to: "/jobcenter/henvendelser", label: "nav.inbox" },
    { to: "/jobcenter/resultater", label: "nav.outcomes" },
    { to: "/meddelelser", label: "nav.notifications" },
  ],
  INSTITUTION: [
    { to: "/uddannelse", label: "nav.overview" },
    { to: "/uddannelse/kurser", label: "nav.courses" },
    { to: "/uddannelse/import", label: "nav.import" },
    { to: "/uddannelse/efterspoergsel", label: "nav.demand" },
    { to: "/meddelelser", label: "nav.notifications" },
  ],
  OPERATOR: [
    { to: "/drift", label: "nav.overview" },
    { to: "/drift/organisationer", label: "nav.organisations" },
    { to: "/drift/brugere", label: "nav.users" },
    { to: "/drift/taksonomi", label: "nav.taxonomy" },
    { to: "/drift/koersler", label: "nav.runs" },
    { to: "/drift/vedligehold", label: "nav.maintenance" },
    { to: "/admin/queues", label: "nav.queues", reloadDocument: true },
  ],
};
