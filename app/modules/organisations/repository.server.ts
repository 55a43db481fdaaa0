// Prisma access for the operator's administration of organisations and user
// accounts. Operators work across tenants, so nothing here is scoped by
// organisation; only services behind the OPERATOR role call these.
import type { OrganisationKind, Prisma } from "~/generated/prisma/client";
import type { Db } from "~/lib/db.server";

type Client = Db | Prisma.TransactionClient;

const adminRowSelect = {
  id: true,
  kind: true,
  name: true,
  cvr: true,
  municipalityCode: true,
  street: true,
  postalCode: true,
  city: true,
  _count: { select: { memberships: true, vacancies: true, courses: true } },
} satisfies Prisma.OrganisationSelect;

export type AdminOrganisationRecord = Prisma.OrganisationGetPayload<{ select: typeof adminRowSelect }>;

/** Organisations (of one kind, or all) by kind and name, with how many users, vacancies and courses each has. */
export async function findOrganisationsWithCounts(db: Db, kind: OrganisationKind | undefined, take: number): Promise<AdminOrganisationRecord[]> {
  return db.organisation.findMany({
    where: kind ? { kind } : {},
    select: adminRowSelect,
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    take,
  });
}

/** Kinds that have organisations, with how many each. */
export async function countOrganisationsPerKind(db: Db): Promise<{ kind: OrganisationKind; count: number }[]> {
  const rows = await db.organisation.groupBy({ by: ["kind"], _count: { _all: true } });
  return rows.map((row) => ({ kind: row.kind, count: row._count._all }));
}

export async function findOrganisationForEdit(db: Db, id: string) {
  return db.organisation.findUnique({ where: { id }, select: { id: true, kind: true, name: true, cvr: true, municipalityCode: true, street: true, postalCode: true, city: true } });
}

export async function organisationExists(tx: Client, id: string): Promise<boolean> {
  return (await tx.organisation.count({ where: { id } })) > 0;
}

export async function cvrTaken(tx: Client, cvr: string): Promise<boolean> {
  return (await tx.organisation.count({ where: { cvr } })) > 0;
}

export async function municipalityExists(tx: Client, code: string): Promise<boolean> {
  return (await tx.municipality.findUnique({ where: { code }, select: { code: true } })) !== null;
}

/** Whether an organisation (a jobcentre: only they have one) already belongs to the municipality. */
export async function municipalityTaken(tx: Client, code: string): Promise<boolean> {
  return (await tx.organisation.count({ where: { municipalityCode: code } })) > 0;
}

/** The municipality a postal code lies in, when known. */
export async function findMunicipalityCodeOfPostalCode(tx: Client, postalCode: string): Promise<string | null> {
  const row = await tx.postalCode.findUnique({ where: { code: postalCode }, select: { municipalityCode: true } });
  return row?.municipalityCode ?? null;
}

export async function findJobcentreIdOfMunicipality(tx: Client, municipalityCode: string): Promise<string | null> {
  const row = await tx.organisation.findFirst({ where: { kind: "JOBCENTRE", municipalityCode }, select: { id: true } });
  return row?.id ?? null;
}

export interface OrganisationPlace {
  postalCode: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
}

export async function insertOrganisation(
  tx: Client,
  data: OrganisationPlace & { kind: OrganisationKind; name: string; cvr: string | null; municipalityCode: string | null; street: string | null; servedById: string | null },
): Promise<{ id: string }> {
  return tx.organisation.create({ data, select: { id: true } });
}

export async function updateOrganisationDetails(tx: Client, id: string, data: OrganisationPlace & { name: string; street: string | null }): Promise<void> {
  await tx.organisation.update({ where: { id }, data, select: { id: true } });
}
