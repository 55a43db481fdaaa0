// The audit log is append-only in PostgreSQL itself, not only in code: through
// the application's own connection UPDATE, DELETE and TRUNCATE fail (also in
// replica mode, which skips ordinary triggers), and the application role
// jobbro_app holds only SELECT and INSERT on it
// (prisma/migrations/20261123160000_audit_hardening, ADR 016).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/lib/db.server";
import { createTestContext, type TestContext } from "../../setup/test-db";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext("auditlog");
});
afterAll(async () => ctx?.cleanup());

async function seedEvents() {
  await getDb().auditEvent.create({ data: { candidateId: "c1", actorOrgId: "o1", action: "READ", resource: "candidate", reason: "test" } });
  return getDb().auditEvent.count();
}

describe("the application's connection", () => {
  it("can insert and read audit events", async () => {
    expect(await seedEvents()).toBeGreaterThan(0);
  });

  it.each([
    ["UPDATE", `UPDATE "AuditEvent" SET "reason" = 'changed'`],
    ["DELETE", `DELETE FROM "AuditEvent"`],
    ["TRUNCATE", `TRUNCATE "AuditEvent"`],
    ["TRUNCATE … CASCADE", `TRUNCATE "AuditEvent" CASCADE`],
  ])("refuses %s", async (_label, sql) => {
    const before = await seedEvents();
    await expect(getDb().$executeRawUnsafe(sql)).rejects.toThrow(/append-only|permission denied/);
    expect(await getDb().auditEvent.count()).toBe(before);
  });

  it("refuses them through Prisma's own methods too", async () => {
    const before = await seedEvents();
    await expect(getDb().auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(getDb().auditEvent.updateMany({ data: { reason: "x" } })).rejects.toThrow(/append-only/);
    expect(await getDb().auditEvent.count()).toBe(before);
  });

  it("keeps refusing in replica mode, where ordinary triggers do not fire", async () => {
    const before = await seedEvents();
    await expect(
      getDb().$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`);
        await tx.$executeRawUnsafe(`DELETE FROM "AuditEvent"`);
      }),
    ).rejects.toThrow(/append-only/);
    expect(await getDb().auditEvent.count()).toBe(before);
  });
});

describe("the application role jobbro_app", () => {
  it("exists with only SELECT and INSERT on AuditEvent, and ordinary rights elsewhere", async () => {
    const [row] = await getDb().$queryRaw<Record<string, boolean>[]>`
      SELECT has_table_privilege('jobbro_app', '"AuditEvent"', 'SELECT') AS "select",
             has_table_privilege('jobbro_app', '"AuditEvent"', 'INSERT') AS "insert",
             has_table_privilege('jobbro_app', '"AuditEvent"', 'UPDATE') AS "update",
             has_table_privilege('jobbro_app', '"AuditEvent"', 'DELETE') AS "delete",
             has_table_privilege('jobbro_app', '"AuditEvent"', 'TRUNCATE') AS "truncate",
             has_table_privilege('jobbro_app', '"Candidate"', 'DELETE') AS "candidateDelete"`;
    expect(row).toEqual({ select: true, insert: true, update: false, delete: false, truncate: false, candidateDelete: true });
  });

  it("is refused UPDATE, DELETE and TRUNCATE by privileges, even with the triggers out of the way", async () => {
    const before = await seedEvents();
    for (const sql of [`UPDATE "AuditEvent" SET "reason" = 'x'`, `DELETE FROM "AuditEvent"`, `TRUNCATE "AuditEvent"`]) {
      await expect(
        getDb().$transaction(async (tx) => {
          // Rolled back with the transaction: the triggers are disabled only inside it.
          await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER USER`);
          await tx.$executeRawUnsafe(`SET LOCAL ROLE jobbro_app`);
          await tx.$executeRawUnsafe(sql);
        }),
        sql,
      ).rejects.toThrow(/permission denied/);
    }
    await getDb().$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL ROLE jobbro_app`);
      await tx.$executeRawUnsafe(`INSERT INTO "AuditEvent" ("action", "resource", "reason") VALUES ('READ', 'candidate', 'as jobbro_app')`);
    });
    expect(await getDb().auditEvent.count()).toBe(before + 1);
    const triggers = await getDb().$queryRaw<{ tgname: string; tgenabled: string }[]>`
      SELECT tgname::text AS tgname, tgenabled::text AS tgenabled FROM pg_trigger WHERE tgrelid = '"AuditEvent"'::regclass AND NOT tgisinternal ORDER BY tgname`;
    expect(triggers).toEqual([
      { tgname: "AuditEvent_no_truncate", tgenabled: "A" },
      { tgname: "AuditEvent_no_update_or_delete", tgenabled: "A" },
    ]);
  });
});
