// Where each kind of organisation works in Jobbro.
import type { OrganisationKind } from "~/generated/prisma/enums";

export const HOME_PATHS: Record<OrganisationKind, string> = {
  COMPANY: "/virksomhed",
  JOBCENTRE: "/jobcenter",
  INSTITUTION: "/uddannelse",
  OPERATOR: "/drift",
};

export function homePathFor(kind: OrganisationKind): string {
  return HOME_PATHS[kind];
}

/**
 * A redirect target taken from a query string or form, accepted only when it is
 * a path on this site: "//evil.example" and "https://…" would be open redirects.
 */
export function safeRedirectPath(value: unknown): string | null {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return null;
  return value;
}
