// Seeds the deterministic demo (see docs/decisions/004-geography-and-demo-data.md).
// Runs only on a database without organisations, writes everything in one
// transaction, and leaves search indexes and the outbox alone: the reindex
// builds the indexes from PostgreSQL afterwards.
import { hashPassword } from "~/modules/auth/password.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { insertSkillLinks } from "./bulk";
import { DEMO_PASSWORD } from "./demo-users";
import { assertPrerequisites, loadSeedInput } from "./inputs";
import { planDemo } from "./plan";
import type { SeedOptions } from "./types";

export { SeedPrerequisiteError } from "./inputs";

export interface SeedResult {
  seeded: boolean;
  counts: Record<string, number>;
}

const BATCH = 5_000;
const TRANSACTION = { timeout: 5 * 60_000, maxWait: 30_000 };

function todayUtc(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

async function inBatches<T>(rows: T[], write: (batch: T[]) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
  return rows.length;
}

export async function seedDemoData(
  db: PrismaClient,
  options: SeedOptions & { log?: (msg: string) => void; today?: Date } = {},
): Promise<SeedResult> {
  const log = options.log ?? (() => {});
  if ((await db.organisation.count()) > 0) {
    log("Organisations exist already: the demo seed leaves the database as it is.");
    return { seeded: false, counts: {} };
  }
  await assertPrerequisites(db);
  const input = await loadSeedInput(db, options.today ?? todayUtc());
  const plan = planDemo(input, options);
  const passwordHash = await hashPassword(DEMO_PASSWORD); // once: argon2id is slow on purpose

  const { organisations: o, vacancies: v, candidates: c, courses: k } = plan;
  const counts = await db.$transaction(async (tx) => {
    // Re-checked inside the transaction so two concurrent seeds cannot both write.
    await tx.$executeRaw`LOCK TABLE "Organisation" IN SHARE ROW EXCLUSIVE MODE`;
    if ((await tx.organisation.count()) > 0) return null;
    // Jobcentres first: companies point at them through servedById.
    const [parents, rest] = [o.organisations.filter((r) => !r.servedById), o.organisations.filter((r) => r.servedById)];
    await tx.organisation.createMany({ data: parents });
    await tx.organisation.createMany({ data: rest });
    return {
      organisations: o.organisations.length,
      users: await inBatches(o.users, (b) => tx.user.createMany({ data: b.map((u) => ({ ...u, passwordHash })) })),
      memberships: await inBatches(o.memberships, (b) => tx.membership.createMany({ data: b })),
      vacancies: await inBatches(v.vacancies, (b) => tx.vacancy.createMany({ data: b })),
      vacancySkills: await inBatches(v.skills, (b) => tx.vacancySkill.createMany({ data: b })),
      candidates: await inBatches(c.candidates, (b) => tx.candidate.createMany({ data: b })),
      candidateSkills: await insertSkillLinks(tx, "CandidateSkill", "candidateId", c.skills.map((r) => ({ owner: r.candidateId, skillId: r.skillId }))),
      consents: await inBatches(c.consents, (b) => tx.consent.createMany({ data: b })),
      courses: await inBatches(k.courses, (b) => tx.course.createMany({ data: b })),
      courseSkills: await inBatches(k.skills, (b) => tx.courseSkill.createMany({ data: b })),
      courseOfferings: await inBatches(k.offerings, (b) => tx.courseOffering.createMany({ data: b })),
    };
  }, TRANSACTION);
  if (!counts) {
    log("Another process seeded the database meanwhile: nothing written.");
    return { seeded: false, counts: {} };
  }
  log(Object.entries(counts).map(([name, n]) => `${name}: ${n}`).join(", "));
  return { seeded: true, counts };
}
