// Rows for the notification tests: a company with members, a consultant, and
// matches stored the way matching stores them (storeMatches).
import { randomBytes } from "node:crypto";
import type { Db } from "~/lib/db.server";
import { storeMatches } from "~/modules/matching/repository.server";
import type { MatchExplanation, ScoredMatch } from "~/modules/matching/types";
import { createCandidate, createOrganisations, createSkills, vacancyData } from "./search-fixtures";

const tag = () => randomBytes(4).toString("hex");

export async function createUser(db: Db, organisationId: string, options: { locale?: string; disabled?: boolean } = {}) {
  const t = tag();
  return db.user.create({
    data: {
      email: `user-${t}@example.dk`,
      name: `Bruger ${t}`,
      locale: options.locale ?? "da",
      disabledAt: options.disabled ? new Date() : null,
      memberships: { create: { organisationId } },
    },
  });
}

export async function createWorld(db: Db) {
  const orgs = await createOrganisations(db);
  const [skill] = await createSkills(db, 1);
  const companyUsers = [await createUser(db, orgs.company.id), await createUser(db, orgs.company.id, { locale: "en" })];
  const disabledUser = await createUser(db, orgs.company.id, { disabled: true });
  const consultant = await createUser(db, orgs.jobcentre.id);
  const candidate = await createCandidate(db, orgs.jobcentre.id, { skillIds: [skill.id] });
  await db.candidate.update({ where: { id: candidate.id }, data: { consultantId: consultant.id } });
  return { orgs, skill, companyUsers, disabledUser, consultant, candidate };
}

export function explanation(required: MatchExplanation["required"], upskilling: MatchExplanation["upskilling"] = []): MatchExplanation {
  return { required, niceToHave: [], distanceKm: 2, radiusKm: 25, availableFrom: "2027-01-01", startDate: "2027-03-01", upskilling };
}

/** A new vacancy of the company with one stored, new, current match. */
export async function createMatchedVacancy(db: Db, world: Awaited<ReturnType<typeof createWorld>>, title = `Svejser ${tag()}`) {
  const vacancy = await db.vacancy.create({
    data: { ...vacancyData(world.orgs.company.id, 0), title, skills: { create: { skillId: world.skill.id, requirement: "REQUIRED" } } },
  });
  const scored: ScoredMatch = {
    vacancyId: vacancy.id,
    candidateId: world.candidate.id,
    kind: "FULL",
    score: 0.9,
    explanation: explanation([{ skillId: world.skill.id, met: true }]),
  };
  await storeMatches(db, { scope: { vacancyId: vacancy.id }, runId: null, matches: [scored] });
  const match = await db.match.findUniqueOrThrow({ where: { vacancyId_candidateId: { vacancyId: vacancy.id, candidateId: world.candidate.id } } });
  return { vacancy, match };
}

