// The operator's view of all organisations. Operators work across tenants, so
// this is deliberately not scoped by organisation; the route allows OPERATOR only.
import type { Db } from "~/lib/db.server";
import { OrganisationKind } from "~/generated/prisma/enums";
import { countOrganisationsOfKind, findOrganisationsOfKindWithMemberCounts } from "./repository.server";

export interface OrganisationRow {
  id: string;
  name: string;
  members: number;
}

export interface OrganisationGroup {
  kind: OrganisationKind;
  count: number;
  organisations: OrganisationRow[];
}

/** How many organisations of each kind are listed by name; the count is always the full one. */
export const ORGANISATIONS_LISTED_PER_KIND = 50;

export async function listOrganisationsByKind(db: Db): Promise<OrganisationGroup[]> {
  const kinds = Object.values(OrganisationKind);
  return Promise.all(
    kinds.map(async (kind) => {
      const [count, organisations] = await Promise.all([
        countOrganisationsOfKind(db, kind),
        findOrganisationsOfKindWithMemberCounts(db, kind, ORGANISATIONS_LISTED_PER_KIND),
      ]);
      return {
        kind,
        count,
        organisations: organisations.map(({ _count, ...o }) => ({ ...o, members: _count.memberships })),
      };
    }),
  );
}
