// Vacancy use cases for companies. Each write is one transaction that also
// writes the "vacancy.changed" outbox row, so search and matching follow within
// seconds and never see a change that was rolled back.
import type { Prisma } from "~/generated/prisma/client";
import type { VacancyStatus } from "~/generated/prisma/enums";
import { ConflictError, InvalidInputError, NotFoundError } from "~/lib/errors";
import { assertSkillsExist, collectInvalid, resolveOccupationId, resolvePostalCode, type Place } from "~/modules/references/references.server";
import { writeOutbox } from "~/lib/outbox/outbox.server";
import type { Db } from "~/lib/db.server";
import { toVacancyDto, type VacancyDto } from "./dto";
import { findVacancy, insertVacancy, listVacancies as listRows, lockVacancy, updateVacancyRow, type SkillSets } from "./repository.server";
import { skillOverlap, type VacancyCreateInput, type VacancyUpdateInput } from "./schema";

/** The organisation acting, and the person when there is one (portals; the API has none). */
export interface VacancyActor {
  organisationId: string;
  userId?: string | null;
}

export async function listVacancies(db: Db, actor: VacancyActor, filter: { status?: VacancyStatus } = {}): Promise<VacancyDto[]> {
  return (await listRows(db, actor.organisationId, filter)).map(toVacancyDto);
}

export async function getVacancy(db: Db, actor: VacancyActor, id: string): Promise<VacancyDto> {
  const row = await findVacancy(db, actor.organisationId, id);
  if (!row) throw new NotFoundError("Vacancy");
  return toVacancyDto(row);
}

async function checkReferences(
  tx: Prisma.TransactionClient,
  input: { postalCode?: string; occupationId?: string | null; requiredSkillIds?: string[]; niceToHaveSkillIds?: string[] },
): Promise<{ place: Place | null; occupationId: string | null | undefined }> {
  let place: Place | null = null;
  // undefined: not given (an update leaves it); null: cleared; otherwise our id, also when an ESCO URI was given.
  let occupationId: string | null | undefined = input.occupationId;
  const skillLists: Record<string, string[]> = {};
  if (input.requiredSkillIds) skillLists.requiredSkillIds = input.requiredSkillIds;
  if (input.niceToHaveSkillIds) skillLists.niceToHaveSkillIds = input.niceToHaveSkillIds;
  await collectInvalid([
    async () => {
      if (input.postalCode) place = await resolvePostalCode(tx, input.postalCode);
    },
    async () => {
      if (input.occupationId) occupationId = await resolveOccupationId(tx, input.occupationId);
    },
    () => assertSkillsExist(tx, skillLists),
  ]);
  return { place, occupationId };
}

export async function createVacancy(db: Db, actor: VacancyActor, input: VacancyCreateInput): Promise<VacancyDto> {
  return db.$transaction(async (tx) => {
    const { place: checkedPlace, occupationId } = await checkReferences(tx, input);
    const place = checkedPlace!;
    const row = await insertVacancy(
      tx,
      {
        organisationId: actor.organisationId,
        createdById: actor.userId ?? null,
        title: input.title,
        description: input.description ?? "",
        occupationId: occupationId ?? null,
        status: "OPEN",
        postalCode: place.postalCode,
        city: place.city,
        latitude: place.latitude,
        longitude: place.longitude,
        startDate: input.startDate,
        hoursPerWeek: input.hoursPerWeek,
        positions: input.positions,
        requiresDrivingLicence: input.requiresDrivingLicence,
        languages: input.languages ?? [],
        acceptsUpskilling: input.acceptsUpskilling,
        showNearMisses: input.showNearMisses,
      },
      { required: input.requiredSkillIds, niceToHave: input.niceToHaveSkillIds ?? [] },
    );
    await writeOutbox(tx, "vacancy.changed", row.id);
    return toVacancyDto(row);
  });
}

export async function updateVacancy(db: Db, actor: VacancyActor, id: string, input: VacancyUpdateInput): Promise<VacancyDto> {
  return db.$transaction(async (tx) => {
    if (!(await lockVacancy(tx, actor.organisationId, id))) throw new NotFoundError("Vacancy");
    const current = (await findVacancy(tx, actor.organisationId, id))!;
    if (current.status === "CLOSED") throw new ConflictError("A closed vacancy cannot be changed; post a new one");

    const { place, occupationId } = await checkReferences(tx, input);
    const skills = mergedSkills(current, input);
    const { status, requiredSkillIds: _r, niceToHaveSkillIds: _n, postalCode: _p, ...plain } = input;
    const data: Prisma.VacancyUncheckedUpdateManyInput = { ...plain };
    if (occupationId !== undefined) data.occupationId = occupationId;
    if (place) Object.assign(data, place);
    if (status) {
      data.status = status;
      if (status === "CLOSED") data.closedAt = new Date();
    }
    const row = await updateVacancyRow(tx, actor.organisationId, id, data, skills ?? undefined);
    await writeOutbox(tx, "vacancy.changed", id);
    return toVacancyDto(row);
  });
}

/** The skill sets after applying a partial update, or null when skills are untouched. */
function mergedSkills(current: { skills: { skillId: string; requirement: string }[] }, input: VacancyUpdateInput): SkillSets | null {
  if (!input.requiredSkillIds && !input.niceToHaveSkillIds) return null;
  const required = input.requiredSkillIds ?? current.skills.filter((s) => s.requirement === "REQUIRED").map((s) => s.skillId);
  let niceToHave = input.niceToHaveSkillIds ?? current.skills.filter((s) => s.requirement === "NICE_TO_HAVE").map((s) => s.skillId);
  if (input.niceToHaveSkillIds) {
    const overlap = skillOverlap(required, niceToHave);
    if (Object.keys(overlap).length) throw new InvalidInputError(overlap);
  } else {
    // Promoting a nice-to-have skill to required moves it rather than failing.
    const req = new Set(required);
    niceToHave = niceToHave.filter((s) => !req.has(s));
  }
  return { required, niceToHave };
}

/** Closing is final and idempotent: closing a closed vacancy changes nothing. */
export async function closeVacancy(db: Db, actor: VacancyActor, id: string): Promise<VacancyDto> {
  return db.$transaction(async (tx) => {
    if (!(await lockVacancy(tx, actor.organisationId, id))) throw new NotFoundError("Vacancy");
    const current = (await findVacancy(tx, actor.organisationId, id))!;
    if (current.status === "CLOSED") return toVacancyDto(current);
    const row = await updateVacancyRow(tx, actor.organisationId, id, { status: "CLOSED", closedAt: new Date() });
    await writeOutbox(tx, "vacancy.changed", id);
    return toVacancyDto(row);
  });
}
