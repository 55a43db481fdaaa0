import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "~/modules/auth/password.server";
import { isValidCvr } from "~/modules/organisations/cvr";
import { importGeography } from "../../prisma/geography/import";
import { DEMO_PASSWORD, DEMO_USERS } from "../../prisma/seed/demo-users";
import { seedDemoData } from "../../prisma/seed/seed";
import { createTestContext, type TestContext } from "../setup/test-db";

const dataDir = path.resolve(process.env.JOBBRO_DATA_DIR ?? "../shared/data");

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext("seed");
});
afterAll(async () => ctx?.cleanup());

/** A tiny taxonomy: 12 occupations with 8 essential and 4 optional skills each. */
async function insertTinyTaxonomy(): Promise<void> {
  const db = ctx.db;
  await db.occupationGroup.create({ data: { code: "7115", level: 4, titleDa: "Tømrer- og bygningssnedkerarbejde" } });
  for (let i = 0; i < 12; i++) {
    const skills = await Promise.all(
      Array.from({ length: 12 }, (_, k) =>
        db.skill.create({ data: { key: `test-skill-${i}-${k}`, labelEn: `test skill ${i}-${k}` } }),
      ),
    );
    await db.occupation.create({
      data: {
        escoUri: `http://example.test/occupation/${i}`,
        labelEn: `test occupation ${i}`,
        iscoCode: "7115",
        skills: { create: skills.map((s, k) => ({ skillId: s.id, relation: k < 8 ? "ESSENTIAL" : "OPTIONAL" })) },
      },
    });
  }
}

describe("seedDemoData", () => {
  it("refuses to run before the taxonomy and geography are imported, naming the commands", async () => {
    await expect(seedDemoData(ctx.db)).rejects.toThrow(/npm run taxonomy:import.*npm run geography:import/);
    expect(await ctx.db.organisation.count()).toBe(0);
  });

  it("seeds a small demo population that is complete and consistent", async () => {
    await importGeography(ctx.db, { dataDir });
    await insertTinyTaxonomy();
    const result = await seedDemoData(ctx.db, { scale: 0.05 });
    expect(result.seeded).toBe(true);
    expect(result.counts).toMatchObject({ organisations: 9, vacancies: 10, candidates: 100, courses: 4, courseOfferings: 8 });
    expect(await ctx.db.candidate.count({ where: { status: "ACTIVE" } })).toBe(100);
    expect(await ctx.db.vacancy.count({ where: { status: "OPEN" } })).toBe(10);

    const companies = await ctx.db.organisation.findMany({ where: { kind: "COMPANY" }, include: { servedBy: true } });
    expect(companies).toHaveLength(3);
    for (const company of companies) {
      expect(isValidCvr(company.cvr!)).toBe(true);
      const postal = await ctx.db.postalCode.findUniqueOrThrow({ where: { code: company.postalCode! } });
      expect(company.servedBy?.municipalityCode).toBe(postal.municipalityCode);
    }

    const candidates = await ctx.db.candidate.findMany({ include: { skills: true, consents: true } });
    const postal = new Map((await ctx.db.postalCode.findMany()).map((p) => [p.code, p]));
    for (const c of candidates) {
      expect(postal.get(c.postalCode)).toMatchObject({ latitude: c.latitude, longitude: c.longitude });
      expect(c.skills.length).toBeGreaterThan(0);
      expect(c.consents.some((x) => x.purpose === "MATCHING" && !x.withdrawnAt)).toBe(true);
      expect(c.consultantId).not.toBeNull();
    }
    const vacancies = await ctx.db.vacancy.findMany({ include: { skills: true } });
    for (const v of vacancies) {
      expect(postal.get(v.postalCode)).toMatchObject({ latitude: v.latitude, longitude: v.longitude });
      expect(v.skills.filter((s) => s.requirement === "REQUIRED").length).toBeGreaterThanOrEqual(3);
    }
    const offerings = await ctx.db.courseOffering.findMany();
    expect(offerings.filter((o) => !o.online).every((o) => o.latitude !== null && o.longitude !== null)).toBe(true);
    expect(await ctx.db.outboxEvent.count()).toBe(0);
  });

  it("creates every demo user with the demo password and an ADMIN membership", async () => {
    for (const demo of DEMO_USERS) {
      const user = await ctx.db.user.findUniqueOrThrow({
        where: { email: demo.email },
        include: { memberships: { include: { organisation: true } } },
      });
      expect(user.memberships).toHaveLength(1);
      expect(user.memberships[0]).toMatchObject({ role: "ADMIN", organisation: { name: demo.organisation } });
      expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    }
    const one = await ctx.db.user.findUniqueOrThrow({ where: { email: DEMO_USERS[0].email } });
    expect(await verifyPassword(one.passwordHash!, DEMO_PASSWORD)).toBe(true);
  });

  it("does nothing the second time", async () => {
    const before = await ctx.db.candidate.count();
    expect(await seedDemoData(ctx.db, { scale: 0.05 })).toEqual({ seeded: false, counts: {} });
    expect(await ctx.db.candidate.count()).toBe(before);
    expect(await ctx.db.organisation.count()).toBe(9);
  });
});
