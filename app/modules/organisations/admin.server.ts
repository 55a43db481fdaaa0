// The operator's administration of organisations. Operators work across tenants,
// so these queries are deliberately not scoped by organisation; only routes that
// require the OPERATOR role call them.
import type { ParseKeys } from "i18next";
import type { Prisma } from "~/generated/prisma/client";
import type { OrganisationKind } from "~/generated/prisma/enums";
import { InvalidInputError } from "~/lib/errors";
import type { Db } from "~/lib/db.server";
import type { OrganisationCreateInput, OrganisationUpdateInput } from "./forms";

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
  const rows = await db.organisation.findMany({
    where: kind ? { kind } : {},
    select: {
      id: true,
      kind: true,
      name: true,
      cvr: true,
      municipalityCode: true,
      street: true,
      postalCode: true,
      city: true,
      _count: { select: { memberships: true, vacancies: true, courses: true } },
    },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    take: ADMIN_LIST_LIMIT,
  });
  return rows.map(({ _count, ...row }) => ({ ...row, users: _count.memberships, vacancies: _count.vacancies, courses: _count.courses }));
}

export async function countByKind(db: Db): Promise<Record<OrganisationKind, number>> {
  const rows = await db.organisation.groupBy({ by: ["kind"], _count: { _all: true } });
  const counts: Record<OrganisationKind, number> = { COMPANY: 0, JOBCENTRE: 0, INSTITUTION: 0, OPERATOR: 0 };
  for (const row of rows) counts[row.kind] = row._count._all;
  return counts;
}

export async function findOrganisation(db: Db, id: string) {
  return db.organisation.findUnique({ where: { id }, select: { id: true, kind: true, name: true, cvr: true, municipalityCode: true, street: true, postalCode: true, city: true } });
}

async function placeOf(tx: Tx, code: string | undefined) {
  if (!code) return { postalCode: null, city: null, latitude: null, longitude: null };
  const row = await tx.postalCode.findUnique({ where: { code }, select: { code: true, name: true, latitude: true, longitude: true } });
  if (!row) throw new InvalidInputError({ postalCode: key("forms.unknownPostalCode") });
  return { postalCode: row.code, city: row.name, latitude: row.latitude, longitude: row.longitude };
}

/** Field errors are translation keys (the portal shows them at the field). */
export async function createOrganisation(db: Db, input: OrganisationCreateInput): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const errors: Record<string, string> = {};
    if (input.cvr && (await tx.organisation.count({ where: { cvr: input.cvr } }))) errors.cvr = key("operator.errors.cvrTaken");
    if (input.municipalityCode) {
      const municipality = await tx.municipality.findUnique({ where: { code: input.municipalityCode }, select: { code: true } });
      if (!municipality) errors.municipalityCode = key("operator.errors.municipalityUnknown");
      else if (await tx.organisation.count({ where: { municipalityCode: input.municipalityCode } })) errors.municipalityCode = key("operator.errors.municipalityTaken");
    }
    if (Object.keys(errors).length) throw new InvalidInputError(errors);
    const place = await placeOf(tx, input.postalCode);
    // A new company is served by the jobcentre of its municipality, when there is one.
    const servedById =
      input.kind === "COMPANY" && place.postalCode
        ? ((await tx.organisation.findFirst({
            where: { kind: "JOBCENTRE", municipalityCode: (await tx.postalCode.findUnique({ where: { code: place.postalCode }, select: { municipalityCode: true } }))?.municipalityCode ?? "-" },
            select: { id: true },
          }))?.id ?? null)
        : null;
    return tx.organisation.create({
      data: {
        kind: input.kind,
        name: input.name,
        cvr: input.cvr ?? null,
        municipalityCode: input.municipalityCode ?? null,
        street: input.street || null,
        servedById,
        ...place,
      },
      select: { id: true },
    });
  });
}

export async function updateOrganisation(db: Db, id: string, input: OrganisationUpdateInput): Promise<boolean> {
  return db.$transaction(async (tx) => {
    if (!(await tx.organisation.count({ where: { id } }))) return false;
    const place = await placeOf(tx, input.postalCode);
    await tx.organisation.update({ where: { id }, data: { name: input.name, street: input.street || null, ...place }, select: { id: true } });
    return true;
  });
}
