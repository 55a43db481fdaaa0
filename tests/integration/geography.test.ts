import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importGeography } from "../../prisma/geography/import";
import { createTestContext, type TestContext } from "../setup/test-db";

const dataDir = path.resolve(process.env.JOBBRO_DATA_DIR ?? "../shared/data");

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext("geography");
});
afterAll(async () => ctx?.cleanup());

describe("importGeography", () => {
  it("imports every municipality and every ordinary postal code, all with coordinates", async () => {
    const logs: string[] = [];
    const result = await importGeography(ctx.db, { dataDir, log: (m) => logs.push(m) });
    expect(result).toEqual({ municipalities: 99, postalCodes: 1090, withCoordinates: 1090 });
    expect(await ctx.db.municipality.count()).toBe(99);
    expect(await ctx.db.postalCode.count({ where: { latitude: { not: null } } })).toBe(1090);
    expect(logs.join("\n")).toMatch(/\d+ by town name/);
    // Large-volume recipient codes are skipped (0800 Høje Taastrup is one).
    expect(await ctx.db.postalCode.findUnique({ where: { code: "0800" } })).toBeNull();

    const aarhus = await ctx.db.postalCode.findUniqueOrThrow({ where: { code: "8000" } });
    expect(aarhus).toMatchObject({ name: "Aarhus C", municipalityCode: "0751" });
    expect(aarhus.latitude).toBeCloseTo(56.16, 1);
    // Shared between municipalities in PostNord's list; filed under the one it is named after.
    expect((await ctx.db.postalCode.findUniqueOrThrow({ where: { code: "2000" } })).municipalityCode).toBe("0147");
  });

  it("is idempotent", async () => {
    const before = await ctx.db.postalCode.findMany({ orderBy: { code: "asc" } });
    await importGeography(ctx.db, { dataDir });
    expect(await ctx.db.postalCode.findMany({ orderBy: { code: "asc" } })).toEqual(before);
    expect(await ctx.db.municipality.count()).toBe(99);
  });

  it("rejects a malformed file with file and line, and writes nothing", async () => {
    const broken = await mkdtemp(path.join(os.tmpdir(), "jobbro-geo-"));
    try {
      await cp(path.join(dataDir, "danish"), path.join(broken, "danish"), { recursive: true });
      const file = path.join(broken, "danish", "dawa_postnumre.csv");
      const lines = (await readFile(file, "utf8")).split("\n");
      lines[4] = "80X0;Aarhus Ø;false";
      await writeFile(file, lines.join("\n"));
      await ctx.db.postalCode.update({ where: { code: "8000" }, data: { name: "Changed" } });
      await expect(importGeography(ctx.db, { dataDir: broken })).rejects.toThrow(/dawa_postnumre\.csv:5: postnr "80X0"/);
      expect((await ctx.db.postalCode.findUniqueOrThrow({ where: { code: "8000" } })).name).toBe("Changed");
    } finally {
      await rm(broken, { recursive: true, force: true });
    }
  });
});
