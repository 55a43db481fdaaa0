// Test rows for the search and worker tests, inserted with Prisma (the seed is
// someone else's and may change). Every candidate carries a name, e-mail and
// phone that are easy to look for in the index.
import { randomBytes } from "node:crypto";
import type { Db } from "~/lib/db.server";
import { writeOutbox } from "~/lib/outbox/outbox.server";

const tag = () => randomBytes(4).toString("hex");

export async function createOrganisations(db: Db) {
  const company = await db.organisation.create({ data: { kind: "COMPANY", name: `Firma ${tag()}`, postalCode: "8000" } });
  const jobcentre = await db.organisation.create({ data: { kind: "JOBCENTRE", name: `Jobcenter ${tag()}`, municipalityCode: String(1000 + Math.floor(Math.random() * 8999)) } });
  const institution = await db.organisation.create({ data: { kind: "INSTITUTION", name: `AMU ${tag()}` } });
  return { company, jobcentre, institution };
}

export async function createSkills(db: Db, count: number) {
  const skills = [];
  for (let i = 0; i < count; i++) {
    skills.push(
      await db.skill.create({
        data: { key: `test-skill-${tag()}-${i}`, labelEn: `welding ${i}`, labelDa: `svejsning ${i}`, altLabelsEn: [], altLabelsDa: [] },
      }),
    );
  }
  return skills;
}

export function vacancyData(organisationId: string, i: number) {
  return {
    organisationId,
    title: `Svejser til værksted ${i}`,
    postalCode: "8000",
    latitude: 56.15,
    longitude: 10.21,
    startDate: new Date("2027-03-01"),
    languages: ["da"],
  };
}

/** A vacancy written the way the app must write it: row and outbox event in one transaction. */
export async function createVacancyWithOutbox(db: Db, organisationId: string, skillIds: { required: string[]; nice: string[] }, i = 0) {
  return db.$transaction(async (tx) => {
    const vacancy = await tx.vacancy.create({
      data: {
        ...vacancyData(organisationId, i),
        skills: {
          create: [
            ...skillIds.required.map((skillId) => ({ skillId, requirement: "REQUIRED" as const })),
            ...skillIds.nice.map((skillId) => ({ skillId, requirement: "NICE_TO_HAVE" as const })),
          ],
        },
      },
    });
    await writeOutbox(tx, "vacancy.changed", vacancy.id);
    return vacancy;
  });
}

export interface CandidateOptions {
  consent?: boolean;
  status?: "ACTIVE" | "INACTIVE" | "EMPLOYED";
  skillIds?: string[];
  outbox?: boolean;
}

export async function createCandidate(db: Db, jobcentreId: string, options: CandidateOptions = {}) {
  const t = tag();
  return db.$transaction(async (tx) => {
    const candidate = await tx.candidate.create({
      data: {
        jobcentreId,
        pseudonym: `Kandidat-${t}`,
        firstName: `Fornavn${t}`,
        lastName: `Efternavn${t}`,
        email: `person-${t}@example.dk`,
        phone: `+45 2${t.slice(0, 7).replace(/[a-f]/g, "1")}`,
        postalCode: "8000",
        latitude: 56.16,
        longitude: 10.2,
        availableFrom: new Date("2027-01-01"),
        status: options.status ?? "ACTIVE",
        languages: ["da", "en"],
        skills: { create: (options.skillIds ?? []).map((skillId) => ({ skillId })) },
        consents: options.consent === false ? undefined : { create: { purpose: "MATCHING", channel: "IN_PERSON" } },
      },
    });
    if (options.outbox) await writeOutbox(tx, "candidate.changed", candidate.id);
    return candidate;
  });
}
