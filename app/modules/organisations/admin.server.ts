// The operator's administration of organisations. Operators work across tenants,
// so these queries are deliberately not scoped by organisation; only routes that
// require the OPERATOR role call them.
import type { ParseKeys } from "i18next";
import type { Prisma } from "~/generated/prisma/client";
import type { OrganisationKind } from "~/generated/prisma/enums";
import { InvalidInputError } from "~/lib/errors";
import type { Db } from "~/lib/db.server";
import { findPostalCode } from "~/modules/references/repository.server";
import type { OrganisationCreateInput, OrganisationUpdateInput } from "./forms";
import {
  countOrganisationsPerKind,
  cvrTaken,
  findJobcentreIdOfMunicipality,
  findMunicipalityCodeOfPostalCode,
  findOrganisationForEdit,
  findOrganisationsWithCounts,
  insertOrganisation,
  municipalityExists,
  municipalityTaken,
  organisationExists,
  updateOrganisationDetails,
  type OrganisationPlace,
} from "./repository.server";

type Tx = Prisma.TransactionClient;
const key = (k: ParseKeys) => k;

export interface AdminOrganisationRow {
  id: string;
  kind: OrganisationKind;
  name: string;
  cvr: string | null;
  municipalityCode: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  users: number;
  vacancies: number;
  courses: number;
}

export const ADMIN_LIST_LIMIT = 500;

export async function listOrganisations(db: Db, kind?: OrganisationKind): Promise<AdminOrganisationRow[]> {
  const rows = await findOrganisationsWithCounts(db, kind, ADMIN_LIST_LIMIT);
  return rows.map(({ _count, ...row }) => ({ ...row, users: _count.memberships, vacancies: _count.vacancies, courses: _count.courses }));
}

export async function countByKind(db: Db): Promise<Record<OrganisationKind, number>> {
  const counts: Record<OrganisationKind, number> = { COMPANY: 0, JOBCENTRE: 0, INSTITUTION: 0, OPERATOR: 0 };
  for (const row of await countOrganisationsPerKind(db)) counts[row.kind] = row.count;
  return counts;
}

export async function findOrganisation(db: Db, id: string) {
  return findOrganisationForEdit(db, id);
}

async function placeOf(tx: Tx, code: string | undefined): Promise<OrganisationPlace> {
  if (!code) return { postalCode: null, city: null, latitude: null, longitude: null };
  const row = await findPostalCode(tx, code);
  if (!row) throw new InvalidInputError({ postalCode: key("forms.unknownPostalCode") });
  return { postalCode: row.code, city: row.name, latitude: row.latitude, longitude: row.longitude };
}

/** Field errors are translation keys (the portal shows them at the field). */
export async function createOrganisation(db: Db, input: OrganisationCreateInput): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const errors: Record<string, string> = {};
    if (input.cvr && (await cvrTaken(tx, input.cvr))) errors.cvr = key("operator.errors.cvrTaken");
    if (input.municipalityCode) {
      if (!(await municipalityExists(tx, input.municipalityCode))) errors.municipalityCode = key("operator.errors.municipalityUnknown");
      else if (await municipalityTaken(tx, input.municipalityCode)) errors.municipalityCode = key("operator.errors.municipalityTaken");
    }
    if (Object.keys(errors).length) throw new InvalidInputError(errors);
    const place = await placeOf(tx, input.postalCode);
    // A new company is served by the jobcentre of its municipality, when there is one.
    // "-" names no municipality: a postal code without one finds no jobcentre.
    const servedById =
      input.kind === "COMPANY" && place.postalCode
        ? await findJobcentreIdOfMunicipality(tx, (await findMunicipalityCodeOfPostalCode(tx, place.postalCode)) ?? "-")
        : null;
    return insertOrganisation(tx, {
      kind: input.kind,
      name: input.name,
      cvr: input.cvr ?? null,
      municipalityCode: input.municipalityCode ?? null,
      street: input.street || null,
      servedById,
      ...place,
    });
  });
}

export async function updateOrganisation(db: Db, id: string, input: OrganisationUpdateInput): Promise<boolean> {
  return db.$transaction(async (tx) => {
    if (!(await organisationExists(tx, id))) return false;
    const place = await placeOf(tx, input.postalCode);
    await updateOrganisationDetails(tx, id, { name: input.name, street: input.street || null, ...place });
    return true;
  });
}
