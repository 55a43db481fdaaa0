// The only Prisma access for vacancies; every query is scoped by the owning
// organisation, so another organisation's vacancy is simply "not found".
import type { Prisma } from "~/generated/prisma/client";
import type { VacancyStatus } from "~/generated/prisma/enums";
import type { Db } from "~/lib/db.server";

type Client = Db | Prisma.TransactionClient;

export const vacancySelect = {
  id: true,
  organisationId: true,
  status: true,
  title: true,
  description: true,
  occupationId: true,
  postalCode: true,
  city: true,
  latitude: true,
  longitude: true,
  startDate: true,
  hoursPerWeek: true,
  positions: true,
  requiresDrivingLicence: true,
  languages: true,
  acceptsUpskilling: true,
  showNearMisses: true,
  createdAt: true,
  updatedAt: true,
  closedAt: true,
  skills: {
    select: { skillId: true, requirement: true, skill: { select: { labelEn: true, labelDa: true } } },
    orderBy: { skillId: "asc" },
  },
} satisfies Prisma.VacancySelect;

export type VacancyRow = Prisma.VacancyGetPayload<{ select: typeof vacancySelect }>;

export async function findVacancy(db: Client, organisationId: string, id: string): Promise<VacancyRow | null> {
  return db.vacancy.findFirst({ where: { id, organisationId }, select: vacancySelect });
}

export async function listVacancies(db: Client, organisationId: string, filter: { status?: VacancyStatus } = {}): Promise<VacancyRow[]> {
  return db.vacancy.findMany({
    where: { organisationId, ...(filter.status ? { status: filter.status } : {}) },
    select: vacancySelect,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 500,
  });
}

export interface SkillSets {
  required: string[];
  niceToHave: string[];
}

function skillRows(skills: SkillSets) {
  return [
    ...skills.required.map((skillId) => ({ skillId, requirement: "REQUIRED" as const })),
    ...skills.niceToHave.map((skillId) => ({ skillId, requirement: "NICE_TO_HAVE" as const })),
  ];
}

export async function insertVacancy(
  tx: Prisma.TransactionClient,
  data: Omit<Prisma.VacancyUncheckedCreateInput, "skills">,
  skills: SkillSets,
): Promise<VacancyRow> {
  return tx.vacancy.create({ data: { ...data, skills: { create: skillRows(skills) } }, select: vacancySelect });
}

/** Updates a vacancy the organisation owns; `skills` replaces every skill link when given. */
export async function updateVacancyRow(
  tx: Prisma.TransactionClient,
  organisationId: string,
  id: string,
  data: Prisma.VacancyUncheckedUpdateManyInput,
  skills?: SkillSets,
): Promise<VacancyRow> {
  // Scoped first: update() by id alone would touch any organisation's row.
  const { count } = await tx.vacancy.updateMany({ where: { id, organisationId }, data });
  if (count !== 1) throw new Error(`Vacancy ${id} vanished during update`);
  if (skills) {
    await tx.vacancySkill.deleteMany({ where: { vacancyId: id } });
    await tx.vacancySkill.createMany({ data: skillRows(skills).map((s) => ({ ...s, vacancyId: id })) });
  }
  return (await findVacancy(tx, organisationId, id))!;
}

/** Row lock for read-modify-write of one vacancy, so two PATCHes cannot interleave. */
export async function lockVacancy(tx: Prisma.TransactionClient, organisationId: string, id: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Vacancy" WHERE "id" = ${id} AND "organisationId" = ${organisationId} FOR UPDATE`;
  return rows.length === 1;
}
