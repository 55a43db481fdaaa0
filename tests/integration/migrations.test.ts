import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../setup/test-db";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext("migrations");
});
afterAll(async () => ctx?.cleanup());

describe("migrated database", () => {
  it("records the applied migrations like prisma migrate deploy", async () => {
    const rows = await ctx.db.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM "_prisma_migrations"`;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });

  it("refuses to change or delete audit events, whoever asks", async () => {
    await ctx.db.auditEvent.create({ data: { action: "READ", resource: "candidate", reason: "test" } });
    await expect(ctx.db.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(ctx.db.auditEvent.updateMany({ data: { reason: "changed" } })).rejects.toThrow(/append-only/);
    expect(await ctx.db.auditEvent.count()).toBe(1);
  });
});
